/**
 * The fast evaluator MESO's set search calls for each candidate set (`choiceInformation`) against
 * the plain mutual information (`informativeness`) on the same rows: the same bits for any table,
 * any probabilities and any subset of two or more bundles.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../testing/property-runs'
import { choiceInformation, informativeness } from './beliefs'

const table = fc
  .record({ bundles: fc.integer({ min: 2, max: 6 }), samples: fc.integer({ min: 1, max: 12 }) })
  .chain(({ bundles, samples }) =>
    fc.record({
      rows: fc.array(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: samples, maxLength: samples }),
        { minLength: bundles, maxLength: bundles },
      ),
      weights: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: samples,
        maxLength: samples,
      }),
      set: fc.uniqueArray(fc.integer({ min: 0, max: bundles - 1 }), { minLength: 2, maxLength: bundles }),
    }),
  )

describe('choiceInformation', () => {
  it('gives what informativeness gives on the set’s own rows', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, set }) => {
        const total = weights.reduce((sum, w) => sum + w, 0)
        fc.pre(total > 0)
        const probability = Float64Array.from(weights, (w) => w / total)
        const utilities = rows.map((row) => Float64Array.from(row))
        const fast = choiceInformation(utilities, probability)(set)
        const plain = informativeness(
          set.map((k) => utilities[k] as Float64Array),
          probability,
        )
        expect(fast).toBeCloseTo(plain, 9)
      }),
      { numRuns: runs(200) },
    )
  })

  it('is 0 for fewer than two bundles, and for bundles that every sample values alike', () => {
    const rows = [Float64Array.of(40, 60), Float64Array.of(40, 60)]
    const probability = Float64Array.of(0.5, 0.5)
    expect(choiceInformation(rows, probability)([0])).toBe(0)
    expect(choiceInformation(rows, probability)([0, 1])).toBeCloseTo(0, 12)
  })
})
