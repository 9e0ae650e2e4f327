/**
 * A window of bundles — bundles that meet the decision rule (and our limits), lie within a band of
 * value to us and give them at least a floor under our estimate: the set a MESO bundle is chosen
 * from (within the tolerance of the target, above our reservation and their BATNA), and the one the
 * bundles most likely to be their best are searched in — and two exact ways to search it:
 * - `enumerateWindow` lists it outright when it is small (a depth-first search that prunes
 *   branches that can no longer land in the window);
 * - `bestForThem` finds the bundle in it that a given weight vector for them values most,
 *   by branch and bound with Lagrangian bounds on the U_us window.
 * All comparisons allow 1e-9 points, and a bundle's utilities are summed in plan order, exactly
 * as `parley score` computes them.
 */
import { TOLERANCE } from '../model/limits'
import type { CompiledConstraint } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import { type SumConstraint, sumHolds, sumReachable } from '../scoring/sum-requirement'
import { spendWork } from '../work/budget'

/** A search node costs about as much as a dozen frontier merge pairs (measured), the budget's unit. */
const SEARCH_NODE_WORK = 12

export interface WindowBounds {
  /** Lowest and highest U_us allowed, in points. */
  usLow: number
  usHigh: number
  /** Lowest U_them (our estimate) allowed, in points. */
  themLow: number
  /** Decision rule items and our limits. */
  constraints: readonly CompiledConstraint[]
}

interface SearchIssue {
  /** Plan index. */
  issue: number
  /** Allowed level indices. */
  levels: Int32Array
  /** Raw gains per allowed level: ours, theirs (estimate), and their score 0..100. */
  u: Float64Array
  e: Float64Array
  score: Float64Array
  /** Per sum constraint, the contribution of each allowed level. */
  z: Float64Array[]
}

export interface SearchProblem {
  space: Space
  bounds: WindowBounds
  order: SearchIssue[]
  sums: SumConstraint[]
  uLo: number
  uHi: number
  eLo: number
  /** Suffix extremes from each depth on (index = depth). */
  sufMinU: Float64Array
  sufMaxU: Float64Array
  sufMaxE: Float64Array
  sufMinZ: Float64Array[]
  sufMaxZ: Float64Array[]
  /** The window narrowed by the slack; undefined with sum requirements, which the exact test alone decides. */
  inner: InnerWindow | undefined
  /** False when some issue has no allowed level. */
  feasible: boolean
}

export function searchProblem(space: Space, bounds: WindowBounds): SearchProblem {
  const n = space.issues.length
  const masks: (Uint8Array | undefined)[] = space.issues.map(() => undefined)
  for (const constraint of bounds.constraints) {
    if (constraint.kind !== 'issue') continue
    const current = masks[constraint.issue]
    masks[constraint.issue] = current
      ? current.map((a, k) => a & (constraint.allowed[k] ?? 0))
      : Uint8Array.from(constraint.allowed)
  }
  const sums = bounds.constraints.filter((c): c is SumConstraint => c.kind === 'sum')
  const issues: SearchIssue[] = space.issues.map((issue) => {
    const levels: number[] = []
    for (let k = 0; k < issue.levels.length; k++)
      if (!masks[issue.index] || masks[issue.index]?.[k]) levels.push(k)
    return {
      issue: issue.index,
      levels: Int32Array.from(levels),
      u: Float64Array.from(levels, (k) => issue.gain.us[k] ?? 0),
      e: Float64Array.from(levels, (k) => issue.gain.them[k] ?? 0),
      score: Float64Array.from(levels, (k) => issue.score.them[k] ?? 0),
      z: sums.map((sum) => {
        const times = sum.terms
          .filter((term) => term.issue === issue.index)
          .reduce((total, term) => total + term.times, 0)
        // Text levels never appear in a sum (checked when the plan is read); 0 * NaN would poison it.
        return Float64Array.from(levels, (k) => (times === 0 ? 0 : times * Number(issue.levels[k] ?? 0)))
      }),
    }
  })
  // Issues that move U_us most go first: the window prunes best there.
  const range = (values: Float64Array) => (values.length ? Math.max(...values) - Math.min(...values) : 0)
  const order = [...issues].sort((a, b) => range(b.u) - range(a.u) || a.issue - b.issue)
  const sufMinU = new Float64Array(n + 1)
  const sufMaxU = new Float64Array(n + 1)
  const sufMaxE = new Float64Array(n + 1)
  const sufMinZ = sums.map(() => new Float64Array(n + 1))
  const sufMaxZ = sums.map(() => new Float64Array(n + 1))
  for (let d = n - 1; d >= 0; d--) {
    const item = order[d] as SearchIssue
    sufMinU[d] = (sufMinU[d + 1] ?? 0) + Math.min(...item.u)
    sufMaxU[d] = (sufMaxU[d + 1] ?? 0) + Math.max(...item.u)
    sufMaxE[d] = (sufMaxE[d + 1] ?? 0) + Math.max(...item.e)
    sums.forEach((_, s) => {
      const z = item.z[s] as Float64Array
      ;(sufMinZ[s] as Float64Array)[d] = ((sufMinZ[s] as Float64Array)[d + 1] ?? 0) + Math.min(...z)
      ;(sufMaxZ[s] as Float64Array)[d] = ((sufMaxZ[s] as Float64Array)[d + 1] ?? 0) + Math.max(...z)
    })
  }
  // A hair of slack so float noise never prunes a bundle the exact check at the leaf would accept;
  // the same slack inward makes the inner window, where that check always agrees.
  const slackU = 1e-7 * space.totalWeight.us
  const slackE = 1e-7 * space.totalWeight.them
  return {
    space,
    bounds,
    order,
    sums,
    uLo: bounds.usLow * space.totalWeight.us - slackU,
    uHi: bounds.usHigh * space.totalWeight.us + slackU,
    eLo: bounds.themLow * space.totalWeight.them - slackE,
    inner:
      sums.length > 0
        ? undefined
        : {
            uLo: bounds.usLow * space.totalWeight.us + slackU,
            uHi: bounds.usHigh * space.totalWeight.us - slackU,
            eLo: bounds.themLow * space.totalWeight.them + slackE,
          },
    sufMinU,
    sufMaxU,
    sufMaxE,
    sufMinZ,
    sufMaxZ,
    feasible: issues.every((item) => item.levels.length > 0),
  }
}

/** The exact membership test, on a bundle's level indices in plan order. */
function inWindow(problem: SearchProblem, levels: ArrayLike<number>): boolean {
  const { space, bounds, sums } = problem
  let gu = 0
  let ge = 0
  for (const issue of space.issues) {
    const k = levels[issue.index] ?? 0
    gu += issue.gain.us[k] ?? 0
    ge += issue.gain.them[k] ?? 0
  }
  const us = gu / space.totalWeight.us
  const them = ge / space.totalWeight.them
  if (us < bounds.usLow - TOLERANCE || us > bounds.usHigh + TOLERANCE || them < bounds.themLow - TOLERANCE)
    return false
  for (const sum of sums) {
    let z = 0
    for (const term of sum.terms)
      z += term.times * Number(space.issues[term.issue]?.levels[levels[term.issue] ?? 0] ?? 0)
    if (!sumHolds(sum, z)) return false
  }
  return true
}

/**
 * A further floor on the bundles listed: a value summed from one term per issue (their utility
 * under an estimate other than the window's, such as a learned one) must reach `low`.
 */
export interface ListingFloor {
  /** Per plan issue, each level's term (indexed by level); a bundle's value is their sum. */
  terms: readonly ArrayLike<number>[]
  low: number
}

/**
 * Lists the window when it holds at most `cap` bundles and the search stays within `nodeBudget`;
 * otherwise returns undefined. Bundles are level-index vectors in plan order. With a `floor`, the
 * listing leaves out the branches that cannot reach it (by more than a hair, so a bundle at the
 * edge is still listed: the caller checks the floor exactly, summed its own way), and the cap
 * counts the bundles that can.
 */
export function enumerateWindow(
  problem: SearchProblem,
  cap: number,
  nodeBudget = 2_000_000,
  floor?: ListingFloor,
): Int32Array[] | undefined {
  if (!problem.feasible) return []
  const width = problem.space.issues.length
  const n = problem.order.length
  // The floor's terms in search order, and the most the issues from each depth on can add.
  const floorTerms = problem.order.map((item) =>
    Float64Array.from(item.levels, (k) => (floor ? Number(floor.terms[item.issue]?.[k] ?? 0) : 0)),
  )
  const sufMaxF = new Float64Array(n + 1)
  for (let d = n - 1; d >= 0; d--) sufMaxF[d] = (sufMaxF[d + 1] ?? 0) + Math.max(...(floorTerms[d] ?? []))
  const listing: WindowListing = {
    problem,
    cap,
    nodeBudget,
    width,
    buffer: new Int32Array(width * 64),
    count: 0,
    levels: new Int32Array(width),
    z: new Float64Array(problem.sums.length),
    floorTerms,
    sufMaxF,
    // A hair below the floor: the terms are summed in another order than the caller's check sums them.
    floorLow: floor ? floor.low - 1e-7 * (1 + Math.abs(floor.low)) : Number.NEGATIVE_INFINITY,
    nodes: 0,
    overflow: false,
  }
  listNode(listing, 0, 0, 0, 0)
  spendWork(listing.nodes * SEARCH_NODE_WORK)
  if (listing.overflow) return undefined
  const { buffer, count } = listing
  return Array.from({ length: count }, (_, k) => buffer.slice(k * width, (k + 1) * width))
}

/**
 * One run of `enumerateWindow`. The bundles found sit one after another in one buffer (grown by
 * doubling): a window that overflows the cap then costs no array per bundle, and one that does not
 * is cut into bundles at the end.
 */
interface WindowListing {
  problem: SearchProblem
  cap: number
  nodeBudget: number
  width: number
  buffer: Int32Array
  count: number
  /** The bundle being built (plan order) and its partial sums for each sum requirement. */
  levels: Int32Array
  z: Float64Array
  /** The floor's terms per depth (search order), their suffix maxima, and the floor less its hair. */
  floorTerms: Float64Array[]
  sufMaxF: Float64Array
  floorLow: number
  nodes: number
  overflow: boolean
}

/**
 * The window narrowed by the slack, in raw gains: a bundle whose U_us and U_them, summed in any
 * order, fall inside these passes the exact test too (the slack is far above the rounding of a
 * few dozen sums), so it needs no second, canonical summation.
 */
interface InnerWindow {
  uLo: number
  uHi: number
  eLo: number
}

/** Keeps the bundle in `listing.levels`, or marks the overflow when the cap is reached. */
function keepListed(listing: WindowListing): void {
  if (listing.count >= listing.cap) {
    listing.overflow = true
    return
  }
  const { width } = listing
  if ((listing.count + 1) * width > listing.buffer.length) {
    const grown = new Int32Array(listing.buffer.length * 2)
    grown.set(listing.buffer)
    listing.buffer = grown
  }
  listing.buffer.set(listing.levels, listing.count * width)
  listing.count++
}

/** A node of the listing: the issues before `depth` are set, with partial U_us, U_them and floor value. */
function listNode(listing: WindowListing, depth: number, pu: number, pe: number, pf: number): void {
  const { problem, levels, z } = listing
  const { inner } = problem
  const n = problem.order.length
  if (depth === n) {
    if (inWindow(problem, levels)) keepListed(listing)
    return
  }
  const item = problem.order[depth] as SearchIssue
  const restMinU = problem.sufMinU[depth + 1] ?? 0
  const restMaxU = problem.sufMaxU[depth + 1] ?? 0
  const restMaxE = problem.sufMaxE[depth + 1] ?? 0
  const floorTerms = listing.floorTerms[depth] as Float64Array
  const restMaxF = listing.sufMaxF[depth + 1] ?? 0
  const last = depth === n - 1
  for (let j = 0; j < item.levels.length; j++) {
    if (++listing.nodes > listing.nodeBudget) {
      listing.overflow = true
      return
    }
    const u = pu + (item.u[j] ?? 0)
    if (u + restMinU > problem.uHi || u + restMaxU < problem.uLo) continue
    const e = pe + (item.e[j] ?? 0)
    if (e + restMaxE < problem.eLo) continue
    const f = pf + (floorTerms[j] ?? 0)
    if (f + restMaxF < listing.floorLow) continue
    if (!sumsReachable(problem, item, j, depth, z)) continue
    levels[item.issue] = item.levels[j] ?? 0
    if (last && inner && u >= inner.uLo && u <= inner.uHi && e >= inner.eLo) {
      // A leaf well inside the window: kept without summing it again.
      keepListed(listing)
    } else {
      addZ(problem, item, j, z, 1)
      listNode(listing, depth + 1, u, e, f)
      addZ(problem, item, j, z, -1)
    }
    if (listing.overflow) return
  }
}

function addZ(problem: SearchProblem, item: SearchIssue, j: number, z: Float64Array, sign: number): void {
  for (let s = 0; s < problem.sums.length; s++)
    z[s] = (z[s] ?? 0) + sign * ((item.z[s] as Float64Array)[j] ?? 0)
}

function sumsReachable(
  problem: SearchProblem,
  item: SearchIssue,
  j: number,
  depth: number,
  z: Float64Array,
): boolean {
  for (let s = 0; s < problem.sums.length; s++) {
    const value = (z[s] ?? 0) + ((item.z[s] as Float64Array)[j] ?? 0)
    const lo = value + ((problem.sufMinZ[s] as Float64Array)[depth + 1] ?? 0)
    const hi = value + ((problem.sufMaxZ[s] as Float64Array)[depth + 1] ?? 0)
    if (!sumReachable(problem.sums[s] as SumConstraint, lo, hi)) return false
  }
  return true
}

/** Their utility, in points, of a bundle under weight shares `w` (indexed by plan issue). */
export function utilityUnder(space: Space, w: ArrayLike<number>, levels: ArrayLike<number>): number {
  let total = 0
  let weight = 0
  for (const issue of space.issues) {
    const share = w[issue.index] ?? 0
    total += share * (issue.score.them[levels[issue.index] ?? 0] ?? 0)
    weight += share
  }
  return total / weight
}

/**
 * The bundle of the window that weight shares `w` for them value most (exactly, ties to the first
 * found), or undefined when the window is empty or the search exceeds `nodeBudget`. `known` are
 * bundles of the same window (found for other weights): the best of them under `w` starts the
 * search just below its value, so the bound prunes from the first node and the answer is the one
 * the search would find without them.
 */
export function bestForThem(
  problem: SearchProblem,
  weights: ArrayLike<number>,
  nodeBudget = 300_000,
  known: readonly Int32Array[] = [],
): Int32Array | undefined {
  if (!problem.feasible) return undefined
  let total = 0
  for (let i = 0; i < weights.length; i++) total += weights[i] ?? 0
  const w = new Float64Array(weights.length)
  for (let i = 0; i < weights.length; i++) w[i] = (weights[i] ?? 0) / total
  const n = problem.order.length
  const { order, uLo, uHi } = problem
  const objective: Float64Array[] = []
  const sufMaxO = new Float64Array(n + 1)
  for (let d = 0; d < n; d++) {
    const item = order[d] as SearchIssue
    const share = w[item.issue] ?? 0
    const o = new Float64Array(item.score.length)
    for (let j = 0; j < o.length; j++) o[j] = share * (item.score[j] ?? 0)
    objective.push(o)
  }
  for (let d = n - 1; d >= 0; d--) {
    const o = objective[d] as Float64Array
    let top = Number.NEGATIVE_INFINITY
    for (let j = 0; j < o.length; j++) if ((o[j] ?? 0) > top) top = o[j] ?? 0
    sufMaxO[d] = (sufMaxO[d + 1] ?? 0) + top
  }
  // Lagrangian multipliers for the lower and upper U_us bounds, from the root relaxation.
  const lambda = bestMultiplier(order, objective, uLo, 1)
  const mu = bestMultiplier(order, objective, uHi, -1)
  // With a multiplier of 0 the Lagrangian bound is the plain one, sum for sum.
  const sufL = lambda === 0 ? sufMaxO : suffixLagrangian(order, objective, lambda, 1)
  const sufM = mu === 0 ? sufMaxO : suffixLagrangian(order, objective, mu, -1)
  // Levels tried best-first under the lower-bound relaxation, which usually binds.
  const tryOrder = order.map((item, d) => bestFirst(objective[d] as Float64Array, item.u, lambda))
  let bestValue = Number.NEGATIVE_INFINITY
  // Below the best known by far more than rounding, so a bundle tying with it is still found first in search order.
  for (const levels of known) bestValue = Math.max(bestValue, utilityUnder(problem.space, w, levels) - 1e-9)
  const search: BestSearch = {
    problem,
    w,
    objective,
    sufMaxO,
    lambda,
    mu,
    sufL,
    sufM,
    tryOrder,
    nodeBudget,
    hasSums: problem.sums.length > 0,
    levels: new Int32Array(problem.space.issues.length),
    z: new Float64Array(problem.sums.length),
    best: undefined,
    bestValue,
    nodes: 0,
    overflow: false,
  }
  searchNode(search, 0, 0, 0, 0)
  spendWork(search.nodes * SEARCH_NODE_WORK)
  return search.overflow ? undefined : search.best
}

/**
 * One run of `bestForThem`: what its nodes read and update, in one object, so that the node
 * function is one function V8 optimises once for every search (a closure made per search is
 * optimised again for each of the hundred or so a MESO command runs).
 */
interface BestSearch {
  problem: SearchProblem
  /** Their weight shares, summing to 1. */
  w: Float64Array
  /** Per depth, each allowed level's share-weighted score for them, and the best sum from each depth on. */
  objective: Float64Array[]
  sufMaxO: Float64Array
  /** Lagrangian multipliers of the lower and upper U_us bounds, and the bounds' suffix sums. */
  lambda: number
  mu: number
  sufL: Float64Array
  sufM: Float64Array
  /** Per depth, the allowed levels in the order they are tried. */
  tryOrder: Int32Array[]
  nodeBudget: number
  hasSums: boolean
  /** The bundle being built (plan order) and its partial sums for each sum requirement. */
  levels: Int32Array
  z: Float64Array
  best: Int32Array | undefined
  bestValue: number
  nodes: number
  overflow: boolean
}

/** A node of the search: the issues before `depth` are set, with partial U_us, U_them and objective. */
function searchNode(search: BestSearch, depth: number, pu: number, pe: number, po: number): void {
  const { problem } = search
  if (depth === problem.order.length) {
    if (!inWindow(problem, search.levels)) return
    const value = utilityUnder(problem.space, search.w, search.levels)
    if (value > search.bestValue) {
      search.bestValue = value
      search.best = Int32Array.from(search.levels)
    }
    return
  }
  const { uLo, uHi, eLo } = problem
  const { lambda, mu, levels, z } = search
  const item = problem.order[depth] as SearchIssue
  const o = search.objective[depth] as Float64Array
  const restMinU = problem.sufMinU[depth + 1] ?? 0
  const restMaxU = problem.sufMaxU[depth + 1] ?? 0
  const restMaxE = problem.sufMaxE[depth + 1] ?? 0
  const restO = search.sufMaxO[depth + 1] ?? 0
  const restL = search.sufL[depth + 1] ?? 0
  const restM = search.sufM[depth + 1] ?? 0
  const tries = search.tryOrder[depth] as Int32Array
  for (let t = 0; t < tries.length; t++) {
    if (++search.nodes > search.nodeBudget) {
      search.overflow = true
      return
    }
    const j = tries[t] ?? 0
    const u = pu + (item.u[j] ?? 0)
    if (u + restMinU > uHi || u + restMaxU < uLo) continue
    const e = pe + (item.e[j] ?? 0)
    if (e + restMaxE < eLo) continue
    const value = po + (o[j] ?? 0)
    const floor = search.bestValue + BOUND_SLACK
    if (value + restO <= floor) continue
    const lagrangian = value + lambda * (u - uLo) + restL
    if (lagrangian <= floor) {
      // Levels are tried in order of this bound, so the rest fall below it too: with a margin far
      // above the rounding of the sums, stop here (within it, the next level is tried).
      if (lagrangian < floor - 1e-9 * (1 + Math.abs(floor))) break
      continue
    }
    if (value + mu * (uHi - u) + restM <= floor) continue
    levels[item.issue] = item.levels[j] ?? 0
    if (search.hasSums) {
      if (!sumsReachable(problem, item, j, depth, z)) continue
      addZ(problem, item, j, z, 1)
      searchNode(search, depth + 1, u, e, value)
      addZ(problem, item, j, z, -1)
    } else searchNode(search, depth + 1, u, e, value)
    if (search.overflow) return
  }
}

/** A bound within this of the best found does not prune: rounding is not a reason to skip a bundle. */
const BOUND_SLACK = 1e-12

/**
 * The level indices 0..k-1 ordered by o + lambda * u, highest first, ties in index order: the
 * order a stable sort gives. An insertion sort for the usual dozen levels (no comparator to call),
 * the stable sort for long ranges (a plan may give an issue up to 1,000 levels).
 */
export function bestFirst(o: Float64Array, u: Float64Array, lambda: number): Int32Array {
  const k = o.length
  const key = new Float64Array(k)
  for (let j = 0; j < k; j++) key[j] = (o[j] ?? 0) + lambda * (u[j] ?? 0)
  if (k > 32)
    return Int32Array.from(
      Array.from({ length: k }, (_, j) => j).sort((a, b) => (key[b] ?? 0) - (key[a] ?? 0)),
    )
  const out = new Int32Array(k)
  for (let j = 0; j < k; j++) {
    let at = j
    while (at > 0 && (key[j] ?? 0) - (key[out[at - 1] ?? 0] ?? 0) > 0) {
      out[at] = out[at - 1] ?? 0
      at--
    }
    out[at] = j
  }
  return out
}

/** Sum over the issues from each depth on of the best o + sign * m * u. */
function suffixLagrangian(
  order: readonly SearchIssue[],
  objective: readonly Float64Array[],
  m: number,
  sign: number,
): Float64Array {
  const n = order.length
  const out = new Float64Array(n + 1)
  for (let d = n - 1; d >= 0; d--) {
    const item = order[d] as SearchIssue
    const o = objective[d] as Float64Array
    let best = Number.NEGATIVE_INFINITY
    for (let j = 0; j < o.length; j++) best = Math.max(best, (o[j] ?? 0) + sign * m * (item.u[j] ?? 0))
    out[d] = (out[d + 1] ?? 0) + best
  }
  return out
}

/**
 * The multiplier m >= 0 minimising the Lagrangian bound f(m) = sum_i max_x (o + sign*m*u) - sign*m*limit:
 * the relaxation's dual, exactly. f is convex and piecewise linear; each issue's max is the upper
 * envelope of its levels' lines, so walking the envelopes' breakpoints in order of m and keeping
 * f's slope finds the first m where the slope stops being negative (0 when it never is negative).
 */
function bestMultiplier(
  order: readonly SearchIssue[],
  objective: readonly Float64Array[],
  limit: number,
  sign: number,
): number {
  let slope = -sign * limit
  // Per issue, the line on top just after m = 0: the highest intercept, then the steepest.
  const top = new Int32Array(order.length)
  for (let d = 0; d < order.length; d++) {
    const u = (order[d] as SearchIssue).u
    const o = objective[d] as Float64Array
    if (o.length === 0) continue
    let current = 0
    for (let j = 1; j < o.length; j++) {
      const dj = (o[j] ?? 0) - (o[current] ?? 0)
      if (dj > 0 || (dj === 0 && sign * (u[j] ?? 0) > sign * (u[current] ?? 0))) current = j
    }
    top[d] = current
    slope += sign * (u[current] ?? 0)
  }
  // The bound does not fall as m grows from 0 (usually so for the upper bound): no envelope to walk.
  if (slope >= 0) return 0
  const at: number[] = []
  const change: number[] = []
  for (let d = 0; d < order.length; d++) {
    const u = (order[d] as SearchIssue).u
    const o = objective[d] as Float64Array
    if (o.length === 0) continue
    let current = top[d] ?? 0
    let m = 0
    for (;;) {
      // The steeper line that overtakes the current one soonest (the steepest of those that tie).
      let next = -1
      let when = Number.POSITIVE_INFINITY
      const a0 = sign * (u[current] ?? 0)
      const b0 = o[current] ?? 0
      for (let j = 0; j < o.length; j++) {
        const a = sign * (u[j] ?? 0)
        if (a <= a0) continue
        const t = Math.max(m, (b0 - (o[j] ?? 0)) / (a - a0))
        if (t < when || (t === when && a > sign * (u[next] ?? 0))) {
          when = t
          next = j
        }
      }
      if (next < 0) break
      at.push(when)
      change.push(sign * (u[next] ?? 0) - a0)
      current = next
      m = when
    }
  }
  const events = Array.from(at, (_, k) => k).sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0))
  for (const k of events) {
    slope += change[k] ?? 0
    if (slope >= 0) return at[k] ?? 0
  }
  // The bound keeps falling: the window cannot be met at all (the search prunes it by U_us alone).
  return events.length > 0 ? (at[events[events.length - 1] as number] ?? 0) : 0
}
