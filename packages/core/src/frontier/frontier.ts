/**
 * The Pareto frontier of a plan: every distinct (U_us, U_them) pair that no bundle beats, each with
 * one bundle that reaches it, computed issue by issue without enumerating the outcome space.
 *
 * - Single-issue requirements (decision rule items, limits) restrict that issue's levels.
 * - `sum` requirements are carried through the merge as extra coordinates: the issues they name are
 *   merged first, keeping states that no other state beats on utilities and on every partial sum;
 *   once all those issues are in, states that break a sum are dropped and the rest continue as a
 *   two-dimensional staircase (`staircase.ts`).
 * - A pair is beaten when another bundle is at least as good for both sides and better by more than
 *   1e-9 points for one; pairs equal within 1e-9 count once, with the bundle whose level indices are
 *   lexicographically smallest in plan order.
 * - Exact mode stops when a staircase grows past `maxPoints`; epsilon mode (`epsilon.ts`) then
 *   returns a frontier with a proven bound.
 */
import { TOLERANCE } from '../model/limits'
import type { CompiledConstraint } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import { type SumConstraint, sumHolds, sumReachable } from '../scoring/sum-requirement'
import { spendWork } from '../work/budget'
import { coverStaircase, epsilonBudget, thinLevels, thinnedStep, thinnedStepWork } from './epsilon'
import { addIssue, type LevelSet, originStaircase, paretoLevels, type Staircase } from './staircase'

/** Exact mode gives up above this many points in one staircase. */
const EXACT_FRONTIER_LIMIT = 200_000

export interface FrontierOptions {
  /** Requirements every bundle must meet (the decision rule, our limits, or both). */
  constraints?: readonly CompiledConstraint[]
  /** Return a frontier within this many points of the true one, in both coordinates. */
  epsilon?: number
  /** Exact mode's limit on the size of a staircase. */
  maxPoints?: number
  /** Called after each issue is merged. */
  onProgress?: (done: number, total: number) => void
}

/** A computed frontier: utilities in points, sorted by U_us descending, with each point's level indices. */
export interface Frontier {
  size: number
  us: Float64Array
  them: Float64Array
  /** Level index per issue (plan order) of point k: `levels[k * issueCount + i]`. */
  levels: Int32Array
  issueCount: number
  /** 0 for the exact frontier; otherwise the proven distance bound, in points. */
  bound: number
}

export type FrontierResult =
  | { ok: true; frontier: Frontier }
  | { ok: false; code: 'too_large'; points: number; limit: number; suggestedEpsilon: number }
  | { ok: false; code: 'sum_too_large'; points: number; limit: number; sum: string }

interface Step {
  /** Plan index of the issue this step added; -1 for a step that only re-indexes. */
  issue: number
  parent: Int32Array
  level: Int32Array
}

export function computeFrontier(space: Space, options: FrontierOptions = {}): FrontierResult {
  const n = space.issues.length
  const limit = options.maxPoints ?? EXACT_FRONTIER_LIMIT
  const constraints = options.constraints ?? []
  const allowed = allowedLevels(space, constraints)
  const sums = constraints.filter((c): c is SumConstraint => c.kind === 'sum')
  const tolUs = TOLERANCE * space.totalWeight.us
  const tolThem = TOLERANCE * space.totalWeight.them
  if (allowed.some((mask) => mask !== undefined && !mask.some((a) => a === 1))) {
    return { ok: true, frontier: emptyFrontier(n, options.epsilon ?? 0) }
  }

  const sumIssues = new Set(sums.flatMap((sum) => sum.terms.map((term) => term.issue)))
  const order = [
    ...space.issues.map((issue) => issue.index).filter((i) => sumIssues.has(i)),
    ...space.issues.map((issue) => issue.index).filter((i) => !sumIssues.has(i)),
  ]
  const history: Step[] = []
  const compare = (aParent: number, aLevel: number, bParent: number, bLevel: number): number =>
    compareBundles(history, aParent, aLevel, bParent, bLevel)

  let staircase: Staircase
  let done = 0
  if (sums.length > 0) {
    const result = sumPhase(
      space,
      order.slice(0, sumIssues.size),
      sums,
      allowed,
      history,
      tolUs,
      tolThem,
      limit,
    )
    if (!result.ok) {
      // The partial sums are carried exactly in both modes, so a smaller epsilon would not help.
      return {
        ok: false,
        code: 'sum_too_large',
        points: result.points,
        limit,
        sum: sums.map((sum) => sum.text).join('; '),
      }
    }
    staircase = result.staircase
    done = sumIssues.size
    options.onProgress?.(done, n)
  } else staircase = originStaircase()

  const epsilon = options.epsilon
  if (epsilon !== undefined && !(epsilon >= MIN_EPSILON))
    throw new Error(`epsilon ${epsilon} is below ${MIN_EPSILON}; the edges refuse it`)
  const budget = epsilon !== undefined ? epsilonBudget(epsilon, n) : undefined
  const cell = budget ? budget.stepUs * space.totalWeight.us : 0
  for (const i of order.slice(done)) {
    const issue = space.issues[i]
    if (!issue) throw new Error(`issue ${i} missing`)
    const pareto = paretoLevels(issue.gain.us, issue.gain.them, allowed[i], tolUs, tolThem)
    const levels = budget ? thinLevels(pareto, cell) : pareto
    // A step's work is known before it starts: every point so far with every level.
    spendWork(budget ? thinnedStepWork(staircase, levels, cell) : staircase.size * levels.level.length)
    const before = history.length
    history.push({ issue: i, parent: new Int32Array(0), level: new Int32Array(0) })
    staircase = budget
      ? thinnedStep(staircase, levels, cell, tolUs, tolThem)
      : addIssue(staircase, levels, tolUs, tolThem, compare)
    history[before] = { issue: i, parent: staircase.parent, level: staircase.level }
    if (!budget && staircase.size > limit) return tooLarge(space, staircase.size, limit)
    options.onProgress?.(++done, n)
  }
  if (budget) {
    const covered = coverStaircase(
      staircase,
      budget.cover * space.totalWeight.us,
      budget.cover * space.totalWeight.them,
    )
    history.push({ issue: -1, parent: covered.parent, level: covered.level })
    staircase = covered
  }
  return { ok: true, frontier: toFrontier(space, staircase, history, epsilon ?? 0) }
}

/** For each issue, which levels the single-issue requirements allow (undefined: all). */
function allowedLevels(space: Space, constraints: readonly CompiledConstraint[]): (Uint8Array | undefined)[] {
  const masks: (Uint8Array | undefined)[] = space.issues.map(() => undefined)
  for (const constraint of constraints) {
    if (constraint.kind !== 'issue') continue
    const current = masks[constraint.issue]
    masks[constraint.issue] = current
      ? current.map((a, k) => a & (constraint.allowed[k] ?? 0))
      : Uint8Array.from(constraint.allowed)
  }
  return masks
}

function emptyFrontier(issueCount: number, bound: number): Frontier {
  return {
    size: 0,
    us: new Float64Array(0),
    them: new Float64Array(0),
    levels: new Int32Array(0),
    issueCount,
    bound,
  }
}

function tooLarge(space: Space, points: number, limit: number): FrontierResult {
  return { ok: false, code: 'too_large', points, limit, suggestedEpsilon: suggestEpsilon(space) }
}

/** Epsilon-mode work that fits about a second or two on a 2-core machine. */
const EPSILON_WORK = 8e8

/**
 * The smallest epsilon asked for, in points. Utilities are exact to 1e-9, so a bound finer than
 * this says nothing more; the edges (the command line, the API) refuse smaller ones, which would
 * also make cell numbers too large to count exactly.
 */
export const MIN_EPSILON = 1e-6

/** The epsilons worth suggesting, smallest first. */
export const EPSILON_LADDER = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] as const

/**
 * An upper bound of epsilon mode's work for a bound E, known before starting: per issue, the cells
 * once it is merged (at least the points, and what the dense step allocates) times one more than
 * its thinned levels (`thinnedStepWork` never charges more). Infinity (never NaN) for an epsilon
 * too small to count.
 */
export function epsilonWork(space: Space, epsilon: number): number {
  const { stepUs } = epsilonBudget(epsilon, space.issues.length)
  let cells = 1
  let work = 0
  for (const issue of space.issues) {
    const span = 100 * (space.share.us[issue.index] ?? 0)
    // After this issue: at most this many cells, and at most one level kept per cell of its span.
    cells += span / stepUs + 1
    work += cells * (Math.min(issue.levels.length, Math.floor(span / stepUs) + 1) + 1)
  }
  return Number.isFinite(work) ? work : Number.POSITIVE_INFINITY
}

/**
 * The smallest epsilon of the ladder whose epsilon-mode work fits `work` steps (by default about a
 * second or two on a 2-core machine); the largest of the ladder when none does.
 */
export function suggestEpsilon(space: Space, work: number = EPSILON_WORK): number {
  for (const epsilon of EPSILON_LADDER) if (epsilonWork(space, epsilon) <= work) return epsilon
  return EPSILON_LADDER[EPSILON_LADDER.length - 1] as number
}

/**
 * Orders two candidate partial bundles (the last step's parent and level each) lexicographically
 * in plan order: the first issue, in plan order, where their levels differ decides. Walks both back
 * through the steps until they meet (from there on they are the same bundle), without allocating.
 */
function compareBundles(
  history: readonly Step[],
  aParent: number,
  aLevel: number,
  bParent: number,
  bLevel: number,
): number {
  const current = history[history.length - 1]
  if (!current) return 0
  let firstIssue = Number.POSITIVE_INFINITY
  let order = 0
  if (aLevel !== bLevel && current.issue >= 0) {
    firstIssue = current.issue
    order = aLevel - bLevel
  }
  let pa = aParent
  let pb = bParent
  for (let s = history.length - 2; s >= 0 && pa !== pb; s--) {
    const step = history[s] as Step
    const la = step.level[pa] ?? -1
    const lb = step.level[pb] ?? -1
    if (la !== lb && step.issue >= 0 && step.issue < firstIssue) {
      firstIssue = step.issue
      order = la - lb
    }
    pa = step.parent[pa] ?? -1
    pb = step.parent[pb] ?? -1
  }
  return order
}

function toFrontier(space: Space, staircase: Staircase, history: readonly Step[], bound: number): Frontier {
  const n = space.issues.length
  const size = staircase.size
  const levels = new Int32Array(size * n).fill(-1)
  // Walk every point back through the steps at once (one pass per step, over all points).
  const cursor = Int32Array.from({ length: size }, (_, k) => k)
  for (let s = history.length - 1; s >= 0; s--) {
    const step = history[s] as Step
    for (let k = 0; k < size; k++) {
      const p = cursor[k] ?? 0
      if (step.issue >= 0) levels[k * n + step.issue] = step.level[p] ?? -1
      cursor[k] = step.parent[p] ?? -1
    }
  }
  // Utilities from the bundle itself, summed in plan order: the same numbers `parley score` gives.
  const gainsUs = space.issues.map((issue) => issue.gain.us)
  const gainsThem = space.issues.map((issue) => issue.gain.them)
  const us = new Float64Array(size)
  const them = new Float64Array(size)
  for (let k = 0; k < size; k++) {
    let gu = 0
    let gt = 0
    for (let i = 0; i < n; i++) {
      const level = levels[k * n + i] ?? 0
      gu += gainsUs[i]?.[level] ?? 0
      gt += gainsThem[i]?.[level] ?? 0
    }
    us[k] = gu / space.totalWeight.us
    them[k] = gt / space.totalWeight.them
  }
  return { size, us, them, levels, issueCount: n, bound }
}

/**
 * Merges the issues named by `sum` requirements, keeping for each state its partial sums, and
 * pruning states that can no longer meet a sum or that another state beats on utilities and sums.
 */
function sumPhase(
  space: Space,
  issues: readonly number[],
  sums: readonly SumConstraint[],
  allowed: readonly (Uint8Array | undefined)[],
  history: Step[],
  tolUs: number,
  tolThem: number,
  limit: number,
): { ok: true; staircase: Staircase } | { ok: false; points: number } {
  const c = sums.length
  // Each sum's coefficient per issue, and the range the issues not yet merged can still add.
  const times = sums.map((sum) => {
    const row = new Float64Array(space.issues.length)
    for (const term of sum.terms) row[term.issue] = (row[term.issue] ?? 0) + term.times
    return row
  })
  const contribution = (s: number, issue: number, level: number) => {
    const factor = times[s]?.[issue] ?? 0
    return factor === 0 ? 0 : factor * Number(space.issues[issue]?.levels[level] ?? 0)
  }
  const remaining = (from: number) =>
    sums.map((_, s) => {
      let lo = 0
      let hi = 0
      for (const issue of issues.slice(from)) {
        let min = Number.POSITIVE_INFINITY
        let max = Number.NEGATIVE_INFINITY
        const count = space.issues[issue]?.levels.length ?? 0
        for (let k = 0; k < count; k++) {
          if (allowed[issue] && !allowed[issue]?.[k]) continue
          const v = contribution(s, issue, k)
          min = Math.min(min, v)
          max = Math.max(max, v)
        }
        lo += min
        hi += max
      }
      return { lo, hi }
    })
  // Direction in which a smaller partial sum is better (+1), larger is better (-1), or only equal compares (0).
  const direction = sums.map((sum) =>
    sum.op === '<' || sum.op === '<=' ? 1 : sum.op === '>' || sum.op === '>=' ? -1 : 0,
  )

  let us = Float64Array.of(0)
  let them = Float64Array.of(0)
  let z = new Float64Array(c)
  for (let step = 0; step < issues.length; step++) {
    const i = issues[step] as number
    const issue = space.issues[i]
    if (!issue) throw new Error(`issue ${i} missing`)
    const rest = remaining(step + 1)
    const count = us.length
    spendWork(count * issue.levels.length)
    const candidates: number[] = []
    const cu: number[] = []
    const ct: number[] = []
    const cz: number[] = []
    const cParent: number[] = []
    const cLevel: number[] = []
    for (let p = 0; p < count; p++) {
      for (let k = 0; k < issue.levels.length; k++) {
        if (allowed[i] && !allowed[i]?.[k]) continue
        let feasible = true
        const zs: number[] = []
        for (let s = 0; s < c; s++) {
          const value = (z[p * c + s] ?? 0) + contribution(s, i, k)
          zs.push(value)
          const sum = sums[s] as SumConstraint
          const r = rest[s] ?? { lo: 0, hi: 0 }
          if (!sumReachable(sum, value + r.lo, value + r.hi)) feasible = false
        }
        if (!feasible) continue
        candidates.push(candidates.length)
        cu.push((us[p] ?? 0) + (issue.gain.us[k] ?? 0))
        ct.push((them[p] ?? 0) + (issue.gain.them[k] ?? 0))
        cz.push(...zs)
        cParent.push(p)
        cLevel.push(k)
      }
    }
    history.push({ issue: i, parent: Int32Array.from(cParent), level: Int32Array.from(cLevel) })
    const compare = (a: number, b: number) =>
      compareBundles(history, cParent[a] ?? 0, cLevel[a] ?? 0, cParent[b] ?? 0, cLevel[b] ?? 0)
    candidates.sort((a, b) => (cu[b] ?? 0) - (cu[a] ?? 0) || (ct[b] ?? 0) - (ct[a] ?? 0) || compare(a, b))
    if (candidates.length > SUM_PHASE_CANDIDATES) return { ok: false, points: candidates.length }
    const kept: number[] = []
    const beatenBy =
      c === 1
        ? singleSumFilter(candidates, cu, ct, cz, direction[0] ?? 0, tolUs, tolThem, compare)
        : undefined
    for (const a of candidates) {
      if (beatenBy) {
        if (!beatenBy(a)) {
          kept.push(a)
          if (kept.length > limit) return { ok: false, points: kept.length }
        }
        continue
      }
      const beaten = kept.some((b) => {
        for (let s = 0; s < c; s++) {
          const zb = cz[b * c + s] ?? 0
          const za = cz[a * c + s] ?? 0
          const d = direction[s] ?? 0
          if (d === 0 ? zb !== za : d * (zb - za) > 0) return false
        }
        const du = (cu[b] ?? 0) - (cu[a] ?? 0)
        const dt = (ct[b] ?? 0) - (ct[a] ?? 0)
        if (du < -tolUs || dt < -tolThem) return false
        if (du > tolUs || dt > tolThem) return true
        return compare(b, a) < 0
      })
      if (!beaten) {
        kept.push(a)
        if (kept.length > limit) return { ok: false, points: kept.length }
      }
    }
    // Re-index to the kept states.
    const last = history[history.length - 1] as Step
    history[history.length - 1] = {
      issue: i,
      parent: Int32Array.from(kept, (a) => last.parent[a] ?? -1),
      level: Int32Array.from(kept, (a) => last.level[a] ?? -1),
    }
    us = Float64Array.from(kept, (a) => cu[a] ?? 0)
    them = Float64Array.from(kept, (a) => ct[a] ?? 0)
    const nz = new Float64Array(kept.length * c)
    kept.forEach((a, k) => {
      for (let s = 0; s < c; s++) nz[k * c + s] = cz[a * c + s] ?? 0
    })
    z = nz
  }
  // Keep the states that meet every sum, as a clean staircase.
  const meets: number[] = []
  for (let p = 0; p < us.length; p++) {
    if (sums.every((sum, s) => sumHolds(sum, z[p * c + s] ?? 0))) meets.push(p)
  }
  history.push({ issue: -1, parent: Int32Array.from(meets), level: new Int32Array(meets.length).fill(-1) })
  const compare = (a: number, b: number) =>
    compareBundles(
      history.slice(0, -1),
      history[history.length - 2]?.parent[a] ?? 0,
      history[history.length - 2]?.level[a] ?? 0,
      history[history.length - 2]?.parent[b] ?? 0,
      history[history.length - 2]?.level[b] ?? 0,
    )
  const order = meets.map((_, k) => k)
  order.sort(
    (a, b) =>
      (us[meets[b] ?? 0] ?? 0) - (us[meets[a] ?? 0] ?? 0) ||
      (them[meets[b] ?? 0] ?? 0) - (them[meets[a] ?? 0] ?? 0) ||
      compare(meets[a] ?? 0, meets[b] ?? 0),
  )
  const kept: number[] = []
  let best = Number.NEGATIVE_INFINITY
  for (const k of order) {
    const p = meets[k] ?? 0
    const last = kept[kept.length - 1]
    const lastState = last === undefined ? -1 : (meets[last] ?? 0)
    if ((them[p] ?? 0) > best + tolThem) {
      if (last !== undefined && (us[lastState] ?? 0) - (us[p] ?? 0) <= tolUs) kept.pop()
      kept.push(k)
      best = them[p] ?? 0
    } else if (
      last !== undefined &&
      Math.abs((us[lastState] ?? 0) - (us[p] ?? 0)) <= tolUs &&
      Math.abs(best - (them[p] ?? 0)) <= tolThem &&
      compare(p, lastState) < 0
    ) {
      kept[kept.length - 1] = k
      best = them[p] ?? 0
    }
  }
  const last = history[history.length - 1] as Step
  history[history.length - 1] = {
    issue: -1,
    parent: Int32Array.from(kept, (k) => last.parent[k] ?? -1),
    level: new Int32Array(kept.length).fill(-1),
  }
  return {
    ok: true,
    staircase: {
      size: kept.length,
      us: Float64Array.from(kept, (k) => us[meets[k] ?? 0] ?? 0),
      them: Float64Array.from(kept, (k) => them[meets[k] ?? 0] ?? 0),
      parent: Int32Array.from(kept, (k) => k),
      level: new Int32Array(kept.length).fill(-1),
    },
  }
}

/** Candidate states one merge step of the sum phase may weigh before it gives up as too large. */
const SUM_PHASE_CANDIDATES = 4_000_000

/**
 * The dominance test of the sum phase for one sum, in O(log n) per state: states arrive sorted by
 * U_us descending (then U_them, then bundle order); a state is beaten when an earlier kept state is
 * at least as good on the partial sum and better by more than the tolerance on U_them, or better by
 * more than the tolerance on U_us without being worse on U_them, or ties it and comes first. Two
 * Fenwick trees over the partial sums hold the best U_them of the kept states (all of them, and
 * those already more than the tolerance ahead on U_us). Returns a function to call in that order; a
 * state it does not beat counts as kept.
 */
function singleSumFilter(
  order: readonly number[],
  cu: readonly number[],
  ct: readonly number[],
  cz: readonly number[],
  direction: number,
  tolUs: number,
  tolThem: number,
  compare: (a: number, b: number) => number,
): (a: number) => boolean {
  // Rank partial sums so that "at least as good" is a prefix: smaller first for <=, larger first for >=.
  const values = [...new Set(order.map((a) => cz[a] ?? 0))].sort((x, y) => (direction < 0 ? y - x : x - y))
  const rank = new Map(values.map((value, k) => [value, k]))
  const size = values.length
  const all = new Float64Array(size + 1).fill(Number.NEGATIVE_INFINITY)
  const ahead = new Float64Array(size + 1).fill(Number.NEGATIVE_INFINITY)
  const update = (tree: Float64Array, k: number, value: number) => {
    for (let i = k + 1; i <= size; i += i & -i) if ((tree[i] ?? 0) < value) tree[i] = value
  }
  const query = (tree: Float64Array, k: number) => {
    let best = Number.NEGATIVE_INFINITY
    for (let i = k + 1; i > 0; i -= i & -i) best = Math.max(best, tree[i] ?? Number.NEGATIVE_INFINITY)
    return best
  }
  // For '=' only equal partial sums compare, so a map from the sum to the best U_them does.
  const equalAll = new Map<number, number>()
  const equalAhead = new Map<number, number>()
  const bestEqual = (map: Map<number, number>, z: number) => map.get(z) ?? Number.NEGATIVE_INFINITY
  const kept: number[] = []
  let aheadCount = 0
  return (a) => {
    const u = cu[a] ?? 0
    const t = ct[a] ?? 0
    const z = cz[a] ?? 0
    // For '=' only equal partial sums compare: the prefix is then that one rank.
    const k = rank.get(z) ?? 0
    while (aheadCount < kept.length && (cu[kept[aheadCount] ?? 0] ?? 0) > u + tolUs) {
      const b = kept[aheadCount] as number
      const zb = cz[b] ?? 0
      if (direction === 0) equalAhead.set(zb, Math.max(bestEqual(equalAhead, zb), ct[b] ?? 0))
      else update(ahead, rank.get(zb) ?? 0, ct[b] ?? 0)
      aheadCount++
    }
    const allBest = direction === 0 ? bestEqual(equalAll, z) : query(all, k)
    let beaten = allBest > t + tolThem
    if (!beaten) beaten = (direction === 0 ? bestEqual(equalAhead, z) : query(ahead, k)) >= t - tolThem
    if (!beaten) {
      // A tie within the tolerance on both utilities, by a state as good on the sum that comes first.
      for (let j = kept.length - 1; j >= aheadCount; j--) {
        const b = kept[j] as number
        const zb = cz[b] ?? 0
        const asGood = direction === 0 ? zb === z : direction * (zb - z) <= 0
        if (asGood && Math.abs((ct[b] ?? 0) - t) <= tolThem && compare(b, a) < 0) {
          beaten = true
          break
        }
      }
    }
    if (!beaten) {
      kept.push(a)
      if (direction === 0) equalAll.set(z, Math.max(bestEqual(equalAll, z), t))
      else update(all, k, t)
    }
    return beaten
  }
}

export type { LevelSet }
