import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { type CompiledConstraint, compileRequirements, constraintHolds } from '../scoring/constraints'
import { offerFromLevels, readOffer, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { enumerate } from '../testing/brute-force'
import { event } from '../testing/events'
import { runs } from '../testing/property-runs'
import { JOINT_GAIN_MIN, jointGain } from './joint-gain'
import { realityTest } from './reality'
import { replay } from './replay'
import { LOPSIDED_SHARE } from './trade-advice'

const small = planArb({ maxIssues: 4, maxLevels: 5, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 1500,
)

/** A plan with two bundles in it: our last offer and their counter (any levels, drawn per issue). */
const caseArb = small.chain((plan) => {
  const space = compileSpace(plan)
  const levels = fc.tuple(
    ...space.issues.map((issue) => fc.integer({ min: 0, max: issue.levels.length - 1 })),
  )
  return fc.record({ plan: fc.constant(plan), ours: levels, theirs: levels })
})

function constraintsOf(space: Space): CompiledConstraint[] {
  const requirements = compileRequirements(space)
  return [...requirements.rule, ...requirements.limits]
}

function meets(space: Space, constraints: readonly CompiledConstraint[], levels: readonly number[]): boolean {
  const { values } = offerFromLevels(space, levels)
  return constraints.every((constraint) => constraintHolds(constraint, values))
}

/** Our points and their points (plan estimate) from one issue's level, straight from the definitions. */
const ourPart = (space: Space, i: number, k: number) =>
  (space.share.us[i] ?? 0) * (space.issues[i]?.score.us[k] ?? 0)
const theirPart = (space: Space, i: number, k: number) =>
  (space.share.them[i] ?? 0) * (space.issues[i]?.score.them[k] ?? 0)

function termsOfLevels(space: Space, levels: readonly number[]) {
  return Object.fromEntries(space.issues.map((issue) => [issue.id, issue.levels[levels[issue.index] ?? 0]]))
}

describe('the reality test on their counter (against brute force)', () => {
  it('never accepts a one-sided or lopsided counter, and proposes the best trade for them at our target', () => {
    fc.assert(
      fc.property(caseArb, ({ plan, ours, theirs }) => {
        const space = compileSpace(plan)
        const constraints = constraintsOf(space)
        const state = replay(space, [
          event('offer-sent', { bundles: [{ label: 'A', terms: termsOfLevels(space, ours) }] }),
          event('offer-rejected', { counter: { terms: termsOfLevels(space, theirs) } }),
        ])
        // Valued with the plan's estimate, so brute force can use the plan's own sums.
        const estimate = currentEstimate(space, { observations: [] })
        const item = realityTest(space, state, estimate).items.find(
          (entry) => entry.label === 'their counter',
        )
        const changed = space.issues.map((issue) => issue.index).filter((i) => ours[i] !== theirs[i])
        if (!item) {
          // The same bundle: the counter is our offer, already on the table as ours.
          expect(changed).toHaveLength(0)
          return
        }
        const usOurs = utilityOf(space, offerFromLevels(space, ours)).us
        const usTheirs = utilityOf(space, offerFromLevels(space, theirs)).us
        // What it takes from us and gives back, issue by issue, in our points.
        let takes = 0
        let gives = 0
        for (const i of changed) {
          const gain = ourPart(space, i, theirs[i] ?? 0) - ourPart(space, i, ours[i] ?? 0)
          if (gain > 0) gives += gain
          else takes -= gain
        }
        const lopsided =
          changed.length > 0 && gives <= LOPSIDED_SHARE * takes + 1e-7 && usOurs - usTheirs > 1e-7
        if (!lopsided) {
          expect(item.giveaway).toBeUndefined()
          expect(item.givenBack).toBeUndefined()
          expect(item.proposal).toBeUndefined()
          return
        }
        expect(item.giveaway).toBeCloseTo(usOurs - usTheirs, 9)
        if (gives > 1e-7) expect(item.givenBack).toBeCloseTo(gives, 9)
        else expect(item.givenBack).toBeUndefined()
        const target = Math.max(usOurs, plan.reservation ?? Number.NEGATIVE_INFINITY)
        const reachable = enumerate(space, constraints).filter((bundle) => bundle.us >= target - 1e-7)
        // Our own offer reaches the target unless it was under our reservation.
        if (meets(space, constraints, ours) && usOurs >= target) expect(reachable.length).toBeGreaterThan(0)
        if (reachable.length === 0) {
          expect(item.proposal).toBeUndefined()
          return
        }
        expect(item.verdict).toBe('counter')
        const proposal = item.proposal
        if (!proposal) throw new Error('a one-sided counter with a reachable target has no proposal')
        const read = readOffer(space, proposal.terms)
        if (!read.ok) throw new Error('the proposal does not read back')
        const levels = Array.from(read.offer.levelIndex)
        // Meets the rule and our limits, at our target, and differs from their counter.
        expect(meets(space, constraints, levels)).toBe(true)
        expect(proposal.utility.us).toBeGreaterThanOrEqual(target - 1e-7)
        expect(proposal.utility.us).toBeGreaterThan(usTheirs)
        expect(levels).not.toEqual(theirs)
        expect(proposal.utility.us).toBe(utilityOf(space, read.offer).us)
        expect(proposal.utility.them).toBeCloseTo(estimate.them(read.offer), 9)
        // The best for them at our target among bundles that keep each issue they moved between our
        // level and theirs (by its value to them); over all bundles at the target when none does.
        const between = (bundle: { levels: number[] }) =>
          changed.every((i) => {
            const a = theirPart(space, i, ours[i] ?? 0)
            const b = theirPart(space, i, theirs[i] ?? 0)
            const x = theirPart(space, i, bundle.levels[i] ?? 0)
            return x >= Math.min(a, b) - 1e-7 && x <= Math.max(a, b) + 1e-7
          })
        const kept = reachable.filter(between)
        const pool = kept.length > 0 ? kept : reachable
        const best = Math.max(...pool.map((bundle) => bundle.them))
        expect(proposal.utility.them).toBeGreaterThanOrEqual(best - 1e-7)
        if (kept.length > 0) expect(between({ levels })).toBe(true)
        // Never worse for them than our last offer, when that offer was a bundle we could make.
        if (meets(space, constraints, ours) && usOurs >= target - 1e-7)
          expect(proposal.utility.them).toBeGreaterThanOrEqual(
            utilityOf(space, offerFromLevels(space, ours)).them - 1e-7,
          )
      }),
      { numRuns: runs(200) },
    )
  })
})

describe('joint gains in sight (against brute force)', () => {
  it('is a bundle better for both than the table, the best by the product of gains, or null when none is', () => {
    fc.assert(
      fc.property(caseArb, ({ plan, ours }) => {
        const space = compileSpace(plan)
        const constraints = constraintsOf(space)
        const estimate = currentEstimate(space, { observations: [] })
        const table = offerFromLevels(space, ours)
        const base = utilityOf(space, table)
        const gain = jointGain(space, table, estimate, constraints)
        const gains = enumerate(space, constraints).map((bundle) => ({
          us: bundle.us - base.us,
          them: bundle.them - base.them,
        }))
        if (gain === null) {
          for (const g of gains) expect(Math.min(g.us, g.them)).toBeLessThanOrEqual(JOINT_GAIN_MIN + 1e-7)
          return
        }
        const read = readOffer(space, gain.terms)
        if (!read.ok) throw new Error('the joint gain does not read back')
        expect(meets(space, constraints, Array.from(read.offer.levelIndex))).toBe(true)
        const utility = utilityOf(space, read.offer)
        expect(gain.utility.us).toBe(utility.us)
        expect(gain.utility.them).toBeCloseTo(utility.them, 9)
        expect(gain.gain.us).toBeCloseTo(utility.us - base.us, 9)
        expect(gain.gain.them).toBeCloseTo(utility.them - base.them, 9)
        expect(gain.gain.us).toBeGreaterThan(JOINT_GAIN_MIN)
        expect(gain.gain.them).toBeGreaterThan(JOINT_GAIN_MIN)
        const products = gains
          .filter((g) => g.us > JOINT_GAIN_MIN && g.them > JOINT_GAIN_MIN)
          .map((g) => g.us * g.them)
        expect(gain.gain.us * gain.gain.them).toBeGreaterThanOrEqual(Math.max(...products) - 1e-6)
      }),
      { numRuns: runs(200) },
    )
  })
})
