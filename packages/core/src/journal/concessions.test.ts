import { describe, expect, it } from 'vitest'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { concessionLog } from './concessions'
import { evaluateContingency } from './contingency'
import { replay } from './replay'

// The reference plan: us 40/10/10 (of 60), them 35/25/20 (of 80); price 90k..140k, rollout 30..120.
const plan = { ...acmePlan(), numeraire: 'price' }
const space = compileSpace(plan)
const estimate = space.share.them
const table = event('offer-sent', {
  bundles: [{ label: 'A', terms: { price: 120000, rollout: 60, support: 'premium' } }],
})

describe('concession log', () => {
  it('values a give and a get by hand computation, in points and in the numeraire', () => {
    const state = replay(space, [
      table,
      event('concession', { give: { price: 110000 }, get: { rollout: 90 } }),
    ])
    const [line] = concessionLog(space, state.concessions, estimate)
    // give: price 120k -> 110k costs us 40 * 20 / 60 points; get: rollout 60 -> 90 earns 10 * 33.33 / 60.
    expect(line!.giveCostUs).toBeCloseTo((40 * 20) / 60, 9)
    expect(line!.getValueUs).toBeCloseTo((10 * (100 / 3)) / 60, 9)
    expect(line!.valueUs).toBeCloseTo((40 * -20 + (10 * 100) / 3) / 60, 9)
    // them: price score 40 -> 60 (+20 * 35/80), rollout score 66.7 -> 33.3 (-33.3 * 25/80)
    expect(line!.valueThem).toBeCloseTo((35 * 20 - (25 * 100) / 3) / 80, 9)
    // 1 USD of price is worth (40/60) * (100/50000) points to us: the give cost 10,000 USD/year.
    expect(line!.money?.unit).toBe('USD/year')
    expect(line!.money?.giveCostUs).toBeCloseTo(10000, 6)
    expect(line!.reciprocated).toBe(true)
    expect(line!.gift).toBe(false)
    expect(line!.flags).toEqual(['get_worth_less'])
    expect(line!.balance.us).toBeCloseTo(line!.valueUs, 12)
  })

  it('flags gifts, a run of one-way concessions, and a give that gains us', () => {
    const state = replay(space, [
      table,
      event('concession', { give: { price: 115000 }, get: {} }),
      event('concession', { give: { rollout: 45 }, get: {} }),
      event('concession', { give: { support: 'standard' }, get: {} }),
    ])
    const log = concessionLog(space, state.concessions, estimate)
    expect(log.map((line) => line.flags)).toEqual([['gift'], ['gift', 'one_way_run'], ['give_gains_us']])
    expect(log.at(-1)?.balance.us).toBeCloseTo(
      log.reduce((sum, line) => sum + line.valueUs, 0),
      12,
    )
  })
})

describe('contingent terms', () => {
  it("computes each side's expected utility with and without, by hand, and sees the joint value of a bet", () => {
    const state = replay(space, [
      table,
      event('contingency-proposed', {
        contingency: {
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 100000 },
          measurement: { source: 'status page', reporting: 'monthly report' },
          beliefs: { us: 0.1, them: 0.6 },
        },
        exchange: { price: 130000 },
      }),
    ])
    const value = evaluateContingency(space, state.contingencies[0]!, estimate)
    // us: 0.9 * U(130k) + 0.1 * U(100k) against U(120k)
    expect(value.us!.without).toBeCloseTo((2400 + 1000 / 3 + 600) / 60, 9)
    expect(value.us!.with).toBeCloseTo(
      0.9 * ((3200 + 1000 / 3 + 600) / 60) + 0.1 * ((800 + 1000 / 3 + 600) / 60),
      9,
    )
    // them: 0.4 * U(130k) + 0.6 * U(100k) against U(120k)
    expect(value.them!.with).toBeCloseTo(
      0.4 * ((700 + 5000 / 3 + 1400) / 80) + 0.6 * ((2800 + 5000 / 3 + 1400) / 80),
      9,
    )
    expect(value.us!.gain).toBeGreaterThan(0)
    expect(value.them!.gain).toBeGreaterThan(0)
    expect(value.jointValue).toBe(true)
    expect(value.verifiable).toBe(true)
  })

  it('sees no joint value when beliefs agree, and flags an unverifiable metric', () => {
    const state = replay(space, [
      table,
      event('contingency-proposed', {
        contingency: {
          metric: 'adoption',
          op: '>=',
          threshold: 80,
          consequence: { issue: 'price', level: 100000 },
          beliefs: { us: 0.5, them: 0.5 },
        },
        exchange: { price: 130000 },
      }),
    ])
    const value = evaluateContingency(space, state.contingencies[0]!, estimate)
    expect(value.jointValue).toBe(false)
    expect(value.verifiable).toBe(false)
  })
})
