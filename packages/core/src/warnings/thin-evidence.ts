/**
 * An estimate that moved far on little evidence: an issue whose share of what they care about (the
 * posterior mean weight share, the current estimate's `shares`) is far from the plan's estimate
 * after only a few of their moves. The figure may be right; the warning says how little it rests on
 * before anyone trades on it.
 */
import type { CurrentEstimate } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import { inSentence } from '../language/levels'
import { formatShare } from '../scoring/figures'
import type { Space } from '../scoring/space'
import type { ThinEvidenceWarning } from './warning'

/**
 * Fewer moves than this is thin evidence. A choice among three bundles tells at most log2 3 ≈ 1.6
 * bits, and a MESO set is built to tell about 1; placing one issue's share within ±5 points of a
 * 0–100% range takes about log2(100/10) ≈ 3.3 bits, so four answers (at most 6.3 bits) cannot pin
 * down even two issues of a plan, let alone its whole weighting. From five on the warning stops:
 * by then the interval, which `status` shows, speaks for itself.
 */
export const THIN_EVIDENCE_MOVES = 5

/**
 * How far a share must move to be "far", as a share of 1: 8 percentage points (two-thirds of an
 * average issue's share in an eight-issue plan, enough to reorder priorities), or half of the
 * plan's share when that is at least 4 points (19% → 7% is both; 6% → 2% is neither: too small to
 * change a trade).
 */
export const FAR_SHIFT = { absolute: 0.08, relative: 0.5, relativeFloor: 0.04 } as const

function isFar(before: number, after: number): boolean {
  const shift = Math.abs(after - before)
  return (
    shift >= FAR_SHIFT.absolute - 1e-12 ||
    (shift >= FAR_SHIFT.relativeFloor - 1e-12 && shift >= FAR_SHIFT.relative * before - 1e-12)
  )
}

/**
 * The issues whose estimated share moved far from the plan's after fewer than `THIN_EVIDENCE_MOVES`
 * of their moves; none before any move (the estimate is then the plan's). `posterior`, when given,
 * adds each issue's 80% interval.
 */
export function thinEvidence(
  space: Space,
  estimate: CurrentEstimate,
  posterior?: Posterior,
): ThinEvidenceWarning[] {
  const moves = estimate.moves
  if (!estimate.learned || moves === 0 || moves >= THIN_EVIDENCE_MOVES) return []
  return space.issues.flatMap((issue) => {
    const before = space.share.them[issue.index] ?? 0
    const after = estimate.shares[issue.index] ?? 0
    if (!isFar(before, after)) return []
    const belief = posterior?.issues[issue.id]
    const interval: [number, number] | undefined = belief ? [belief.low, belief.high] : undefined
    const few = moves === 1 ? 'only one of their moves' : `only ${moves} of their moves`
    const range = interval
      ? ` Our likely range for it is ${formatShare(interval[0])} to ${formatShare(interval[1])}, but that too rests on ${few}.`
      : ''
    return [
      {
        code: 'thin_evidence' as const,
        severity: 'warning' as const,
        issue: issue.id,
        before,
        after,
        moves,
        ...(interval ? { interval } : {}),
        message: `Our estimate of how much ${inSentence(issue.name)} matters to them moved from ${formatShare(before)} to ${formatShare(after)} of what they care about after ${few}: thin evidence.${range} Test it with another set of offers before trading on it.`,
      },
    ]
  })
}
