import type { Plan } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { getIn, setIn } from './plan-paths'
import { salesPlan } from './test-plans'

describe('editing the plan by path', () => {
  it('sets a nested value and copies only the objects on the path', () => {
    const plan = salesPlan()
    const next = setIn(plan, ['batna', 'us', 'utility'], 41)
    expect(next.batna?.us?.utility).toBe(41)
    expect(plan.batna?.us?.utility).toBe(35)
    expect(next.issues).toBe(plan.issues)
    expect(next.batna?.them).toBe(plan.batna?.them)
    expect(next.batna?.us?.description).toBe(plan.batna?.us?.description)
  })

  it('creates missing objects and arrays on the way', () => {
    const plan = { ...salesPlan(), batna: undefined, evidence: undefined }
    const next = setIn(plan, ['batna', 'them', 'utility'], 30)
    expect(next.batna).toEqual({ them: { utility: 30 } })
    expect(getIn(setIn(plan, ['evidence', 0, 'claim'], 'x'), ['evidence', 0])).toEqual({ claim: 'x' })
  })

  it('removes a field set to undefined, and an optional object left empty', () => {
    const plan = setIn(salesPlan(), ['batna', 'us'], { utility: 35 })
    const next = setIn(plan, ['batna', 'us', 'utility'], undefined)
    expect(next.batna?.us).toBeUndefined()
    expect(next.batna?.them?.utility).toBe(38)
    const only = setIn(setIn(plan, ['batna', 'them'], undefined), ['batna', 'us'], undefined)
    expect('batna' in only).toBe(false)
  })

  it('keeps an object that still has other fields after a removal', () => {
    const next = setIn(salesPlan(), ['batna', 'us', 'utility'], undefined)
    expect(next.batna?.us?.description).toContain('300-seat')
    expect(next.batna?.us && 'utility' in next.batna.us).toBe(false)
  })

  it('removes an array item set to undefined', () => {
    const plan = salesPlan()
    const next = setIn(plan, ['limits', 1], undefined)
    expect(next.limits?.map((limit) => limit.issue)).toEqual(['price', 'credits'])
    expect(plan.limits).toHaveLength(3)
  })

  it('keeps fields it does not know', () => {
    const plan = { ...salesPlan(), futureField: { a: 1 } } as Plan & { futureField: unknown }
    const next = setIn(plan, ['title'], 'New title') as Plan & { futureField: unknown }
    expect(next.futureField).toEqual({ a: 1 })
  })

  it('reads values by path', () => {
    expect(getIn(salesPlan(), ['issues', 1, 'id'])).toBe('rollout')
    expect(getIn(salesPlan(), ['issues', 99, 'id'])).toBeUndefined()
    expect(getIn(salesPlan(), ['title', 'x'])).toBeUndefined()
  })
})
