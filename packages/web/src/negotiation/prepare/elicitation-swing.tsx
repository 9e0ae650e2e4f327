/**
 * Swing questions, one at a time: would you rather move this issue from its worst to its best, or
 * that one? Each answer refines the ranking (and so the weights, which a screen reader hears
 * change); the answers are listed and can be cleared to ask again.
 */
import type { Plan, Side } from '@parley/core'
import { formatShare } from '@parley/core'
import { useEffect, useRef, useState } from 'react'
import { Button } from '../../ui/controls'
import { rankRows } from './elicitation-summary'
import { answerSwing, clearSwings, describeSwing, effectiveSide, swingQuestion } from './ranking'

type Answer = 'first' | 'second' | 'equal'

export function SwingQuestions(props: {
  plan: Plan
  side: Side
  onChange: ((change: (draft: Plan) => Plan) => void) | undefined
}) {
  const { plan, side, onChange } = props
  const [said, setSaid] = useState('')
  // The last answer removes the buttons: the focus goes to the sentence that says so.
  const done = useRef<HTMLParagraphElement>(null)
  const answered = useRef(false)
  const byId = new Map(plan.issues.map((issue) => [issue.id, issue]))
  const question = swingQuestion(plan, side)
  const answers = effectiveSide(plan, side).tradeoffs ?? []
  const nameOf = (id: string) => byId.get(id)?.name ?? id
  const [a, b] = question ? [byId.get(question[0]), byId.get(question[1])] : [undefined, undefined]

  useEffect(() => {
    if (answered.current && !question) done.current?.focus()
    answered.current = false
  })

  const answer = (issues: [string, string], choice: Answer) => {
    if (!onChange) return
    answered.current = true
    const after = rankRows(answerSwing(plan, side, issues, choice), side)
    const share = (id: string) => formatShare(after.find((row) => row.id === id)?.derived ?? 0)
    setSaid(
      `Noted. ${nameOf(issues[0])} now gets ${share(issues[0])} and ${nameOf(issues[1])} ${share(issues[1])}.`,
    )
    onChange((draft) => answerSwing(draft, side, issues, choice))
  }

  return (
    <div className="elicitation-swing">
      {question && a && b && onChange ? (
        <fieldset>
          <legend>Question {answers.length + 1}</legend>
          <p>
            {side === 'us' ? 'Would you rather move ' : 'Would they rather move '}
            <strong>{describeSwing(a, side)}</strong> or <strong>{describeSwing(b, side)}</strong>?
          </p>
          <div className="elicitation-answers">
            <Button onClick={() => answer(question, 'first')}>Move {a.name}</Button>
            <Button onClick={() => answer(question, 'second')}>Move {b.name}</Button>
            <Button onClick={() => answer(question, 'equal')}>Both the same</Button>
          </div>
        </fieldset>
      ) : (
        <p ref={done} tabIndex={-1}>
          {question
            ? 'More questions wait for an editor.'
            : plan.issues.length < 2
              ? 'Swing questions compare two issues: this plan has one.'
              : 'No more questions: every pair of neighbours in the ranking is settled.'}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      {answers.length > 0 ? (
        <>
          <h4>Answers so far</h4>
          <ul className="elicitation-answered">
            {answers.map(({ issues: [first, second], answer: choice }) => (
              <li key={`${first} ${second}`}>
                {choice === 'equal'
                  ? `${nameOf(first)} and ${nameOf(second)} matter the same`
                  : `${nameOf(choice === 'first' ? first : second)} matters more than ${nameOf(choice === 'first' ? second : first)}`}
              </li>
            ))}
          </ul>
          {onChange ? (
            <Button
              onClick={() => {
                setSaid('The answers are cleared; the questions start again.')
                onChange((draft) => clearSwings(draft, side))
              }}
            >
              Clear the answers and ask again
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
