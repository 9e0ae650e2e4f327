/**
 * How one side scores each issue, without typing scores: an option issue's options put in order
 * from best to worst (the order then gives evenly spaced scores, 100 down to 0, shown beside the
 * scores in the plan now), and for a range just which way is better.
 */
import { formatDecimal, formatLevelWithUnit, type Issue, levelKey, type Plan, type Side } from '@parley/core'
import { useRef } from 'react'
import { CheckboxField, SelectField } from '../../ui/controls'
import { moveKey, useFocusAfterMove } from './elicitation-focus'
import { keepOrder, optionRows } from './elicitation-summary'
import { type PreferenceMode, preferenceMode, setPreferenceMode } from './issue-edits'
import { isOrdered, moveOption } from './ranking'

type Change = (change: (draft: Plan) => Plan) => void

function OptionOrder(props: { plan: Plan; side: Side; issue: Issue; onChange: Change | undefined }) {
  const { plan, side, issue, onChange } = props
  const rows = optionRows(plan, side, issue)
  const ordered = isOrdered(plan, side, issue.id)
  const container = useRef<HTMLDivElement>(null)
  const focusAfter = useFocusAfterMove(container)
  const move = (level: string | number, delta: -1 | 1) => {
    if (!onChange) return
    focusAfter(levelKey(level), delta)
    onChange((draft) => {
      const current = draft.issues.find((candidate) => candidate.id === issue.id)
      return current ? moveOption(draft, side, current, level, delta) : draft
    })
  }
  return (
    <div className="elicitation-order" ref={container}>
      <h4>{issue.name}</h4>
      <ol>
        {rows.map((row, k) => (
          <li key={levelKey(row.level)}>
            <div className="elicitation-option-row">
              <span className="elicitation-option">{formatLevelWithUnit(row.level, issue.unit)}</span>
              <span className="elicitation-scores">
                now {formatDecimal(row.now, 1)}
                {row.fromOrder !== undefined ? (
                  <>
                    {' '}
                    · <strong>from the order {formatDecimal(row.fromOrder, 1)}</strong>
                  </>
                ) : null}
              </span>
              {onChange ? (
                <span className="elicitation-moves">
                  <button
                    type="button"
                    className="button secondary"
                    data-move={moveKey(levelKey(row.level), -1)}
                    disabled={k === 0}
                    onClick={() => move(row.level, -1)}
                  >
                    Move{' '}
                    <span className="visually-hidden">
                      {formatLevelWithUnit(row.level, issue.unit)} in {issue.name}{' '}
                    </span>
                    up
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    data-move={moveKey(levelKey(row.level), 1)}
                    disabled={k === rows.length - 1}
                    onClick={() => move(row.level, 1)}
                  >
                    Move{' '}
                    <span className="visually-hidden">
                      {formatLevelWithUnit(row.level, issue.unit)} in {issue.name}{' '}
                    </span>
                    down
                  </button>
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {onChange ? (
        <CheckboxField
          label={`Score ${issue.name} by this order`}
          checked={ordered}
          onChange={(keep) =>
            onChange((draft) => {
              const current = draft.issues.find((candidate) => candidate.id === issue.id)
              return current ? keepOrder(draft, side, current, keep) : draft
            })
          }
        />
      ) : (
        <p className="hint">{ordered ? 'Scored by this order.' : 'Keeps its own scores.'}</p>
      )}
    </div>
  )
}

const DIRECTIONS: Record<PreferenceMode, string> = {
  high: 'Higher is better',
  low: 'Lower is better',
  points: 'Its own curve (set in the issues grid)',
  scores: 'Its own scores (set in the issues grid)',
}

function RangeDirections(props: { side: Side; issues: Issue[]; onChange: Change | undefined }) {
  const { side, issues, onChange } = props
  const whose = side === 'us' ? 'us' : 'them'
  return (
    <div className="elicitation-directions">
      {issues.map((issue) => {
        const mode = preferenceMode(issue[side])
        const choices: PreferenceMode[] =
          mode === 'points' || mode === 'scores' ? [mode, 'high', 'low'] : ['high', 'low']
        return (
          <SelectField<PreferenceMode>
            key={issue.id}
            label={`${issue.name} (${issue.unit}): which way is better for ${whose}`}
            value={mode ?? ''}
            empty={mode ? undefined : 'Not set'}
            options={choices.map((value) => ({ value, label: DIRECTIONS[value] }))}
            disabled={!onChange}
            onChange={(next) => {
              if (next !== 'high' && next !== 'low') return
              onChange?.((draft) => {
                const index = draft.issues.findIndex((candidate) => candidate.id === issue.id)
                return index < 0 ? draft : setPreferenceMode(draft, index, side, next)
              })
            }}
          />
        )
      })}
    </div>
  )
}

/** Every issue's scoring for the side: option orders, then range directions. */
export function ScoringByOrder(props: { plan: Plan; side: Side; onChange: Change | undefined }) {
  const { plan, side, onChange } = props
  const optionIssues = plan.issues.filter((issue) => issue.options)
  const rangeIssues = plan.issues.filter((issue) => !issue.options)
  return (
    <>
      {optionIssues.length > 0 ? (
        <>
          <h3>Options from best to worst</h3>
          <p className="hint">
            Put each issue's options in order; once kept, the order gives the scores, from 100 for the best
            down to 0 for the worst in even steps. An issue whose order is not kept keeps the scores it has.
          </p>
          <div className="elicitation-orders">
            {optionIssues.map((issue) => (
              <OptionOrder key={issue.id} plan={plan} side={side} issue={issue} onChange={onChange} />
            ))}
          </div>
        </>
      ) : null}
      {rangeIssues.length > 0 ? (
        <>
          <h3>Which way is better on each range</h3>
          <RangeDirections side={side} issues={rangeIssues} onChange={onChange} />
        </>
      ) : null}
    </>
  )
}
