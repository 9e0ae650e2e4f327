/**
 * MESO: two or three bundles worth the same to us (within the tolerance of a target) that meet the
 * decision rule in different ways, chosen so that their choice tells us the most about what they
 * value. Every bundle:
 * - meets the decision rule, keeps our limits, gives us at least our reservation and them at least
 *   their BATNA (under our estimate), and lies within the tolerance of the target for us;
 * - differs from every other bundle of the set on at least two issues;
 * - is the best the window offers them under some positive weight vector (`efficientFor`),
 *   found by an exact search, so the claim holds by brute force;
 * - carries a label (A, B, C), an emphasis (where it is most generous to them compared with the
 *   others, in their utility points under our estimate) and a name from it (`price-optimised`).
 * The set maximises the expected information gain about their weights from their choice, under a
 * logit choice model (scale 3 points, `LOGIT_SCALE`) with our beliefs (the prior around the plan's estimate, or a
 * posterior) represented by seeded samples; how attractive the bundles are to them under those
 * beliefs breaks near-ties.
 * After their pick, every bundle must give them at least what their pick gives them (under the
 * current estimate, `theirPick`), and a set already offered (`answered`) is never proposed again.
 */

import { computeFrontier, type Frontier, type FrontierResult } from '../frontier/frontier'
import { disagreementPoint, effectiveReservation } from '../frontier/report'
import {
  bestForThem,
  enumerateWindow,
  type SearchProblem,
  searchProblem,
  utilityUnder,
} from '../frontier/search'
import {
  BELIEF_SAMPLES,
  type Beliefs,
  informativeness,
  LOGIT_SCALE,
  meanWeights,
  priorBeliefs,
  utilityTable,
} from '../inference/beliefs'
import { TOLERANCE } from '../model/limits'
import type { Terms } from '../model/plan'
import { dirichlet, mulberry32 } from '../random'
import { type ApprovalBlock, approvalBlocks } from '../scoring/approval'
import { compileRequirements, type Requirements } from '../scoring/constraints'
import { formatDecimal, formatPoints } from '../scoring/figures'
import { offerFromLevels } from '../scoring/offer'
import { points, type Utility } from '../scoring/points'
import type { Space } from '../scoring/space'
import { type Candidate, canChooseSet, chooseSet, setKey } from './choose-set'

export const MESO_DEFAULTS = { count: 3, tolerance: 2 } as const

export interface MesoOptions {
  /** 2 or 3 bundles. */
  count?: number
  /** U_us every bundle aims at; default: our aspiration, or midway between our reservation and the best we can reach. */
  target?: number
  /** Largest distance from the target, in points. */
  tolerance?: number
  /** What we believe about their weights; default: the prior around the plan's estimate. */
  beliefs?: Beliefs
  /** U_them of a bundle (level indexes) under the current estimate; default: the plan's estimate. */
  theirUtility?: (levels: ArrayLike<number>) => number
  /**
   * `theirUtility` as one term per issue and level (indexed by plan issue, then level; a bundle's
   * U_them is their sum, as `levelTerms` gives them): with `theirPick`, the window's listing then
   * leaves out the branches worth less to them than their pick instead of listing and dropping them.
   */
  theirTerms?: readonly ArrayLike<number>[]
  /**
   * U_them (under `theirUtility`) of the bundle they chose or ranked first, or of the bundle we have
   * already put on the table: every bundle of the set must give them at least as much, so the next
   * set never reads as a step back from it.
   */
  theirPick?: number
  /** How a failure names the bundle `theirPick` is of; default "the bundle they picked". */
  pickName?: string
  /** Sets already offered (each a list of bundles as level indexes): never proposed again. */
  answered?: readonly (readonly ArrayLike<number>[])[]
}

export interface MesoBundle {
  label: string
  name: string
  emphasis: string[]
  terms: Terms
  utility: Utility
  meetsDecisionRule: boolean
  /** Their weights (shares, all positive) under which no other bundle of the window gives them more. */
  efficientFor: Record<string, number>
  /** Their approval limits this bundle breaks: a reason it is likely to be blocked on their side. */
  likelyBlocked: ApprovalBlock[]
}

export interface MesoSet {
  target: number
  tolerance: number
  bundles: MesoBundle[]
  /** Expected information gain about their weights from their choice, in bits. */
  informativeness: number
  model: {
    logitScale: number
    samples: number
    seed: number /** Chosen under a posterior from the journal rather than the plan's prior. */
    learned: boolean
  }
}

export type MesoFailureCode =
  | 'no_rule_bundle'
  | 'limits_exclude_rule'
  | 'below_reservation'
  | 'below_their_batna'
  | 'target_too_high'
  | 'target_too_low'
  | 'empty_window'
  | 'too_few'
  | 'already_answered'
  | 'below-their-pick'

export interface MesoFailure {
  code: MesoFailureCode
  /** What is wrong and what would help, in one sentence. */
  message: string
  target: number
  tolerance: number
  /**
   * For `below-their-pick`: the highest target at which a set worth at least their pick exists (null:
   * none above our reservation). For `target_too_high`: the highest target within reach.
   * The message says it in words ("a target of 80.2 or less"); a caller adds its own way of asking
   * for it (the command line's `--target`).
   */
  suggestedTarget?: number | null
  /** For `empty_window`, `already_answered` and `too_few`: the smallest wider tolerance that gives a full set, in points. */
  suggestedTolerance?: number
}

export type MesoResult = { ok: true; set: MesoSet } | { ok: false; failure: MesoFailure }

const LABELS = ['A', 'B', 'C', 'D', 'E']
/** The candidate pool the set is chosen from is capped so that choosing stays fast. */
const POOL = 16
/** Windows up to this size are listed outright; larger ones are searched per weight vector. */
const ENUMERATION_CAP = 20_000
/**
 * Listing a window visits 4 or 5 nodes per bundle (on the examples' and the 12x10 plan's). Under
 * their pick's floor, whose bound prunes less sharply, a window far over the cap can take hundreds
 * of thousands of nodes to come under it (338,000 on the 12x10 plan with the bench's journal):
 * past this many the window is searched per weight vector instead, which costs less.
 */
const FLOORED_LISTING_NODES = 4 * ENUMERATION_CAP

function maxUsWhere(frontier: Frontier, themAtLeast: number): number {
  let best = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++)
    if ((frontier.them[k] ?? 0) >= themAtLeast - TOLERANCE) best = Math.max(best, frontier.us[k] ?? 0)
  return best
}

function maxThemWhere(frontier: Frontier, usAtLeast: number): number {
  let best = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++)
    if ((frontier.us[k] ?? 0) >= usAtLeast - TOLERANCE) best = Math.max(best, frontier.them[k] ?? 0)
  return best
}

/** Tolerances worth suggesting, in points (a failure tries the first six above its own). */
export const TOLERANCE_LADDER = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15]

/** The default target: our aspiration, or midway between our reservation and the best U_us meeting the rule that gives them their BATNA. */
function defaultTarget(
  space: Space,
  rule: Requirements['rule'],
  ruleFrontier: () => FrontierResult,
): number | undefined {
  if (space.plan.aspiration !== undefined) return space.plan.aspiration
  const exact = ruleFrontier()
  // Where the exact frontier is too large, a frontier within 0.5 points places the midpoint well enough.
  const result = exact.ok ? exact : computeFrontier(space, { constraints: rule, epsilon: 0.5 })
  if (!result.ok) return undefined
  const best = maxUsWhere(result.frontier, disagreementPoint(space).them)
  return Number.isFinite(best) ? (effectiveReservation(space) + best) / 2 : undefined
}

export function meso(space: Space, options: MesoOptions = {}): MesoResult {
  const requirements = compileRequirements(space)
  const count = options.count ?? MESO_DEFAULTS.count
  const tolerance = options.tolerance ?? MESO_DEFAULTS.tolerance
  const reservation = effectiveReservation(space)
  const theirBatna = disagreementPoint(space).them
  const constraints = [...requirements.rule, ...requirements.limits]
  const fail = (
    code: MesoFailureCode,
    message: string,
    target: number,
    suggested: Pick<MesoFailure, 'suggestedTarget' | 'suggestedTolerance'> = {},
  ): MesoResult => ({
    ok: false,
    failure: { code, message, target, tolerance, ...suggested },
  })

  // The exact frontier under the rule and our limits explains most failures; on plans too large for
  // it, the window search below still decides, with less specific messages. It is computed only
  // when needed: for the default target without an aspiration, and to explain a failed search (a
  // set found means every check below passes: its bundles meet the rule and our limits, give us our
  // reservation and them their BATNA, and lie within the tolerance of the target).
  let limitedResult: FrontierResult | undefined
  const limitedFrontier = () => {
    limitedResult ??= computeFrontier(space, { constraints })
    return limitedResult
  }
  // The exact frontier under the rule alone: without limits, the one above.
  const ruleFrontier = () =>
    requirements.limits.length === 0
      ? limitedFrontier()
      : computeFrontier(space, { constraints: requirements.rule })
  const target = options.target ?? defaultTarget(space, requirements.rule, ruleFrontier) ?? reservation
  const explained = (): MesoResult | undefined => {
    const limited = limitedFrontier()
    const frontier = limited.ok ? limited.frontier : undefined
    if (frontier && frontier.size === 0) {
      const ruleOnly = ruleFrontier()
      if (ruleOnly.ok && ruleOnly.frontier.size === 0)
        return fail('no_rule_bundle', 'no bundle meets the decision rule', target)
      return fail('limits_exclude_rule', 'no bundle meets the decision rule while keeping our limits', target)
    }
    if (frontier) {
      const bestUs = maxUsWhere(frontier, Number.NEGATIVE_INFINITY)
      if (bestUs < reservation - TOLERANCE) {
        return fail(
          'below_reservation',
          `no bundle reaches reservation ${formatPoints(reservation)} while meeting the decision rule and our limits; the best is ${formatPoints(bestUs)}`,
          target,
        )
      }
      const bestThem = maxThemWhere(frontier, reservation)
      if (bestThem < theirBatna - TOLERANCE) {
        return fail(
          'below_their_batna',
          `no bundle worth our reservation ${formatPoints(reservation)} gives them their BATNA ${formatPoints(theirBatna)} (our estimate); the most it gives them is ${formatPoints(bestThem)}`,
          target,
        )
      }
      const reach = maxUsWhere(frontier, theirBatna)
      if (target - tolerance > reach + TOLERANCE) {
        const suggested = Number(formatPoints(Math.max(reservation, reach - tolerance)))
        return fail(
          'target_too_high',
          `target ${formatDecimal(target)} is out of reach: while giving them their BATNA ${formatPoints(theirBatna)} the most we can get is ${formatPoints(reach)}; try a target of ${formatPoints(suggested)} or less`,
          target,
          { suggestedTarget: suggested },
        )
      }
    }
    if (target + tolerance < reservation - TOLERANCE) {
      return fail(
        'target_too_low',
        `target ${formatDecimal(target)} is below our reservation ${formatPoints(reservation)}`,
        target,
      )
    }
    return undefined
  }

  const beliefs = options.beliefs ?? priorBeliefs(space)
  const context: SearchContext = {
    space,
    constraints,
    count,
    beliefs,
    reservation,
    theirBatna,
    beliefsGiven: options.beliefs !== undefined,
    theirUtility: options.theirUtility ?? planUtility(space),
    theirTerms: options.theirTerms,
    floor: options.theirPick,
    answered: new Set((options.answered ?? []).map(setKey)),
    vectors: {},
  }
  const found = searchSet(context, target, tolerance)
  if (found.ok) return { ok: true, set: found.set }
  const unreachable = explained()
  if (unreachable) return unreachable
  if (context.floor !== undefined && setExists({ ...context, floor: undefined }, target, tolerance)) {
    // Sets exist at this target, but every one is a step back from their pick: say so, and how far
    // down our target must come (lower for us is more for them) before one does not.
    const suggested = highestTargetAbovePick(context, target, tolerance)
    const pick = formatPoints(context.floor)
    const pickName = options.pickName ?? 'the bundle they picked'
    return {
      ok: false,
      failure: {
        code: 'below-their-pick',
        message:
          suggested === null
            ? `every set at target ${formatDecimal(target)} is worth less to them than ${pickName} (${pick}, current estimate), and no target above our reservation ${formatPoints(reservation)} has a set worth at least that to them`
            : `every set at target ${formatDecimal(target)} is worth less to them than ${pickName} (${pick}, current estimate); the highest target with a set worth at least that to them is ${formatDecimal(suggested)}: try a target of ${formatDecimal(suggested)} or less`,
        target,
        tolerance,
        suggestedTarget: suggested,
      },
    }
  }
  // Say what would help: the smallest wider tolerance that gives a full set.
  const wider = TOLERANCE_LADDER.filter((value) => value > tolerance)
    .slice(0, 6)
    .find((value) => setExists(context, target, value))
  const hint =
    wider === undefined
      ? '; try another target'
      : `; a tolerance of ${formatDecimal(wider)} points gives ${count}`
  const suggested = wider === undefined ? {} : { suggestedTolerance: wider }
  if (found.size === 0) {
    return fail(
      'empty_window',
      `no bundle within ${formatDecimal(tolerance)} of target ${formatDecimal(target)} meets the decision rule, our limits, our reservation and their BATNA${hint}`,
      target,
      suggested,
    )
  }
  if (context.answered.size > 0 && setExists({ ...context, answered: new Set() }, target, tolerance)) {
    // Sets exist here, but each is one they have answered: re-offering it would teach us little more.
    return fail(
      'already_answered',
      `every set at target ${formatDecimal(target)} (within ${formatDecimal(tolerance)}) is one they have already answered, and asking again teaches us little${hint}`,
      target,
      suggested,
    )
  }
  return fail(
    'too_few',
    `only ${found.size} equivalent bundle${found.size === 1 ? '' : 's'} exist${found.size === 1 ? 's' : ''} at target ${formatDecimal(target)} (within ${formatDecimal(tolerance)})${hint}`,
    target,
    suggested,
  )
}

interface SearchContext {
  space: Space
  constraints: Requirements['rule']
  count: number
  beliefs: Beliefs
  reservation: number
  theirBatna: number
  beliefsGiven: boolean
  theirUtility: (levels: ArrayLike<number>) => number
  theirTerms: readonly ArrayLike<number>[] | undefined
  /** Least U_them (under `theirUtility`) a bundle may give them: their pick's. */
  floor: number | undefined
  /** Keys of the sets already offered. */
  answered: Set<string>
  /**
   * The weight vectors the window is searched with, made once per MESO call: they depend only on
   * the beliefs, while a failure's explanation searches several windows (shared by the context's
   * copies).
   */
  vectors: { center?: Float64Array; spread?: Float64Array[]; sparse?: Map<number, Float64Array[]> }
}

/** U_them under the plan's estimate, as the scorer sums it. */
function planUtility(space: Space): (levels: ArrayLike<number>) => number {
  return (levels) => {
    let total = 0
    for (const issue of space.issues) total += issue.gain.them[levels[issue.index] ?? 0] ?? 0
    return total / space.totalWeight.them
  }
}

/** Probes below the target (steps of half the tolerance, down to our reservation) for a set that respects their pick. */
function highestTargetAbovePick(context: SearchContext, target: number, tolerance: number): number | null {
  const step = Math.max(tolerance / 2, 0.05)
  for (let k = 1; k <= 200; k++) {
    const probe = target - k * step
    if (probe + tolerance < context.reservation - TOLERANCE) return null
    if (setExists(context, probe, tolerance)) return Math.round(probe * 100) / 100
  }
  return null
}

function searchSet(
  context: SearchContext,
  target: number,
  tolerance: number,
): { ok: true; set: MesoSet } | { ok: false; size: number } {
  const { space, count, beliefs, beliefsGiven } = context
  const { chosen, candidates } = chooseInWindow(
    context,
    target,
    tolerance,
    (pool) => chooseSet(space, pool, count, beliefs, context.theirUtility, context.answered),
    (set) => set.length >= count,
  )
  if (chosen.length < count)
    return { ok: false, size: Math.max(chosen.length, Math.min(candidates.length, 1)) }
  const utilities = utilityTable(
    space,
    beliefs,
    chosen.map((candidate) => candidate.levels),
  )
  return {
    ok: true,
    set: {
      target,
      tolerance,
      bundles: describeBundles(space, chosen, context.theirUtility),
      informativeness: informativeness(utilities, beliefs.probability),
      model: {
        logitScale: LOGIT_SCALE,
        samples: beliefs.samples.length,
        seed: beliefs.seed,
        learned: beliefsGiven,
      },
    },
  }
}

/**
 * Whether `searchSet` finds a set here, without choosing the most informative one: what a failure's
 * explanation asks of the targets and tolerances it tries (`canChooseSet`).
 */
function setExists(context: SearchContext, target: number, tolerance: number): boolean {
  const { space, count, beliefs } = context
  return chooseInWindow(
    context,
    target,
    tolerance,
    (pool) => canChooseSet(space, pool, count, beliefs, context.theirUtility, context.answered),
    (found) => found,
  ).chosen
}

/**
 * The window's candidates (the bundles best for them under the weight vectors, that respect the
 * floor) and what `choose` makes of their diverse pool (a set, or whether there is one); when that
 * is not `full`, a second look with sparse priorities and a second choice.
 */
function chooseInWindow<Chosen>(
  context: SearchContext,
  target: number,
  tolerance: number,
  choose: (pool: Candidate[]) => Chosen,
  full: (chosen: Chosen) => boolean,
): { chosen: Chosen; candidates: Candidate[] } {
  const { space, constraints, beliefs, reservation, theirBatna, beliefsGiven, floor } = context
  const problem = searchProblem(space, {
    usLow: Math.max(target - tolerance, reservation),
    usHigh: target + tolerance,
    themLow: theirBatna,
    constraints,
  })
  const keeps = (levels: Int32Array) => floor === undefined || context.theirUtility(levels) >= floor - 1e-9
  // Their pick is one more constraint of the window: a listed window is filtered by it (so
  // `efficientFor` holds over bundles that respect it); a searched one keeps only bundles that do.
  // With their utility's terms, the listing leaves out what cannot respect it (and its cap counts
  // only what can); the filter still decides, with the canonical sum.
  const pickFloor =
    floor !== undefined && context.theirTerms ? { terms: context.theirTerms, low: floor } : undefined
  const all = pickFloor
    ? enumerateWindow(problem, ENUMERATION_CAP, FLOORED_LISTING_NODES, pickFloor)
    : enumerateWindow(problem, ENUMERATION_CAP)
  const listed = all && floor !== undefined ? all.filter(keeps) : all
  const vectors = context.vectors
  vectors.center ??= beliefsGiven ? meanWeights(beliefs) : space.share.them
  const center = vectors.center
  vectors.spread ??= weightVectors(space, center)
  const candidates = findCandidates(space, problem, listed, vectors.spread).filter((c) => keeps(c.levels))
  let chosen = choose(diversePool(space, candidates))
  if (!full(chosen) && candidates.length > 0) {
    // Not enough yet: look further, with sparse random priorities (more of them when the window is listed and a look is cheap).
    const many = listed ? 160 : 40
    vectors.sparse ??= new Map()
    const sparse = vectors.sparse.get(many) ?? sparseVectors(center, many)
    vectors.sparse.set(many, sparse)
    const more = findCandidates(space, problem, listed, sparse, candidates).filter((c) => keeps(c.levels))
    chosen = choose(diversePool(space, more))
  }
  return { chosen, candidates }
}

/** Weight vectors for them that span the plausible range: the estimate, single and paired tilts, de-emphasis, random mixtures. */
function weightVectors(_space: Space, center: Float64Array): Float64Array[] {
  const estimate = center
  const n = estimate.length
  const mix = (alpha: number, focus: readonly number[]) =>
    Float64Array.from(
      estimate,
      (share, i) => (1 - alpha) * share + (focus.includes(i) ? alpha / focus.length : 0),
    )
  const vectors: Float64Array[] = [Float64Array.from(estimate)]
  for (let k = 0; k < n; k++) vectors.push(mix(0.5, [k]), mix(0.85, [k]))
  for (let k = 0; k < n; k++) for (let l = k + 1; l < n; l++) vectors.push(mix(0.7, [k, l]))
  for (let k = 0; k < n; k++) {
    const down = Float64Array.from(estimate, (share, i) => (i === k ? share * 0.05 : share))
    vectors.push(down)
  }
  const random = mulberry32(7)
  const ones = Array.from({ length: n }, () => 1)
  for (let s = 0; s < 8; s++) {
    const draw = dirichlet(ones, random)
    vectors.push(Float64Array.from(draw, (share, i) => 0.85 * share + 0.15 * (estimate[i] ?? 0)))
  }
  return vectors.map((vector) => {
    const total = vector.reduce((sum, value) => sum + value, 0)
    return Float64Array.from(vector, (value) => value / total)
  })
}

/** Random priorities concentrated on a few issues each, mixed with a little of the estimate to stay positive. */
function sparseVectors(center: Float64Array, count: number): Float64Array[] {
  const estimate = center
  const random = mulberry32(11)
  const alpha = Array.from(estimate, () => 0.3)
  return Array.from({ length: count }, () => {
    const draw = dirichlet(alpha, random)
    return Float64Array.from(draw, (share, i) => 0.98 * share + 0.02 * (estimate[i] ?? 0))
  })
}

/** Bundles of the window that some weight vector for them values most, each with that vector. */
function findCandidates(
  space: Space,
  problem: SearchProblem,
  listed: Int32Array[] | undefined,
  vectors: readonly Float64Array[],
  known: readonly Candidate[] = [],
): Candidate[] {
  const byKey = new Map<string, Candidate>(known.map((candidate) => [candidate.levels.join(','), candidate]))
  // The bundles found so far, as the searches below start from them.
  const found = [...byKey.values()].map((candidate) => candidate.levels)
  const add = (levels: Int32Array | undefined, weights: Float64Array) => {
    if (!levels) return
    const key = levels.join(',')
    if (byKey.has(key)) return
    byKey.set(key, { levels, weights })
    found.push(levels)
  }
  if (listed) {
    if (listed.length === 0) return []
    // Their score of every listed bundle, one column per issue, so each weight vector is a few passes over arrays.
    const count = listed.length
    const columns = space.issues.map(() => new Float64Array(count))
    for (let b = 0; b < count; b++) {
      const levels = listed[b] as Int32Array
      for (const issue of space.issues)
        (columns[issue.index] as Float64Array)[b] = issue.score.them[levels[issue.index] ?? 0] ?? 0
    }
    const values = new Float64Array(count)
    for (const weights of vectors) {
      values.fill(0)
      for (let i = 0; i < columns.length; i++) addScaled(values, weights[i] ?? 0, columns[i] as Float64Array)
      let best = -1
      let bestValue = Number.NEGATIVE_INFINITY
      for (let b = 0; b < count; b++) {
        const value = values[b] ?? 0
        if (value > bestValue) {
          bestValue = value
          best = b
        }
      }
      // Confirm with the canonical sum, so the claim is checked the way a reader would check it.
      const winner = listed[best]
      if (
        winner &&
        utilityUnder(space, weights, winner) >= bestValue / weights.reduce((t, w) => t + w, 0) - 1e-9
      )
        add(winner, weights)
    }
  } else {
    // Each search starts from the best of the bundles found so far, which prunes most of it.
    for (const weights of vectors) add(bestForThem(problem, weights, undefined, found), weights)
  }
  return [...byKey.values()]
}

/**
 * values += w · column. A function of its own, which V8 compiles after a few calls, while the loop
 * calling it runs once per command (half the time before it is compiled, measured).
 */
function addScaled(values: Float64Array, w: number, column: Float64Array): void {
  for (let b = 0; b < values.length; b++) values[b] = (values[b] as number) + w * (column[b] as number)
}

/** At most POOL candidates, spread out in what they give them (farthest-point order from the best under the estimate). */
function diversePool(space: Space, candidates: Candidate[]): Candidate[] {
  if (candidates.length <= POOL) return candidates
  const score = (candidate: Candidate) =>
    space.issues.map((issue) => issue.score.them[candidate.levels[issue.index] ?? 0] ?? 0)
  const vectors = candidates.map(score)
  const distance = (a: number[], b: number[]) =>
    a.reduce((total, value, i) => total + Math.abs(value - (b[i] ?? 0)), 0)
  const chosen = [0]
  const nearest = vectors.map((vector) => distance(vector, vectors[0] ?? []))
  while (chosen.length < POOL) {
    let far = -1
    for (let k = 0; k < candidates.length; k++)
      if (!chosen.includes(k) && (far < 0 || (nearest[k] ?? 0) > (nearest[far] ?? 0))) far = k
    chosen.push(far)
    vectors.forEach((vector, k) => {
      nearest[k] = Math.min(nearest[k] ?? 0, distance(vector, vectors[far] ?? []))
    })
  }
  return chosen.map((k) => candidates[k] as Candidate)
}

function describeBundles(
  space: Space,
  chosen: Candidate[],
  theirUtility: (levels: ArrayLike<number>) => number,
): MesoBundle[] {
  const gains = chosen.map((candidate) =>
    space.issues.map((issue) => {
      const mine = issue.score.them[candidate.levels[issue.index] ?? 0] ?? 0
      const others = chosen.filter((other) => other !== candidate)
      const mean =
        others.reduce((total, other) => total + (issue.score.them[other.levels[issue.index] ?? 0] ?? 0), 0) /
        others.length
      // In their utility points under our estimate, so a generous level on a minor issue does not outrank a major one.
      return (space.share.them[issue.index] ?? 0) * (mine - mean)
    }),
  )
  // Issues where each bundle is more generous to them than the others, most generous first.
  const ranked = gains.map((row) =>
    row
      .map((gain, i) => ({ gain, i }))
      .filter(({ gain }) => gain > 1e-9)
      .sort((a, b) => b.gain - a.gain || a.i - b.i),
  )
  const order = chosen
    .map((_, k) => k)
    .sort((a, b) => (ranked[a]?.[0]?.i ?? 99) - (ranked[b]?.[0]?.i ?? 99) || a - b)
  // Each bundle is named after its most generous issue that no earlier bundle is named after.
  const named = new Set<number>()
  const nameIssue = new Map<number, number>()
  for (const k of order) {
    const pick = ranked[k]?.find(({ i }) => !named.has(i))
    if (pick) {
      named.add(pick.i)
      nameIssue.set(k, pick.i)
    }
  }
  return order.map((k, position) => {
    const candidate = chosen[k] as Candidate
    const list = ranked[k] ?? []
    const top = list[0]?.gain ?? 0
    const focus = nameIssue.get(k)
    const emphasisIndexes = list.filter(({ gain }, r) => r === 0 || gain >= 0.6 * top).map(({ i }) => i)
    if (focus !== undefined && !emphasisIndexes.includes(focus)) emphasisIndexes.push(focus)
    const ids = emphasisIndexes.map((i) => space.issues[i]?.id ?? '')
    const name =
      focus === undefined
        ? `balanced-${(LABELS[position] ?? String(position + 1)).toLowerCase()}`
        : `${space.issues[focus]?.id}-optimised`
    const terms: Terms = {}
    let gu = 0
    for (const issue of space.issues) {
      const level = candidate.levels[issue.index] ?? 0
      const value = issue.levels[level]
      if (value !== undefined) terms[issue.id] = value
      gu += issue.gain.us[level] ?? 0
    }
    return {
      label: LABELS[position] ?? String(position + 1),
      name,
      emphasis: ids,
      terms,
      // U_them under the current estimate, the same figure `status` gives for these terms.
      utility: { us: points(gu / space.totalWeight.us), them: points(theirUtility(candidate.levels)) },
      meetsDecisionRule: true,
      efficientFor: Object.fromEntries(
        space.issues.map((issue) => [issue.id, candidate.weights[issue.index] ?? 0]),
      ),
      likelyBlocked: approvalBlocks(space, offerFromLevels(space, candidate.levels)),
    }
  })
}

export { BELIEF_SAMPLES }
