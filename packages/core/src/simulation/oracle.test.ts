import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../random'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { logitRanking } from './counterpart'
import { answerLogLikelihood, oracleLearning } from './oracle'
import { simulateLearning } from './simulate'
import { estimatedScores } from './truth'

/** Every order of 0..k-1. */
function permutations(k: number): number[][] {
  if (k === 1) return [[0]]
  return permutations(k - 1).flatMap((rest) =>
    Array.from({ length: k }, (_, at) => [...rest.slice(0, at), k - 1, ...rest.slice(at)]),
  )
}

const utilitiesArb = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 4 })

describe('answerLogLikelihood', () => {
  it('is Plackett–Luce on exp(u / scale): the product of each choice’s share of what is left', () => {
    fc.assert(
      fc.property(utilitiesArb, fc.double({ min: 0.5, max: 20, noNaN: true }), (utilities, scale) => {
        let total = 0
        for (const order of permutations(utilities.length)) {
          let product = 1
          for (let k = 0; k < order.length - 1; k++) {
            const rest = order
              .slice(k)
              .reduce((sum, r) => sum + Math.exp((utilities[r] as number) / scale), 0)
            product *= Math.exp((utilities[order[k] as number] as number) / scale) / rest
          }
          const p = Math.exp(answerLogLikelihood(utilities, order, scale, 'rank'))
          expect(p).toBeCloseTo(product, 12)
          total += p
          // A pick is the first choice alone: the softmax share of the first.
          const all = utilities.reduce((sum, u) => sum + Math.exp(u / scale), 0)
          const first = Math.exp((utilities[order[0] as number] as number) / scale) / all
          expect(Math.exp(answerLogLikelihood(utilities, order, scale, 'pick'))).toBeCloseTo(first, 12)
        }
        expect(total).toBeCloseTo(1, 12)
      }),
    )
  })

  it('gives the frequencies with which the counterpart ranks (logitRanking)', () => {
    const utilities = [60, 57, 52]
    const scale = 2
    const random = mulberry32(11)
    const draws = 40_000
    const counts = new Map<string, number>()
    for (let d = 0; d < draws; d++) {
      const key = logitRanking(utilities, scale, random).join('')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    for (const order of permutations(3)) {
      const expected = Math.exp(answerLogLikelihood(utilities, order, scale, 'rank'))
      expect(Math.abs((counts.get(order.join('')) ?? 0) / draws - expected)).toBeLessThan(0.01)
    }
  })

  it('with scale 0 (always the best first) rules out exactly the orders against utility', () => {
    const utilities = [3, 9, 5]
    expect(answerLogLikelihood(utilities, [1, 2, 0], 0, 'rank')).toBe(0)
    expect(answerLogLikelihood(utilities, [1, 0, 2], 0, 'rank')).toBe(Number.NEGATIVE_INFINITY)
    expect(answerLogLikelihood(utilities, [1, 0, 2], 0, 'pick')).toBe(0)
    expect(answerLogLikelihood(utilities, [2, 1, 0], 0, 'pick')).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('oracleLearning', () => {
  const space = compileSpace(acmePlan())
  const settings = { posteriorSamples: 400 }

  it('runs the same learning run as simulateLearning, and an oracle that learns from it', () => {
    const options = { generator: 'reordered' as const, settings }
    const runs = oracleLearning(space, options, [0, 1, 2, 3], 2000)
    expect(runs.map((run) => run.parley)).toEqual(simulateLearning(space, options, [0, 1, 2, 3]))
    for (const run of runs) expect(run.oracle).toHaveLength(run.parley.length)
    // Knowing how the truth was drawn, three ranked answers leave the oracle nearer than its prior.
    const mean = (k: number) => runs.reduce((sum, run) => sum + (run.oracle[k] ?? 0), 0) / runs.length
    expect(mean(3)).toBeLessThan(mean(0))
  })

  it('knows a truth set by hand from the start: error 0 throughout', () => {
    const weights = space.issues.map((_, i) => i + 1)
    const truth = { weights, scores: estimatedScores(space), batna: 40 }
    const runs = oracleLearning(space, { generator: { name: 'by hand', truth }, settings }, [0, 1], 50)
    for (const run of runs) {
      for (const error of run.oracle) expect(error).toBeCloseTo(0, 12)
      expect(run.parley[0]).toBeGreaterThan(0.05)
    }
  })

  it('with a mixed prior, starts elsewhere and ends further from the truth than knowing the generator', () => {
    const options = { generator: 'reordered' as const, settings }
    const indexes = [0, 1, 2, 3, 4, 5]
    const alone = oracleLearning(space, options, indexes, 3000)
    const mixed = oracleLearning(space, options, indexes, 3000, ['prior', 'perturbed', 'reordered'])
    const mean = (runs: { oracle: number[] }[], k: number) =>
      runs.reduce((sum, run) => sum + (run.oracle[k] ?? 0), 0) / runs.length
    // The same learning run either way; the mixed prior starts elsewhere (its mean mixes three).
    expect(mixed.map((run) => run.parley)).toEqual(alone.map((run) => run.parley))
    expect(mean(mixed, 0)).not.toBeCloseTo(mean(alone, 0), 6)
    expect(mean(mixed, 3)).toBeGreaterThan(mean(alone, 3))
  })
})
