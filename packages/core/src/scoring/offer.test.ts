import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { validatePlanValue } from '../plan/validate'
import { allBundles, planArb } from '../testing/arbitraries'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { offerFromLevels, readOffer, scoreOffer, termsOf, utilityOf } from './offer'
import { compileSpace, scoreLevel } from './space'

function offer(plan: Plan, terms: unknown) {
  const space = compileSpace(plan)
  const read = readOffer(space, terms)
  if (!read.ok) throw new Error(JSON.stringify(read.errors))
  return { space, offer: read.offer }
}

describe('utilities', () => {
  it('match a hand computation on the reference plan', () => {
    // us: (40*60 + 10*33.33.. + 10*60) / 60; them: (35*40 + 25*66.66.. + 20*70) / 80
    const { space, offer: o } = offer(acmePlan(), { price: 120000, rollout: 60, support: 'premium' })
    const score = scoreOffer(space, o)
    expect(score.utility.us).toBeCloseTo((40 * 60 + (10 * 100) / 3 + 10 * 60) / 60, 12)
    expect(score.utility.them).toBeCloseTo((35 * 40 + (25 * 200) / 3 + 20 * 70) / 80, 12)
    expect(score.meetsDecisionRule).toBe(true)
    expect(score.breaksLimits).toBe(false)
    expect(score.margin.reservation).toBeCloseTo(score.utility.us - 55, 12)
    expect(score.margin.batnaUs).toBeCloseTo(score.utility.us - 40, 12)
    expect(score.margin.batnaThem).toBeCloseTo(score.utility.them - 35, 12)
  })

  it('gives 100 and 0 at the extremes', () => {
    const best = offer(acmePlan(), { price: 140000, rollout: 120, support: 'standard' })
    expect(utilityOf(best.space, best.offer)).toEqual({ us: 100, them: 0 })
    const theirs = offer(acmePlan(), { price: 90000, rollout: 30, support: 'enterprise' })
    expect(utilityOf(theirs.space, theirs.offer)).toEqual({ us: 0, them: 100 })
  })

  it('scores an off-grid value inside a range by the same formula', () => {
    const { space, offer: o } = offer(acmePlan(), { price: 117500, rollout: 30, support: 'standard' })
    expect(o.levelIndex[0]).toBe(-1)
    // price us: 55, rollout us: 0, support us: 100
    expect(utilityOf(space, o).us).toBeCloseTo((40 * 55 + 0 + 10 * 100) / 60, 12)
  })

  it('interpolates points and keeps the end scores outside them', () => {
    const plan = acmePlan()
    plan.issues[0]!.us = {
      weight: 40,
      points: [
        [100000, 0],
        [110000, 80],
        [130000, 100],
      ],
    }
    const at = (price: number) => {
      const { space, offer: o } = offer(plan, { price, rollout: 30, support: 'enterprise' })
      return (utilityOf(space, o).us * 60) / 40
    }
    expect(at(120000)).toBeCloseTo(90, 12)
    expect(at(105000)).toBeCloseTo(40, 12)
    expect(at(90000)).toBeCloseTo(0, 12)
    expect(at(140000)).toBeCloseTo(100, 12)
  })

  it('fails the decision rule and reports broken limits', () => {
    const { space, offer: o } = offer(acmePlan(), { price: 95000, rollout: 90, support: 'premium' })
    const score = scoreOffer(space, o)
    expect(score.meetsDecisionRule).toBe(false)
    expect(score.ruleChecks).toEqual([{ text: 'rollout <= 60', path: 'decisionRule.require[0]', met: false }])
    expect(score.limitChecks).toEqual([{ text: 'price >= 100000', path: 'limits[0]', met: false }])
    expect(score.breaksLimits).toBe(true)
  })

  it('has null margins and meets a missing decision rule', () => {
    const { batna: _b, reservation: _r, decisionRule: _d, ...plan } = acmePlan()
    const { space, offer: o } = offer(plan, { price: 95000, rollout: 90, support: 'premium' })
    const score = scoreOffer(space, o)
    expect(score.meetsDecisionRule).toBe(true)
    expect(score.margin).toEqual({ reservation: null, batnaUs: null, batnaThem: null })
  })

  it('evaluates a sum rule across issues', () => {
    const plan = acmePlan()
    plan.decisionRule = {
      require: [
        {
          sum: [
            { issue: 'price', times: 1 },
            { issue: 'rollout', times: 1000 },
          ],
          op: '<=',
          value: 160000,
        },
      ],
    }
    const within = offer(plan, { price: 100000, rollout: 60, support: 'premium' })
    expect(scoreOffer(within.space, within.offer).meetsDecisionRule).toBe(true)
    const over = offer(plan, { price: 100000, rollout: 75, support: 'premium' })
    expect(scoreOffer(over.space, over.offer).meetsDecisionRule).toBe(false)
  })

  it('rounds range levels to the step, so 0.1 steps give 0.3', () => {
    const plan = acmePlan()
    plan.issues[1] = { ...plan.issues[1]!, range: { min: 0, max: 1, step: 0.1 } }
    plan.decisionRule = { require: [{ issue: 'rollout', op: '=', value: 0.3 }] }
    const space = compileSpace(plan)
    expect(space.issues[1]!.levels).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
    const read = readOffer(space, { price: 100000, rollout: 0.1 + 0.2, support: 'premium' })
    expect(read.ok && read.offer.levelIndex[1]).toBe(3)
  })
})

describe('readOffer', () => {
  const space = compileSpace(acmePlan())
  const errors = (terms: unknown) => {
    const read = readOffer(space, terms)
    return read.ok ? [] : read.errors.map((error) => `${error.at.join('.')}: ${error.message}`)
  }

  it('accepts terms wrapped in { terms }', () => {
    const read = readOffer(space, { terms: { price: 100000, rollout: 60, support: 'premium' } })
    expect(read.ok && termsOf(space, read.offer)).toEqual({ price: 100000, rollout: 60, support: 'premium' })
  })

  it('rejects unknown issues and levels, missing issues and values outside a range', () => {
    expect(errors({ price: 100000, rollout: 60, suport: 'premium' })).toEqual([
      "suport: unknown issue 'suport' (did you mean 'support'?)",
      ": no level for issue 'support' (Support tier)",
    ])
    expect(errors({ price: 100000, rollout: 60, support: 'gold' })).toEqual([
      "support: 'gold' is not an option of 'support' (options: standard, premium, enterprise)",
    ])
    expect(errors({ price: 150000, rollout: 60, support: 'premium' })).toEqual([
      "price: 150000 is outside the range of 'price' (90000 to 140000)",
    ])
    expect(errors({ price: 'cheap', rollout: 60, support: 'premium' })).toEqual([
      "price: 'price' takes numbers, not 'cheap'",
    ])
    expect(errors([1, 2])).toEqual([': an offer must be a map from issue id to level'])
    expect(errors({ price: 100000 })).toEqual([
      ": no level for 2 issues: 'rollout' (Rollout to all sites), 'support' (Support tier)",
    ])
  })
})

describe('utility properties', () => {
  it('stays within 0..100 for every bundle of random plans', () => {
    fc.assert(
      fc.property(planArb({ maxIssues: 4, maxLevels: 5 }), (plan) => {
        expect(validatePlanValue(plan).ok).toBe(true)
        const space = compileSpace(plan)
        for (const levels of allBundles(space.issues.map((issue) => issue.levels.length))) {
          const { us, them } = utilityOf(space, offerFromLevels(space, levels))
          expect(us).toBeGreaterThanOrEqual(-1e-9)
          expect(us).toBeLessThanOrEqual(100 + 1e-9)
          expect(them).toBeGreaterThanOrEqual(-1e-9)
          expect(them).toBeLessThanOrEqual(100 + 1e-9)
        }
      }),
      { numRuns: runs(150) },
    )
  })

  it('scores a level by points between the scores of the points either side, exactly at a point', () => {
    // 0.007 + (0 - 0.007) * 5 / 5 is -8.7e-19 in floats: a GENIUS export then wrote a negative evaluation.
    const issue = {
      min: -10,
      max: 5,
      preference: {
        us: { weight: 1, prefer: 'high' as const },
        them: {
          weight: 1,
          points: [
            [-10, 0],
            [-5, 0.007],
            [0, 0],
            [5, 0],
          ] as [number, number][],
        },
      },
    }
    expect(Object.is(scoreLevel(issue, 'them', 0), 0)).toBe(true)
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: -1000, max: 1000 }),
        (xs, ys, x) => {
          const points = [...xs].sort((a, b) => a - b).map((at, k) => [at, ys[k] ?? 0] as [number, number])
          const model = { ...issue, preference: { ...issue.preference, them: { weight: 1, points } } }
          const score = scoreLevel(model, 'them', x)
          const at = points.find(([px]) => px === x)
          if (at) expect(score).toBe(at[1])
          const right = points.findIndex(([px]) => px >= x)
          const around =
            right === -1
              ? [points[points.length - 1]]
              : right === 0
                ? [points[0]]
                : [points[right - 1], points[right]]
          const scores = around.map((point) => point?.[1] ?? 0)
          expect(score).toBeGreaterThanOrEqual(Math.min(...scores))
          expect(score).toBeLessThanOrEqual(Math.max(...scores))
        },
      ),
      { numRuns: runs(300) },
    )
  })

  it('is monotone in a level for prefer high and prefer low', () => {
    fc.assert(
      fc.property(planArb({ maxIssues: 4, maxLevels: 6 }), fc.nat(), (plan, seed) => {
        const space = compileSpace(plan)
        const base = space.issues.map((issue, i) => (seed + i * 7) % issue.levels.length)
        for (const issue of space.issues) {
          if (!issue.numeric) continue
          const order = issue.levels
            .map((_, k) => k)
            .sort((a, b) => Number(issue.levels[a]) - Number(issue.levels[b]))
          for (const side of ['us', 'them'] as const) {
            const prefer = issue.preference[side].prefer
            if (!prefer) continue
            let previous = Number.NEGATIVE_INFINITY
            for (const k of prefer === 'high' ? order : [...order].reverse()) {
              const levels = [...base]
              levels[issue.index] = k
              const value = utilityOf(space, offerFromLevels(space, levels))[side]
              expect(value).toBeGreaterThan(previous - 1e-9)
              if (issue.min < issue.max && previous !== Number.NEGATIVE_INFINITY)
                expect(value).toBeGreaterThan(previous)
              previous = value
            }
          }
        }
      }),
      { numRuns: runs(200) },
    )
  })
})
