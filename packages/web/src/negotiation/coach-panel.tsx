/**
 * The coach beside each stage, all from core's playbooks: whether the method fits, the moves for
 * this stage, advice for you alone, the words to use (filled from what may be shared), a call
 * script, the timeline, and the linter's findings on the plan and journal.
 */
import { type CoachReport, coach, lintNegotiation, locateFindings, type Stage } from '@parley/core'
import { useMemo } from 'react'
import { PrivateMark } from '../ui/controls'
import type { NegotiationModel } from './model'

/** A playbook line as a sentence: one full stop at the end, whether or not it has one already. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

export function useCoach(model: NegotiationModel, stage: Stage): CoachReport {
  return useMemo(
    () => coach(model.space, model.journal, { stage }, model.derived),
    [model.space, model.journal, model.derived, stage],
  )
}

export function CoachPanel({ model, stage }: { model: NegotiationModel; stage: Stage }) {
  const report = useCoach(model, stage)
  const findings = useMemo(
    () =>
      locateFindings(lintNegotiation(model.space, model.journal, model.derived), {
        plan: { name: 'plan' },
        journal: { name: 'journal' },
      }),
    [model.space, model.journal, model.derived],
  )
  const order = { error: 0, warning: 1, info: 2 }
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity])
  return (
    <div className="coach-panel">
      <h2>Coach</h2>
      {report.applicability.length > 0 ? (
        <section aria-label="Does the method fit?">
          <h3>Does the method fit?</h3>
          <ul>
            {report.applicability.map((note) => (
              <li key={note.id}>{note.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <details open>
        <summary>Moves for this stage</summary>
        <ul className="moves">
          {report.moves.map((move) => (
            <li key={move.id}>
              <strong>{move.title}</strong> — {move.when}
              <p>{move.how}</p>
              <p className="hint">
                Signal to adjust: {sentence(move.signal)} Risk: {move.risk} → {move.safeguard}
              </p>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>
          For you only <PrivateMark>never read this out</PrivateMark>
        </summary>
        <ul>
          {report.advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Words to use (safe to say aloud)</summary>
        <ul className="phrases">
          {report.phrases.map((phrase) => (
            <li key={phrase.id}>“{phrase.text}”</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Call script</summary>
        <ol>
          {report.script.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </details>
      <details>
        <summary>Timeline</summary>
        <ul>
          {report.timeline.map((step) => (
            <li key={`${step.stage}-${step.step}`}>
              {step.days} days — {step.step}
              {step.note ? <span className="hint"> ({step.note})</span> : null}
            </li>
          ))}
        </ul>
      </details>
      <section aria-label="Lint">
        <h3>Pitfalls ({sorted.length})</h3>
        {sorted.length === 0 ? <p>No findings.</p> : null}
        <ul className="findings">
          {sorted.map((finding) => (
            <li key={`${finding.id}-${finding.where}-${finding.message}`} className={finding.severity}>
              <strong>{finding.severity}</strong> {finding.message}
              <p className="hint">
                {finding.where} · fix: {finding.fix}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
