/**
 * What the priorities chart is drawn from and what it suggests: each issue's share of our weight
 * and of their estimated weight (as core compiles them), a sentence a screen reader hears instead
 * of the picture, and the issues in the cheap-for-us, valuable-to-them corner not yet flagged
 * tradeable. (The library's suggestions are negotiation/library.ts's.)
 */
import type { Plan, Space } from '@parley/core'
import { formatShare } from '@parley/core'
import type { MatrixInput, MatrixLayout, MatrixPoint } from './priority-matrix'

/** Each issue at (share of our weight, share of their estimated weight). */
export function matrixInputs(space: Space): MatrixInput[] {
  return space.issues.map((issue) => ({
    id: issue.id,
    label: issue.name,
    us: space.share.us[issue.index] ?? 0,
    them: space.share.them[issue.index] ?? 0,
    tradeable: issue.tradeable,
  }))
}

function names(points: readonly MatrixPoint[]): string {
  return points.length > 0 ? points.map((point) => point.label).join(', ') : 'none'
}

/** The chart in one paragraph: what is where, for those who can not see it. */
export function chartSummary(layout: MatrixLayout): string {
  const funded = layout.points.filter((point) => point.funded)
  const flagged = layout.points.filter((point) => point.tradeable)
  return (
    `Priorities chart of ${layout.points.length} issue${layout.points.length === 1 ? '' : 's'}: ` +
    `share of our weight across, share of their estimated weight up, split at the average share ` +
    `of ${formatShare(layout.split.share)}. Cheap for us, valuable for them (where trades are funded): ` +
    `${names(funded)}. Flagged tradeable: ${names(flagged)}. The table below gives every number.`
  )
}

/** Where an issue sits, in words, for the table beside the chart. */
export function quarterOf(point: MatrixPoint, split: number): string {
  if (point.funded) return 'Cheap for us, valuable for them'
  const ours = point.us < split ? 'low' : 'high'
  const theirs = point.them >= split ? 'high' : 'low'
  if (ours === 'high' && theirs === 'high') return 'Valuable to both'
  if (ours === 'high') return 'Valuable to us, cheap for them'
  return 'Low for both'
}

/** Issues in the funding corner not yet flagged tradeable. */
export function suggestedTradeables(layout: MatrixLayout): MatrixPoint[] {
  return layout.points.filter((point) => point.funded && !point.tradeable)
}

/** The plan with the issue flagged tradeable. */
export function flagTradeable(plan: Plan, id: string): Plan {
  return {
    ...plan,
    issues: plan.issues.map((issue) => (issue.id === id ? { ...issue, tradeable: true } : issue)),
  }
}
