import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { thinBeliefs } from '../inference/beliefs'
import { inferPriorities } from '../inference/posterior'
import { constraintHolds, ruleAndLimits } from '../scoring/constraints'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { enumerate } from '../testing/brute-force'
import { runs } from '../testing/property-runs'
import { drawsBest } from './likely-best'

const plans = planArb({ maxIssues: 5, maxLevels: 4, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 800,
)

describe("the draws' best bundles (against brute force)", () => {
  it('each is the best of the window for them under its draw: its weights, and reversed scores on the issues it reverses', () => {
    fc.assert(
      fc.property(
        plans,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (drawn, seed, usLow, uncertain) => {
          // Issues marked uncertain: the posterior's draws read some of them the other way.
          const plan = {
            ...drawn,
            issues: drawn.issues.map((issue, k) =>
              uncertain[k] ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
            ),
          }
          const space = compileSpace(plan)
          const constraints = ruleAndLimits(space)
          const beliefs = inferPriorities(space, [], { samples: 200, seed }).beliefs
          const bounds = {
            usLow,
            usHigh: Number.POSITIVE_INFINITY,
            themLow: Number.NEGATIVE_INFINITY,
            constraints,
          }
          const window = enumerate(space, constraints).filter((scored) => scored.us >= usLow - 1e-9)
          const draws = thinBeliefs(beliefs, 24)
          const found = drawsBest(space, beliefs, bounds)
          expect(found).toHaveLength(draws.samples.length)
          draws.samples.forEach((weights, k) => {
            const flips = draws.flipped?.[k]
            const value = (levels: readonly number[]) =>
              space.issues.reduce((total, issue) => {
                const score = issue.score.them[levels[issue.index] ?? 0] ?? 0
                return total + (weights[issue.index] ?? 0) * (flips?.[issue.index] ? 100 - score : score)
              }, 0)
            const levels = found[k]
            if (window.length === 0) {
              expect(levels).toBeUndefined()
              return
            }
            if (!levels) throw new Error(`no bundle for draw ${k} in a window of ${window.length}`)
            const offer = space.issues.map((issue) => issue.levels[levels[issue.index] ?? 0])
            expect(constraints.every((constraint) => constraintHolds(constraint, offer as never))).toBe(true)
            const best = Math.max(...window.map((scored) => value(scored.levels)))
            expect(value(Array.from(levels))).toBeCloseTo(best, 9)
          })
        },
      ),
      { numRuns: runs(60) },
    )
  })
})
