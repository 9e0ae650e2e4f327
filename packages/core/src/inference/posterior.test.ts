import { describe, expect, it } from 'vitest'
import { replay } from '../journal/replay'
import type { Plan } from '../model/plan'
import { offerFromLevels } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { LOGIT_SCALE, REORDER_SHAPE, REORDER_SHARE } from './beliefs'
import type { Observation } from './observation'
import { inferPriorities, logGamma } from './posterior'

// Two issues, so the posterior of their weight share on `speed` is one-dimensional and can be
// computed by quadrature: at medium confidence each weight is 0.5 times a Gamma factor of shape 5,
// so the share g1 / (g1 + g2) is Beta(5, 5); in the second reading (REORDER_SHARE of the prior) the
// two equal estimated shares in either order, with shape REORDER_SHAPE: Beta(200, 200). Logit scale
// LOGIT_SCALE.
const plan: Plan = {
  parley: 1,
  title: 'Two issues',
  context: 'custom',
  parties: { us: { name: 'Us' }, them: { name: 'Them' } },
  issues: [
    {
      id: 'speed',
      name: 'Speed',
      unit: 'days',
      options: [0, 1],
      us: { weight: 1, prefer: 'high' },
      them: { weight: 1, prefer: 'high' },
    },
    {
      id: 'price',
      name: 'Price',
      unit: 'USD',
      options: [0, 1],
      us: { weight: 1, prefer: 'low' },
      them: { weight: 1, prefer: 'high' },
    },
  ],
}
const space = compileSpace(plan)
const fast = offerFromLevels(space, [1, 0]) // best for them on speed only
const cheap = offerFromLevels(space, [0, 1]) // best for them on price only

/** ln of the Beta(a, a) density at w. */
const logBeta = (a: number, w: number) =>
  (a - 1) * (Math.log(w) + Math.log(1 - w)) - (2 * logGamma(a) - logGamma(2 * a))

function quadratureMean(likelihood: (w: number) => number): number {
  const second = REORDER_SHARE.medium
  let num = 0
  let den = 0
  for (let k = 1; k < 20000; k++) {
    const w = k / 20000
    const prior = (1 - second) * Math.exp(logBeta(5, w)) + second * Math.exp(logBeta(REORDER_SHAPE, w))
    const density = prior * likelihood(w)
    num += w * density
    den += density
  }
  return num / den
}

describe('learning their priorities', () => {
  it('leaves the prior alone without moves', () => {
    const posterior = inferPriorities(space, [])
    // The plan's estimate exactly (not the prior's sample mean): no move, no change of estimate.
    for (const issue of space.issues) {
      const entry = posterior.issues[issue.id]
      expect(entry?.mean).toBe(space.share.them[issue.index])
      expect(entry?.low).toBeLessThanOrEqual(entry?.mean ?? 0)
      expect(entry?.high).toBeGreaterThanOrEqual(entry?.mean ?? 0)
    }
    expect(posterior.shift).toBe(0)
    expect(posterior.lastBits).toBe(0)
  })

  it('matches the exact posterior of a choice, computed by quadrature', () => {
    const observations: Observation[] = [{ kind: 'choice', eventId: 'x', offered: [fast, cheap], chosen: 0 }]
    const posterior = inferPriorities(space, observations, { samples: 20000 })
    // U(fast) = 100 w, U(cheap) = 100 (1 - w): P(fast) = 1 / (1 + exp((100 (1 - w) - 100 w) / scale))
    const exact = quadratureMean((w) => 1 / (1 + Math.exp((100 * (1 - 2 * w)) / LOGIT_SCALE)))
    expect(posterior.issues.speed!.mean).toBeCloseTo(exact, 2)
    expect(posterior.issues.speed!.mean).toBeGreaterThan(0.55)
    expect(posterior.lastBits).toBeGreaterThan(0.1)
  })

  it('moves the right way on a ranking, a counter and a stated priority', () => {
    const ranked = inferPriorities(space, [
      { kind: 'ranking', eventId: 'r', offered: [fast, cheap], order: [1, 0] },
    ])
    expect(ranked.issues.price!.mean).toBeGreaterThan(0.55)
    const countered = inferPriorities(space, [
      { kind: 'counter', eventId: 'c', offered: [cheap], counter: fast },
    ])
    expect(countered.issues.speed!.mean).toBeGreaterThan(0.55)
    const stated = inferPriorities(space, [{ kind: 'stated', eventId: 's', ranking: [1, 0], relative: [] }])
    // Stated: log sigmoid(3 (ln w_price - ln w_speed)).
    const exact = quadratureMean((w) => 1 / (1 + Math.exp(-3 * (Math.log(1 - w) - Math.log(w)))))
    expect(stated.issues.speed!.mean).toBeCloseTo(exact, 2)
    expect(stated.issues.price!.mean).toBeGreaterThan(0.55)
  })

  it('gives intervals around the mean and is reproducible with its seed', () => {
    const observations: Observation[] = [{ kind: 'choice', eventId: 'x', offered: [fast, cheap], chosen: 1 }]
    const a = inferPriorities(space, observations)
    const b = inferPriorities(space, observations)
    expect(a.issues).toEqual(b.issues)
    const speed = a.issues.speed!
    expect(speed.low).toBeLessThan(speed.mean)
    expect(speed.high).toBeGreaterThan(speed.mean)
    expect(a.issues.speed!.mean + a.issues.price!.mean).toBeCloseTo(1, 9)
  })

  it('learns the direction of an uncertain issue', () => {
    const uncertain: Plan = {
      ...plan,
      issues: [plan.issues[0]!, { ...plan.issues[1]!, them: { weight: 1, prefer: 'high', uncertain: true } }],
    }
    const s = compileSpace(uncertain)
    const cheapHigh = offerFromLevels(s, [0, 1])
    const cheapLow = offerFromLevels(s, [0, 0])
    // They prefer the low level of price although we estimated high: they lean the other way.
    const posterior = inferPriorities(s, [
      { kind: 'choice', eventId: 'a', offered: [cheapHigh, cheapLow], chosen: 1 },
      { kind: 'choice', eventId: 'b', offered: [cheapHigh, cheapLow], chosen: 1 },
    ])
    expect(posterior.issues.price!.reversed).toBeGreaterThan(0.8)
  })

  it('recomputes without a retracted move', () => {
    const sent = event('offer-sent', {
      bundles: [
        { label: 'A', terms: { speed: 1, price: 0 } },
        { label: 'B', terms: { speed: 0, price: 1 } },
      ],
    })
    const chose = event('bundle-chosen', { label: 'A' })
    const retracted = replay(space, [sent, chose, event('retract', { target: chose.id, reason: 'misheard' })])
    expect(inferPriorities(space, retracted.observations).issues).toEqual(inferPriorities(space, []).issues)
  })

  it('computes log-gamma', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12)
  })
})
