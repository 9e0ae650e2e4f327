import { describe, expect, it } from 'vitest'
import { inferPriorities } from '../inference/posterior'
import { replay } from '../journal/replay'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { renewalSpace } from '../testing/renewal'
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

  it('counts meeting them halfway after their counter as a concession of ours, measured from our offer', () => {
    // Renewal: our 240k, their counter 210k with 24 months, our move to 220k for 36 months.
    const renewal = renewalSpace()
    const ours = {
      price: 240000,
      rollout: 60,
      billing: 'quarterly',
      support: 'premium',
      credits: 10,
      term: 36,
      uplift: 5,
    }
    const state = replay(renewal, [
      event('offer-sent', { bundles: [{ label: 'A', terms: ours }] }),
      event('offer-rejected', { counter: { terms: { price: 210000, term: 24 } } }),
      event('concession', { give: { price: 220000 }, get: { term: 36 } }),
    ])
    const result = debriefFigures(renewal, state, inferPriorities(renewal, state.observations))
    // The give cost 35 * 25 / 100 = 8.75 points; the get earned 20 * 30 / 100 = 6.
    expect(result.reciprocity).toMatchObject({ concessions: 1, reciprocated: 1, ratio: 1 })
    expect(result.reciprocity.valueRatio).toBeCloseTo(6 / 8.75, 9)
  })
})
