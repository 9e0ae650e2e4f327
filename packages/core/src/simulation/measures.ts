/**
 * How good an agreement is, judged against the truth the simulator knows: the TRUE frontier of
 * the deals we could make (every bundle meeting the decision rule and keeping our limits, scored by
 * us and by the counterpart's true preferences), the Nash product and the distance to the frontier.
 * Our limits are part of it because no strategy may agree to a bundle that breaks them: a point
 * beyond them is value no way of negotiating could create, only a change of our limits.
 * - nashShare = (U_us - d_us)(U_them - d_them) / max over the true frontier of the same product,
 *   d = (our BATNA, their true BATNA); factors below 0 count as 0; undefined when no bundle
 *   beats both BATNAs (no product to share).
 * - frontierDistance = min over true frontier points f of sqrt((U_us - f_us)^2 + (U_them - f_them)^2),
 *   in points: 0 exactly when the agreement's utilities are a frontier point.
 */
import type { Disagreement } from '../frontier/bargaining'
import { computeFrontier, type Frontier } from '../frontier/frontier'
import type { CompiledConstraint } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import { type CounterpartTruth, truthSpace } from './truth'

/** The frontier of the true space under the given constraints (the rule; with our limits, the deals we could make): exact, or within 0.01 points when too large for exact mode. */
export function trueFrontier(
  space: Space,
  truth: CounterpartTruth,
  rule: readonly CompiledConstraint[],
): Frontier {
  const truthful = truthSpace(space, truth)
  const exact = computeFrontier(truthful, { constraints: rule })
  if (exact.ok) return exact.frontier
  const close = computeFrontier(truthful, { constraints: rule, epsilon: 0.01 })
  if (close.ok) return close.frontier
  throw new Error(`the true frontier can not be computed (${close.code})`)
}

/** The largest Nash product on a frontier, with both gains at least 0; 0 when no point has both. */
export function bestNashProduct(frontier: Frontier, d: Disagreement): number {
  let best = 0
  for (let k = 0; k < frontier.size; k++) {
    const gu = (frontier.us[k] ?? 0) - d.us
    const gt = (frontier.them[k] ?? 0) - d.them
    if (gu >= 0 && gt >= 0) best = Math.max(best, gu * gt)
  }
  return best
}

/** The agreement's share of the best Nash product; undefined when the best is 0. */
export function nashShare(
  agreement: { us: number; them: number },
  best: number,
  d: Disagreement,
): number | undefined {
  if (!(best > 0)) return undefined
  return (Math.max(0, agreement.us - d.us) * Math.max(0, agreement.them - d.them)) / best
}

/** Euclidean distance, in points, from the agreement to the nearest frontier point. */
export function frontierDistance(agreement: { us: number; them: number }, frontier: Frontier): number {
  let best = Number.POSITIVE_INFINITY
  for (let k = 0; k < frontier.size; k++) {
    const du = agreement.us - (frontier.us[k] ?? 0)
    const dt = agreement.them - (frontier.them[k] ?? 0)
    best = Math.min(best, du * du + dt * dt)
  }
  return Math.sqrt(best)
}

/** Their best bundle on a frontier (the highest U_them; the frontier is sorted by U_us descending, so it is the last point). */
export function theirBestPoint(frontier: Frontier): { levels: Int32Array; utility: number } | undefined {
  const k = frontier.size - 1
  if (k < 0) return undefined
  return {
    levels: frontier.levels.slice(k * frontier.issueCount, (k + 1) * frontier.issueCount),
    utility: frontier.them[k] ?? 0,
  }
}
