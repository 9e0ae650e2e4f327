/**
 * The simulated other side (`Counterpart` in the domain words): hidden true preferences and a
 * strategy of the kind the automated-negotiation literature uses.
 *
 * - Choice: it ranks the bundles offered by U_true / σ + g, g standard Gumbel noise, σ =
 *   `choiceScale` points (Plackett–Luce; its first is a logit choice, P(k) ∝ exp(U_k / σ)); σ = 0
 *   ranks by true utility, ties to the earlier bundle.
 * - Aspiration at round t of T (`deadline`): a(t) = max(B, B + (M - B)(1 - (t/T)^(1/e)) - r·G),
 *   M its best true utility among bundles meeting the decision rule, B its true BATNA, e =
 *   `theirExponent` (Boulware below 1, conceder above), r = `reciprocity` and G our concession so
 *   far: how much the best bundle we have offered is worth more to it than the best of our first offer.
 * - Agreement: it agrees to an offered bundle worth at least a(t) — what its own next counter would
 *   ask — taking the first such in its ranking. Nothing under its BATNA is ever accepted.
 * - Counter: starting from its favourite of our bundles, it moves one issue at a time, each time
 *   taking the single-issue change (keeping the decision rule) that gains it most true utility per
 *   distance moved (a level step of a numeric issue is its share of the issue's span, an option
 *   change is 1), until the bundle is worth a(t); so it asks for what it values and stays close to
 *   what we offered. If no such path exists, it counters with its best bundle.
 * - Discovery: asked what matters most, it ranks its top `statedIssues` issues by true weight; a
 *   share `discoveryNoise` of answers are noise instead (as many issues, picked and ordered at random).
 * - When no bundle meeting the rule reaches its BATNA, it leaves at the first answer.
 * - Post-settlement: offered alternatives to an agreement before signing, it takes the one worth
 *   most to it by true utility when that is worth more than the agreement (ties keep the
 *   agreement), without choice noise: it already has a deal, and switches only for a better one.
 */
import type { Level } from '../model/plan'
import type { Random } from '../random'
import { type CompiledConstraint, constraintHolds } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import type { AnswerKind, SimulationSettings } from './settings'
import { type CounterpartTruth, trueUtility } from './truth'

/** What it says to an offer. */
export type CounterpartAnswer =
  | { kind: 'agree'; index: number }
  | { kind: 'counter'; order: number[]; counter: Int32Array }
  | { kind: 'leave' }

/** Standard Gumbel noise: -ln(-ln u), u uniform in (0, 1). */
function gumbel(random: Random): number {
  let u = random()
  while (u === 0) u = random()
  return -Math.log(-Math.log(u))
}

/**
 * The order in which a logit chooser with scale `scale` ranks items worth `utilities`: best first.
 * One Gumbel draw per item is always taken, so the stream advances the same way at every scale.
 */
export function logitRanking(utilities: readonly number[], scale: number, random: Random): number[] {
  const keys = utilities.map((u) => {
    const g = gumbel(random)
    return scale > 0 ? u / scale + g : u
  })
  return keys.map((_, k) => k).sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || a - b)
}

/**
 * log P(order | utilities) under the counterpart's choice (`logitRanking`'s own model): Plackett–Luce with weights
 * exp(u / scale), as `logitRanking` draws it; for `pick` only the first choice counts. A scale of 0
 * (they always take the best) gives 0 for an order that ranks by utility, and -Infinity otherwise.
 */
export function answerLogLikelihood(
  utilities: readonly number[],
  order: readonly number[],
  scale: number,
  answers: AnswerKind,
): number {
  const steps = answers === 'rank' ? order.length - 1 : Math.min(1, order.length - 1)
  let total = 0
  for (let k = 0; k < steps; k++) {
    const chosen = utilities[order[k] as number] as number
    if (!(scale > 0)) {
      for (let r = k + 1; r < order.length; r++)
        if ((utilities[order[r] as number] as number) > chosen) return Number.NEGATIVE_INFINITY
      continue
    }
    let max = Number.NEGATIVE_INFINITY
    for (let r = k; r < order.length; r++)
      max = Math.max(max, (utilities[order[r] as number] as number) / scale)
    let sum = 0
    for (let r = k; r < order.length; r++)
      sum += Math.exp((utilities[order[r] as number] as number) / scale - max)
    total += chosen / scale - max - Math.log(sum)
  }
  return total
}

/** Their aspiration at round t: the time-based curve from M to B, lowered by reciprocity, never under B. */
export function aspiration(
  round: number,
  best: number,
  batna: number,
  settings: Pick<SimulationSettings, 'deadline' | 'theirExponent' | 'reciprocity'>,
  ourConcession = 0,
): number {
  const share = Math.min(1, Math.max(0, round / settings.deadline)) ** (1 / settings.theirExponent)
  return Math.max(batna, batna + (best - batna) * (1 - share) - settings.reciprocity * ourConcession)
}

export interface CounterpartSetup {
  space: Space
  truth: CounterpartTruth
  /** The decision rule's items (single-issue and sums). */
  rule: readonly CompiledConstraint[]
  /** Its best bundle meeting the rule and that bundle's true utility (M). */
  best: { levels: Int32Array; utility: number }
  settings: SimulationSettings
  random: Random
}

/**
 * The post-settlement rule (see the header): of the agreement and the alternatives offered beside
 * it, the one worth most under `truth`, the agreement on a tie (within 1e-9 points).
 */
export function signedAmong<T extends ArrayLike<number>>(
  truth: CounterpartTruth,
  agreed: T,
  alternatives: readonly T[],
): T {
  let signed = agreed
  let value = trueUtility(truth, agreed)
  for (const levels of alternatives) {
    const candidate = trueUtility(truth, levels)
    if (candidate > value + 1e-9) {
      signed = levels
      value = candidate
    }
  }
  return signed
}

export class Counterpart {
  private readonly setup: CounterpartSetup
  /** Constraints of the rule that involve each issue. */
  private readonly ruleOf: CompiledConstraint[][]
  private firstBest: number | undefined
  private bestOffered = Number.NEGATIVE_INFINITY

  constructor(setup: CounterpartSetup) {
    this.setup = setup
    this.ruleOf = setup.space.issues.map((issue) =>
      setup.rule.filter((constraint) =>
        constraint.kind === 'issue'
          ? constraint.issue === issue.index
          : constraint.terms.some((term) => term.issue === issue.index),
      ),
    )
  }

  get truth(): CounterpartTruth {
    return this.setup.truth
  }

  utility(levels: ArrayLike<number>): number {
    return trueUtility(this.setup.truth, levels)
  }

  /** Our concession so far, in its true utility (G). */
  ourConcession(): number {
    return this.firstBest === undefined ? 0 : Math.max(0, this.bestOffered - this.firstBest)
  }

  aspiration(round: number): number {
    const { truth, best, settings } = this.setup
    return aspiration(round, best.utility, truth.batna, settings, this.ourConcession())
  }

  /** Its ranking of bundles, best first, with its choice noise. */
  rank(bundles: readonly ArrayLike<number>[]): number[] {
    return logitRanking(
      bundles.map((levels) => this.utility(levels)),
      this.setup.settings.choiceScale,
      this.setup.random,
    )
  }

  /** Its answer to our offer of round t (1-based). */
  answer(round: number, bundles: readonly Int32Array[]): CounterpartAnswer {
    const { truth, best } = this.setup
    const values = bundles.map((levels) => this.utility(levels))
    const top = Math.max(...values)
    if (this.firstBest === undefined) this.firstBest = top
    this.bestOffered = Math.max(this.bestOffered, top)
    const order = this.rank(bundles)
    if (best.utility < truth.batna) return { kind: 'leave' }
    const wanted = this.aspiration(round)
    const acceptable = order.find((k) => (values[k] ?? 0) >= wanted - 1e-9)
    if (acceptable !== undefined) return { kind: 'agree', index: acceptable }
    const favourite = bundles[order[0] ?? 0] as Int32Array
    return { kind: 'counter', order, counter: this.counterFrom(favourite, wanted) }
  }

  /** What it signs when offered `alternatives` to the agreement `agreed` (see the header). */
  settle(agreed: Int32Array, alternatives: readonly Int32Array[]): Int32Array {
    return signedAmong(this.setup.truth, agreed, alternatives)
  }

  /** A bundle worth at least `wanted` to it, moved from `base` issue by issue (see the header). */
  counterFrom(base: ArrayLike<number>, wanted: number): Int32Array {
    const { space, truth, best } = this.setup
    const levels = Int32Array.from(base)
    const values: Level[] = space.issues.map((issue) => issue.levels[levels[issue.index] ?? 0] as Level)
    let value = this.utility(levels)
    while (value < wanted - 1e-9) {
      let move: { issue: number; level: number; gain: number } | undefined
      let bestRatio = 0
      for (const issue of space.issues) {
        const i = issue.index
        const current = levels[i] ?? 0
        const share = truth.weights[i] ?? 0
        const scores = truth.scores[i] ?? []
        for (let k = 0; k < issue.levels.length; k++) {
          if (k === current) continue
          const gain = share * ((scores[k] ?? 0) - (scores[current] ?? 0))
          if (gain <= 1e-12) continue
          const ratio = gain / distance(space, i, current, k)
          if (ratio <= bestRatio) continue
          values[i] = issue.levels[k] as Level
          const keeps = (this.ruleOf[i] ?? []).every((constraint) => constraintHolds(constraint, values))
          values[i] = issue.levels[current] as Level
          if (!keeps) continue
          bestRatio = ratio
          move = { issue: i, level: k, gain }
        }
      }
      if (!move) return Int32Array.from(best.levels)
      levels[move.issue] = move.level
      values[move.issue] = space.issues[move.issue]?.levels[move.level] as Level
      value = this.utility(levels)
    }
    return levels
  }

  /** Its answer when asked what matters most: issue indexes, most important first. */
  discovery(): number[] {
    const { truth, settings, random } = this.setup
    const n = truth.weights.length
    const k = Math.min(settings.statedIssues, n)
    const noise = random() < settings.discoveryNoise
    if (!noise)
      return truth.weights
        .map((_, i) => i)
        .sort((a, b) => (truth.weights[b] ?? 0) - (truth.weights[a] ?? 0) || a - b)
        .slice(0, k)
    const pool = truth.weights.map((_, i) => i)
    for (let j = 0; j < k; j++) {
      const r = j + Math.floor(random() * (n - j))
      const swap = pool[j] as number
      pool[j] = pool[r] as number
      pool[r] = swap
    }
    return pool.slice(0, k)
  }
}

/** How far moving issue i from level a to level b goes: a share of a numeric issue's span, 1 for an option change. */
function distance(space: Space, i: number, a: number, b: number): number {
  const issue = space.issues[i]
  if (!issue?.numeric || !(issue.max > issue.min)) return 1
  return Math.abs(Number(issue.levels[b]) - Number(issue.levels[a])) / (issue.max - issue.min)
}
