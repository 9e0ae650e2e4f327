import { describe, expect, it } from 'vitest'
import { inferPriorities } from '../inference/posterior'
import { replay } from '../journal/replay'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { debriefFigures } from './figures'

const space = compileSpace(acmePlan())
const close = (terms: Record<string, string | number>) =>
  event('agreed', { terms, changeControl: 'x', exit: 'y', governance: { reviewCadence: 'z' } })

function figures(events: ReturnType<typeof event>[]) {
  const state = replay(space, events)
  return debriefFigures(space, state, inferPriorities(space, state.observations))
}

describe('debrief figures', () => {
  it('measures an efficient agreement as close to the frontier, and a wasteful one as far from it', () => {
    // Standard support costs them 20 points of weight that matter little to us: moving it is value left on the table.
    const efficient = figures([close({ price: 130000, rollout: 30, support: 'enterprise' })])
    const wasteful = figures([close({ price: 110000, rollout: 120, support: 'standard' })])
    expect(efficient.distanceToFrontier).toBeLessThan(1)
    expect(wasteful.distanceToFrontier).toBeGreaterThan(5)
    expect(efficient.nashShare).toBeGreaterThan(wasteful.nashShare ?? 1)
    expect(efficient.surplus).toBeCloseTo((40 * 80 + 0 + 0) / 60 - 55, 9)
  })

  it('counts reciprocated concessions, rounds, and how far we moved from our estimate', () => {
    const result = figures([
      event('offer-sent', {
        bundles: [{ label: 'A', terms: { price: 130000, rollout: 45, support: 'premium' } }],
      }),
      event('concession', { give: { support: 'enterprise' }, get: { price: 135000 } }),
      event('concession', { give: { rollout: 30 }, get: {} }),
    ])
    expect(result.agreed).toBe(false)
    expect(result.distanceToFrontier).toBeNull()
    expect(result.reciprocity).toMatchObject({ concessions: 2, reciprocated: 1, ratio: 0.5 })
    expect(result.rounds).toBe(1)
    expect(result.estimateShift).toBeGreaterThanOrEqual(0)
    expect(result.misjudged).toHaveLength(3)
  })
})
