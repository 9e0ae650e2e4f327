import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planArb } from '../testing/arbitraries'
import { enumerate } from '../testing/brute-force'
import { runs } from '../testing/property-runs'
import { compileRequirements } from './constraints'
import { countBundles, levelsInPlay } from './rule-count'
import { compileSpace } from './space'

const small = planArb({ maxIssues: 4, maxLevels: 6, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 2500,
)

describe('countBundles (against brute force)', () => {
  it('counts the bundles meeting the rule, and the rule with our limits, single-issue and sum alike', () => {
    fc.assert(
      fc.property(small, (plan) => {
        const space = compileSpace(plan)
        const { rule, limits } = compileRequirements(space)
        for (const constraints of [[], rule, [...rule, ...limits]]) {
          expect(countBundles(space, constraints)).toEqual({
            ok: true,
            count: enumerate(space, constraints).length,
            outcomes: space.outcomes,
          })
        }
      }),
      { numRuns: runs(300) },
    )
  })

  it('refuses to enumerate more combinations of summed issues than its limit', () => {
    const plan = fc.sample(
      small.filter((p) => (p.decisionRule?.require ?? []).some((c) => c.sum && c.sum.length >= 2)),
      { numRuns: 1, seed: 7 },
    )[0]
    if (!plan) throw new Error('no plan with a sum')
    const space = compileSpace(plan)
    const { rule } = compileRequirements(space)
    const counted = countBundles(space, rule, 1)
    expect(counted.ok).toBe(false)
    if (!counted.ok) expect(counted.combinations).toBeGreaterThan(1)
  })
})

describe('levelsInPlay', () => {
  it('counts the levels of each issue that every single-issue condition allows', () => {
    fc.assert(
      fc.property(small, (plan) => {
        const space = compileSpace(plan)
        const { rule, limits } = compileRequirements(space)
        const constraints = [...rule, ...limits]
        const inPlay = levelsInPlay(space, constraints)
        const single = constraints.filter((c) => c.kind === 'issue')
        for (const issue of space.issues) {
          // A level is in play when some bundle holding it meets the single-issue conditions on its issue.
          const own = single.filter((c) => c.kind === 'issue' && c.issue === issue.index)
          const allowed = new Set(enumerate(space, own).map((bundle) => bundle.levels[issue.index])).size
          expect(inPlay[issue.index]).toEqual({ id: issue.id, allowed, levels: issue.levels.length })
        }
      }),
      { numRuns: runs(100) },
    )
  })
})
