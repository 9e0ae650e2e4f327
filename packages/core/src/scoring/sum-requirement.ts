/**
 * How a `sum` requirement judges a weighted sum of levels: whether a whole bundle's sum meets it,
 * and whether a partial bundle whose sum can still end anywhere in [lo, hi] might. The frontier's
 * merge and the MESO search both prune with these, and must admit exactly the same bundles.
 */
import type { CompiledConstraint } from './constraints'

export type SumConstraint = Extract<CompiledConstraint, { kind: 'sum' }>

/** Whether a finished bundle's sum meets the requirement, within its epsilon. */
export function sumHolds(sum: SumConstraint, value: number): boolean {
  const e = sum.epsilon
  switch (sum.op) {
    case '<':
      return value < sum.value - e
    case '<=':
      return value <= sum.value + e
    case '=':
      return Math.abs(value - sum.value) <= e
    case '>=':
      return value >= sum.value - e
    case '>':
      return value > sum.value + e
  }
}

/**
 * Whether some completion with a final sum in [lo, hi] could meet the requirement. Only the end of
 * the interval the operator looks at matters, except for '=', which needs the target inside it.
 */
export function sumReachable(sum: SumConstraint, lo: number, hi: number): boolean {
  const e = sum.epsilon
  switch (sum.op) {
    case '<':
      return lo < sum.value - e
    case '<=':
      return lo <= sum.value + e
    case '=':
      return lo <= sum.value + e && hi >= sum.value - e
    case '>=':
      return hi >= sum.value - e
    case '>':
      return hi > sum.value + e
  }
}
