/**
 * Our BATNA and reservation, all private: what we do without a deal and what it is worth, their
 * alternative as we estimate it, the reservation (our walk-away utility), the aspiration, and our
 * walk-away limit per issue. Beside them, what the plan can reach: the value to us of the bundles
 * that meet the decision rule, along the frontier, with the zone of agreement, and our three
 * figures on the same 0–100 scale, so a reservation nothing reaches shows before the first call.
 */
import { type Batna, formatPoints, frontierReport, type PathSegment } from '@parley/core'
import { useMemo } from 'react'
import { Button, ProblemList } from '../../ui/controls'
import { useItemKeys } from '../../ui/item-keys'
import { SealAgain, Sealed, useFloorRevealed } from '../floor-seal'
import type { NegotiationModel } from '../model'
import { PlanNumberField, PlanTextField } from '../plan-fields'
import { problemsFor } from '../plan-problems'
import { ConstraintEditor } from '../setup/constraint-editor'
import { issueConstraint } from '../setup/constraint-edits'
import { placeMarks, readCost, type ScaleMark } from './batna-values'
import { setIn } from './plan-paths'
import './sections.css'

type Side = 'us' | 'them'

export function BatnaSection({ model }: { model: NegotiationModel }) {
  const { draft } = model
  const disabled = !model.canEdit
  const limits = draft.limits ?? []
  const limitKeys = useItemKeys(limits.length)
  const first = model.space.issues[0]
  return (
    <div className="batna-section">
      <p className="hint">Nothing in this section is ever shown to the other side.</p>
      <SealAgain />
      <Reach model={model} />
      <ProblemList problems={problemsFor(model, 'batna')} />
      <div className="batna-sides">
        <BatnaFields model={model} side="us" />
        <BatnaFields model={model} side="them" />
      </div>
      <Sealed
        what="the reservation and aspiration"
        open={model.problemsUnder('reservation').length + model.problemsUnder('aspiration').length > 0}
      >
        <div className="form-row">
          <PlanNumberField
            model={model}
            at={['reservation']}
            label="Reservation: our walk-away utility (0–100)"
            hint="The worst deal we would accept; at least our BATNA"
          />
          <PlanNumberField
            model={model}
            at={['aspiration']}
            label="Aspiration: the utility we aim for (0–100)"
            hint="Ambitious but defensible; above the reservation"
          />
        </div>
      </Sealed>
      <h3>Walk-away limits</h3>
      <p className="hint">
        Our hard bound on an issue, in its own unit (“price at least 190,000”): nothing Parley proposes breaks
        them.
      </p>
      <ProblemList problems={problemsFor(model, 'limits')} />
      <Sealed what="our walk-away limits" open={model.problemsUnder('limits').length > 0}>
        {limits.length === 0 ? <p>No limits.</p> : null}
        {limits.map((constraint, k) => (
          <ConstraintEditor
            key={limitKeys.keyOf(k)}
            model={model}
            at={['limits', k]}
            constraint={constraint}
            legend={`Limit ${k + 1}`}
            removeLabel={`Remove limit ${k + 1}`}
            onRemove={() => {
              limitKeys.removing(k)
              model.edit((plan) => setIn(plan, ['limits', k], undefined))
            }}
          />
        ))}
        {!disabled && first ? (
          <Button
            onClick={() =>
              model.edit((plan) => setIn(plan, ['limits', limits.length], issueConstraint(first)))
            }
          >
            Add a walk-away limit
          </Button>
        ) : null}
      </Sealed>
    </div>
  )
}

const SIDE_WORDS: Record<Side, { legend: string; description: string; utility: string; hint: string }> = {
  us: {
    legend: 'Our BATNA',
    description: 'What we do without a deal',
    utility: 'Worth to us (utility points, 0–100)',
    hint: 'On the same scale as every bundle: 100 is our best level of every issue',
  },
  them: {
    legend: 'Their BATNA (our estimate)',
    description: 'What they do without a deal',
    utility: 'Worth to them (their utility points, 0–100)',
    hint: 'On their scale, as we estimate their priorities',
  },
}

function BatnaFields({ model, side }: { model: NegotiationModel; side: Side }) {
  const words = SIDE_WORDS[side]
  const at = (field: keyof Batna): PathSegment[] => ['batna', side, field]
  return (
    <fieldset className="batna-side">
      <legend>{words.legend}</legend>
      <ProblemList problems={problemsFor(model, `batna.${side}`)} />
      <PlanTextField model={model} at={at('description')} label={words.description} multiline />
      <PlanNumberField model={model} at={at('utility')} label={words.utility} hint={words.hint} />
      <div className="form-row">
        <PlanTextField model={model} at={at('cost')} label="Cost" hint="A number, or words" read={readCost} />
        <PlanTextField model={model} at={at('timing')} label="Timing" />
      </div>
      <PlanTextField model={model} at={at('risk')} label="Risk" />
      {side === 'us' ? (
        <PlanTextField
          model={model}
          at={at('improve')}
          label="How we are improving it"
          hint="In parallel with the negotiation: another supplier, another buyer, doing it ourselves"
          multiline
        />
      ) : null}
    </fieldset>
  )
}

/** The frontier of bundles meeting the rule, from core (within a bound when the exact one is too large). */
function useReach(model: NegotiationModel) {
  const { space } = model
  return useMemo(() => {
    const exact = frontierReport(space, { rule: true })
    if (exact.ok || exact.code !== 'too_large') return exact
    return frontierReport(space, { rule: true, epsilon: exact.suggestedEpsilon })
  }, [space])
}

const SCALE = { left: 16, width: 568, top: 8, row: 15, band: 14, axis: 26 } as const
const x = (value: number) => SCALE.left + (Math.min(100, Math.max(0, value)) / 100) * SCALE.width

/** What the plan can reach for us, in words and on a 0–100 scale with our BATNA, reservation and aspiration. */
function Reach({ model }: { model: NegotiationModel }) {
  const reach = useReach(model)
  const revealed = useFloorRevealed()
  const { draft } = model
  const figure = (value: unknown) =>
    typeof value === 'number' && value >= 0 && value <= 100 ? value : undefined
  const candidates: (ScaleMark | undefined)[] = [
    mark('batna', 'Our BATNA', figure(draft.batna?.us?.utility)),
    revealed ? mark('reservation', 'Reservation', figure(draft.reservation)) : undefined,
    revealed ? mark('aspiration', 'Aspiration', figure(draft.aspiration)) : undefined,
  ]
  const marks = placeMarks(
    candidates.filter((m): m is ScaleMark => m !== undefined),
    14,
  )
  if (!reach.ok)
    return <p className="hint">What the plan can reach is not computed: the frontier is too large.</p>
  const frontier = reach.report.frontier
  const best = frontier[0]?.us
  const worst = frontier[frontier.length - 1]?.us
  const rows = Math.max(1, ...marks.map((m) => m.row + 1))
  const bandTop = SCALE.top + rows * SCALE.row
  const height = bandTop + SCALE.band + SCALE.axis
  const summary =
    best === undefined || worst === undefined
      ? 'No bundle meets the decision rule.'
      : `Along the frontier of bundles that meet the decision rule, value to us runs from ${formatPoints(worst)} (the best for them) to ${formatPoints(best)} (the best for us)${reach.report.epsilon !== null ? `, within ${reach.report.epsilon} points` : ''}.`
  const label = [summary, ...marks.map((m) => `${m.label} ${formatPoints(m.value)}`)].join(' ')
  return (
    <div className="batna-reach">
      <p>
        {summary} Zone of agreement:{' '}
        <strong className={reach.report.zopa ? 'reach-yes' : 'reach-no'}>
          {reach.report.zopa ? 'yes' : 'no — improve our BATNA, add issues, or revisit the reservation'}
        </strong>
        .
      </p>
      <svg
        className="utility-scale"
        viewBox={`0 0 600 ${height}`}
        role="img"
        aria-label={`Value to us, 0 to 100: ${label}`}
      >
        <line className="axis" x1={x(0)} x2={x(100)} y1={bandTop + SCALE.band} y2={bandTop + SCALE.band} />
        {best !== undefined && worst !== undefined ? (
          <rect
            className="reach-band"
            x={x(worst)}
            width={Math.max(2, x(best) - x(worst))}
            y={bandTop}
            height={SCALE.band}
          />
        ) : null}
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line
              className="tick"
              x1={x(tick)}
              x2={x(tick)}
              y1={bandTop + SCALE.band}
              y2={bandTop + SCALE.band + 4}
            />
            <text x={x(tick)} y={bandTop + SCALE.band + 16} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {marks.map((m) => (
          <g key={m.key} className={`scale-mark ${m.key}`}>
            <line
              x1={x(m.value)}
              x2={x(m.value)}
              y1={SCALE.top + m.row * SCALE.row + 3}
              y2={bandTop + SCALE.band}
            />
            <text
              x={x(m.value) + 3}
              y={SCALE.top + m.row * SCALE.row + 9}
              textAnchor={m.value > 80 ? 'end' : 'start'}
              dx={m.value > 80 ? -6 : 0}
            >
              {m.label} {formatPoints(m.value)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  )
}

function mark(key: string, label: string, value: number | undefined): ScaleMark | undefined {
  return value === undefined ? undefined : { key, label, value }
}
