/**
 * The issues in order of importance to one side, moved up and down with buttons (the focus stays on
 * the moved issue, and a screen reader hears its new place), with the weight the order gives beside
 * the weight the plan has now, so every move shows its effect at once.
 */
import type { Plan, Side } from '@parley/core'
import { formatShare } from '@parley/core'
import { useRef, useState } from 'react'
import { moveKey, useFocusAfterMove } from './elicitation-focus'
import { ordinal, rankRows } from './elicitation-summary'
import { moveIssue } from './ranking'

export function RankingTable(props: {
  plan: Plan
  side: Side
  /** Absent for viewers: the order is shown, not changed. */
  onChange?: (change: (draft: Plan) => Plan) => void
}) {
  const { plan, side, onChange } = props
  const rows = rankRows(plan, side)
  const container = useRef<HTMLDivElement>(null)
  const focusAfter = useFocusAfterMove(container)
  const [said, setSaid] = useState('')
  const whose = side === 'us' ? 'us' : 'them (our estimate)'

  const move = (id: string, delta: -1 | 1) => {
    if (!onChange) return
    const after = rankRows(moveIssue(plan, side, id, delta), side)
    const row = after.find((candidate) => candidate.id === id)
    if (row)
      setSaid(
        `${row.name} is now ${ordinal(row.position + 1)} of ${after.length}; the ranking gives it ${formatShare(row.derived)}.`,
      )
    focusAfter(id, delta)
    onChange((draft) => moveIssue(draft, side, id, delta))
  }

  return (
    <div className="elicitation-ranking grid-wrap" ref={container}>
      <table className="table">
        <caption className="visually-hidden">
          Issues by importance to {whose}, most important first, with the weights the ranking gives
        </caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Issue</th>
            <th scope="col" className="number">
              Weight from the ranking
            </th>
            <th scope="col" className="number">
              In the plan now
            </th>
            {onChange ? (
              <th scope="col">
                <span className="visually-hidden">Move</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, k) => (
            <tr key={row.id}>
              <td>{row.place}</td>
              <th scope="row">{row.name}</th>
              <td className="number">
                <strong>{formatShare(row.derived)}</strong>
              </td>
              <td className="number">{formatShare(row.current)}</td>
              {onChange ? (
                <td className="elicitation-moves">
                  <button
                    type="button"
                    className="button secondary"
                    data-move={moveKey(row.id, -1)}
                    disabled={k === 0}
                    onClick={() => move(row.id, -1)}
                  >
                    Move <span className="visually-hidden">{row.name} </span>up
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    data-move={moveKey(row.id, 1)}
                    disabled={k === rows.length - 1}
                    onClick={() => move(row.id, 1)}
                  >
                    Move <span className="visually-hidden">{row.name} </span>down
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  )
}
