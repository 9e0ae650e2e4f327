/**
 * Properties of the prior's second reading of the estimate (`beliefs.ts`): its prior over orders
 * is a distribution (its probabilities over every permutation, enumerated, sum to 1) that gives each
 * order what counting the shuffled sets that make it gives, its draws are permutations with the
 * frequencies it states, and the reading's density is the first reading's Gamma density
 * (`priorDensity`) when the order is the estimate's own.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../random'
import { runs } from '../testing/property-runs'
import {
  drawOrder,
  drawReading,
  logOrderPrior,
  type PriorParameters,
  priorDensity,
  readingPriorDensity,
  reorderedCount,
} from './beliefs'

/** Every permutation of 0..n-1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]]
  return permutations(n - 1).flatMap((rest) =>
    Array.from({ length: n }, (_, k) => [...rest.slice(0, k), n - 1, ...rest.slice(k)]),
  )
}

describe('the prior over orders (half the issues shuffled among themselves)', () => {
  it('sums to 1 over every permutation, and gives each what counting the sets and shuffles that make it gives', () => {
    for (let n = 1; n <= 6; n++) {
      const all = permutations(n)
      const k = reorderedCount(n)
      const probabilities = all.map((order) => Math.exp(logOrderPrior(order)))
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
      // By counting: every k-subset of the issues, each shuffled every way, equally likely.
      const subsets = combinations(n, Math.min(k, n))
      const counts = new Map<string, number>()
      for (const subset of subsets)
        for (const shuffle of permutations(subset.length)) {
          const order = Array.from({ length: n }, (_, i) => i)
          subset.forEach((issue, t) => {
            order[issue] = subset[shuffle[t] ?? t] ?? issue
          })
          counts.set(order.join(','), (counts.get(order.join(',')) ?? 0) + 1)
        }
      const ways = subsets.length * factorial(Math.min(k, n))
      all.forEach((order, m) => {
        expect(probabilities[m] ?? 0).toBeCloseTo((counts.get(order.join(',')) ?? 0) / ways, 12)
      })
    }
  })

  it('draws permutations as often as it says (n = 4, 24,000 draws)', () => {
    const random = mulberry32(11)
    const counts = new Map<string, number>()
    const draws = 24_000
    for (let k = 0; k < draws; k++) {
      const order = drawOrder(4, random)
      expect([...order].sort()).toEqual([0, 1, 2, 3])
      const key = order.join(',')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    for (const order of permutations(4)) {
      const expected = Math.exp(logOrderPrior(order))
      expect((counts.get(order.join(',')) ?? 0) / draws).toBeCloseTo(expected, 2)
    }
  })
})

/** Every k-subset of 0..n-1, in increasing order. */
function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]]
  if (n < k) return []
  return [...combinations(n - 1, k), ...combinations(n - 1, k - 1).map((rest) => [...rest, n - 1])]
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1)
}

/** A prior's parameters from shapes and estimated shares. */
const priorArb = fc
  .array(fc.tuple(fc.constantFrom(3, 5, 10), fc.double({ min: 0.01, max: 1, noNaN: true })), {
    minLength: 2,
    maxLength: 6,
  })
  .chain((issues) =>
    fc.double({ min: 0.01, max: 0.5, noNaN: true }).map((reorderShare): PriorParameters => {
      const total = issues.reduce((sum, [, share]) => sum + share, 0)
      return {
        shape: issues.map(([shape]) => shape),
        rate: issues.map(([shape, share]) => shape / (share / total)),
        reorderShare,
      }
    }),
  )

describe("the prior's readings of the estimate", () => {
  it("in the estimate's order, the first reading is the Gamma prior, weighed by its probability", () => {
    fc.assert(
      fc.property(priorArb, fc.integer({ min: 1, max: 1e9 }), (prior, seed) => {
        const random = mulberry32(seed)
        const reading = readingPriorDensity(prior)
        const gamma = priorDensity(prior)
        const identity = prior.shape.map((_, i) => i)
        for (let k = 0; k < 10; k++) {
          const { w } = drawReading(prior, random)
          expect(reading(w, identity, 0)).toBeCloseTo(Math.log(1 - prior.reorderShare) + gamma(w), 8)
          // Another order in the first reading is impossible.
          expect(reading(w, [...identity].reverse(), 0)).toBe(Number.NEGATIVE_INFINITY)
        }
      }),
      { numRuns: runs(40) },
    )
  })

  it('draws distributions, in an order that is a permutation, the estimate’s own in the first reading', () => {
    fc.assert(
      fc.property(priorArb, fc.integer({ min: 1, max: 1e9 }), (prior, seed) => {
        const random = mulberry32(seed)
        const density = readingPriorDensity(prior)
        for (let k = 0; k < 20; k++) {
          const { reading, order, w } = drawReading(prior, random)
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
          expect([...order].sort((a, b) => a - b)).toEqual(prior.shape.map((_, i) => i))
          if (reading === 0) expect([...order]).toEqual(prior.shape.map((_, i) => i))
          expect(Number.isFinite(density(w, order, reading))).toBe(true)
        }
      }),
      { numRuns: runs(40) },
    )
  })
})
