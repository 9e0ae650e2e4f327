/**
 * The current estimate of what they value: the plan's estimate until the journal holds an
 * observation, then the expected value under the posterior. One function, so that `meso`,
 * `status`, `coach`, `debrief` and the web app all show the same U_them and say which it is.
 *
 * Their utility is linear in each issue's score, so its posterior expectation is too: with
 * `direct[i]` = E[w_i when the issue leans as estimated] and `reversed[i]` = E[w_i when it leans the
 * other way] (issues marked `uncertain`), E[U_them] = Σ direct[i]·score[i] + reversed[i]·(100 − score[i]).
 */

import { count } from '../language/english'
import { levelKey } from '../plan/levels'
import type { Offer } from '../scoring/offer'
import { utilityOf } from '../scoring/offer'
import { compileSpace, type Space, scoreLevel } from '../scoring/space'
import type { Observation } from './observation'
import { inferPriorities, type Posterior } from './posterior'

export interface CurrentEstimate {
  /** True once the journal holds an observation (the posterior is used). */
  learned: boolean
  /** How many observations it learned from. */
  moves: number
  /** How to say which estimate it is: `est., plan` or `est., learned from 3 moves`. */
  label: string
  /** Expected weight share on each issue's score as estimated (indexed by plan issue). */
  direct: Float64Array
  /** Expected weight share on each issue's reversed score (0 unless the issue is uncertain). */
  reversed: Float64Array
  /** Expected weight shares (direct + reversed), summing to 1. */
  shares: Float64Array
  /** U_them of an offer (off-grid values allowed), in points. */
  them(offer: Offer): number
  /** U_them of a bundle given as level indexes, in points. */
  themOfLevels(levels: ArrayLike<number>): number
}

/** The label alone, for callers that only need to say which estimate a figure uses. */
export function estimateLabel(moves: number): string {
  return moves === 0 ? 'est., plan' : `est., learned from ${count(moves, 'move')}`
}

/**
 * `state.observations`: the journal's observations (empty: the plan's estimate, exactly);
 * `posterior`: the posterior already computed for them, to save inferring it again.
 */
export function currentEstimate(
  space: Space,
  state: { observations: readonly Observation[] },
  posterior?: Posterior,
): CurrentEstimate {
  const moves = state.observations.length
  const n = space.issues.length
  if (moves === 0) {
    // Exactly the plan's estimate: the same sums the scorer makes, not a sample mean.
    const shares = Float64Array.from(space.share.them)
    return {
      learned: false,
      moves,
      label: estimateLabel(0),
      direct: shares,
      reversed: new Float64Array(n),
      shares,
      them: (offer) => utilityOf(space, offer).them,
      themOfLevels: (levels) => {
        let total = 0
        for (const issue of space.issues) total += issue.gain.them[levels[issue.index] ?? 0] ?? 0
        return total / space.totalWeight.them
      },
    }
  }
  // The learner keeps the expected shares after each move: the latest are these, unless the
  // posterior was learned from other moves than the state's.
  if (posterior && posterior.moves.length === moves) return estimateAfter(space, posterior, moves)
  const { beliefs } = posterior ?? inferPriorities(space, state.observations)
  const direct = new Float64Array(n)
  const reversed = new Float64Array(n)
  beliefs.samples.forEach((w, s) => {
    const p = beliefs.probability[s] ?? 0
    const flips = beliefs.flipped?.[s]
    for (let i = 0; i < n; i++) {
      if (flips?.[i]) reversed[i] = (reversed[i] ?? 0) + p * (w[i] ?? 0)
      else direct[i] = (direct[i] ?? 0) + p * (w[i] ?? 0)
    }
  })
  return learnedEstimate(space, moves, direct, reversed)
}

/**
 * The current estimate as it was after the first `moves` of the posterior's moves: the plan's
 * estimate for 0, else built from the expected shares the learner kept for that move. The same
 * figures `currentEstimate` gave for the journal as it was then (the learner is deterministic and
 * resumable), without learning it again.
 */
export function estimateAfter(space: Space, posterior: Posterior, moves: number): CurrentEstimate {
  if (moves <= 0) return currentEstimate(space, { observations: [] })
  const move = posterior.moves[moves - 1]
  if (!move) throw new Error(`the posterior learned from ${posterior.moves.length} moves, not ${moves}`)
  return learnedEstimate(space, moves, Float64Array.from(move.direct), Float64Array.from(move.reversed))
}

function learnedEstimate(
  space: Space,
  moves: number,
  direct: Float64Array,
  reversed: Float64Array,
): CurrentEstimate {
  const n = space.issues.length
  const shares = Float64Array.from(direct, (value, i) => value + (reversed[i] ?? 0))
  let terms: Float64Array[] | undefined
  const fromScores = (score: (index: number) => number) => {
    let total = 0
    for (let i = 0; i < n; i++) {
      const s = score(i)
      total += (direct[i] ?? 0) * s + (reversed[i] ?? 0) * (100 - s)
    }
    return total
  }
  return {
    learned: true,
    moves,
    label: estimateLabel(moves),
    direct,
    reversed,
    shares,
    them: (offer) =>
      fromScores((i) => {
        const issue = space.issues[i]
        if (!issue) return 0
        const k = offer.levelIndex[i] ?? -1
        return k >= 0 ? (issue.score.them[k] ?? 0) : scoreLevel(issue, 'them', offer.values[i] ?? 0)
      }),
    themOfLevels: (levels) => {
      // Each issue's term per level once, the same products `fromScores` sums (so the same bits):
      // MESO asks for every bundle of a window, a thousand or more.
      terms ??= levelTerms(space, { direct, reversed })
      let total = 0
      for (let i = 0; i < n; i++) total += terms[i]?.[levels[i] ?? 0] ?? 0
      return total
    },
  }
}

/**
 * U_them under an estimate as one term per issue and level (indexed by plan issue, then level):
 * a bundle's U_them, in points, is the sum of its levels' terms.
 */
export function levelTerms(
  space: Space,
  estimate: Pick<CurrentEstimate, 'direct' | 'reversed'>,
): Float64Array[] {
  const { direct, reversed } = estimate
  return space.issues.map((issue, i) =>
    Float64Array.from(issue.score.them, (s) => (direct[i] ?? 0) * s + (reversed[i] ?? 0) * (100 - s)),
  )
}

/** What the journal's views value their side with: the current estimate, or bare weight shares (their scores as estimated). */
export type TheirValue = ArrayLike<number> | CurrentEstimate

/** U_them of an offer under either form: the estimate's own figure, or the weighted sum of their scores as estimated. */
export function theirValueOf(space: Space, value: TheirValue, offer: Offer): number {
  if ('them' in value && typeof value.them === 'function') return value.them(offer)
  const weights = value as ArrayLike<number>
  let total = 0
  let sum = 0
  for (const issue of space.issues) {
    const share = weights[issue.index] ?? 0
    const k = offer.levelIndex[issue.index] ?? -1
    const score =
      k >= 0 ? (issue.score.them[k] ?? 0) : scoreLevel(issue, 'them', offer.values[issue.index] ?? 0)
    total += share * score
    sum += share
  }
  return sum > 0 ? total / sum : 0
}

/** Their weight shares under either form. */
export function theirShares(value: TheirValue): ArrayLike<number> {
  return 'shares' in value && value.shares instanceof Float64Array
    ? value.shares
    : (value as ArrayLike<number>)
}

/**
 * The plan's space with their side valued by the current estimate, for figures computed over the
 * whole outcome space (the frontier, `--learned`; the debrief's distance to it; the web app's
 * chart): U_them of every bundle there is exactly `estimate.them` of it. Their weights become the
 * estimate's shares; an issue the estimate reads both ways (an uncertain issue, reversed in part of
 * the posterior) gets one score per level, the estimate's mixture of the two directions, which is
 * what a frontier needs. With no observation it is the plan's own space.
 */
export function spaceUnderEstimate(space: Space, estimate: CurrentEstimate): Space {
  if (!estimate.learned) return space
  const plan = space.plan
  return compileSpace({
    ...plan,
    issues: plan.issues.map((issue, i) => {
      const direct = estimate.direct[i] ?? 0
      const reversed = estimate.reversed[i] ?? 0
      const share = direct + reversed
      const weight = Math.max(1e-6, share * 100)
      const model = space.issues[i]
      if (!(reversed > 0) || !model) return { ...issue, them: { ...issue.them, weight } }
      const mixed = (score: number) => (direct * score + reversed * (100 - score)) / share
      const { prefer: _prefer, scores: _scores, points: _points, uncertain: _uncertain, ...kept } = issue.them
      if (!issue.range) {
        const scores = Object.fromEntries(
          model.levels.map((level, k) => [levelKey(level), mixed(model.score.them[k] ?? 0)]),
        )
        return { ...issue, them: { ...kept, weight, scores } }
      }
      // Piecewise linear between the grid's levels and the estimate's own breakpoints: a mixture
      // of two such lines is one, so off-grid values score as `estimate.them` scores them.
      const xs = [
        ...new Set([
          ...model.levels.map(Number),
          ...(issue.them.points ?? []).map(([x]) => x).filter((x) => x > model.min && x < model.max),
        ]),
      ].sort((a, b) => a - b)
      const points = xs.map((x) => [x, mixed(scoreLevel(model, 'them', x))] as [number, number])
      return { ...issue, them: { ...kept, weight, points } }
    }),
  })
}
