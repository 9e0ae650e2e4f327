import { describe, expect, it } from 'vitest'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { floorFieldsChanged, floorIsSealed } from './floor'
import { replay } from './replay'

const plan = acmePlan()
const space = compileSpace(plan)
const sent = event('offer-sent', {
  bundles: [{ label: 'A', terms: { price: 120000, rollout: 60, support: 'enterprise' } }],
})

describe('our floor', () => {
  it('names the reservation and the limits when they change, and nothing else', () => {
    expect(floorFieldsChanged(plan, { ...plan, title: 'renamed', aspiration: 90 })).toEqual([])
    expect(floorFieldsChanged(plan, { ...plan, reservation: (plan.reservation ?? 0) - 5 })).toEqual([
      'reservation',
    ])
    const { reservation: _, ...without } = plan
    expect(floorFieldsChanged(plan, without)).toEqual(['reservation'])
    const lower = [{ issue: 'price', op: '>=' as const, value: 90000 }]
    expect(floorFieldsChanged(plan, { ...plan, limits: lower, reservation: 10 })).toEqual([
      'reservation',
      'limits',
    ])
  })

  it('is sealed once an offer of ours has gone out, and not by one that was retracted', () => {
    expect(floorIsSealed(replay(space, []))).toBe(false)
    expect(floorIsSealed(replay(space, [event('interest-stated', { text: 'rollout first' })]))).toBe(false)
    expect(floorIsSealed(replay(space, [sent]))).toBe(true)
    expect(
      floorIsSealed(replay(space, [sent, event('retract', { target: sent.id, reason: 'sent by mistake' })])),
    ).toBe(false)
  })
})
