import { describe, expect, it } from 'vitest'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { renewalSpace } from '../testing/renewal'
import { concessionLog } from './concessions'
import { contingencyVerdict, evaluateContingency } from './contingency'
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

// The renewal example: our weights price 35, rollout 8, billing 10, support 6, credits 8, term 20,
// uplift 13 (of 100); price 180k..260k, scored 0..100 high for us and low for them (their weight 25
// of 100); term scored 12/24/36 -> 0/70/100 for us and 40/100/60 for them (their weight 7).
// Prices stand for the issue's "34 / 31 / 32": our 240k, their 210k, our move to 220k.
const renewal = renewalSpace()
const ourOffer = {
  price: 240000,
  rollout: 60,
  billing: 'quarterly',
  support: 'premium',
  credits: 10,
  term: 36,
  uplift: 5,
}
const single = (terms: Record<string, string | number>, round = 1) =>
  event('offer-sent', { bundles: [{ label: 'A', terms }] }, round)
const countered = (terms: Record<string, string | number>) => event('offer-rejected', { counter: { terms } })
/** U_us of price moving from one level to another on the renewal: 35 points of weight over 80,000. */
const priceCost = (from: number, to: number) => (35 * (from - to)) / 80000

function renewalLog(events: ReturnType<typeof event>[]) {
  const state = replay(renewal, events)
  expect(state.findings).toEqual([])
  return concessionLog(renewal, state.concessions, renewal.share.them)
}

describe('concessions measured from our last position', () => {
  it('logs meeting them halfway after their counter as a give of what our move costs us, not a gain', () => {
    // Our 240k, their counter 210k (nothing else changed), our move to 220k.
    const [line] = renewalLog([
      single(ourOffer),
      countered({ price: 210000 }),
      event('concession', { give: { price: 220000 }, get: {} }),
    ])
    expect(line!.giveCostUs).toBeCloseTo(priceCost(240000, 220000), 9)
    expect(line!.giveCostUs).toBeCloseTo(8.75, 9)
    expect(line!.getValueUs).toBe(0)
    expect(line!.valueUs).toBeCloseTo(-8.75, 9)
    // Their price score rises from 25 to 50 at 25 of 100 weight: what we moved towards them.
    expect(line!.valueThem).toBeCloseTo(6.25, 9)
    expect(line!.money?.giveCostUs).toBeCloseTo(20000, 6)
    expect(line!.gift).toBe(true)
    expect(line!.flags).toEqual(['gift'])
    expect(line!.balance).toEqual({ us: line!.valueUs, them: line!.valueThem })
  })

  it('measures the get of that trade from their counter', () => {
    // They countered with a lower price and a 24-month term; we meet them on price for 36 months.
    const [line] = renewalLog([
      single(ourOffer),
      countered({ price: 210000, term: 24 }),
      event('concession', { give: { price: 220000 }, get: { term: 36 } }),
    ])
    expect(line!.giveCostUs).toBeCloseTo(8.75, 9)
    // term 24 -> 36: our score 70 -> 100 at 20 of 100; theirs 100 -> 60 at 7 of 100.
    expect(line!.getValueUs).toBeCloseTo(6, 9)
    expect(line!.valueUs).toBeCloseTo(6 - 8.75, 9)
    expect(line!.valueThem).toBeCloseTo(6.25 - 2.8, 9)
    expect(line!.reciprocated).toBe(true)
    expect(line!.flags).toEqual(['get_worth_less'])
  })

  it('measures a give from the last single bundle we offered', () => {
    const [line] = renewalLog([
      single({ ...ourOffer, price: 250000 }),
      single(ourOffer, 2),
      countered({ price: 210000 }),
      event('concession', { give: { price: 220000 }, get: {} }, 2),
    ])
    expect(line!.giveCostUs).toBeCloseTo(priceCost(240000, 220000), 9)
  })

  it('measures a give from the bundle they chose from our latest set, even after their counter', () => {
    const set = event('offer-sent', {
      bundles: [
        { label: 'A', terms: { ...ourOffer, price: 250000, term: 24 } },
        { label: 'B', terms: ourOffer },
      ],
    })
    const counter = countered({ ...ourOffer, price: 210000 })
    const give = event('concession', { give: { price: 220000 }, get: {} })
    const [chosen] = renewalLog([set, event('bundle-chosen', { label: 'B' }), counter, give])
    expect(chosen!.giveCostUs).toBeCloseTo(priceCost(240000, 220000), 9)
    const [ranked] = renewalLog([set, event('bundles-ranked', { order: ['A', 'B'] }), counter, give])
    expect(ranked!.giveCostUs).toBeCloseTo(priceCost(250000, 220000), 9)
  })

  it('measures a give from the bundle of our set they moved least from, when they countered it without choosing', () => {
    // A earlier single offer at 260k; then a set; they counter the set on price alone, from B.
    const set = event(
      'offer-sent',
      {
        bundles: [
          { label: 'A', terms: { ...ourOffer, price: 250000, term: 24 } },
          { label: 'B', terms: ourOffer },
        ],
      },
      2,
    )
    const state = replay(renewal, [
      single({ ...ourOffer, price: 260000 }),
      set,
      countered({ ...ourOffer, price: 210000 }),
      event('concession', { give: { price: 220000 }, get: {} }, 2),
    ])
    expect(state.findings).toEqual([])
    const [line] = concessionLog(renewal, state.concessions, renewal.share.them)
    // From B's 240k: not from the older single offer (260k), nor from the table (their 210k).
    expect(line!.giveCostUs).toBeCloseTo(priceCost(240000, 220000), 9)
    expect(line!.flags).toEqual(['gift'])
  })

  it('measures a give from our last concession on that issue', () => {
    const log = renewalLog([
      single(ourOffer),
      countered({ price: 200000 }),
      event('concession', { give: { price: 220000 }, get: {} }),
      event('concession', { give: { price: 210000 }, get: { uplift: 7 } }),
    ])
    expect(log[0]!.giveCostUs).toBeCloseTo(priceCost(240000, 220000), 9)
    // From 220k, our last concession: not from the offer (240k) nor from the table (their 200k).
    expect(log[1]!.giveCostUs).toBeCloseTo(priceCost(220000, 210000), 9)
    expect(log[1]!.flags).not.toContain('give_gains_us')
    expect(log.at(-1)!.balance.us).toBeCloseTo(log[0]!.valueUs + log[1]!.valueUs, 12)
  })

  it('measures a get from their counter, not from a later offer of ours on the table', () => {
    const log = renewalLog([
      single(ourOffer),
      countered({ price: 210000, term: 12 }),
      single({ ...ourOffer, price: 230000, term: 24 }, 2),
      event('concession', { give: { price: 220000 }, get: { term: 24 } }, 2),
    ])
    expect(log[0]!.giveCostUs).toBeCloseTo(priceCost(230000, 220000), 9)
    // term 12 -> 24 where they last stood: 20 of 100 times 70; the table already said 24.
    expect(log[0]!.getValueUs).toBeCloseTo(14, 9)
  })

  it('measures a give from where an accepted contingency exchange left the issue', () => {
    const [line] = renewalLog([
      single(ourOffer),
      event('contingency-proposed', {
        contingency: {
          id: 'uptime',
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'credits', level: 15 },
        },
        exchange: { price: 250000 },
      }),
      event('contingency-accepted', { target: 'uptime' }),
      event('concession', { give: { price: 240000 }, get: {} }),
    ])
    expect(line!.giveCostUs).toBeCloseTo(priceCost(250000, 240000), 9)
    expect(line!.flags).toEqual(['gift'])
  })

  it('leaves the table where the concession moves it', () => {
    const state = replay(renewal, [
      single(ourOffer),
      countered({ price: 210000, term: 24 }),
      event('concession', { give: { price: 220000 }, get: {} }),
    ])
    expect(state.table?.terms).toMatchObject({ price: 220000, term: 24 })
    expect(state.ourPosition).toMatchObject({ price: 220000, term: 36 })
    expect(state.theirPosition).toMatchObject({ price: 210000, term: 24 })
  })
})

describe('contingent terms', () => {
  /** If monthly uptime falls under 99.9, the price moves to 100,000; the table's price goes to 130,000 for it. */
  const uptimeBet = (
    beliefs: { us: number; them: number } | undefined,
    measurement?: { source: string; reporting: string },
  ) => {
    const state = replay(space, [
      table,
      event('contingency-proposed', {
        contingency: {
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 100000 },
          ...(measurement ? { measurement } : {}),
          ...(beliefs ? { beliefs } : {}),
        },
        exchange: { price: 130000 },
      }),
    ])
    return evaluateContingency(space, state.contingencies[0]!, estimate)
  }

  it("computes each side's expected utility with and without, by hand, and sees the joint value of a bet", () => {
    const value = uptimeBet({ us: 0.1, them: 0.6 }, { source: 'status page', reporting: 'monthly report' })
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
    // In words as the other side reads it too: the issue's name and the level with its unit, never an id.
    expect(value.text).toBe('if monthly uptime is below 99.9, then annual price moves to 100,000 USD/year')
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

  it('says who expects to lose by a bet without joint value, and by how much', () => {
    const bet = (beliefs: { us: number; them: number } | undefined) => uptimeBet(beliefs)
    expect(contingencyVerdict(bet({ us: 0.1, them: 0.6 }))).toBe(
      'joint value: both sides expect to gain, a bet both prefer because beliefs differ',
    )
    // They think the consequence unlikely: the exchange costs them more than its chance brings.
    const theyLose = bet({ us: 0.1, them: 0.05 })
    expect(theyLose.us!.gain).toBeGreaterThan(0)
    expect(theyLose.them!.gain).toBeLessThan(0)
    expect(contingencyVerdict(theyLose)).toBe(
      `no joint value: by our estimate of their belief they expect to lose ${(-theyLose.them!.gain).toFixed(1)} points by it, so as it stands they are unlikely to accept`,
    )
    // We think the consequence likely: it costs us more than the exchange brings.
    const weLose = bet({ us: 0.9, them: 0.6 })
    expect(weLose.us!.gain).toBeLessThan(0)
    expect(weLose.them!.gain).toBeGreaterThan(0)
    expect(contingencyVerdict(weLose)).toBe(
      `no joint value: we expect to lose ${(-weLose.us!.gain).toFixed(1)} points by it`,
    )
    expect(contingencyVerdict(bet(undefined))).toBeUndefined()
    // Accepted all the same: it no longer says they are unlikely to.
    expect(contingencyVerdict({ ...theyLose, accepted: true })).toBe(
      `no joint value: by our estimate of their belief they expect to lose ${(-theyLose.them!.gain).toFixed(1)} points by it, yet they accepted it (their belief may be nearer ours than we estimated)`,
    )
  })
})
