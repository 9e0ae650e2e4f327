/**
 * Learning what they value: a posterior over their issue weights (shares) and, for issues marked
 * `them.uncertain`, the direction of their preference.
 *
 * - Prior (`beliefs.ts`): each weight is its estimated share times an independent Gamma factor of
 *   mean 1 and shape 3, 5 or 10 for `them.confidence` low, medium (default) or high, renormalised;
 *   an uncertain issue's direction is as estimated or reversed with probability 1/2 each. With
 *   probability 0.5, 0.33 or 0.15 (low, medium, high confidence) a sample reads the estimate the
 *   other way (`readingPriorDensity`): its weights right (shape 200) but up to half of them in the
 *   wrong places, a random set of half the issues with their estimated shares shuffled among them.
 * - Moves, with their likelihoods: a choice among bundles (logit on U_them, scale 3 points), a
 *   ranking (Plackett–Luce on the same scale), a rejection with a counter (the counter beats each
 *   bundle rejected, logistically on the same scale), stated priorities (each ordered pair, and each
 *   "at least k times as much", as a logistic on the log ratio of the two weights, slope 3: a weight
 *   twice the other makes the statement 8 times as likely as its reverse). Issues a statement does
 *   not list are unknown, not least important.
 * - Sampling: 2,000 draws from the prior, reweighted move by move; whenever fewer than a third are
 *   effectively in use, they are resampled and moved by a few Metropolis–Hastings steps (local
 *   Dirichlet proposals; in the second reading, swaps of two issues' places in the order, with or
 *   without their weights; once, a switch of reading) that keep the posterior exact in the limit. The seed is fixed and reported,
 *   so the same journal always gives the same numbers.
 * - What a move taught us: the Kullback–Leibler divergence of the posterior after it from the one
 *   before, in bits.
 */

import { dirichlet, type ForkableRandom, forkableMulberry32, type Random } from '../random'
import type { Offer } from '../scoring/offer'
import { type Space, scoreLevel } from '../scoring/space'
import type { Beliefs } from './beliefs'
import {
  DEFAULT_SEED,
  drawReading,
  LOGIT_SCALE,
  logGamma,
  priorParameters,
  readingPriorDensity,
} from './beliefs'

export { logGamma } from './beliefs'

import { type Observation, observationKey } from './observation'

const POSTERIOR_SAMPLES = 2000
/** Slope of stated priorities, per unit of log weight ratio. */
const STATEMENT_SLOPE = 3

export interface IssuePosterior {
  /** Posterior mean of their weight share; the plan's estimate exactly before any move. */
  mean: number
  /** 80% interval: the 10th and 90th percentiles. */
  low: number
  high: number
  /** The plan's estimate (the prior's centre). */
  estimate: number
  /** For issues marked uncertain: the probability that they lean the other way. */
  reversed?: number
}

export interface MoveInformation {
  eventId: string
  kind: Observation['kind']
  /** What the move taught us, in bits. */
  bits: number
  /**
   * The expected weight shares after this move, per plan issue: `direct` on each issue's score as
   * estimated, `reversed` on its reversed score (0 unless the issue is uncertain). The current
   * estimate after the first k moves is built from move k − 1's (`estimateAfter`), so a view can
   * say what a bundle was worth to them when it was sent without learning the journal again.
   */
  direct: number[]
  reversed: number[]
}

export interface Posterior {
  beliefs: Beliefs
  /** Per issue id. */
  issues: Record<string, IssuePosterior>
  moves: MoveInformation[]
  /** What the latest informative move taught us, in bits (0 before any). */
  lastBits: number
  /** What all moves taught us together, in bits (the sum over moves). */
  totalBits: number
  /** How far our belief has moved from the plan's estimate: the L1 distance between the mean shares (0 to 2). */
  shift: number
  /** Effective number of samples behind the estimate. */
  effectiveSamples: number
  seed: number
  samples: number
}

/** Their score of each issue in a bundle, as estimated and as reversed. */
function scoresOf(space: Space, offer: Offer): { as: Float64Array; reversed: Float64Array } {
  const as = Float64Array.from(space.issues, (issue) => {
    const k = offer.levelIndex[issue.index] ?? -1
    return k >= 0 ? (issue.score.them[k] ?? 0) : scoreLevel(issue, 'them', offer.values[issue.index] ?? 0)
  })
  return { as, reversed: Float64Array.from(as, (score) => 100 - score) }
}

type Scores = ReturnType<typeof scoresOf>

function utility(w: Float64Array, flips: Uint8Array | undefined, scores: Scores): number {
  let total = 0
  for (let i = 0; i < w.length; i++)
    total += (w[i] ?? 0) * ((flips?.[i] ? scores.reversed[i] : scores.as[i]) ?? 0)
  return total
}

function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x))
}

/** A move compiled for fast likelihoods. */
type Compiled =
  | { kind: 'choice'; offered: Scores[]; chosen: number }
  | { kind: 'ranking'; offered: Scores[]; order: number[] }
  | { kind: 'counter'; offered: Scores[]; counter: Scores }
  | { kind: 'stated'; pairs: { a: number; b: number; factor: number }[] }

function compile(space: Space, observation: Observation): Compiled {
  switch (observation.kind) {
    case 'choice':
      return {
        kind: 'choice',
        offered: observation.offered.map((offer) => scoresOf(space, offer)),
        chosen: observation.chosen,
      }
    case 'ranking':
      return {
        kind: 'ranking',
        offered: observation.offered.map((offer) => scoresOf(space, offer)),
        order: observation.order,
      }
    case 'counter':
      return {
        kind: 'counter',
        offered: observation.offered.map((offer) => scoresOf(space, offer)),
        counter: scoresOf(space, observation.counter),
      }
    case 'stated': {
      const pairs: { a: number; b: number; factor: number }[] = []
      observation.ranking.forEach((a, k) => {
        for (const b of observation.ranking.slice(k + 1)) pairs.push({ a, b, factor: 1 })
      })
      for (const item of observation.relative)
        pairs.push({ a: item.issue, b: item.over, factor: item.factor })
      return { kind: 'stated', pairs }
    }
  }
}

// Scratch for the values of one move's bundles: likelihoods run millions of times in a simulation,
// so they allocate nothing.
const VALUES: number[] = []
const REMOVED: number[] = []

/** ln sum_k exp(v_k) over the first `count` values not removed, folded in index order (as `logSumExp` of that list). */
function logSumExpOf(values: readonly number[], count: number, removed?: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY
  for (let k = 0; k < count; k++) if (!removed?.[k]) max = Math.max(max, values[k] ?? 0)
  let total = 0
  for (let k = 0; k < count; k++) if (!removed?.[k]) total += Math.exp((values[k] ?? 0) - max)
  return max + Math.log(total)
}

/** Log-likelihood of one move under one sample of their weights and directions. */
function logLikelihood(move: Compiled, w: Float64Array, flips: Uint8Array | undefined): number {
  switch (move.kind) {
    case 'choice': {
      const count = move.offered.length
      for (let k = 0; k < count; k++) VALUES[k] = utility(w, flips, move.offered[k] as Scores) / LOGIT_SCALE
      return (VALUES[move.chosen] ?? 0) - logSumExpOf(VALUES, count)
    }
    case 'ranking': {
      // Plackett–Luce: each ranked bundle against those not yet ranked.
      const count = move.offered.length
      for (let k = 0; k < count; k++) {
        VALUES[k] = utility(w, flips, move.offered[k] as Scores) / LOGIT_SCALE
        REMOVED[k] = 0
      }
      let total = 0
      for (let r = 0; r < move.order.length - 1; r++) {
        const k = move.order[r] ?? 0
        total += (VALUES[k] ?? 0) - logSumExpOf(VALUES, count, REMOVED)
        REMOVED[k] = 1
      }
      return total
    }
    case 'counter': {
      const counter = utility(w, flips, move.counter)
      let total = 0
      for (const scores of move.offered)
        total += logSigmoid((counter - utility(w, flips, scores)) / LOGIT_SCALE)
      return total
    }
    case 'stated': {
      let total = 0
      for (const { a, b, factor } of move.pairs) {
        total += logSigmoid(STATEMENT_SLOPE * (Math.log(w[a] ?? 1e-12) - Math.log(factor * (w[b] ?? 1e-12))))
      }
      return total
    }
  }
}

/** A Dirichlet density's parameters with their log-gamma terms, computed once for every point it is evaluated at. */
interface DirichletTerms {
  alpha: number[]
  logGammas: Float64Array
  logGammaSum: number
}

function dirichletTerms(alpha: number[], into?: DirichletTerms): DirichletTerms {
  const logGammas = into?.logGammas.length === alpha.length ? into.logGammas : new Float64Array(alpha.length)
  let sum = 0
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i] ?? 1
    sum += a
    logGammas[i] = logGamma(a)
  }
  if (!into) return { alpha, logGammas, logGammaSum: logGamma(sum) }
  into.alpha = alpha
  into.logGammas = logGammas
  into.logGammaSum = logGamma(sum)
  return into
}

/** ln Dir(w; alpha) = sum_i ((alpha_i - 1) ln w_i - ln Γ(alpha_i)) + ln Γ(sum_i alpha_i). */
function logDirichlet(w: Float64Array, terms: DirichletTerms): number {
  let total = 0
  for (let i = 0; i < terms.alpha.length; i++) {
    const a = terms.alpha[i] ?? 1
    total += (a - 1) * Math.log(Math.max(w[i] ?? 0, 1e-300)) - (terms.logGammas[i] ?? 0)
  }
  return total + terms.logGammaSum
}

const PROPOSAL_CONCENTRATION = 200
const PROPOSAL_FLOOR = 0.05

function proposalAlpha(w: Float64Array, into?: number[]): number[] {
  const alpha = into?.length === w.length ? into : new Array<number>(w.length)
  for (let i = 0; i < w.length; i++) alpha[i] = PROPOSAL_CONCENTRATION * (w[i] ?? 0) + PROPOSAL_FLOOR
  return alpha
}

export interface PosteriorOptions {
  samples?: number
  seed?: number
}

/**
 * Bump whenever the sampler would compute other numbers from the same moves, or the state's shape
 * changes: older snapshots are then not resumed. 4: each move's `observationKey` is kept (`keys`).
 * 5: the second reading's order is half the issues shuffled, at confidence-dependent shares.
 */
export const LEARNER_STATE_VERSION = 5

/**
 * A `PriorityLearner` as plain data (`snapshot`, `PriorityLearner.resume`): the samples, their
 * directions and log weights, where the random stream is, and what each move taught us.
 */
export interface LearnerState {
  version: number
  seed: number
  /** How many samples. */
  count: number
  /** Issues per sample. */
  issues: number
  /** Where the random stream is (see `ForkableRandom.state`). */
  random: number
  /** How many moves it has learned from: the first `observed` observations of the journal. */
  observed: number
  /** Sample s's weight shares at [s × issues, (s + 1) × issues). */
  samples: Float64Array
  /** Sample s's directions at the same places (1: the issue leans the other way); only when an issue is uncertain. */
  flips?: Uint8Array
  /** Sample s's order at the same places: issue i's weight is centred on the estimated share of issue orders[s × issues + i]. */
  orders: Int32Array
  /** Sample s's reading of the estimate (`beliefs.ts`): 0 its order, weights spread by the confidence; 1 its weights, in the order above. */
  readings: Uint8Array
  /** Each sample's unnormalised log weight. */
  logWeight: Float64Array
  moves: MoveInformation[]
  /**
   * Each move's `observationKey` (its event id, kind and what was offered and answered): a state
   * resumes only on the same moves, not on other moves that happen to carry the same event ids.
   */
  keys: string[]
  /** The posterior's figures per issue, when they were computed before the snapshot (they take sorting every sample). */
  figures?: Record<string, IssuePosterior>
}

/** A snapshot with the moves it learned from compiled again: what a resumed learner starts from. */
interface Resumed {
  state: LearnerState
  compiled: Compiled[]
}

function uncertainIssues(space: Space): number[] {
  return space.issues
    .filter((issue) => space.plan.issues[issue.index]?.them.uncertain === true)
    .map((issue) => issue.index)
}

/** n expected shares, each within [0, 1]. */
function fitsShares(shares: unknown, n: number): boolean {
  return (
    Array.isArray(shares) &&
    shares.length === n &&
    shares.every((share) => typeof share === 'number' && share >= 0 && share <= 1)
  )
}

/** Whether a snapshot can be the learner for this space, these options and these moves (see `PriorityLearner.resume`). */
function fitsSpace(
  space: Space,
  observations: readonly Observation[],
  state: LearnerState,
  options: PosteriorOptions,
): boolean {
  const n = space.issues.length
  const { count } = state
  if (state.version !== LEARNER_STATE_VERSION) return false
  if (state.seed !== (options.seed ?? DEFAULT_SEED) || count !== (options.samples ?? POSTERIOR_SAMPLES))
    return false
  if (state.issues !== n || !Number.isInteger(count) || count < 1 || !Number.isInteger(state.random))
    return false
  if (state.samples.length !== count * n || state.logWeight.length !== count) return false
  if (!(state.orders instanceof Int32Array) || state.orders.length !== count * n) return false
  if (!(state.readings instanceof Uint8Array) || state.readings.length !== count) return false
  // One pass over the orders, without a view or a buffer per sample: a resumed command pays for it.
  const seen = new Int32Array(n)
  const { orders, readings } = state
  for (let s = 0; s < count; s++) {
    // Reading 0 keeps the estimate's own order; reading 1 any order.
    const reading = readings[s] as number
    const start = s * n
    if (reading > 1) return false
    for (let i = 0; i < n; i++) {
      const k = orders[start + i] as number
      if (reading === 0 ? k !== i : !(k >= 0 && k < n) || seen[k] === s + 1) return false
      seen[k] = s + 1
    }
  }
  const uncertain = uncertainIssues(space).length > 0
  if (uncertain !== (state.flips !== undefined) || (state.flips && state.flips.length !== count * n))
    return false
  if (!Number.isInteger(state.observed) || state.observed < 0 || state.observed > observations.length)
    return false
  if (state.moves.length !== state.observed) return false
  if (!Array.isArray(state.keys) || state.keys.length !== state.observed) return false
  for (let k = 0; k < state.observed; k++) {
    const move = state.moves[k]
    const observation = observations[k]
    if (!move || !observation || move.eventId !== observation.eventId || move.kind !== observation.kind)
      return false
    if (state.keys[k] !== observationKey(observation)) return false
    if (!(move.bits >= 0 && Number.isFinite(move.bits))) return false
    if (!fitsShares(move.direct, n) || !fitsShares(move.reversed, n)) return false
  }
  const { samples, flips } = state
  for (let k = 0; k < samples.length; k++) {
    const share = samples[k] as number
    if (!(share >= 0 && share <= 1)) return false
  }
  if (flips) for (let k = 0; k < flips.length; k++) if ((flips[k] as number) > 1) return false
  if (state.figures && !fitsIssues(space, state.figures)) return false
  let finite = false
  for (const value of state.logWeight) {
    if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) return false
    if (value > Number.NEGATIVE_INFINITY) finite = true
  }
  return finite
}

/** Whether saved figures per issue are figures a posterior on this space can have. */
function fitsIssues(space: Space, issues: Record<string, IssuePosterior>): boolean {
  const uncertain = uncertainIssues(space)
  if (Object.keys(issues).length !== space.issues.length) return false
  return space.issues.every((issue) => {
    const entry = issues[issue.id]
    const share = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1
    return (
      entry !== undefined &&
      share(entry.mean) &&
      share(entry.low) &&
      share(entry.high) &&
      entry.estimate === space.share.them[issue.index] &&
      (uncertain.includes(issue.index) ? share(entry.reversed) : entry.reversed === undefined)
    )
  })
}

/** The posterior over their priorities given the moves of a journal (in order). */
export function inferPriorities(
  space: Space,
  observations: readonly Observation[],
  options: PosteriorOptions = {},
): Posterior {
  const learner = new PriorityLearner(space, options)
  for (const observation of observations) learner.observe(observation)
  return learner.posterior()
}

/**
 * The sampler behind `inferPriorities`, fed one move at a time: observing a journal's moves in
 * order and then asking for the posterior gives exactly what `inferPriorities` gives for them, and
 * a fork continues on its own from where its original is (the random stream included), so a
 * journal that grows by a move costs one move, not all of them again.
 */
export class PriorityLearner {
  private readonly space: Space
  private readonly seed: number
  private readonly count: number
  private readonly random: ForkableRandom
  private readonly logPrior: (w: ArrayLike<number>, order: ArrayLike<number>, reading: number) => number
  private readonly uncertain: number[]
  private sampleRows: Float64Array[]
  private flipRows: Uint8Array[] | undefined
  private orderRows: Int32Array[]
  /**
   * A resumed learner's samples, orders and directions as the snapshot's flat buffers (copied),
   * each cut into a view per sample only when something reads it (`cut`): a command whose moves
   * the snapshot already learned from reads its figures and expected shares, never the samples,
   * and MESO reads a few hundred samples (`row`) and no orders. Dropped once the rows change.
   */
  private flat: { samples: Float64Array; orders: Int32Array; flips: Uint8Array | undefined } | undefined
  /** Which of `flat`'s buffers are cut into the rows above. */
  private cut = { samples: false, orders: false, flips: false }
  private readings: Uint8Array
  private logWeight: Float64Array
  private compiled: Compiled[]
  private moves: MoveInformation[]
  /** Each observed move's `observationKey`, kept in snapshots. */
  private keys: string[]
  /** The posterior's figures per issue for the moves so far, once computed. */
  private summary: Record<string, IssuePosterior> | undefined

  constructor(space: Space, options: PosteriorOptions = {}, from?: PriorityLearner | Resumed) {
    this.space = space
    if (from && !(from instanceof PriorityLearner)) {
      const { state, compiled } = from
      this.seed = state.seed
      this.count = state.count
      this.random = forkableMulberry32(state.random)
      this.logPrior = readingPriorDensity(priorParameters(space))
      this.uncertain = uncertainIssues(space)
      // Copies, so that the caller's state stays as it is; cut into rows when first read.
      this.sampleRows = []
      this.orderRows = []
      this.flipRows = undefined
      this.flat = copyFlat(state)
      this.readings = Uint8Array.from(state.readings)
      this.logWeight = Float64Array.from(state.logWeight)
      this.compiled = compiled
      this.moves = state.moves.map((move) => ({ ...move }))
      this.keys = [...state.keys]
      this.summary = state.figures
      return
    }
    if (from) {
      // Samples, flips and weights are replaced, never changed in place, once shared: copying the lists is enough.
      this.seed = from.seed
      this.count = from.count
      this.random = from.random.fork()
      this.logPrior = from.logPrior
      this.uncertain = from.uncertain
      this.sampleRows = [...from.samples]
      this.flipRows = from.flips ? [...from.flips] : undefined
      this.orderRows = [...from.orders]
      this.readings = from.readings
      this.logWeight = from.logWeight
      this.compiled = [...from.compiled]
      this.moves = [...from.moves]
      this.keys = [...from.keys]
      this.summary = from.summary
      return
    }
    this.seed = options.seed ?? DEFAULT_SEED
    this.count = options.samples ?? POSTERIOR_SAMPLES
    this.random = forkableMulberry32(this.seed ^ 0x5bd1e995)
    const random = this.random.next
    const prior = priorParameters(space)
    this.logPrior = readingPriorDensity(prior)
    this.uncertain = uncertainIssues(space)
    const uncertain = this.uncertain
    const draws = Array.from({ length: this.count }, () => drawReading(prior, random))
    this.orderRows = draws.map((draw) => draw.order)
    this.sampleRows = draws.map((draw) => draw.w)
    this.readings = Uint8Array.from(draws, (draw) => draw.reading)
    this.flipRows =
      uncertain.length > 0
        ? Array.from({ length: this.count }, () => {
            const row = new Uint8Array(space.issues.length)
            for (const i of uncertain) row[i] = random() < 0.5 ? 1 : 0
            return row
          })
        : undefined
    this.logWeight = new Float64Array(this.count)
    this.compiled = []
    this.moves = []
    this.keys = []
    this.summary = undefined
  }

  /** The rows joined into flat buffers, a sample after another. */
  private joined(): { samples: Float64Array; orders: Int32Array; flips: Uint8Array | undefined } {
    const n = this.space.issues.length
    const join = <T extends Float64Array | Int32Array | Uint8Array>(rows: readonly T[], all: T): T => {
      rows.forEach((row, s) => {
        all.set(row, s * n)
      })
      return all
    }
    const flips = this.flipRows
    return {
      samples: join(this.sampleRows, new Float64Array(this.count * n)),
      orders: join(this.orderRows, new Int32Array(this.count * n)),
      flips: flips ? join(flips, new Uint8Array(this.count * n)) : undefined,
    }
  }

  /** One of the snapshot's flat buffers cut into a view per sample (rows are replaced, never changed in place). */
  private rows<T extends Float64Array | Int32Array | Uint8Array>(all: T): T[] {
    const n = this.space.issues.length
    const rows: T[] = new Array(this.count)
    for (let s = 0; s < this.count; s++) rows[s] = all.subarray(s * n, (s + 1) * n) as T
    return rows
  }

  private get samples(): Float64Array[] {
    if (this.flat && !this.cut.samples) {
      this.sampleRows = this.rows(this.flat.samples)
      this.cut.samples = true
    }
    return this.sampleRows
  }

  private get orders(): Int32Array[] {
    if (this.flat && !this.cut.orders) {
      this.orderRows = this.rows(this.flat.orders)
      this.cut.orders = true
    }
    return this.orderRows
  }

  private get flips(): Uint8Array[] | undefined {
    if (this.flat && !this.cut.flips) {
      this.flipRows = this.flat.flips ? this.rows(this.flat.flips) : undefined
      this.cut.flips = true
    }
    return this.flipRows
  }

  /** Sample k and its directions, without cutting every row of a flat snapshot. */
  private row(k: number): { sample: Float64Array; flipped: Uint8Array | undefined } {
    const flat = this.flat
    if (!flat) return { sample: this.sampleRows[k] as Float64Array, flipped: this.flipRows?.[k] }
    const n = this.space.issues.length
    return {
      sample: this.cut.samples
        ? (this.sampleRows[k] as Float64Array)
        : flat.samples.subarray(k * n, (k + 1) * n),
      flipped: this.cut.flips ? this.flipRows?.[k] : flat.flips?.subarray(k * n, (k + 1) * n),
    }
  }

  /** A copy that continues on its own. */
  fork(): PriorityLearner {
    return new PriorityLearner(this.space, {}, this)
  }

  /**
   * The learner as plain data, to keep (beside a journal, say) and resume later with
   * `PriorityLearner.resume`: the resumed learner gives exactly what this one gives, from here on.
   */
  snapshot(): LearnerState {
    const n = this.space.issues.length
    const { samples, orders, flips } = this.flat ? copyFlat(this.flat) : this.joined()
    return {
      version: LEARNER_STATE_VERSION,
      seed: this.seed,
      count: this.count,
      issues: n,
      random: this.random.state(),
      observed: this.compiled.length,
      samples,
      ...(flips ? { flips } : {}),
      orders,
      readings: Uint8Array.from(this.readings),
      logWeight: Float64Array.from(this.logWeight),
      moves: this.moves.map((move) => ({ ...move })),
      keys: [...this.keys],
      ...(this.summary ? { figures: copyIssues(this.summary) } : {}),
    }
  }

  /**
   * A learner continued from a snapshot taken after the first `state.observed` of `observations`
   * (the journal's moves as they are now; the moves it learned from are compiled again, since the
   * resampling steps weigh every move so far). Undefined when the state can not be that: another
   * version of the sampler, other options, another number of issues or uncertain issues, other
   * moves than those observations, or numbers a sampler never holds (a state read from a damaged
   * file). Whether the space is the one the state was taken on is the caller's to know (a hash of
   * the plan, say): the state does not say.
   */
  static resume(
    space: Space,
    observations: readonly Observation[],
    state: LearnerState,
    options: PosteriorOptions = {},
  ): PriorityLearner | undefined {
    if (!fitsSpace(space, observations, state, options)) return undefined
    const compiled = observations.slice(0, state.observed).map((observation) => compile(space, observation))
    return new PriorityLearner(space, options, { state, compiled })
  }

  /** Moves observed so far. */
  get observed(): number {
    return this.compiled.length
  }

  /** Takes one more of their moves into account. */
  observe(observation: Observation): void {
    this.summary = undefined
    const { space, count, logPrior, uncertain, compiled } = this
    const random = this.random.next
    const logTarget = (w: Float64Array, f: Uint8Array | undefined, o: Int32Array, c: number) => {
      let total = logPrior(w, o, c)
      if (total === Number.NEGATIVE_INFINITY) return total
      for (const move of compiled) total += logLikelihood(move, w, f)
      return total
    }
    const move = compile(space, observation)
    this.keys.push(observationKey(observation))
    const before = normalised(this.logWeight)
    const samples = this.samples
    const flipsNow = this.flips
    const next = Float64Array.from(
      this.logWeight,
      (value, s) => value + logLikelihood(move, samples[s] as Float64Array, flipsNow?.[s]),
    )
    compiled.push(move)
    const after = normalised(next)
    let bits = 0
    for (let s = 0; s < count; s++) {
      const a = after[s] ?? 0
      if (a > 0) bits += a * Math.log2(a / Math.max(before[s] ?? 0, 1e-300))
    }
    const information = { eventId: observation.eventId, kind: observation.kind, bits: Math.max(0, bits) }
    this.logWeight = next
    const ess = 1 / after.reduce((sum, value) => sum + value * value, 0)
    if (ess < count / 3) {
      // Resample (systematic), then move each sample a few Metropolis–Hastings steps.
      const chosen = systematic(after, random)
      const resampled: Float64Array[] = chosen.map((s) => Float64Array.from(samples[s] as Float64Array))
      const flips = flipsNow ? chosen.map((s) => Uint8Array.from(flipsNow[s] as Uint8Array)) : undefined
      const ordersNow = this.orders
      const orders = chosen.map((s) => ordersNow[s] as Int32Array)
      const readingsNow = this.readings
      const readings = Uint8Array.from(chosen, (s) => readingsNow[s] ?? 0)
      const n = space.issues.length
      this.logWeight = new Float64Array(count)
      const spare = dirichletTerms(proposalAlpha(resampled[0] as Float64Array))
      const spareProposal = dirichletTerms(proposalAlpha(resampled[0] as Float64Array))
      for (let s = 0; s < count; s++) {
        let w = resampled[s] as Float64Array
        // Two sets of proposal terms, the current point's and a proposal's, swapped on acceptance
        // rather than made anew for every proposal.
        let wTerms = dirichletTerms(proposalAlpha(w, spare.alpha), spare)
        let scratch = spareProposal
        let f = flips?.[s]
        let o = orders[s] as Int32Array
        let c = readings[s] ?? 0
        let current = logTarget(w, f, o, c)
        for (let step = 0; step < 4; step++) {
          const proposed = dirichlet(wTerms.alpha, random)
          let proposedFlips = f
          if (f && uncertain.length > 0 && random() < 0.3) {
            proposedFlips = Uint8Array.from(f)
            const i = uncertain[Math.floor(random() * uncertain.length)] ?? 0
            proposedFlips[i] = proposedFlips[i] ? 0 : 1
          }
          const candidate = logTarget(proposed, proposedFlips, o, c)
          const proposedTerms = dirichletTerms(proposalAlpha(proposed, scratch.alpha), scratch)
          const ratio = candidate - current + logDirichlet(w, proposedTerms) - logDirichlet(proposed, wTerms)
          if (Math.log(random()) < ratio) {
            w = proposed
            scratch = wTerms
            wTerms = proposedTerms
            f = proposedFlips
            current = candidate
          }
          // A swap of two issues' places in the order: with their weights (the answers may say their
          // weights are the other way round), or alone (the weights fit the other order's centres).
          if (n >= 2 && c === 1) {
            const i = Math.floor(random() * n)
            const j = (i + 1 + Math.floor(random() * (n - 1))) % n
            const swapped = Int32Array.from(o)
            swapped[i] = o[j] ?? j
            swapped[j] = o[i] ?? i
            let moved = w
            if (random() < 0.5) {
              moved = Float64Array.from(w)
              moved[i] = w[j] ?? 0
              moved[j] = w[i] ?? 0
            }
            const candidate = logTarget(moved, f, swapped, c)
            if (Math.log(random()) < candidate - current) {
              if (moved !== w) {
                w = moved
                wTerms = dirichletTerms(proposalAlpha(w, wTerms.alpha), wTerms)
              }
              o = swapped
              current = candidate
            }
          }
        }
        // Once per resampling, the other reading of the estimate with the same weights and order
        // (the order must be the estimate's own to leave reading 1): once, not every step, since
        // each proposal weighs every move again.
        {
          const candidate = logTarget(w, f, o, 1 - c)
          if (Math.log(random()) < candidate - current) c = 1 - c
        }
        readings[s] = c
        resampled[s] = w
        orders[s] = o
        if (flips && f) flips[s] = f
      }
      // Read through the getters above; the snapshot's buffers no longer hold them.
      this.sampleRows = resampled
      this.flipRows = flips
      this.orderRows = orders
      this.flat = undefined
      this.readings = readings
    }
    this.moves.push({ ...information, ...this.expectedShares() })
  }

  /** The expected weight shares on each issue's score as estimated and reversed, under the samples as weighted now. */
  private expectedShares(): { direct: number[]; reversed: number[] } {
    const n = this.space.issues.length
    const direct = new Array<number>(n).fill(0)
    const reversed = new Array<number>(n).fill(0)
    const probability = normalised(this.logWeight)
    this.samples.forEach((w, s) => {
      const p = probability[s] ?? 0
      const flips = this.flips?.[s]
      for (let i = 0; i < n; i++) {
        if (flips?.[i]) reversed[i] = (reversed[i] ?? 0) + p * (w[i] ?? 0)
        else direct[i] = (direct[i] ?? 0) + p * (w[i] ?? 0)
      }
    })
    // Sums of probabilities times shares can exceed 1 by a rounding error.
    const clamp = (value: number) => Math.min(1, Math.max(0, value))
    return { direct: direct.map(clamp), reversed: reversed.map(clamp) }
  }

  /** The posterior after the moves observed so far. */
  posterior(): Posterior {
    const { space, moves, seed, count } = this
    const probability = normalised(this.logWeight)
    // The samples only when a view reads them (MESO and lint weigh bundles by them; status does not).
    const learner = this
    const uncertain = this.flat ? this.flat.flips !== undefined : this.flipRows !== undefined
    const beliefs: Beliefs = {
      get samples() {
        return learner.samples
      },
      probability,
      seed,
    }
    // Not spread in: a spread reads the getter.
    if (uncertain) Object.defineProperty(beliefs, 'flipped', { get: () => learner.flips, enumerable: true })
    // Not enumerable: a copy of the beliefs (a spread, a structured clone) is plain data.
    Object.defineProperty(beliefs, 'row', { value: (k: number) => learner.row(k) })
    this.summary ??= this.summarise(probability)
    const issues = copyIssues(this.summary)
    // Before any move our estimate of them is the plan's, exactly: what every view values bundles
    // by. The prior's sample mean is off it (by its sampling, and by the reading that holds some
    // priorities in the wrong places), which would show an estimate moved by no evidence.
    if (moves.length === 0) for (const entry of Object.values(issues)) entry.mean = entry.estimate
    return {
      beliefs,
      issues,
      moves: [...moves],
      lastBits: moves.at(-1)?.bits ?? 0,
      totalBits: moves.reduce((sum, move) => sum + move.bits, 0),
      shift: space.issues.reduce(
        (sum, issue) => sum + Math.abs((issues[issue.id]?.mean ?? 0) - (space.share.them[issue.index] ?? 0)),
        0,
      ),
      effectiveSamples: 1 / probability.reduce((sum, value) => sum + value * value, 0),
      seed,
      samples: count,
    }
  }
  /** Each issue's posterior mean, 80% interval and, if uncertain, the probability it leans the other way. */
  private summarise(probability: Float64Array): Record<string, IssuePosterior> {
    const { space, samples, flips, count, uncertain } = this
    const issues: Record<string, IssuePosterior> = {}
    // Each issue's shares in increasing order (ties in sample order, as a stable sort leaves them),
    // sorted as indexes into one column: no object per sample, which a command run once pays for.
    const column = new Float64Array(count)
    const order = new Uint32Array(count)
    for (const issue of space.issues) {
      for (let s = 0; s < count; s++) {
        column[s] = samples[s]?.[issue.index] ?? 0
        order[s] = s
      }
      order.sort((a, b) => (column[a] ?? 0) - (column[b] ?? 0) || a - b)
      let mean = 0
      for (const s of order) mean += (column[s] ?? 0) * (probability[s] ?? 0)
      const entry: IssuePosterior = {
        mean,
        low: quantile(column, probability, order, 0.1),
        high: quantile(column, probability, order, 0.9),
        estimate: space.share.them[issue.index] ?? 0,
      }
      if (flips && uncertain.includes(issue.index)) {
        entry.reversed = flips.reduce(
          (sum, row, s) => sum + (row[issue.index] ? (probability[s] ?? 0) : 0),
          0,
        )
      }
      issues[issue.id] = entry
    }
    return issues
  }
}

function copyFlat(flat: { samples: Float64Array; orders: Int32Array; flips?: Uint8Array | undefined }) {
  return { samples: flat.samples.slice(), orders: flat.orders.slice(), flips: flat.flips?.slice() }
}

function copyIssues(issues: Record<string, IssuePosterior>): Record<string, IssuePosterior> {
  return Object.fromEntries(Object.entries(issues).map(([id, entry]) => [id, { ...entry }]))
}

function normalised(logs: Float64Array): Float64Array {
  // Plain loops: a command run once pays for spreads and callbacks before they are compiled.
  let max = Number.NEGATIVE_INFINITY
  for (let s = 0; s < logs.length; s++) if ((logs[s] as number) > max) max = logs[s] as number
  const p = new Float64Array(logs.length)
  let total = 0
  for (let s = 0; s < logs.length; s++) {
    const value = Math.exp((logs[s] as number) - max)
    p[s] = value
    total += value
  }
  for (let s = 0; s < p.length; s++) p[s] = (p[s] as number) / total
  return p
}

/** The first value, in `order`, at which the probabilities summed in that order reach q (the last value if they never do). */
function quantile(values: Float64Array, probability: Float64Array, order: Uint32Array, q: number): number {
  let cumulative = 0
  for (const s of order) {
    cumulative += probability[s] ?? 0
    if (cumulative >= q) return values[s] ?? 0
  }
  return values[order[order.length - 1] ?? 0] ?? 0
}

function systematic(probability: Float64Array, random: Random): number[] {
  const count = probability.length
  const out: number[] = []
  const start = random() / count
  let cumulative = probability[0] ?? 0
  let s = 0
  for (let k = 0; k < count; k++) {
    const u = start + k / count
    while (u > cumulative && s < count - 1) {
      s++
      cumulative += probability[s] ?? 0
    }
    out.push(s)
  }
  return out
}
