/**
 * Writing the derived numbers into the plan, on purpose: the ranking alone changes nothing the
 * computations use until someone presses the button, and before they do the screen says exactly
 * which weights and scores will change, from what to what, and what stays.
 */
import type { Plan, Side } from '@parley/core'
import { useEffect, useRef, useState } from 'react'
import { Button, Notice } from '../../ui/controls'
import { applyPreview } from './elicitation-summary'
import { applyElicitedWeights } from './ranking'

export function ApplyWeights(props: {
  plan: Plan
  side: Side
  onChange: (change: (draft: Plan) => Plan) => void
}) {
  const { plan, side, onChange } = props
  const [done, setDone] = useState<string>()
  // The button goes once the plan has the numbers: the focus goes to the sentence that says so.
  const result = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (done) result.current?.focus()
  }, [done])
  const preview = applyPreview(plan, side)
  // Once the numbers move away again, the old confirmation is stale.
  if (done && !preview.unchanged) setDone(undefined)
  const whose = side === 'us' ? 'our' : 'our estimate of their'
  const other = side === 'us' ? 'our estimate of them' : 'our own numbers'
  const button = side === 'us' ? 'Use these weights for us' : 'Use these weights for our estimate of them'

  if (preview.unchanged)
    return (
      <div className="elicitation-apply" ref={result} tabIndex={-1}>
        {done ? <Notice kind="success">{done}</Notice> : null}
        <p>The plan has these weights and scores.</p>
      </div>
    )

  return (
    <div className="elicitation-apply">
      <p>
        Pressing “{button}” writes {whose} weights into the plan
        {preview.scores.length > 0
          ? `, and replaces the scores of ${preview.scores.map((s) => s.name).join(', ')} with the ones the order gives`
          : ''}
        . Which way each range goes, the scores of issues whose order is not kept
        {side === 'them' ? ', how sure we are of the estimate' : ''} and {other} stay as they are. The ranking
        and the answers are kept, to come back to.
      </p>
      <ul className="elicitation-changes">
        {preview.weights.map((change) => (
          <li key={change.id}>
            {change.name}: weight {change.from} → <strong>{change.to}</strong>
          </li>
        ))}
        {preview.scores.map((change) => (
          <li key={`${change.id}-scores`}>
            {change.name}: scores <strong>{change.scores}</strong>
          </li>
        ))}
      </ul>
      <Button
        kind="primary"
        onClick={() => {
          const count = preview.weights.length + preview.scores.length
          setDone(
            `${side === 'us' ? 'Our weights' : 'Our estimate of their weights'} now follow the ranking (${count} change${count === 1 ? '' : 's'}).`,
          )
          onChange((draft) => applyElicitedWeights(draft, side))
        }}
      >
        {button}
      </Button>
    </div>
  )
}
