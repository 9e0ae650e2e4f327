/**
 * The numeric model of a plan that scoring and the optimiser work on: each issue's levels with
 * both sides' scores, the normalised weights, and each level's contribution to utility.
 * U_p(b) = sum_i w_pi * s_pi(b_i) / sum_i w_pi, computed as the left-to-right sum of the gains
 * w_pi * s_pi(b_i), divided once by the total weight: every caller gets bit-identical utilities for
 * the same bundle, and plans with whole weights and scores get exact sums (100, not 99.99999999999997).
 */
import { type Issue, type Level, type Plan, type Preference, SIDES, type Side } from '../model/plan'
import { isNumericLevels, levelKey, rangeLevels } from '../plan/levels'

export interface IssueModel {
  id: string
  name: string
  /** Empty when the issue gives none (text options may leave it out). */
  unit: string
  index: number
  kind: 'range' | 'options'
  levels: readonly Level[]
  numeric: boolean
  /** Numeric extremes of the levels (NaN for text options). */
  min: number
  max: number
  /** Grid step of a range. */
  step?: number
  tradeable: boolean
  preference: Record<Side, Preference>
  /** Each side's score of each level, 0..100. */
  score: Record<Side, Float64Array>
  /** Each side's gain from each level: weight times score (divide a bundle's sum by `totalWeight` for points). */
  gain: Record<Side, Float64Array>
}

export interface Space {
  plan: Plan
  issues: readonly IssueModel[]
  byId: ReadonlyMap<string, IssueModel>
  /** Each side's normalised weight per issue (shares summing to 1). */
  share: Record<Side, Float64Array>
  /** Each side's sum of weights: a bundle's utility is its summed gains divided by this. */
  totalWeight: Record<Side, number>
  /** Number of bundles: the product of the level counts. */
  outcomes: number
}

/** Compiles a valid plan. */
export function compileSpace(plan: Plan): Space {
  const totalWeight = {
    us: sum(plan.issues.map((issue) => issue.us.weight)),
    them: sum(plan.issues.map((issue) => issue.them.weight)),
  }
  const share = {
    us: Float64Array.from(plan.issues, (issue) => issue.us.weight / totalWeight.us),
    them: Float64Array.from(plan.issues, (issue) => issue.them.weight / totalWeight.them),
  }
  const issues = plan.issues.map((issue, index) => compileIssue(issue, index))
  const outcomes = issues.reduce((product, issue) => product * issue.levels.length, 1)
  return {
    plan,
    issues,
    byId: new Map(issues.map((issue) => [issue.id, issue])),
    share,
    totalWeight,
    outcomes,
  }
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}

function compileIssue(issue: Issue, index: number): IssueModel {
  const levels: Level[] = issue.range ? rangeLevels(issue.range) : [...(issue.options ?? [])]
  const numeric = isNumericLevels(levels)
  const numbers = numeric ? (levels as number[]) : []
  const min = issue.range?.min ?? (numeric ? Math.min(...numbers) : Number.NaN)
  const max = issue.range?.max ?? (numeric ? Math.max(...numbers) : Number.NaN)
  const model: IssueModel = {
    id: issue.id,
    name: issue.name,
    unit: issue.unit ?? '',
    index,
    kind: issue.range ? 'range' : 'options',
    levels,
    numeric,
    min,
    max,
    ...(issue.range ? { step: issue.range.step } : {}),
    tradeable: issue.tradeable === true,
    preference: { us: issue.us, them: issue.them },
    score: { us: new Float64Array(levels.length), them: new Float64Array(levels.length) },
    gain: { us: new Float64Array(levels.length), them: new Float64Array(levels.length) },
  }
  for (const side of SIDES) {
    const weight = issue[side].weight
    levels.forEach((level, k) => {
      const score = scoreLevel(model, side, level)
      model.score[side][k] = score
      model.gain[side][k] = weight * score
    })
  }
  return model
}

/**
 * One side's score of a value of an issue, 0..100. Works for off-grid values inside a range
 * (a counter at 117,500 on a 5,000 step) by the same formula as the grid.
 */
export function scoreLevel(
  issue: Pick<IssueModel, 'min' | 'max' | 'preference'>,
  side: Side,
  level: Level,
): number {
  const preference = issue.preference[side]
  if (preference.scores) return preference.scores[levelKey(level)] ?? 0
  const x = Number(level)
  if (preference.points) return piecewise(preference.points, x)
  const span = issue.max - issue.min
  if (!(span > 0)) return 100
  // The ends exactly: 100 × (max − min) / (max − min) can round to 99.99999999999999.
  const low = preference.prefer === 'low'
  if (x <= issue.min) return low ? 100 : 0
  if (x >= issue.max) return low ? 0 : 100
  const score = low ? (100 * (issue.max - x)) / span : (100 * (x - issue.min)) / span
  return Math.min(100, Math.max(0, score))
}

function piecewise(pointList: readonly (readonly [number, number])[], x: number): number {
  const first = pointList[0]
  const last = pointList[pointList.length - 1]
  if (!first || !last) return 0
  if (x <= first[0]) return first[1]
  if (x >= last[0]) return last[1]
  for (let k = 1; k < pointList.length; k++) {
    const right = pointList[k]
    const left = pointList[k - 1]
    if (!right || !left || x > right[0]) continue
    if (x === right[0]) return right[1]
    // Float rounding can carry the line a hair past its ends (0.007 - 0.035 / 5 is -8.7e-19):
    // a score stays between the scores of the points either side, so never below 0 or above 100.
    const value = left[1] + ((right[1] - left[1]) * (x - left[0])) / (right[0] - left[0])
    return Math.min(Math.max(value, Math.min(left[1], right[1])), Math.max(left[1], right[1]))
  }
  return last[1]
}

/** Index of the level a value names, matching grid points within 1e-9 of a step; -1 when none. */
export function findLevelIndex(issue: IssueModel, value: Level): number {
  if (issue.kind === 'options') {
    const key = levelKey(value)
    return issue.levels.findIndex((level) => levelKey(level) === key)
  }
  if (typeof value !== 'number' || issue.step === undefined) return -1
  const k = Math.round((value - issue.min) / issue.step)
  const level = issue.levels[k]
  return typeof level === 'number' && Math.abs(level - value) <= 1e-9 * issue.step ? k : -1
}
