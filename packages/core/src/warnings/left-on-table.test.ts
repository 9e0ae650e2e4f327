import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { tradeProposal } from '../journal/trade-advice'
import { inSentence } from '../language/levels'
import { meso } from '../meso/meso'
import { ruleAndLimits } from '../scoring/constraints'
import { formatShare } from '../scoring/figures'
import { readOffer, utilityOf } from '../scoring/offer'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { LEFT_ON_TABLE_MIN, leftOnTable } from './left-on-table'

describe('value left on the table for them', () => {
  const space = renewalSpace()
  const estimate = currentEstimate(space, { observations: [] })

  it('warns about the MESO bundles that sit well inside the frontier for them, with the better bundle', () => {
    const set = meso(space)
    if (!set.ok) throw new Error(set.failure.message)
    const warnings = leftOnTable(space, estimate, set.set.bundles)
    expect(warnings.length).toBeGreaterThan(0)
    for (const warning of warnings) {
      const bundle = set.set.bundles.find((b) => b.label === warning.bundle)
      // Why it is in the set: the two issues its own weighting weighs most, with their shares.
      const [first, second] = Object.entries(bundle?.efficientFor ?? {}).sort((a, b) => b[1] - a[1])
      const named = (entry: [string, number] | undefined) =>
        `${inSentence(space.byId.get(entry?.[0] ?? '')?.name ?? '')} (${formatShare(entry?.[1] ?? 0)})`
      expect(warning.message).toContain(
        `It is in the set as their best of the bundles in the set's range for us if they weigh ${named(first)} and ${named(second)} most: their choice will tell.`,
      )
      expect(warning.utility.us).toBeCloseTo(bundle?.utility.us ?? Number.NaN, 9)
      expect(warning.utility.them).toBeCloseTo(bundle?.utility.them ?? Number.NaN, 9)
      expect(warning.gap).toBeGreaterThanOrEqual(LEFT_ON_TABLE_MIN)
      expect(warning.gap).toBeCloseTo(warning.better.utility.them - warning.utility.them, 9)
      expect(warning.better.utility.us).toBeGreaterThanOrEqual(warning.utility.us - 1e-9)
      expect(warning.changes.length).toBeGreaterThan(0)
      expect(warning.message).toMatch(/^Bundle [ABC] leaves \d+\.\d points on the table for them/)
      expect(warning.message).toContain(`worth ${Math.round(warning.utility.us)} of 100 to us`)
      // Issue names, never ids or engine words.
      expect(warning.message).not.toMatch(/U_us|U_them|--|\bcredits\b|\buplift\b/)
    }
  })

  it('says nothing about the better bundle itself: it is on the frontier', () => {
    const [first] = leftOnTable(space, estimate, [{ label: 'our offer', terms: { ...RENEWAL_B } }])
    if (!first) throw new Error('expected RENEWAL_B to leave value on the table')
    expect(first.message).toMatch(/^Our offer leaves/)
    // A single offer is not in a set: nothing says why it is.
    expect(first.message).not.toContain('in the set')
    expect(leftOnTable(space, estimate, [{ label: 'A', terms: first.better.terms }])).toEqual([])
  })

  it('warns exactly when the gap reaches the threshold, over every one-issue variation of a frontier bundle', () => {
    const [first] = leftOnTable(space, estimate, [{ label: 'A', terms: { ...RENEWAL_B } }])
    if (!first) throw new Error('expected a warning')
    const constraints = ruleAndLimits(space)
    let quiet = 0
    for (const issue of space.issues) {
      for (const level of issue.levels) {
        const terms = { ...first.better.terms, [issue.id]: level }
        const read = readOffer(space, terms)
        if (!read.ok) throw new Error('unreadable')
        const { us, them } = utilityOf(space, read.offer)
        const best = tradeProposal(space, estimate, constraints, us)
        const gap = best ? best.utility.them - them : 0
        const warned = leftOnTable(space, estimate, [{ label: 'A', terms }])
        expect(warned.length).toBe(gap >= LEFT_ON_TABLE_MIN ? 1 : 0)
        if (gap > 0.1 && gap < LEFT_ON_TABLE_MIN) quiet++
      }
    }
    // Some bundles inside the frontier, but by less than the threshold, pass without a warning.
    expect(quiet).toBeGreaterThan(0)
  })

  it('skips terms that are not a whole bundle of the plan', () => {
    expect(leftOnTable(space, estimate, [{ label: 'A', terms: { price: 230000 } }])).toEqual([])
  })
})
