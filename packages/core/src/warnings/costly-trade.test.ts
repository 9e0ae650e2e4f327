import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { concessionLog } from '../journal/concessions'
import { replay } from '../journal/replay'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { TRADE_COST_MIN, tradesCostingThem } from './costly-trade'

// The reference plan: us 40/10/10 (of 60), them 35/25/20 (of 80); price 90k..140k, rollout 30..120.
const space = compileSpace({ ...acmePlan(), numeraire: 'price' })
const table = event('offer-sent', {
  bundles: [{ label: 'A', terms: { price: 120000, rollout: 60, support: 'premium' } }],
})
const warningsFor = (...moves: ReturnType<typeof event>[]) => {
  const state = replay(space, [table, ...moves])
  const estimate = currentEstimate(space, state)
  return { state, estimate, warnings: tradesCostingThem(space, state.concessions, estimate) }
}

describe('a trade that costs them more than it gives them', () => {
  it('warns with the cost computed by hand, naming the issues and the round', () => {
    // Price 120k -> 110k is +20 score points on a weight of 35/80 for them; rollout 60 -> 90 is
    // -33.3 on 25/80: on balance they lose (25 * 100/3 - 35 * 20) / 80 = 1.67 points.
    const { warnings } = warningsFor(event('concession', { give: { price: 110000 }, get: { rollout: 90 } }))
    expect(warnings).toHaveLength(1)
    const [warning] = warnings
    expect(warning?.code).toBe('trade_costs_them')
    expect(warning?.costThem).toBeCloseTo((25 * (100 / 3) - 35 * 20) / 80, 9)
    expect(warning?.round).toBe(1)
    expect(warning?.give).toEqual({ price: 110000 })
    expect(warning?.get).toEqual({ rollout: 90 })
    expect(warning?.message).toContain('The trade in round 1')
    expect(warning?.message).toContain('expect a no')
    expect(warning?.message).toContain('costs them 1.7 points')
    // Issue names with their units, not ids.
    expect(warning?.message).toMatch(/we give annual price .*110,000/i)
    expect(warning?.message).toMatch(/we ask for rollout to all sites 90/i)
  })

  it('is quiet for a trade they gain from, and for a loss under the threshold', () => {
    expect(
      warningsFor(event('concession', { give: { price: 100000 }, get: { rollout: 90 } })).warnings,
    ).toEqual([])
    expect(warningsFor(event('concession', { give: { price: 115000 }, get: {} })).warnings).toEqual([])
  })

  it('warns exactly for the lines of the concession log that cost them at least the threshold', () => {
    const moves = [
      event('concession', { give: { price: 110000 }, get: { rollout: 90 } }),
      event('concession', { give: { price: 105000 }, get: { rollout: 120 } }),
      event('concession', { give: { rollout: 60 }, get: {} }),
    ]
    const { state, estimate, warnings } = warningsFor(...moves)
    const costly = concessionLog(space, state.concessions, estimate).filter(
      (line) => -line.valueThem >= TRADE_COST_MIN,
    )
    expect(costly.length).toBeGreaterThan(0)
    expect(warnings.map((w) => w.eventId)).toEqual(costly.map((line) => line.eventId))
    for (const [k, warning] of warnings.entries())
      expect(warning.costThem).toBeCloseTo(-(costly[k]?.valueThem ?? 0), 12)
  })
})
