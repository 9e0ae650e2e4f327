/**
 * The fast evaluator MESO's set search calls for each candidate set (`choiceInformation`) against
 * the plain mutual information (`informativeness`) on the same rows: the same bits for any table,
 * any probabilities and any subset of two or more bundles.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../random'
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

/** The drawn rows as utilities, and the drawn weights as probabilities (a draw of all zeros is skipped). */
function drawnTable(rows: number[][], weights: number[]) {
  const total = weights.reduce((sum, w) => sum + w, 0)
  fc.pre(total > 0)
  return {
    utilities: rows.map((row) => Float64Array.from(row)),
    probability: Float64Array.from(weights, (w) => w / total),
  }
}

describe('choiceInformation', () => {
  it('gives what informativeness gives on the set’s own rows', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, set }) => {
        const { utilities, probability } = drawnTable(rows, weights)
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

  it('gives pairs and triples the bits of the general loop (their own loops sum the same terms in the same order)', () => {
    /** The general loop over a set of any size, as choiceInformation runs it for four bundles or more. */
    const general = (utilities: Float64Array[], probability: Float64Array, set: number[]) => {
      const toBits = 1 / (3 * Math.LN2)
      const rows = set.map((k) => Float64Array.from(utilities[k] as Float64Array, (u) => Math.exp(u / 3)))
      const terms = set.map((k) =>
        Float64Array.from(utilities[k] as Float64Array, (u) => Math.exp(u / 3) * u * toBits),
      )
      const mean = new Float64Array(set.length)
      let conditional = 0
      for (let s = 0; s < probability.length; s++) {
        let total = 0
        let weighted = 0
        for (let j = 0; j < set.length; j++) {
          total += rows[j]?.[s] as number
          weighted += terms[j]?.[s] as number
        }
        const share = (probability[s] as number) / total
        for (let j = 0; j < set.length; j++) mean[j] = (mean[j] as number) + share * (rows[j]?.[s] as number)
        conditional += (probability[s] as number) * Math.log2(total) - share * weighted
      }
      let marginal = 0
      for (const m of mean) if (m > 0) marginal -= m * Math.log2(m)
      return Math.max(0, marginal - conditional)
    }
    fc.assert(
      fc.property(table, ({ rows, weights, set }) => {
        const { utilities, probability } = drawnTable(rows, weights)
        const small = set.slice(0, 2 + (set.length % 2))
        expect(choiceInformation(utilities, probability)(small)).toBe(general(utilities, probability, small))
      }),
      { numRuns: runs(200) },
    )
    // And on a table the size MESO weighs (six bundles, 100 samples of unequal weight), where the
    // order of the sums shows in the last bits: every pair and triple.
    const random = mulberry32(5)
    const utilities = Array.from({ length: 6 }, () =>
      Float64Array.from({ length: 100 }, () => 100 * random()),
    )
    const raw = Array.from({ length: 100 }, () => random())
    const sum = raw.reduce((total, w) => total + w, 0)
    const probability = Float64Array.from(raw, (w) => w / sum)
    const gain = choiceInformation(utilities, probability)
    for (let a = 0; a < 6; a++)
      for (let b = a + 1; b < 6; b++) {
        expect(gain([a, b])).toBe(general(utilities, probability, [a, b]))
        for (let c = b + 1; c < 6; c++)
          expect(gain([a, b, c])).toBe(general(utilities, probability, [a, b, c]))
      }
  })

  it('is 0 for fewer than two bundles, and for bundles that every sample values alike', () => {
    const rows = [Float64Array.of(40, 60), Float64Array.of(40, 60)]
    const probability = Float64Array.of(0.5, 0.5)
    expect(choiceInformation(rows, probability)([0])).toBe(0)
    expect(choiceInformation(rows, probability)([0, 1])).toBeCloseTo(0, 12)
  })
})
