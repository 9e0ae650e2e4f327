/**
 * The debrief stage: the context's debrief prompts with the answers recorded (each save appends a
 * `debrief` event with the answers that changed), the figures as `parley debrief` gives them, and a
 * lesson for the workspace's tradeables library. Viewers read the answers and figures only.
 */
import '../close/close.css'
import { debriefSentences, debriefView } from '@parley/core'
import { useMemo } from 'react'
import { Section } from '../../ui/controls'
import { useMaths } from '../../ui/maths'
import { DebriefAnswers } from '../close/debrief-answers'
import { AddLesson } from '../close/lesson-form'
import { DocumentDownloads } from '../documents/downloads'
import { useEstimateLabel } from '../estimate-words'
import type { NegotiationModel } from '../model'

export function DebriefPage({ model }: { model: NegotiationModel }) {
  const { state, posterior } = model.derived
  const view = useMemo(() => debriefView(model.space, state, posterior), [model.space, state, posterior])
  // Plain words by default; with the maths, line for line what `parley debrief` prints.
  const maths = useMaths()
  const moves = state.observations.length
  const issueNames = useMemo(
    () => Object.fromEntries(model.space.issues.map((issue) => [issue.id, issue.name])),
    [model.space],
  )
  const { lines, misjudged } = debriefSentences(
    view.figures,
    maths ? {} : { plain: { issueNames, estimateMoves: moves } },
  )
  const estimate = useEstimateLabel(moves)
  return (
    <div className="debrief-stage">
      <DebriefAnswers model={model} prompts={view.prompts} />
      <Section title="Figures" private>
        <p className="hint">
          {maths
            ? `The same figures \`parley debrief\` gives; their side valued under our current estimate (${estimate}).`
            : `Their side is valued by ${estimate}.`}
        </p>
        <ul className="debrief-figures">
          {lines.map((line, k) => (
            <li key={line}>
              {line}
              {k === lines.length - 1 && misjudged.length > 0 ? (
                <ul aria-label="The issues we misjudged most">
                  {misjudged.map((item) => (
                    <li key={item.issue}>
                      {item.text}
                      {maths ? (
                        <span className="hint">
                          {' '}
                          ({model.space.byId.get(item.issue)?.name ?? item.issue})
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      {model.canEdit ? (
        <Section title="Lessons">
          <AddLesson model={model} figures={view.figures} />
        </Section>
      ) : null}
      <Section title="Documents" id="documents" private>
        <DocumentDownloads model={model} kinds={['concessions']} />
      </Section>
    </div>
  )
}
