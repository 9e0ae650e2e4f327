/**
 * Properties of the prior's second reading of the estimate (`beliefs.ts`): the Mallows–Cayley
 * prior over orders is a distribution (its probabilities over every permutation, enumerated, sum to
 * 1), its distance n − cycles is the fewest swaps that make the order (breadth-first search over
 * swaps), its draws are permutations with the frequencies it states, and the reading's density is
 * the first reading's Gamma density (`priorDensity`) when the order is the estimate's own.
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
} from './beliefs'

/** Every permutation of 0..n-1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]]
  return permutations(n - 1).flatMap((rest) =>
    Array.from({ length: n }, (_, k) => [...rest.slice(0, k), n - 1, ...rest.slice(k)]),
  )
}

/** The fewest swaps of two entries that turn the identity into `order`, by breadth-first search. */
function fewestSwaps(order: readonly number[]): number {
  const n = order.length
  const goal = order.join(',')
  let frontier = [Array.from({ length: n }, (_, i) => i)]
  const seen = new Set(frontier.map((row) => row.join(',')))
  for (let depth = 0; ; depth++) {
    if (frontier.some((row) => row.join(',') === goal)) return depth
    const next: number[][] = []
    for (const row of frontier)
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const swapped = [...row]
          swapped[i] = row[j] ?? j
          swapped[j] = row[i] ?? i
          const key = swapped.join(',')
          if (!seen.has(key)) {
            seen.add(key)
            next.push(swapped)
          }
        }
    frontier = next
  }
}

describe('the prior over orders (Mallows under the Cayley distance)', () => {
  it('sums to 1 over every permutation, each weighed by rate^(fewest swaps)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (n, rate) => {
          const all = permutations(n)
          const probabilities = all.map((order) => Math.exp(logOrderPrior(order, rate)))
          expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
          const identity = probabilities[all.findIndex((order) => order.every((k, i) => k === i))] ?? 0
          all.forEach((order, k) => {
            expect((probabilities[k] ?? 0) / identity).toBeCloseTo(rate ** fewestSwaps(order), 9)
          })
        },
      ),
      { numRuns: runs(40) },
    )
  })

  it('draws permutations as often as it says (n = 3, 20,000 draws)', () => {
    const rate = 0.5
    const random = mulberry32(11)
    const counts = new Map<string, number>()
    const draws = 20_000
    for (let k = 0; k < draws; k++) {
      const order = drawOrder(3, rate, random)
      expect([...order].sort()).toEqual([0, 1, 2])
      const key = order.join(',')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    for (const order of permutations(3)) {
      const expected = Math.exp(logOrderPrior(order, rate))
      expect((counts.get(order.join(',')) ?? 0) / draws).toBeCloseTo(expected, 1.5)
    }
  })
})

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
