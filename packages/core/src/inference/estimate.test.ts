import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { offerFromLevels, readOffer, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { allBundles as levelGrid, planArb } from '../testing/arbitraries'
import { expectedTheirUtility } from '../testing/brute-force'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { currentEstimate, estimateAfter, estimateLabel, spaceUnderEstimate } from './estimate'
import type { Observation } from './observation'
import { inferPriorities } from './posterior'

/** The plan with its first issue marked uncertain for them. */
function firstUncertain(plan: Plan): Plan {
  return {
    ...plan,
    issues: plan.issues.map((issue, i) =>
      i === 0 ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
    ),
  }
}

const allBundles = (space: Space) => [...levelGrid(space.issues.map((issue) => issue.levels.length))]

/** The estimate after one choice between two of the plan's bundles (picked by index), from 300 samples. */
function learnedFromAChoice(plan: Plan, pick: number, second: number) {
  const space = compileSpace(plan)
  const bundles = allBundles(space)
  const a = bundles[pick % bundles.length] as number[]
  const b = bundles[second % bundles.length] as number[]
  const observation: Observation = {
    kind: 'choice',
    eventId: 'e1',
    offered: [offerFromLevels(space, a), offerFromLevels(space, b)],
    chosen: 0,
  }
  const posterior = inferPriorities(space, [observation], { samples: 300 })
  return {
    space,
    bundles,
    posterior,
    estimate: currentEstimate(space, { observations: [observation] }, posterior),
  }
}

const plans = planArb({ minIssues: 2, maxIssues: 4, maxLevels: 4 }).filter(
  (plan) => compileSpace(plan).outcomes <= 256,
)

describe('currentEstimate', () => {
  it('is exactly the plan estimate while the journal holds no observation', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const space = compileSpace(plan)
        const estimate = currentEstimate(space, { observations: [] })
        expect(estimate.learned).toBe(false)
        expect(estimate.label).toBe('est., plan')
        for (const levels of allBundles(space)) {
          const offer = offerFromLevels(space, levels)
          // Exactly, not within a tolerance: the same figure `score` and `check` give.
          expect(estimate.them(offer)).toBe(utilityOf(space, offer).them)
          expect(estimate.themOfLevels(levels)).toBe(utilityOf(space, offer).them)
        }
      }),
      { numRuns: runs(60) },
    )
  })

  it('is the posterior expectation of U_them once there is an observation (brute force over the samples, reversed issues included)', () => {
    fc.assert(
      fc.property(plans, fc.boolean(), fc.nat(), fc.nat(), (base, uncertain, pick, second) => {
        // Mark the first issue uncertain half the time, so the reversed direction is weighed too.
        const plan = uncertain ? firstUncertain(base) : base
        const { space, bundles, posterior, estimate } = learnedFromAChoice(plan, pick, second)
        expect(estimate.learned).toBe(true)
        expect(estimate.label).toBe('est., learned from 1 move')
        for (const levels of bundles.slice(0, 20)) {
          const expected = expectedTheirUtility(space, posterior.beliefs, levels)
          expect(estimate.themOfLevels(levels)).toBeCloseTo(expected, 9)
          expect(estimate.them(offerFromLevels(space, levels))).toBeCloseTo(expected, 9)
          // Its two forms agree to the bit: MESO ranks by one, the views print the other.
          expect(estimate.themOfLevels(levels)).toBe(estimate.them(offerFromLevels(space, levels)))
        }
        const total = estimate.shares.reduce((sum, share) => sum + share, 0)
        expect(total).toBeCloseTo(1, 9)
      }),
      { numRuns: runs(40) },
    )
  })

  it('after the first k moves, is exactly the estimate learned from those k moves afresh', () => {
    fc.assert(
      fc.property(
        plans,
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        (base, uncertain, picks) => {
          const plan = uncertain ? firstUncertain(base) : base
          const space = compileSpace(plan)
          const bundles = allBundles(space)
          const observations: Observation[] = picks.map(([a, b], k) => ({
            kind: 'choice',
            eventId: `e${k}`,
            offered: [
              offerFromLevels(space, bundles[a % bundles.length] as number[]),
              offerFromLevels(space, bundles[b % bundles.length] as number[]),
            ],
            chosen: 0,
          }))
          const posterior = inferPriorities(space, observations, { samples: 200 })
          for (let k = 0; k <= observations.length; k++) {
            const prefix = observations.slice(0, k)
            const afresh =
              k === 0
                ? currentEstimate(space, { observations: [] })
                : currentEstimate(
                    space,
                    { observations: prefix },
                    inferPriorities(space, prefix, { samples: 200 }),
                  )
            const kept = estimateAfter(space, posterior, k)
            expect(kept.moves).toBe(k)
            expect(kept.label).toBe(afresh.label)
            expect([...kept.direct]).toEqual([...afresh.direct])
            expect([...kept.reversed]).toEqual([...afresh.reversed])
            for (const levels of bundles.slice(0, 12))
              expect(kept.themOfLevels(levels)).toBe(afresh.themOfLevels(levels))
          }
        },
      ),
      { numRuns: runs(30) },
    )
  })

  it('says how many moves it learned from', () => {
    expect(estimateLabel(0)).toBe('est., plan')
    expect(estimateLabel(1)).toBe('est., learned from 1 move')
    expect(estimateLabel(3)).toBe('est., learned from 3 moves')
  })
})

describe('spaceUnderEstimate', () => {
  it('values every bundle, off-grid values and uncertain issues included, exactly as the estimate does', () => {
    let reversedSeen = false
    fc.assert(
      fc.property(plans, fc.boolean(), fc.nat(), fc.nat(), (base, uncertain, pick, second) => {
        const plan = uncertain ? firstUncertain(base) : base
        const { space, bundles, estimate } = learnedFromAChoice(plan, pick, second)
        if (estimate.reversed.some((share) => share > 0)) reversedSeen = true
        const under = spaceUnderEstimate(space, estimate)
        for (const levels of bundles) {
          const offer = offerFromLevels(space, levels)
          expect(utilityOf(under, offerFromLevels(under, levels)).them).toBeCloseTo(estimate.them(offer), 9)
          // Halfway to the next level on every range issue: off the grid.
          const values = space.issues.map((issue, i) => {
            const k = levels[i] ?? 0
            const here = issue.levels[k]
            const next = issue.levels[k + 1]
            return plan.issues[i]?.range && typeof here === 'number' && typeof next === 'number'
              ? (here + next) / 2
              : here
          })
          const read = readOffer(
            space,
            Object.fromEntries(space.issues.map((issue, i) => [issue.id, values[i]])),
          )
          const readUnder = readOffer(
            under,
            Object.fromEntries(space.issues.map((issue, i) => [issue.id, values[i]])),
          )
          if (read.ok && readUnder.ok)
            expect(utilityOf(under, readUnder.offer).them).toBeCloseTo(estimate.them(read.offer), 9)
        }
      }),
      { numRuns: runs(60) },
    )
    // The mixture of directions was exercised, not only plain weights.
    expect(reversedSeen).toBe(true)
  })

  it('is the plan itself before any observation', () => {
    const space = compileSpace(acmePlan())
    expect(spaceUnderEstimate(space, currentEstimate(space, { observations: [] }))).toBe(space)
  })
})
