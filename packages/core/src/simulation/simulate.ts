/**
 * The evaluation: every strategy plays the same N seeded counterparts, and the results are
 * averaged. Counterpart i draws everything from seeds derived from the run's seed and i alone
 * (`counterpartSeed`), and the averages are taken in counterpart order, so a run gives identical
 * numbers however its counterparts are split among worker threads (`runSimulationTask`).
 *
 * Per strategy: agreementRate over all counterparts; over agreements only, meanRounds, meanUs,
 * meanThem (their TRUE utility), meanJoint (U_us + U_them), nashShare and frontierDistance
 * (`measures.ts`, against the true frontier of bundles meeting the rule and keeping our limits); for `parley`, posteriorError [e_0..e_R] from the learning run (`learning.ts`).
 * Figures with no agreement to average over are null.
 */

import type { Plan } from '../model/plan'
import { mulberry32 } from '../random'
import { compileSpace, type Space } from '../scoring/space'
import { Counterpart } from './counterpart'
import { drawTruth, type TruthSource, truthSourceName } from './generators'
import { type LearningAnswer, learningRun } from './learning'
import { bestNashProduct, frontierDistance, nashShare, theirBestPoint, trueFrontier } from './measures'
import { type PreparedPlan, preparePlan } from './prepared'
import {
  type AnswerKind,
  type SimulationSettings,
  STRATEGY_NAMES,
  type StrategyName,
  simulationSettings,
} from './settings'
import { makeStrategy, negotiate } from './strategies'
import { type CounterpartTruth, ourUtility } from './truth'

export interface SimulationOptions {
  /** Counterparts played (N). */
  counterparts?: number
  /** The run's seed. */
  seed?: number
  /** Where their truth comes from. */
  generator?: TruthSource
  /** MESO sets in the learning run (R). */
  rounds?: number
  /** How counterparts answer a set. */
  answers?: AnswerKind
  /** Settings other than the defaults (`SIMULATION_DEFAULTS`). */
  settings?: Partial<SimulationSettings>
}

export const SIMULATE_DEFAULTS = {
  counterparts: 200,
  seed: 20261125,
  generator: 'perturbed',
  rounds: 3,
  answers: 'rank',
} as const satisfies SimulationOptions

/** One strategy against one counterpart. */
export interface PlayOutcome {
  agreed: boolean
  round: number
  us: number
  them: number
  nashShare: number | null
  frontierDistance: number | null
}

/** Everything one counterpart contributes to the averages. Plain data: it crosses from worker threads. */
export interface CounterpartOutcome {
  index: number
  /** In `STRATEGY_NAMES` order. */
  plays: PlayOutcome[]
  posteriorError: number[]
}

export interface StrategyResult {
  name: StrategyName
  agreementRate: number
  meanRounds: number | null
  meanUs: number | null
  meanThem: number | null
  meanJoint: number | null
  nashShare: number | null
  frontierDistance: number | null
  /** Parley only: [e_0, ..., e_R]; null for the others. */
  posteriorError: number[] | null
}

export interface SimulationReport {
  generator: string
  counterparts: number
  seed: number
  rounds: number
  answers: AnswerKind
  settings: SimulationSettings
  strategies: StrategyResult[]
}

/** The seed of one of counterpart i's streams (0: its truth, 1: its moves in the talks, 2: its answers in the learning run). */
export function counterpartSeed(seed: number, index: number, stream: number): number {
  const mix = (value: number) => {
    let a = value | 0
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b)
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35)
    return (a ^ (a >>> 16)) >>> 0
  }
  return mix(mix(seed) + Math.imul(index + 1, 0x9e3779b9) + Math.imul(stream + 1, 0x632be5ab))
}

export interface ResolvedOptions {
  counterparts: number
  seed: number
  generator: TruthSource
  rounds: number
  answers: AnswerKind
  settings: SimulationSettings
}

/** The options with every default filled in. */
export function resolveSimulationOptions(options: SimulationOptions): ResolvedOptions {
  return {
    counterparts: options.counterparts ?? SIMULATE_DEFAULTS.counterparts,
    seed: options.seed ?? SIMULATE_DEFAULTS.seed,
    generator: options.generator ?? SIMULATE_DEFAULTS.generator,
    rounds: options.rounds ?? SIMULATE_DEFAULTS.rounds,
    answers: options.answers ?? SIMULATE_DEFAULTS.answers,
    settings: simulationSettings(options.settings),
  }
}

/** Plays every strategy against counterpart `index` and runs the learning run on it. */
function playCounterpart(
  prepared: PreparedPlan,
  options: ResolvedOptions,
  index: number,
): CounterpartOutcome {
  const { space, settings } = prepared
  const truth = counterpartTruth(space, options, index)
  // Its best bundle (its aspiration's top) knows nothing of our limits. Agreements are measured
  // against the true frontier of the deals we could make — bundles meeting the rule and keeping our
  // limits — since no strategy may agree to any other.
  const ruleFrontier = trueFrontier(space, truth, prepared.requirements.rule)
  const best = theirBestPoint(ruleFrontier) ?? {
    levels: new Int32Array(space.issues.length),
    utility: Number.NEGATIVE_INFINITY,
  }
  const frontier =
    prepared.requirements.limits.length === 0
      ? ruleFrontier
      : trueFrontier(space, truth, prepared.constraints)
  const d = { us: prepared.batnaUs, them: truth.batna }
  const bestProduct = bestNashProduct(frontier, d)
  const plays = STRATEGY_NAMES.map((name): PlayOutcome => {
    // Every strategy meets the same counterpart, its moves drawn from the same stream.
    const counterpart = new Counterpart({
      space,
      truth,
      rule: prepared.requirements.rule,
      best,
      settings,
      random: mulberry32(counterpartSeed(options.seed, index, 1)),
    })
    const outcome = negotiate(
      prepared,
      counterpart,
      makeStrategy(name, prepared, counterpart, options.answers),
    )
    if (!outcome.agreed || !outcome.levels)
      return { agreed: false, round: outcome.round, us: 0, them: 0, nashShare: null, frontierDistance: null }
    const point = { us: ourUtility(space, outcome.levels), them: counterpart.utility(outcome.levels) }
    return {
      agreed: true,
      round: outcome.round,
      ...point,
      nashShare: nashShare(point, bestProduct, d) ?? null,
      frontierDistance: frontierDistance(point, frontier),
    }
  })
  const posteriorError = counterpartLearning(prepared, options, index, truth)
  return { index, plays, posteriorError }
}

/** Counterpart `index`'s hidden truth, drawn from its own seed stream (0). */
export function counterpartTruth(space: Space, options: ResolvedOptions, index: number): CounterpartTruth {
  return drawTruth(
    space,
    options.generator,
    options.settings,
    mulberry32(counterpartSeed(options.seed, index, 0)),
  )
}

/** The learning run on counterpart `index`, its answers drawn from its own seed stream (2). */
export function counterpartLearning(
  prepared: PreparedPlan,
  options: ResolvedOptions,
  index: number,
  truth: CounterpartTruth,
  onAnswer?: (answer: LearningAnswer) => void,
): number[] {
  return learningRun(
    prepared,
    truth,
    options.rounds,
    options.answers,
    mulberry32(counterpartSeed(options.seed, index, 2)),
    onAnswer,
  )
}

/**
 * The learning run alone (no talks), for counterparts `indexes`: each counterpart's errors
 * [e_0..e_R], drawn from the same seeds `simulate` uses, so they equal its `posteriorError` inputs.
 * The bench's learning table runs this over many plans, confidences and answer kinds.
 */
export function simulateLearning(
  space: Space,
  options: SimulationOptions,
  indexes: readonly number[],
): number[][] {
  const resolved = resolveSimulationOptions(options)
  const prepared = preparePlan(space, resolved.settings)
  return indexes.map((index) =>
    counterpartLearning(prepared, resolved, index, counterpartTruth(space, resolved, index)),
  )
}

/** Plays the counterparts with the given indexes. */
export function simulateCounterparts(
  space: Space,
  options: SimulationOptions,
  indexes: readonly number[],
  onEach?: (outcome: CounterpartOutcome) => void,
): CounterpartOutcome[] {
  const resolved = resolveSimulationOptions(options)
  return playAll(preparePlan(space, resolved.settings), resolved, indexes, onEach)
}

function playAll(
  prepared: PreparedPlan,
  options: ResolvedOptions,
  indexes: readonly number[],
  onEach?: (outcome: CounterpartOutcome) => void,
): CounterpartOutcome[] {
  return indexes.map((index) => {
    const outcome = playCounterpart(prepared, options, index)
    onEach?.(outcome)
    return outcome
  })
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let total = 0
  for (const value of values) total += value
  return total / values.length
}

/** The report from every counterpart's outcome (in any order: they are sorted by index first). */
export function summarizeSimulation(
  options: SimulationOptions,
  outcomes: readonly CounterpartOutcome[],
): SimulationReport {
  const resolved = resolveSimulationOptions(options)
  const sorted = [...outcomes].sort((a, b) => a.index - b.index)
  const strategies = STRATEGY_NAMES.map((name, s): StrategyResult => {
    const plays = sorted.map((outcome) => outcome.plays[s] as PlayOutcome)
    const agreed = plays.filter((play) => play.agreed)
    const defined = (values: (number | null)[]) => values.filter((value): value is number => value !== null)
    const rounds = resolved.rounds
    return {
      name,
      agreementRate: plays.length === 0 ? 0 : agreed.length / plays.length,
      meanRounds: mean(agreed.map((play) => play.round)),
      meanUs: mean(agreed.map((play) => play.us)),
      meanThem: mean(agreed.map((play) => play.them)),
      meanJoint: mean(agreed.map((play) => play.us + play.them)),
      nashShare: mean(defined(agreed.map((play) => play.nashShare))),
      frontierDistance: mean(defined(agreed.map((play) => play.frontierDistance))),
      posteriorError:
        name === 'parley'
          ? Array.from(
              { length: rounds + 1 },
              (_, k) => mean(sorted.map((outcome) => outcome.posteriorError[k] ?? 0)) ?? 0,
            )
          : null,
    }
  })
  return {
    generator: truthSourceName(resolved.generator),
    counterparts: sorted.length,
    seed: resolved.seed,
    rounds: resolved.rounds,
    answers: resolved.answers,
    settings: resolved.settings,
    strategies,
  }
}

/** The whole evaluation in this thread; `onProgress` after each counterpart. */
export function simulate(
  space: Space,
  options: SimulationOptions = {},
  onProgress?: (done: number, total: number) => void,
): SimulationReport {
  const resolved = resolveSimulationOptions(options)
  const indexes = Array.from({ length: resolved.counterparts }, (_, i) => i)
  let done = 0
  const outcomes = playAll(preparePlan(space, resolved.settings), resolved, indexes, () =>
    onProgress?.(++done, indexes.length),
  )
  return summarizeSimulation(options, outcomes)
}

/** One share of a run for a worker thread: the plan, the options and which counterparts. Plain data. */
export interface SimulationTask {
  plan: Plan
  options: SimulationOptions
  indexes: number[]
}

// A worker keeps what it prepared for a plan and options across the tasks of a run.
const preparedByTask = new Map<string, { prepared: PreparedPlan; options: ResolvedOptions }>()

/** Runs a task (in a worker thread, or anywhere): the same outcomes `simulate` computes for those counterparts. */
export function runSimulationTask(task: SimulationTask): CounterpartOutcome[] {
  const key = JSON.stringify([task.plan, task.options])
  let entry = preparedByTask.get(key)
  if (!entry) {
    const options = resolveSimulationOptions(task.options)
    entry = { prepared: preparePlan(compileSpace(task.plan), options.settings), options }
    preparedByTask.clear()
    preparedByTask.set(key, entry)
  }
  return playAll(entry.prepared, entry.options, task.indexes)
}
