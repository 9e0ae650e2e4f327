/**
 * A simulated counterpart's hidden truth — what it really values — and the arithmetic on it.
 * U_true(b) = sum_i w_i * s_i(b_i), with w the true weight shares (summing to 1) and s_i its true
 * score of each level of issue i (0..100), summed in plan order like every utility in Parley.
 * `theirSpace` gives a plan's space with their side replaced by such preferences, so the exact
 * frontier, the bargaining points and the MESO search run unchanged on the truth (or on a belief).
 */
import type { Space } from '../scoring/space'

/** A counterpart's true preferences and alternative. Plain data: it crosses to worker threads. */
export interface CounterpartTruth {
  /** True weight shares per issue (plan order), summing to 1. */
  weights: number[]
  /** True score of each level of each issue (plan order, levels in the plan's order), 0..100. */
  scores: number[][]
  /** True utility of its BATNA, in points. */
  batna: number
  /** Issues whose true scores are our estimate's reversed (100 - s). */
  reversed: boolean[]
  /** `perturbed`: the factor drawn for each estimated weight (before renormalising). */
  factors?: number[]
}

/** Their true utility, in points, of a bundle given as level indices (plan order). */
export function trueUtility(truth: CounterpartTruth, levels: ArrayLike<number>): number {
  let total = 0
  for (let i = 0; i < truth.weights.length; i++)
    total += (truth.weights[i] ?? 0) * (truth.scores[i]?.[levels[i] ?? 0] ?? 0)
  return total
}

/** Our utility, in points, of a bundle given as level indices, exactly as `parley score` computes it. */
export function ourUtility(space: Space, levels: ArrayLike<number>): number {
  let total = 0
  for (const issue of space.issues) total += issue.gain.us[levels[issue.index] ?? 0] ?? 0
  return total / space.totalWeight.us
}

/**
 * The space with their side replaced: weight shares `weights` (summing to 1) and per-level scores.
 * Our side, the levels and the plan are shared with the original.
 */
export function theirSpace(
  space: Space,
  weights: ArrayLike<number>,
  scores: readonly ArrayLike<number>[],
): Space {
  const issues = space.issues.map((issue) => {
    const score = Float64Array.from(scores[issue.index] ?? issue.score.them)
    const share = weights[issue.index] ?? 0
    return {
      ...issue,
      score: { us: issue.score.us, them: score },
      gain: { us: issue.gain.us, them: Float64Array.from(score, (s) => share * s) },
    }
  })
  return {
    ...space,
    issues,
    byId: new Map(issues.map((issue) => [issue.id, issue])),
    share: {
      us: space.share.us,
      them: Float64Array.from({ length: issues.length }, (_, i) => weights[i] ?? 0),
    },
    totalWeight: { us: space.totalWeight.us, them: 1 },
  }
}

/** The space of a counterpart's truth. */
export function truthSpace(space: Space, truth: CounterpartTruth): Space {
  return theirSpace(space, truth.weights, truth.scores)
}

/** Our estimate's scores of every level, reversed where `reversed` says (the same move the learner weighs for uncertain issues). */
export function estimatedScores(space: Space, reversed: readonly boolean[] = []): number[][] {
  return space.issues.map((issue) =>
    Array.from(issue.score.them, (score) => (reversed[issue.index] ? 100 - score : score)),
  )
}
