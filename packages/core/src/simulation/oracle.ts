/**
 * The bound on learning: what a learner would believe that knew how the counterpart was drawn (the
 * generator, as its prior) and how it chooses (the counterpart's own logit scale), after the same
 * sets and answers Parley's learning run saw. Its posterior mean is the Bayes estimate under the
 * true model: no learner can expect to be nearer the truth in squared error from those answers, so
 * Parley's error beside it says how much of what is left is the learner's and how much the answers'.
 *
 * The posterior is computed by importance sampling: `samples` truths drawn from the generator with a
 * seed of their own (one pool for every counterpart), each weighted by the likelihood of every answer
 * so far. A truth file's generator is a single truth, so the oracle knows it from the start (error 0).
 */
import { mulberry32 } from '../random'
import type { Space } from '../scoring/space'
import { answerLogLikelihood } from './counterpart'
import { drawTruth, type TruthSource } from './generators'
import { preparePlan } from './prepared'
import {
  counterpartLearning,
  counterpartSeed,
  counterpartTruth,
  resolveSimulationOptions,
  type SimulationOptions,
} from './simulate'
import { type CounterpartTruth, trueUtility } from './truth'

/** The truths the oracle's prior is made of, unless a run says otherwise. */
export const ORACLE_SAMPLES = 8000

/** Seed stream of the oracle's pool (streams 0..2 are each counterpart's truth, talks and learning run). */
const ORACLE_STREAM = 3

/** One counterpart's errors [e_0..e_R]: Parley's posterior (as `simulateLearning`) and the oracle's. */
export interface OracleRun {
  parley: number[]
  /** e_0 is the generator's own mean's error (the oracle's prior), then after each answer. */
  oracle: number[]
}

function l1(mean: ArrayLike<number>, truth: CounterpartTruth): number {
  let total = 0
  for (let i = 0; i < truth.weights.length; i++) total += Math.abs((mean[i] ?? 0) - (truth.weights[i] ?? 0))
  return total
}

/**
 * Parley's learning run and the oracle's beside it, for counterparts `indexes`, drawn from the same
 * seeds `simulate` uses (so `parley` equals `simulateLearning`'s errors).
 */
export function oracleLearning(
  space: Space,
  options: SimulationOptions,
  indexes: readonly number[],
  samples = ORACLE_SAMPLES,
  /**
   * The oracle's prior: the counterparts' own generator by default; several sources make it a mixture
   * of them in equal parts (a learner that knows how truths may be drawn, but not which way this one was).
   */
  priorSources?: readonly TruthSource[],
): OracleRun[] {
  const resolved = resolveSimulationOptions(options)
  const { settings } = resolved
  const prepared = preparePlan(space, settings)
  const poolRandom = mulberry32(counterpartSeed(resolved.seed, 0, ORACLE_STREAM))
  const sources = priorSources?.length ? priorSources : [resolved.generator]
  const pool = Array.from({ length: samples }, (_, s) =>
    drawTruth(space, sources[s % sources.length] as TruthSource, settings, poolRandom),
  )
  const n = space.issues.length
  const meanOf = (logWeights: Float64Array): Float64Array => {
    let max = Number.NEGATIVE_INFINITY
    for (const value of logWeights) max = Math.max(max, value)
    const mean = new Float64Array(n)
    // No truth in the pool explains the answers (possible only with scale 0): keep the prior's mean.
    const flat = max === Number.NEGATIVE_INFINITY
    let total = 0
    for (let s = 0; s < samples; s++) {
      const weight = flat ? 1 : Math.exp((logWeights[s] as number) - max)
      total += weight
      const truth = pool[s] as CounterpartTruth
      for (let i = 0; i < n; i++) mean[i] = (mean[i] as number) + weight * (truth.weights[i] ?? 0)
    }
    for (let i = 0; i < n; i++) mean[i] = (mean[i] as number) / total
    return mean
  }
  return indexes.map((index) => {
    const truth = counterpartTruth(space, resolved, index)
    const logWeights = new Float64Array(samples)
    const oracle = [l1(meanOf(logWeights), truth)]
    const parley = counterpartLearning(prepared, resolved, index, truth, ({ round, bundles, order }) => {
      // A round with no set leaves the error where it was, as in Parley's run.
      while (oracle.length < round) oracle.push(oracle.at(-1) ?? 0)
      for (let s = 0; s < samples; s++) {
        const sample = pool[s] as CounterpartTruth
        logWeights[s] =
          (logWeights[s] as number) +
          answerLogLikelihood(
            bundles.map((levels) => trueUtility(sample, levels)),
            order,
            settings.choiceScale,
            resolved.answers,
          )
      }
      oracle.push(l1(meanOf(logWeights), truth))
    })
    while (oracle.length < parley.length) oracle.push(oracle.at(-1) ?? 0)
    return { parley, oracle }
  })
}
