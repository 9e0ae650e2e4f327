/**
 * Left on the table against brute force: on small random plans, under the plan's estimate or one
 * learned from their pick, a bundle is warned about exactly when the best bundle for them worth at
 * least as much to us (meeting the rule and our limits, found by listing every bundle) gives them
 * at least `LEFT_ON_TABLE_MIN` points more; and then the better bundle is that best, unbeaten.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { inferPriorities } from '../inference/posterior'
import { replay } from '../journal/replay'
import type { Terms } from '../model/plan'
import { constraintHolds, ruleAndLimits } from '../scoring/constraints'
import { offerFromLevels, readOffer, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { allBundles, planArb } from '../testing/arbitraries'
import { event } from '../testing/events'
import { runs } from '../testing/property-runs'
import { LEFT_ON_TABLE_MIN, leftOnTable } from './left-on-table'

const small = planArb({ maxIssues: 4, maxLevels: 4, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 256,
)

const caseArb = small.chain((plan) => {
  const space = compileSpace(plan)
  const levels = fc.tuple(
    ...space.issues.map((issue) => fc.integer({ min: 0, max: issue.levels.length - 1 })),
  )
  return fc.record({
    plan: fc.constant(plan),
    bundle: levels,
    offered: fc.tuple(levels, levels),
    learned: fc.boolean(),
  })
})

function termsOf(space: Space, levels: readonly number[]): Terms {
  return Object.fromEntries(
    space.issues.map((issue) => [issue.id, issue.levels[levels[issue.index] ?? 0] ?? 0]),
  )
}

describe('left on the table (against brute force)', () => {
  it('warns exactly at a gap of 3 points to the best bundle for them at our value, and names that bundle', () => {
    fc.assert(
      fc.property(caseArb, ({ plan, bundle, offered, learned }) => {
        const space = compileSpace(plan)
        // Learned: they picked the first of two bundles we sent (any two, rule or not).
        const events = learned
          ? [
              event('offer-sent', {
                bundles: [
                  { label: 'A', terms: termsOf(space, offered[0]) },
                  { label: 'B', terms: termsOf(space, offered[1]) },
                ],
              }),
              event('bundle-chosen', { label: 'A' }),
            ]
          : []
        const state = replay(space, events)
        const estimate = currentEstimate(
          space,
          state,
          state.observations.length > 0 ? inferPriorities(space, state.observations) : undefined,
        )
        const constraints = ruleAndLimits(space)
        const us = utilityOf(space, offerFromLevels(space, bundle)).us
        const them = estimate.themOfLevels(bundle)
        // Every bundle, straight from the definitions.
        const scored = [...allBundles(space.issues.map((issue) => issue.levels.length))]
          .filter((levels) => {
            const { values } = offerFromLevels(space, levels)
            return constraints.every((constraint) => constraintHolds(constraint, values))
          })
          .map((levels) => ({
            levels,
            us: utilityOf(space, offerFromLevels(space, levels)).us,
            them: estimate.themOfLevels(levels),
          }))
        const reachable = scored.filter((b) => b.us >= us - 1e-7)
        const best = Math.max(Number.NEGATIVE_INFINITY, ...reachable.map((b) => b.them))
        const gap = best - them
        // Too close to the threshold to call either way in floating point.
        fc.pre(Math.abs(gap - LEFT_ON_TABLE_MIN) > 1e-6)
        const warnings = leftOnTable(space, estimate, [{ label: 'A', terms: termsOf(space, bundle) }])
        expect(warnings.length).toBe(gap >= LEFT_ON_TABLE_MIN ? 1 : 0)
        const [warning] = warnings
        if (!warning) return
        expect(warning.gap).toBeCloseTo(gap, 6)
        expect(warning.utility.us).toBeCloseTo(us, 9)
        expect(warning.utility.them).toBeCloseTo(them, 6)
        const read = readOffer(space, warning.better.terms)
        if (!read.ok) throw new Error('the better bundle does not read back')
        const betterLevels = Array.from(read.offer.levelIndex)
        expect(warning.better.utility.us).toBeGreaterThanOrEqual(us - 1e-7)
        expect(warning.better.utility.them).toBeCloseTo(best, 6)
        expect(warning.better.utility.them).toBeCloseTo(estimate.themOfLevels(betterLevels), 6)
        // On the estimated frontier: no bundle meeting the rule and limits beats it for both sides.
        const beaten = scored.some(
          (b) =>
            b.us >= warning.better.utility.us - 1e-9 &&
            b.them >= warning.better.utility.them - 1e-9 &&
            (b.us > warning.better.utility.us + 1e-7 || b.them > warning.better.utility.them + 1e-7),
        )
        expect(beaten).toBe(false)
        expect(scored.some((b) => b.levels.every((k, i) => k === betterLevels[i]))).toBe(true)
      }),
      { numRuns: runs(150) },
    )
  })
})
