/**
 * Discovery: the context's questions from its playbook, each with what the answer tells you, a box
 * for their answer and, optionally, the issues the answer shows they care about most (a ranking
 * teaches what they value). Every answer is recorded as what they said matters; answers already in
 * the journal show under their question.
 */
import { type DiscoveryQuestion, type JournalEvent, PLAYBOOKS } from '@parley/core'
import { useState } from 'react'
import { Button, ProblemList, SelectField, TextField } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { interestEvent } from './events'
import { setSlot } from './ordering'
import { RecordingStatus, useRecorder } from './recording'
import type { IssueLabel } from './terms-text'

type Interest = Extract<JournalEvent, { type: 'interest-stated' }>

const ORDINALS = ['1st', '2nd', '3rd']
const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}th`

/** Slots filled in order: one more than chosen so far, up to every issue. */
export function PriorityPicker({
  issues,
  ranking,
  onChange,
  problems,
  disabled,
  summary = 'Issues this shows they care about most (optional)',
  open = false,
}: {
  issues: readonly IssueLabel[]
  ranking: readonly string[]
  onChange: (ranking: string[]) => void
  problems: readonly { message: string }[]
  disabled?: boolean
  /** What the picker is asked as. */
  summary?: string
  /** Open from the start (when the ranking is the question itself, not an optional extra). */
  open?: boolean
}) {
  const slots = Math.min(issues.length, ranking.length + 1)
  return (
    <details
      className="priority-picker"
      open={open || ranking.length > 0 || problems.length > 0 ? true : undefined}
    >
      <summary>{summary}</summary>
      <fieldset>
        <legend className="visually-hidden">Their priorities from this answer, most important first</legend>
        <div className="form-row">
          {Array.from({ length: slots }, (_, k) => (
            <SelectField
              // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its position
              key={k}
              label={`${ordinal(k + 1)} priority`}
              value={ranking[k] ?? ''}
              empty="—"
              options={issues.map((issue) => ({ value: issue.id, label: issue.name }))}
              onChange={(id) => onChange(setSlot(ranking, k, id))}
              disabled={disabled}
            />
          ))}
        </div>
        <p className="hint">
          Two or more issues in order teach the model what they value; issues left out count as unknown, not
          least important.
        </p>
        <ProblemList problems={problems} />
      </fieldset>
    </details>
  )
}

function RecordedAnswers({
  model,
  answers,
  prefix,
}: {
  model: NegotiationModel
  answers: readonly Interest[]
  prefix: string
}) {
  if (answers.length === 0) return null
  const retracted = new Set(model.derived.state.retracted)
  const name = (id: string) => model.space.byId.get(id)?.name ?? id
  return (
    <ul className="recorded-answers" aria-label="Answers recorded">
      {answers.map((event) => (
        <li key={event.id} className={retracted.has(event.id) ? 'retracted' : undefined}>
          <span className="answer-text">
            {event.text.startsWith(prefix) ? event.text.slice(prefix.length) : event.text}
          </span>
          {event.ranking?.length ? (
            <span className="hint"> · cares most about {event.ranking.map(name).join(', then ')}</span>
          ) : null}{' '}
          <time className="hint" dateTime={event.at}>
            {new Date(event.at).toLocaleString()}
          </time>
          {retracted.has(event.id) ? <strong className="flag"> retracted</strong> : null}
        </li>
      ))}
    </ul>
  )
}

function InterestForm({
  model,
  question,
  answers,
}: {
  model: NegotiationModel
  question?: DiscoveryQuestion
  answers: readonly Interest[]
}) {
  const recorder = useRecorder(model)
  const [answer, setAnswer] = useState('')
  const [ranking, setRanking] = useState<string[]>([])
  const { at, rest } = recorder.place(['text', 'ranking'])
  const save = async () => {
    const recorded = await recorder.record(
      interestEvent({ ...(question ? { question: question.text } : {}), answer, ranking }),
      'Answer recorded.',
    )
    if (recorded) {
      setAnswer('')
      setRanking([])
    }
  }
  const prefix = question ? `${question.text} — ` : ''
  return (
    <div className="discovery-question">
      {model.canEdit ? (
        <>
          <TextField
            label={question ? question.text : 'Another interest they stated'}
            hint={
              question ? `What the answer tells you: ${question.purpose}` : 'Anything else they said matters'
            }
            multiline
            value={answer}
            onChange={setAnswer}
            problems={at.text ?? []}
          />
          <PriorityPicker
            issues={model.space.issues}
            ranking={ranking}
            onChange={setRanking}
            problems={at.ranking ?? []}
          />
          <RecordingStatus recorder={recorder} rest={rest} />
          <Button onClick={() => void save()} disabled={recorder.busy}>
            {question ? 'Record answer' : 'Record interest'}
          </Button>
        </>
      ) : (
        <>
          <h3>{question ? question.text : 'Other interests they stated'}</h3>
          {question ? <p className="hint">What the answer tells you: {question.purpose}</p> : null}
          {answers.length === 0 ? <p className="hint">No answer recorded.</p> : null}
        </>
      )}
      <RecordedAnswers model={model} answers={answers} prefix={prefix} />
    </div>
  )
}

export function Discovery({ model }: { model: NegotiationModel }) {
  const questions = PLAYBOOKS[model.plan.context].discovery
  const interests = model.journal.filter((event): event is Interest => event.type === 'interest-stated')
  const answersTo = (question: DiscoveryQuestion) =>
    interests.filter((event) => event.text.startsWith(`${question.text} — `))
  const others = interests.filter(
    (event) => !questions.some((question) => event.text.startsWith(`${question.text} — `)),
  )
  return (
    <>
      <p className="hint">
        Ask before any anchor or offer. Record what they say matters; a ranking of the issues teaches the
        model what they value, and the next MESO set is chosen under it.
      </p>
      <ol className="discovery-list">
        {questions.map((question) => (
          <li key={question.id}>
            <InterestForm model={model} question={question} answers={answersTo(question)} />
          </li>
        ))}
      </ol>
      <InterestForm model={model} answers={others} />
    </>
  )
}
