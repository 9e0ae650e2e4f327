import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeFrontier,
  EPSILON_LADDER,
  epsilonWork,
  MIN_EPSILON,
  suggestEpsilon,
} from '../frontier/frontier'
import { frontierReport } from '../frontier/report'
import { meso } from '../meso/meso'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { largestPlan } from '../testing/largest'
import { runs } from '../testing/property-runs'
import { syntheticPlan } from '../testing/synthetic'
import { remainingWork, spendWork, withWorkBudget } from './budget'

const small = planArb({ maxIssues: 4, maxLevels: 6 }).filter((plan) => compileSpace(plan).outcomes <= 2500)

describe('withWorkBudget', () => {
  it('gives the value and what it spent when the work fits, and a refusal when it does not', () => {
    const done = withWorkBudget(10, () => {
      spendWork(4)
      spendWork(6)
      return 'done'
    })
    expect(done).toEqual({
      ok: true,
      value: 'done',
      spent: 10,
    })
    let after = false
    const over = withWorkBudget(10, () => {
      spendWork(6)
      spendWork(5)
      after = true
    })
    expect(over).toEqual({ ok: false, code: 'over_budget', limit: 10, spent: 11 })
    // The step that would go over is never started.
    expect(after).toBe(false)
  })

  it('counts an estimate that overflowed (Infinity, NaN) as over', () => {
    expect(withWorkBudget(1e12, () => spendWork(Number.POSITIVE_INFINITY)).ok).toBe(false)
    expect(withWorkBudget(1e12, () => spendWork(Number.NaN)).ok).toBe(false)
  })

  it('is in force only during the call, also when the call throws', () => {
    expect(remainingWork()).toBe(Number.POSITIVE_INFINITY)
    expect(() =>
      withWorkBudget(5, () => {
        expect(remainingWork()).toBe(5)
        throw new Error('a bug')
      }),
    ).toThrow('a bug')
    expect(remainingWork()).toBe(Number.POSITIVE_INFINITY)
    // Without a budget, spending is free.
    expect(() => spendWork(1e300)).not.toThrow()
  })

  it('charges a nested budget to the outer one as well', () => {
    const outer = withWorkBudget(10, () => {
      const inner = withWorkBudget(8, () => spendWork(7))
      expect(inner.ok).toBe(true)
      expect(remainingWork()).toBe(3)
      spendWork(4)
    })
    expect(outer.ok).toBe(false)
  })
})

describe('computations under a work budget', () => {
  it('give exactly the unlimited answer, or stop: never a coarser one', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 400 }), fc.boolean(), (plan, limit, rule) => {
        const space = compileSpace(plan)
        const free = frontierReport(space, { rule })
        const limited = withWorkBudget(limit, () => frontierReport(space, { rule }))
        if (limited.ok) expect(limited.value).toEqual(free)
        else expect(limited.spent).toBeGreaterThan(limit)
      }),
      { numRuns: runs(150) },
    )
  })

  it('MESO under a budget equals MESO without one when it fits, and what fits once fits with more', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 20_000 }), (plan, limit) => {
        const space = compileSpace(plan)
        const free = withWorkBudget(Number.MAX_SAFE_INTEGER, () => meso(space))
        expect(free.ok).toBe(true)
        const limited = withWorkBudget(limit, () => meso(space))
        if (!free.ok) return
        if (limited.ok) {
          expect(limited.value).toEqual(free.value)
          expect(limited.spent).toBe(free.spent)
        } else expect(free.spent).toBeGreaterThan(limit)
        // The work is a property of the plan: a budget of exactly what it took suffices.
        expect(withWorkBudget(free.spent, () => meso(space)).ok).toBe(true)
      }),
      { numRuns: runs(60) },
    )
  })

  it('refuses an exact merge step before doing it when it would go over', () => {
    // Linear ranges with unequal weights: every merge multiplies the staircase.
    const space = compileSpace(largestPlan(64, 1000))
    const started = Date.now()
    const result = withWorkBudget(1e7, () => computeFrontier(space))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.spent).toBeGreaterThan(1e7)
    // Unlimited, this takes minutes; refused before the costly step (generous: a shared machine).
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

describe('epsilon mode work', () => {
  it('is bounded before starting: computeFrontier never charges more than the estimate', () => {
    fc.assert(
      fc.property(small, fc.constantFrom(...EPSILON_LADDER), (plan, epsilon) => {
        const space = compileSpace(plan)
        const charged = withWorkBudget(Number.MAX_SAFE_INTEGER, () => computeFrontier(space, { epsilon }))
        expect(charged.ok).toBe(true)
        expect(charged.spent).toBeLessThanOrEqual(epsilonWork(space, epsilon))
      }),
      { numRuns: runs(60) },
    )
  })

  it('charges the smallest epsilon step by step, and refuses the largest plan quickly', () => {
    const space = compileSpace(largestPlan(64, 1000))
    expect(epsilonWork(space, MIN_EPSILON)).toBeGreaterThan(1e14)
    const started = Date.now()
    expect(withWorkBudget(1e8, () => computeFrontier(space, { epsilon: MIN_EPSILON }))).toMatchObject({
      ok: false,
      code: 'over_budget',
    })
    expect(Date.now() - started).toBeLessThan(2_000)
    // Below it is a caller's bug: the edges refuse such an epsilon with a message.
    expect(() => computeFrontier(space, { epsilon: MIN_EPSILON / 2 })).toThrow(/below/)
  })

  it('suggests the smallest epsilon of the ladder that fits the work given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 2, max: 200 }),
        fc.double({ min: 1e3, max: 1e10, noNaN: true }),
        (issues, levels, work) => {
          const space = compileSpace(syntheticPlan(issues, levels))
          const epsilon = suggestEpsilon(space, work)
          const index = EPSILON_LADDER.indexOf(epsilon as (typeof EPSILON_LADDER)[number])
          expect(index).toBeGreaterThanOrEqual(0)
          if (epsilonWork(space, epsilon) <= work) {
            const smaller = EPSILON_LADDER[index - 1]
            if (smaller !== undefined) expect(epsilonWork(space, smaller)).toBeGreaterThan(work)
          } else expect(epsilon).toBe(EPSILON_LADDER.at(-1))
        },
      ),
      { numRuns: runs(100) },
    )
  })
})
