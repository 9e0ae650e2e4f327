/**
 * The anchor worksheet: our opening range on one numeric issue, the two lines we can say out loud
 * to justify it, and the evidence it cites. Shared with them, so the linter checks the rationale
 * for private figures and the anchor for missing evidence. A picture lays the anchor over the
 * issue's levels and the ranges of the evidence it cites.
 */
import { type Anchor, formatLevel, groupThousands, type IssueModel } from '@parley/core'
import { Button, CheckboxField, ProblemList, SelectField } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { PlanNumberField, PlanTextField } from '../plan-fields'
import { problemsBelow, problemsFor } from '../plan-problems'
import { type AnchorPicture, anchorIssues, anchorPicture, newAnchor, withAnchorIssue } from './anchor-edits'
import { citeEvidence } from './evidence-edits'
import './sections.css'

export function AnchorWorksheet({ model }: { model: NegotiationModel }) {
  const { space, draft } = model
  const anchor = draft.anchor
  const disabled = !model.canEdit
  const candidates = anchorIssues(space.issues)
  if (!anchor) {
    const start = newAnchor(space.issues, draft.numeraire)
    return (
      <div className="anchor-worksheet">
        <p>
          No anchor yet. An anchor is our opening range on one numeric issue, with two lines that justify it
          and the evidence behind them.
        </p>
        {!disabled && start ? (
          <Button onClick={() => model.edit((plan) => ({ ...plan, anchor: start }))}>Set an anchor</Button>
        ) : null}
        {!start ? <p className="hint">The plan has no numeric issue to anchor on.</p> : null}
      </div>
    )
  }
  const issue = space.byId.get(anchor.issue)
  const evidence = draft.evidence ?? []
  const cited = new Set(anchor.evidence ?? [])
  const unit = issue?.unit ? ` (${issue.unit})` : ''
  const options = candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))
  if (!candidates.some((candidate) => candidate.id === anchor.issue))
    options.push({ value: anchor.issue, label: `${anchor.issue} (not a numeric issue)` })
  return (
    <div className="anchor-worksheet">
      <ProblemList problems={problemsFor(model, 'anchor')} />
      <div className="form-row">
        <SelectField
          label="Issue"
          value={anchor.issue}
          options={options}
          disabled={disabled}
          problems={problemsFor(model, 'anchor.issue')}
          onChange={(id) => {
            const next = space.byId.get(id)
            if (next)
              model.edit((plan) =>
                plan.anchor ? { ...plan, anchor: withAnchorIssue(plan.anchor, next) } : plan,
              )
          }}
        />
        <PlanNumberField model={model} at={['anchor', 'low']} label={`Low end${unit}`} />
        <PlanNumberField model={model} at={['anchor', 'high']} label={`High end${unit}`} />
      </div>
      {issue ? <AnchorChart issue={issue} anchor={anchor} evidence={evidence} cited={cited} /> : null}
      <PlanTextField
        model={model}
        at={['anchor', 'rationale']}
        label="Rationale: two lines we can say out loud"
        hint="Tie the range to the evidence: “Comparable deployments run from X to Y because …”"
        multiline
      />
      <fieldset className="anchor-evidence">
        <legend>Evidence it cites</legend>
        {evidence.length === 0 ? (
          <p className="hint">The evidence pack is empty: add evidence above, then cite it here.</p>
        ) : null}
        {evidence.map((item, k) => (
          <CheckboxField
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence is cited by its place
            key={k}
            label={`Cites evidence ${k + 1}: ${item.claim || '(no claim yet)'}${rangeText(item.range, item.unit)}`}
            checked={cited.has(k)}
            disabled={disabled}
            onChange={(on) => model.edit((plan) => citeEvidence(plan, k, on))}
          />
        ))}
        <ProblemList problems={problemsBelow(model, 'anchor.evidence')} />
      </fieldset>
      {!disabled ? (
        <Button kind="danger" onClick={() => model.edit(({ anchor: _anchor, ...plan }) => plan)}>
          Remove the anchor
        </Button>
      ) : null}
    </div>
  )
}

function rangeText(range: readonly unknown[] | undefined, unit: string | undefined): string {
  const [low, high] = range ?? []
  if (typeof low !== 'number' || typeof high !== 'number') return ''
  return ` (${formatLevel(low)}–${formatLevel(high)}${unit ? ` ${unit}` : ''})`
}

const CHART = { label: 92, width: 496, row: 16, bar: 10, levels: 8, top: 26 } as const

/** The anchor over the issue's levels and the cited ranges, on one scale; the caption says it in words. */
function AnchorChart({
  issue,
  anchor,
  evidence,
  cited,
}: {
  issue: IssueModel
  anchor: Anchor
  evidence: readonly { claim: string; range?: readonly unknown[] | undefined }[]
  cited: ReadonlySet<number>
}) {
  const picture: AnchorPicture = anchorPicture(
    issue,
    anchor,
    evidence.flatMap((item, k) =>
      cited.has(k) ? [{ key: `evidence-${k}`, label: `Evidence ${k + 1}`, range: item.range }] : [],
    ),
  )
  const x = (at: number) => CHART.label + at * CHART.width
  const bands = [...(picture.anchor ? [picture.anchor] : []), ...picture.evidence]
  const height = CHART.top + bands.length * CHART.row + 18
  const unit = issue.unit ? ` ${issue.unit}` : ''
  const words = [
    `Levels of ${issue.name}: ${formatLevel(issue.min)} to ${formatLevel(issue.max)}${unit}.`,
    ...bands.map((band) => `${band.label}: ${formatLevel(band.low)} to ${formatLevel(band.high)}.`),
    picture.better ? `Better for us: ${picture.better === 'high' ? 'higher' : 'lower'}.` : '',
  ].filter(Boolean)
  return (
    <figure className="anchor-chart">
      <svg viewBox={`0 0 600 ${height}`} aria-hidden="true" focusable="false">
        <text x={0} y={CHART.levels + 11}>
          Levels
        </text>
        <line className="axis" x1={x(0)} x2={x(1)} y1={CHART.levels + 8} y2={CHART.levels + 8} />
        {picture.levels.map((level) => (
          <line
            key={String(level.level)}
            className="level-tick"
            x1={x(level.at)}
            x2={x(level.at)}
            y1={CHART.levels + 3}
            y2={CHART.levels + 13}
          />
        ))}
        {bands.map((band, k) => (
          <g key={band.key} className={band.key === 'anchor' ? 'band anchor' : 'band evidence'}>
            <text x={0} y={CHART.top + k * CHART.row + CHART.bar}>
              {band.label}
            </text>
            <rect
              x={x(band.from)}
              width={Math.max(3, x(band.to) - x(band.from))}
              y={CHART.top + k * CHART.row}
              height={CHART.bar}
            />
          </g>
        ))}
        <text x={x(0)} y={height - 3} textAnchor="start">
          {groupOrLevel(picture.min)}
        </text>
        <text x={x(1)} y={height - 3} textAnchor="end">
          {groupOrLevel(picture.max)}
          {unit}
        </text>
      </svg>
      <figcaption className="hint">{words.join(' ')}</figcaption>
    </figure>
  )
}

function groupOrLevel(value: number): string {
  return Number.isInteger(value) ? groupThousands(value) : String(value)
}
