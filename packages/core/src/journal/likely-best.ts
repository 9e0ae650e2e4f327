/**
 * The bundles most likely to be their best: where what they value is uncertain, the bundle best for
 * them under our current estimate may not be their true best, so beside it we offer the bundles
 * best for them under draws of the posterior. Used to fill an offer round (Parley's method in the
 * simulator) and for the alternatives offered before signing (`post-settlement.ts`).
 *
 * Among the bundles best for them, each under one of `LIKELY_DRAWS` draws of the posterior (`thinBeliefs`:
 * systematic resampling by probability), inside a window of value to us, greedily those that most
 * raise E_posterior[max over the bundles offered of U_them] — the expected worth to them of the
 * best bundle they are offered, `head` included — until `slots` are chosen. Since they take the best
 * of what they are offered, this puts the agreement near their true frontier when the estimate is off.
 */

import { bestForThem, type SearchProblem, searchProblem, type WindowBounds } from '../frontier/search'
import { type Beliefs, thinBeliefs, utilityTable } from '../inference/beliefs'
import type { CompiledConstraint } from '../scoring/constraints'
import type { Space } from '../scoring/space'

/** Posterior draws whose best bundles are the candidates. */
export const LIKELY_DRAWS = 24

export interface LikelyBestQuery {
  /** The bundles already offered (level indices), which the chosen ones are added to. */
  head: readonly Int32Array[]
  /** How many bundles to choose at most. */
  slots: number
  /** The window of value to us the candidates lie in, in points. */
  usLow: number
  usHigh: number
  /**
   * Only bundles that raise the expected worth of the best one offered (by more than rounding):
   * the bundles of a post-settlement, which must each be someone's reason to switch. Without it the
   * offer is filled whenever there are candidates.
   */
  mustRaise?: boolean
  /**
   * Candidates beside the draws' best bundles, already inside the window and meeting the rule: the
   * post-settlement's neighbours of the agreement, where a truth the draws miss often has its gain.
   */
  extra?: readonly Int32Array[]
}

export function likelyBest(
  space: Space,
  beliefs: Beliefs,
  constraints: readonly CompiledConstraint[],
  query: LikelyBestQuery,
): Int32Array[] {
  const { head, slots } = query
  if (slots <= 0) return []
  const bounds = { usLow: query.usLow, usHigh: query.usHigh, themLow: Number.NEGATIVE_INFINITY, constraints }
  const pool: Int32Array[] = []
  const seen = new Set(head.map((levels) => levels.join(',')))
  const add = (levels: Int32Array | undefined) => {
    if (!levels) return
    const key = levels.join(',')
    if (seen.has(key)) return
    seen.add(key)
    pool.push(levels)
  }
  for (const levels of drawsBest(space, beliefs, bounds)) add(levels)
  for (const levels of query.extra ?? []) add(levels)
  if (pool.length === 0) return []
  const table = utilityTable(space, beliefs, [...head, ...pool])
  const probability = beliefs.probability
  // Per draw, the best of what is offered so far.
  const best = new Float64Array(beliefs.samples.length).fill(Number.NEGATIVE_INFINITY)
  for (let h = 0; h < head.length; h++) raise(best, table[h] as Float64Array)
  let current = Number.NEGATIVE_INFINITY
  if (query.mustRaise) current = expectedBest(probability, best, best)
  const chosen: Int32Array[] = []
  const taken = new Set<number>()
  while (chosen.length < slots) {
    let pick = -1
    let pickValue = Number.NEGATIVE_INFINITY
    for (let c = 0; c < pool.length; c++) {
      if (taken.has(c)) continue
      const value = expectedBest(probability, best, table[head.length + c] as Float64Array)
      if (value > pickValue + 1e-12) {
        pickValue = value
        pick = c
      }
    }
    if (pick < 0 || (query.mustRaise && pickValue <= current + RAISE_MIN)) break
    taken.add(pick)
    raise(best, table[head.length + pick] as Float64Array)
    chosen.push(pool[pick] as Int32Array)
    current = pickValue
  }
  return chosen
}

/**
 * The bundle of the window best for them under each of `count` draws of `beliefs` (`thinBeliefs`),
 * in the draws' order: under the draw's weights and, on an issue the draw reverses (an issue marked
 * `uncertain`), under the reversed scores. Undefined for a draw when the window is empty.
 */
export function drawsBest(
  space: Space,
  beliefs: Beliefs,
  bounds: WindowBounds,
  count = LIKELY_DRAWS,
): (Int32Array | undefined)[] {
  const thinned = thinBeliefs(beliefs, count)
  const problems = new Map<string, SearchProblem>()
  const problemFor = (flips: Uint8Array | undefined) => {
    const key = flips?.includes(1) ? flips.join('') : ''
    let problem = problems.get(key)
    if (!problem) {
      problem = searchProblem(flips && key ? reversedSpace(space, flips) : space, bounds)
      problems.set(key, problem)
    }
    return problem
  }
  const found: Int32Array[] = []
  return thinned.samples.map((weights, k) => {
    // Each search starts from the best found for the draws before it (`known`: bundles of the same
    // window, whichever way the draw reads them; the same answer, with less of the window to search).
    const levels = bestForThem(problemFor(thinned.flipped?.[k]), weights, undefined, found)
    if (levels) found.push(levels)
    return levels
  })
}

/** The space with their scores reversed (100 − score) on the issues `flips` marks. */
function reversedSpace(space: Space, flips: Uint8Array): Space {
  const issues = space.issues.map((issue) => {
    if (!flips[issue.index]) return issue
    const weight = (space.share.them[issue.index] ?? 0) * space.totalWeight.them
    const them = issue.score.them.map((score) => 100 - score)
    return {
      ...issue,
      score: { ...issue.score, them },
      gain: { ...issue.gain, them: them.map((score) => weight * score) },
    }
  })
  return { ...space, issues, byId: new Map(issues.map((issue) => [issue.id, issue])) }
}

// The two loops over every draw, kept small and apart: a first run executes them in V8's
// interpreter, and a function called once per candidate is compiled after a few calls where one
// long loop inside `likelyBest` would wait to be replaced mid-run.

/** Per draw, the better of `best` and `row`, kept in `best`. */
function raise(best: Float64Array, row: Float64Array): void {
  for (let s = 0; s < best.length; s++) {
    const value = row[s] as number
    if (value > (best[s] as number)) best[s] = value
  }
}

/** The expected worth to them of the better of `best` and `row` under each draw: Σ p(s) · max(best, row). */
function expectedBest(probability: Float64Array, best: Float64Array, row: Float64Array): number {
  let total = 0
  for (let s = 0; s < best.length; s++) {
    const a = best[s] as number
    const b = row[s] as number
    // biome-ignore lint/complexity/useMathMinMax: a call per draw costs a first (interpreted) run more than the comparison
    total += (probability[s] as number) * (b > a ? b : a)
  }
  return total
}

/** A raise of the expected best under this many points is rounding, not a reason to switch. */
const RAISE_MIN = 1e-9

export function sameBundle(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return a.length === b.length
}
