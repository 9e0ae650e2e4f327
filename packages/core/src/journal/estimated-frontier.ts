/**
 * The outcome space as the current estimate values their side, and its exact frontier under the
 * decision rule and our limits: what the trade advice (the reality test's proposal, the joint gain
 * in `status`) searches. Their gain per level is exactly the estimate's contribution of that level
 * (for an issue marked uncertain, the reversed direction weighed by its probability), so every
 * U_them read off this frontier equals the figure `status` shows for the same bundle.
 */

import { computeFrontier, type Frontier } from '../frontier/frontier'
import { type TheirValue, theirShares } from '../inference/estimate'
import type { CompiledConstraint } from '../scoring/constraints'
import type { Space } from '../scoring/space'

/** Points per unit of gain in the estimated space: their gains are in points times this. */
const SCALE = 100

/** The space with their side replaced by the estimate (our side, levels and the plan unchanged). */
export function spaceAsEstimated(space: Space, value: TheirValue): Space {
  const direct = 'direct' in value && value.direct instanceof Float64Array ? value.direct : undefined
  const reversed = 'reversed' in value && value.reversed instanceof Float64Array ? value.reversed : undefined
  const shares = theirShares(value)
  let total = 0
  for (let i = 0; i < space.issues.length; i++) total += shares[i] ?? 0
  const issues = space.issues.map((issue) => {
    const i = issue.index
    // Bare shares (the simulator's posterior mean) score every issue as estimated, normalised.
    const onScore = direct ? (direct[i] ?? 0) : (shares[i] ?? 0) / (total || 1)
    const onReversed = reversed ? (reversed[i] ?? 0) : 0
    const gain = Float64Array.from(
      issue.score.them,
      (score) => SCALE * (onScore * score + onReversed * (100 - score)),
    )
    return { ...issue, gain: { us: issue.gain.us, them: gain } }
  })
  return {
    ...space,
    issues,
    byId: new Map(issues.map((issue) => [issue.id, issue])),
    share: { us: space.share.us, them: Float64Array.from(issues, (_, i) => (shares[i] ?? 0) / (total || 1)) },
    totalWeight: { us: space.totalWeight.us, them: SCALE },
  }
}

/**
 * Beyond this many points in one staircase the advice gives up rather than keep `status` (and the
 * web app, which computes it on every change) waiting: no plan a person writes comes near it.
 */
const ADVICE_FRONTIER_LIMIT = 20_000

/**
 * The exact frontier of bundles meeting `constraints`, under the estimate; undefined when it is
 * larger than the advice waits for (then there is no joint gain to show, and the reality test holds
 * our last offer instead of proposing a trade).
 */
export function estimatedFrontier(
  space: Space,
  value: TheirValue,
  constraints: readonly CompiledConstraint[],
): Frontier | undefined {
  // The same space, estimate and constraints give the same frontier: the warnings on a MESO set
  // ask for it once per bundle, and a command run once pays for each.
  const bySpace = computed.get(space) ?? new WeakMap()
  computed.set(space, bySpace)
  const byValue = bySpace.get(value) ?? new WeakMap()
  bySpace.set(value, byValue)
  if (byValue.has(constraints)) return byValue.get(constraints)?.frontier
  const exact = computeFrontier(spaceAsEstimated(space, value), {
    constraints,
    maxPoints: ADVICE_FRONTIER_LIMIT,
  })
  const frontier = exact.ok ? exact.frontier : undefined
  byValue.set(constraints, { frontier })
  return frontier
}

/** Frontiers computed, by space, estimate and constraints (all kept by their callers, never changed). */
const computed = new WeakMap<
  Space,
  WeakMap<TheirValue, WeakMap<readonly CompiledConstraint[], { frontier: Frontier | undefined }>>
>()

/** The level indices of frontier point k. */
export function frontierLevels(frontier: Frontier, k: number): Int32Array {
  return frontier.levels.slice(k * frontier.issueCount, (k + 1) * frontier.issueCount)
}
