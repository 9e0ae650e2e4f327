/**
 * Where a counterpart's hidden truth comes from. Each generator starts from the plan's estimate of
 * them (weights as shares ê, scores as estimated) and draws, from a seeded stream:
 * - `prior`: w drawn from the learner's own prior in its first reading, the estimate's order (each share ê_i times a Gamma factor of mean 1 and
 *   shape 3, 5 or 10 for the issue's `them.confidence` low, medium, high, renormalised; see
 *   `inference/beliefs.ts`); an issue marked `them.uncertain` is reversed with probability 1/2, as
 *   the learner's prior assumes. The case Parley's model is right about.
 * - `perturbed`: w_i ∝ ê_i f_i with f_i ~ U[perturbedLow, perturbedHigh] independently (default
 *   [0.2, 1.8]); scores as estimated. Our estimate is right about the order of magnitude only.
 * - `reordered`: k = max(2, round(reorderedShare · n)) issues (at most n) are drawn without
 *   replacement and their estimated shares permuted among them by a uniformly random permutation
 *   other than the identity; the other issues keep their shares. Each issue marked
 *   `them.uncertain` is reversed (s -> 100 - s) with probability `reorderedReverse`. Our estimate
 *   has the priorities partly in the wrong order.
 * - a truth file: weights and scores set by hand (`truth-file.ts`).
 * Their BATNA: B = clamp(B̂ + U(-batnaSpread, batnaSpread), 0, 100), B̂ our estimate (0 without one),
 * unless a truth file sets it.
 */
import { drawPrior, priorParameters } from '../inference/beliefs'
import type { Random } from '../random'
import type { Space } from '../scoring/space'
import type { GeneratorName, SimulationSettings } from './settings'
import { type CounterpartTruth, estimatedScores } from './truth'

/** Weights and scores set by hand (a truth file), with the BATNA when it sets one. */
export interface TruthSpec {
  weights: number[]
  scores: number[][]
  batna?: number
}

/** A named generator, or a truth set by hand under a name (the file it came from). */
export type TruthSource = GeneratorName | { name: string; truth: TruthSpec }

export function truthSourceName(source: TruthSource): string {
  return typeof source === 'string' ? source : source.name
}

function uncertainIssues(space: Space): boolean[] {
  return space.issues.map((issue) => space.plan.issues[issue.index]?.them.uncertain === true)
}

function normalised(values: readonly number[]): number[] {
  let total = 0
  for (const value of values) total += value
  return values.map((value) => value / total)
}

/** Their true BATNA: uniform within `spread` points of our estimate, kept within 0..100. */
export function drawBatna(space: Space, spread: number, random: Random): number {
  const estimate = space.plan.batna?.them?.utility ?? 0
  return Math.min(100, Math.max(0, estimate + (2 * random() - 1) * spread))
}

/** Draws one counterpart's truth. The stream is consumed in a fixed order: weights, reversals, BATNA. */
export function drawTruth(
  space: Space,
  source: TruthSource,
  settings: SimulationSettings,
  random: Random,
): CounterpartTruth {
  const estimate = Array.from(space.share.them)
  const uncertain = uncertainIssues(space)
  const n = estimate.length
  if (typeof source !== 'string') {
    const batna = drawBatna(space, settings.batnaSpread, random)
    return {
      weights: normalised(source.truth.weights),
      scores: source.truth.scores.map((row) => [...row]),
      batna: source.truth.batna ?? batna,
      reversed: space.issues.map(() => false),
    }
  }
  switch (source) {
    case 'prior': {
      const weights = Array.from(drawPrior(priorParameters(space), random))
      const reversed = uncertain.map((flag) => flag && random() < 0.5)
      return {
        weights,
        scores: estimatedScores(space, reversed),
        batna: drawBatna(space, settings.batnaSpread, random),
        reversed,
      }
    }
    case 'perturbed': {
      const span = settings.perturbedHigh - settings.perturbedLow
      const factors = estimate.map(() => settings.perturbedLow + span * random())
      return {
        weights: normalised(estimate.map((share, i) => share * (factors[i] ?? 1))),
        scores: estimatedScores(space),
        batna: drawBatna(space, settings.batnaSpread, random),
        reversed: space.issues.map(() => false),
        factors,
      }
    }
    case 'reordered': {
      const weights = [...estimate]
      if (n >= 2) {
        const k = Math.min(n, Math.max(2, Math.round(settings.reorderedShare * n)))
        // The first k of a partial Fisher–Yates shuffle: k issues drawn without replacement.
        const pool = Array.from({ length: n }, (_, i) => i)
        for (let j = 0; j < k; j++) {
          const r = j + Math.floor(random() * (n - j))
          const swap = pool[j] as number
          pool[j] = pool[r] as number
          pool[r] = swap
        }
        const picked = pool.slice(0, k)
        let order = picked
        // A uniformly random permutation of the picked issues other than the identity (redrawn when it is one).
        while (order.every((issue, j) => issue === picked[j])) {
          order = [...picked]
          for (let j = k - 1; j >= 1; j--) {
            const r = Math.floor(random() * (j + 1))
            const swap = order[j] as number
            order[j] = order[r] as number
            order[r] = swap
          }
        }
        picked.forEach((issue, j) => {
          weights[issue] = estimate[order[j] ?? issue] ?? 0
        })
      }
      const reversed = uncertain.map((flag) => flag && random() < settings.reorderedReverse)
      return {
        weights,
        scores: estimatedScores(space, reversed),
        batna: drawBatna(space, settings.batnaSpread, random),
        reversed,
      }
    }
  }
}
