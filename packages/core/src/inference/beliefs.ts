/**
 * What we believe about their weights, as weighted samples of weight shares; the journal's
 * posterior (`posterior.ts`, beside it) has the same shape. Also the logit choice model on U_them,
 * and the expected information a choice reveals.
 *
 * The prior: each issue's weight is its estimated share times an independent factor with mean 1,
 * Gamma-distributed with shape a (relative spread 1/sqrt(a)), the weights then normalised to shares.
 * a = 3, 5 or 10 for `them.confidence` low, medium (default) or high: the factor's spread is about
 * ±58%, ±45% or ±32%. An estimate wrong by such factors is what the simulator's `perturbed`
 * generator draws (factors uniform in [0.2, 1.8]: ±46%), and the shapes were chosen by the
 * simulator's learning run (`npm run bench -- simulate`, BENCH_TABLE=learning) over the examples,
 * the GENIUS domains and the synthetic plan. The Dirichlet around the estimate used before (3, 10 or
 * 30 times the share) spread a plan's small issues far more than its large ones and, at low and
 * medium confidence, far more than real estimates err: three answers then moved the posterior
 * further from the truth than the plan's estimate (see docs/mathematics.md, "How these values were chosen").
 *
 * The learner's prior (`posterior.ts`) reads the estimate a second way too, with probability
 * REORDER_SHARE (0.5, 0.33 and 0.15 at low, medium and high confidence): its weights right but some
 * of them in the wrong places (`readingPriorDensity`, below), so that answers saying the order is
 * wrong can move the weight onto the issues swapped rather than onto the largest ones. MESO's first
 * set, the simulator's `prior` generator and `priorBeliefs` use the first reading alone.
 */
import { gamma, mulberry32 } from '../random'
import type { Space } from '../scoring/space'

/** Their weights as samples of shares (indexed by plan issue), each with a probability. */
export interface Beliefs {
  samples: Float64Array[]
  /** Probabilities of the samples, summing to 1. */
  probability: Float64Array
  seed: number
  /** Per sample, 1 for each issue whose direction is reversed from our estimate (issues marked `uncertain`). */
  flipped?: Uint8Array[]
  /**
   * Sample k and its directions, as `samples[k]` and `flipped?.[k]`, where reading those would cut
   * every sample out of flat buffers first (a posterior resumed from its cache): what thinning
   * reads, a few hundred of the 2,000.
   */
  readonly row?: (k: number) => { sample: Float64Array; flipped: Uint8Array | undefined }
}

/** Logit scale of their choices, in utility points: a bundle 3 points better is e (about 2.7) times as likely to be chosen. */
export const LOGIT_SCALE = 3

/** Number of samples that represent a belief. */
export const BELIEF_SAMPLES = 400

export const DEFAULT_SEED = 20261125

/** Shape of each issue's Gamma factor per confidence level: the factor's relative spread is 1/sqrt(shape). */
export const PRIOR_SHAPE = { low: 3, medium: 5, high: 10 } as const

// Drawing the prior is the slowest part of a small MESO; the web app asks for the same one on every
// keystroke, so the last few are kept (the draws depend only on the parameters and the seed).
const priorCache = new Map<string, Beliefs>()

/**
 * The prior's parameters: per issue, the Gamma factor's shape a_i (from the issue's confidence) and
 * the rate a_i / ê_i of the unnormalised weight ê_i × factor (ê the estimated share).
 */
export interface PriorParameters {
  shape: number[]
  rate: number[]
  /** The prior probability of its second reading (`readingPriorDensity`): the mean of REORDER_SHARE over the issues' confidences. */
  reorderShare: number
}

export function priorParameters(space: Space): PriorParameters {
  const shape = space.issues.map(
    (issue) => PRIOR_SHAPE[space.plan.issues[issue.index]?.them.confidence ?? 'medium'],
  )
  let reorderShare = 0
  for (const issue of space.issues)
    reorderShare += REORDER_SHARE[space.plan.issues[issue.index]?.them.confidence ?? 'medium']
  return {
    shape,
    reorderShare: space.issues.length > 0 ? reorderShare / space.issues.length : 0,
    // A share of 0 (an issue they do not care about) stays at (almost) 0.
    rate: space.issues.map(
      (issue, i) => (shape[i] ?? 1) / Math.max(space.share.them[issue.index] ?? 0, 1e-12),
    ),
  }
}

/** One draw of weight shares from the prior. */
export function drawPrior(prior: PriorParameters, random: () => number): Float64Array {
  const draw = Float64Array.from(
    prior.shape,
    (a, i) => Math.max(gamma(a, random), 1e-300) / (prior.rate[i] ?? 1),
  )
  let total = 0
  for (const x of draw) total += x
  for (let i = 0; i < draw.length; i++) draw[i] = (draw[i] ?? 0) / total
  return draw
}

/**
 * ln of the prior's density at shares w (on the simplex): normalised independent gammas with shapes
 * a_i and rates r_i have ln Γ(A) - Σ ln Γ(a_i) + Σ a_i ln r_i + Σ (a_i - 1) ln w_i - A ln Σ r_i w_i,
 * A = Σ a_i. `priorDensity` computes the terms that do not depend on w once.
 */
export function priorDensity(prior: PriorParameters): (w: ArrayLike<number>) => number {
  let total = 0
  let constant = 0
  prior.shape.forEach((a, i) => {
    total += a
    constant += a * Math.log(prior.rate[i] ?? 1) - logGamma(a)
  })
  constant += logGamma(total)
  return (w) => {
    let value = constant
    let scaled = 0
    for (let i = 0; i < prior.shape.length; i++) {
      const x = Math.max(w[i] ?? 0, 1e-300)
      value += ((prior.shape[i] ?? 1) - 1) * Math.log(x)
      scaled += (prior.rate[i] ?? 1) * x
    }
    return value - total * Math.log(scaled)
  }
}

/**
 * The prior's second reading of the estimate: its weights right (each within a Gamma factor of
 * shape REORDER_SHAPE, about ±7%), but up to REORDER_SUBSET of the issues' weights in the wrong
 * places among themselves: a set of k = max(2, round(REORDER_SUBSET · n)) issues (at most n) drawn
 * at random, their estimated shares permuted at random, so issue i's weight is centred on the
 * estimated share of issue π(i). Its prior probability is REORDER_SHARE of the issues' confidence
 * (their mean over the plan's issues): the less sure the estimate, the likelier that some of its
 * priorities are in the wrong order.
 *
 * Chosen by the simulator's learning run (docs/mathematics.md, "How these values were chosen"): the
 * Mallows order used before (each swap a factor 0.1, held by 5% of the prior at medium and high, none
 * at low) left counterparts whose priorities were partly in the wrong order further from the truth
 * after three answers than the estimate on 4 to 11 of the 13 plans, depending on the confidence and
 * the answers; this reading, at these shares, on 1 to 5, at the cost of 1 to 6 points of learning
 * for counterparts drawn around the estimate.
 */
export const REORDER_SHARE = { low: 0.5, medium: 0.33, high: 0.15 } as const
export const REORDER_SHAPE = 200
export const REORDER_SUBSET = 0.5

/** How many issues the second reading may reorder among themselves: k = max(2, round(REORDER_SUBSET · n)), at most n. */
export function reorderedCount(n: number): number {
  return Math.min(n, Math.max(2, Math.round(REORDER_SUBSET * n)))
}

/** A draw of π: k issues drawn at random (`reorderedCount`), their places shuffled (Fisher–Yates), the rest fixed. */
export function drawOrder(n: number, random: () => number): Int32Array {
  const k = reorderedCount(n)
  const issues = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[issues[i], issues[j]] = [issues[j] as number, issues[i] as number]
  }
  const chosen = issues.slice(0, k)
  const places = [...chosen]
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[places[i], places[j]] = [places[j] as number, places[i] as number]
  }
  const order = Int32Array.from({ length: n }, (_, i) => i)
  chosen.forEach((issue, t) => {
    order[issue] = places[t] as number
  })
  return order
}

/**
 * ln P(π) for `drawOrder`'s draws: an order moving m issues comes from every chosen set holding
 * those m, C(n − m, k − m) of the C(n, k) sets, each shuffled one way in k!; more than k, never.
 */
export function logOrderPrior(order: ArrayLike<number>): number {
  const n = order.length
  const k = reorderedCount(n)
  let moved = 0
  for (let i = 0; i < n; i++) if (order[i] !== i) moved++
  if (moved > k) return Number.NEGATIVE_INFINITY
  return logChoose(n - moved, k - moved) - logChoose(n, k) - logGamma(k + 1)
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
}

/** Whether an order is the estimate's own. */
function isIdentity(order: ArrayLike<number>): boolean {
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false
  return true
}

/** A sample's reading of the estimate: 0 its order with the confidence's spread, 1 its weights (tight) in the order π. */
export type Reading = 0 | 1

/**
 * ln of the prior's density at shares w in a reading, with the order π (the identity in reading 0)
 * and the reading's own probability: ln P(reading) + ln P(π | reading) + ln p(w | π, reading).
 */
export function readingPriorDensity(
  prior: PriorParameters,
): (w: ArrayLike<number>, order: ArrayLike<number>, reading: number) => number {
  const n = prior.shape.length
  const share = prior.shape.map((a, i) => a / (prior.rate[i] ?? 1))
  const logShare = share.map((e) => Math.log(e))
  const shapes = [prior.shape, prior.shape.map((a) => Math.max(a, REORDER_SHAPE))]
  const parts = shapes.map((shape, c) => {
    let total = 0
    let constant = Math.log(c === 1 ? prior.reorderShare : 1 - prior.reorderShare)
    for (const a of shape) {
      total += a
      constant += a * Math.log(a) - logGamma(a)
    }
    return { shape, total, constant: constant + logGamma(total) }
  })
  return (w, order, reading) => {
    const part = parts[reading] as (typeof parts)[number]
    let value = part.constant
    if (reading === 1) value += logOrderPrior(order)
    else if (!isIdentity(order)) return Number.NEGATIVE_INFINITY
    let scaled = 0
    for (let i = 0; i < n; i++) {
      const a = part.shape[i] ?? 1
      const k = order[i] ?? i
      const x = Math.max(w[i] ?? 0, 1e-300)
      value += (a - 1) * Math.log(x) - a * (logShare[k] ?? 0)
      scaled += (a / (share[k] ?? 1)) * x
    }
    return value - part.total * Math.log(scaled)
  }
}

/** One draw from the prior: the reading, the order, and the weight shares. */
export function drawReading(
  prior: PriorParameters,
  random: () => number,
): { reading: Reading; order: Int32Array; w: Float64Array } {
  const n = prior.shape.length
  const reading: Reading = random() < prior.reorderShare ? 1 : 0
  const order = reading === 1 ? drawOrder(n, random) : Int32Array.from({ length: n }, (_, i) => i)
  const w = Float64Array.from(prior.shape, (shape, i) => {
    const a = reading === 1 ? Math.max(shape, REORDER_SHAPE) : shape
    const k = order[i] ?? i
    const estimate = (prior.shape[k] ?? 1) / (prior.rate[k] ?? 1)
    return (Math.max(gamma(a, random), 1e-300) * estimate) / a
  })
  let total = 0
  for (const x of w) total += x
  for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) / total
  return { reading, order, w }
}

// Lanczos's coefficients (g = 7), kept once: the learner takes thousands of log-gammas per move.
const LANCZOS_G = 7
const LANCZOS: readonly number[] = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI)

/** ln Γ(x) for x > 0 (Lanczos). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const c = LANCZOS
  const z = x - 1
  let a = c[0] as number
  const t = z + LANCZOS_G + 0.5
  for (let i = 1; i < LANCZOS_G + 2; i++) a += (c[i] as number) / (z + i)
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/**
 * The prior's draws around the plan's estimate of their weights (directions as estimated: the
 * learner, not MESO's prior, weighs reversed directions of uncertain issues).
 */
export function priorBeliefs(space: Space, options: { samples?: number; seed?: number } = {}): Beliefs {
  const seed = options.seed ?? DEFAULT_SEED
  const prior = priorParameters(space)
  const count = options.samples ?? BELIEF_SAMPLES
  const key = `${seed}|${count}|${prior.shape.join(',')}|${prior.rate.join(',')}`
  const cached = priorCache.get(key)
  if (cached) return cached
  const random = mulberry32(seed)
  const samples = Array.from({ length: count }, () => drawPrior(prior, random))
  const beliefs = { samples, probability: new Float64Array(count).fill(1 / count), seed }
  priorCache.set(key, beliefs)
  if (priorCache.size > 16) priorCache.delete(priorCache.keys().next().value as string)
  return beliefs
}

/** Their utility (points) of each bundle under each sample: `[bundle][sample]`. */
export function utilityTable(
  space: Space,
  beliefs: Beliefs,
  bundles: readonly ArrayLike<number>[],
): Float64Array[] {
  const n = space.issues.length
  return bundles.map((levels) => {
    const scores = Float64Array.from(space.issues, (issue) => issue.score.them[levels[issue.index] ?? 0] ?? 0)
    const { samples, flipped } = beliefs
    const row = new Float64Array(samples.length)
    for (let s = 0; s < samples.length; s++) {
      const w = samples[s] as Float64Array
      const flips = flipped?.[s]
      let total = 0
      if (flips)
        for (let i = 0; i < n; i++)
          total += (w[i] as number) * (flips[i] ? 100 - (scores[i] as number) : (scores[i] as number))
      else for (let i = 0; i < n; i++) total += (w[i] as number) * (scores[i] as number)
      row[s] = total
    }
    return row
  })
}

/** Mean of their weight shares under the beliefs. */
export function meanWeights(beliefs: Beliefs): Float64Array {
  const n = beliefs.samples[0]?.length ?? 0
  const mean = new Float64Array(n)
  for (let s = 0; s < beliefs.samples.length; s++) {
    const w = beliefs.samples[s] as Float64Array
    const p = beliefs.probability[s] as number
    for (let i = 0; i < n; i++) mean[i] = (mean[i] as number) + p * (w[i] as number)
  }
  return mean
}

/** Choice probabilities of each bundle under one sample (logit on U_them). */
function choice(utilities: readonly Float64Array[], sample: number, out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY
  for (let k = 0; k < utilities.length; k++) max = Math.max(max, utilities[k]?.[sample] ?? 0)
  let total = 0
  for (let k = 0; k < utilities.length; k++) {
    const p = Math.exp(((utilities[k]?.[sample] ?? 0) - max) / LOGIT_SCALE)
    out[k] = p
    total += p
  }
  for (let k = 0; k < utilities.length; k++) out[k] = (out[k] ?? 0) / total
}

/**
 * Expected information gain, in bits, about their weights from seeing which bundle they choose:
 * the mutual information H(choice) - E_w[H(choice | w)] under the beliefs.
 */
export function informativeness(utilities: readonly Float64Array[], probability: Float64Array): number {
  const k = utilities.length
  if (k < 2) return 0
  const p = new Float64Array(k)
  const mean = new Float64Array(k)
  let conditional = 0
  for (let s = 0; s < probability.length; s++) {
    const weight = probability[s] ?? 0
    if (weight === 0) continue
    choice(utilities, s, p)
    for (let j = 0; j < k; j++) {
      const pj = p[j] ?? 0
      mean[j] = (mean[j] ?? 0) + weight * pj
      if (pj > 0) conditional -= weight * pj * Math.log2(pj)
    }
  }
  let marginal = 0
  for (let j = 0; j < k; j++) {
    const mj = mean[j] ?? 0
    if (mj > 0) marginal -= mj * Math.log2(mj)
  }
  return Math.max(0, marginal - conditional)
}

/** Expected U_them of each bundle under the beliefs. */
export function expectedUtility(utilities: readonly Float64Array[], probability: Float64Array): number[] {
  return utilities.map((row) => {
    let total = 0
    for (let s = 0; s < probability.length; s++) total += (probability[s] ?? 0) * (row[s] ?? 0)
    return total
  })
}

/**
 * A fast evaluator of `informativeness` for many subsets of the same bundles: the exponentials of
 * the choice model are computed once per bundle and sample.
 */
export function choiceInformation(
  utilities: readonly Float64Array[],
  probability: Float64Array,
): (set: readonly number[]) => number {
  const samples = probability.length
  const weights = probability
  // One logarithm per sample instead of one per bundle: with p_j = e_j / T and ln e_j = u_j / scale,
  // -Σ p_j log2 p_j = log2 T - Σ e_j u_j / (T · scale · ln 2). Each bundle's e_j and e_j u_j are
  // computed once. Plain loops: `Float64Array.from` with a mapping function costs microseconds per
  // element before V8 has compiled it, and a command runs this once.
  const toBits = 1 / (LOGIT_SCALE * Math.LN2)
  const exps: Float64Array[] = []
  const surprisals: Float64Array[] = []
  for (const row of utilities) {
    const exp = new Float64Array(row.length)
    const surprisal = new Float64Array(row.length)
    for (let s = 0; s < row.length; s++) {
      const u = row[s] as number
      const e = Math.exp(u / LOGIT_SCALE)
      exp[s] = e
      surprisal[s] = e * u * toBits
    }
    exps.push(exp)
    surprisals.push(surprisal)
  }
  // Called for every pair and triple a MESO search weighs. Pairs and triples have loops of their
  // own: a command runs them once, mostly before V8 has optimised them, where the general loop's
  // inner loops over the set cost twice as much (the same sums, in the same order, so the same bits).
  return (set) => {
    const k = set.length
    if (k < 2) return 0
    const a = set[0] as number
    const b = set[1] as number
    if (k === 2)
      return pairInformation(
        exps[a] as Float64Array,
        exps[b] as Float64Array,
        surprisals[a] as Float64Array,
        surprisals[b] as Float64Array,
        weights,
      )
    if (k === 3) {
      const c = set[2] as number
      return tripleInformation(
        [exps[a] as Float64Array, exps[b] as Float64Array, exps[c] as Float64Array],
        [surprisals[a] as Float64Array, surprisals[b] as Float64Array, surprisals[c] as Float64Array],
        weights,
      )
    }
    const rows = set.map((index) => exps[index] as Float64Array)
    const terms = set.map((index) => surprisals[index] as Float64Array)
    const mean = new Float64Array(k)
    let conditional = 0
    for (let s = 0; s < samples; s++) {
      const weight = weights[s] as number
      let total = 0
      let weighted = 0
      for (let j = 0; j < k; j++) {
        total += (rows[j] as Float64Array)[s] as number
        weighted += (terms[j] as Float64Array)[s] as number
      }
      const share = weight / total
      for (let j = 0; j < k; j++)
        mean[j] = (mean[j] as number) + share * ((rows[j] as Float64Array)[s] as number)
      conditional += weight * Math.log2(total) - share * weighted
    }
    let marginal = 0
    for (let j = 0; j < k; j++) marginal -= entropyTerm(mean[j] as number)
    return Math.max(0, marginal - conditional)
  }
}

/** -m log2 m, or 0 for m = 0. */
function entropyTerm(m: number): number {
  return m > 0 ? m * Math.log2(m) : 0
}

/** `choiceInformation` of two bundles: their rows of e and e·u·toBits, and the samples' probabilities. */
function pairInformation(
  ea: Float64Array,
  eb: Float64Array,
  ta: Float64Array,
  tb: Float64Array,
  weights: Float64Array,
): number {
  let ma = 0
  let mb = 0
  let conditional = 0
  for (let s = 0; s < weights.length; s++) {
    const weight = weights[s] as number
    const a = ea[s] as number
    const b = eb[s] as number
    const total = a + b
    const share = weight / total
    ma += share * a
    mb += share * b
    conditional += weight * Math.log2(total) - share * ((ta[s] as number) + (tb[s] as number))
  }
  return Math.max(0, -entropyTerm(ma) - entropyTerm(mb) - conditional)
}

/** `choiceInformation` of three bundles. */
function tripleInformation(
  [ea, eb, ec]: readonly [Float64Array, Float64Array, Float64Array],
  [ta, tb, tc]: readonly [Float64Array, Float64Array, Float64Array],
  weights: Float64Array,
): number {
  let ma = 0
  let mb = 0
  let mc = 0
  let conditional = 0
  for (let s = 0; s < weights.length; s++) {
    const weight = weights[s] as number
    const a = ea[s] as number
    const b = eb[s] as number
    const c = ec[s] as number
    const total = a + b + c
    const share = weight / total
    ma += share * a
    mb += share * b
    mc += share * c
    conditional +=
      weight * Math.log2(total) - share * ((ta[s] as number) + (tb[s] as number) + (tc[s] as number))
  }
  return Math.max(0, -entropyTerm(ma) - entropyTerm(mb) - entropyTerm(mc) - conditional)
}

/**
 * The same beliefs carried by fewer, equally likely samples (systematic resampling, seeded):
 * a posterior of thousands of samples, made light enough for choosing a MESO set.
 */
export function thinBeliefs(beliefs: Beliefs, count: number): Beliefs {
  // The probabilities count the samples without reading them.
  if (beliefs.probability.length <= count) return beliefs
  const random = mulberry32(beliefs.seed ^ 0x2545f491)
  const picked: number[] = []
  const start = random() / count
  let cumulative = beliefs.probability[0] ?? 0
  let s = 0
  for (let k = 0; k < count; k++) {
    const u = start + k / count
    while (u > cumulative && s < beliefs.probability.length - 1) {
      s++
      cumulative += beliefs.probability[s] ?? 0
    }
    picked.push(s)
  }
  // A posterior kept as flat buffers gives the rows picked without cutting every one (`row`).
  const row =
    beliefs.row ??
    ((k: number) => ({ sample: beliefs.samples[k] as Float64Array, flipped: beliefs.flipped?.[k] }))
  const rows = picked.map((k) => row(k))
  return {
    samples: rows.map((one) => one.sample),
    probability: new Float64Array(count).fill(1 / count),
    seed: beliefs.seed,
    ...(rows[0]?.flipped ? { flipped: rows.map((one) => one.flipped as Uint8Array) } : {}),
  }
}
