import { describe, expect, it } from 'vitest'
import { isWithin, placeProblems, problemText } from './problems'

describe('placing refusals beside fields', () => {
  it('matches a path to itself and to the fields above it, not to look-alikes', () => {
    expect(isWithin('counter.terms.price', 'counter.terms')).toBe(true)
    expect(isWithin('bundles[0].terms', 'bundles')).toBe(true)
    expect(isWithin('counterparty', 'counter')).toBe(false)
    expect(isWithin('', '')).toBe(true)
    expect(isWithin('label', '')).toBe(false)
  })
  it('puts each problem under the nearest field and keeps the rest', () => {
    const placed = placeProblems(
      [
        { path: 'counter.terms.price', message: 'is below the range' },
        { path: 'counter.terms', message: 'misses rollout' },
        { path: 'reason', message: 'is too long' },
        { path: '', message: 'no offer has been sent yet' },
        { path: 'elsewhere', message: 'odd' },
      ],
      ['counter.terms', 'counter.terms.price', 'reason'],
    )
    expect(placed.at).toEqual({
      'counter.terms.price': [{ message: 'is below the range' }],
      'counter.terms': [{ message: 'misses rollout' }],
      reason: [{ message: 'is too long' }],
    })
    expect(placed.rest.map((problem) => problem.message)).toEqual(['no offer has been sent yet', 'odd'])
  })
  it('says where a deeper problem is when it shows under a field above it', () => {
    const placed = placeProblems([{ path: 'give.price', message: 'is not a level' }], ['give'])
    expect(placed.at.give).toEqual([{ message: 'give.price: is not a level' }])
  })
  it('writes a problem with its place', () => {
    expect(problemText({ path: 'label', message: 'unknown' })).toBe('label: unknown')
    expect(problemText({ path: '', message: 'unknown' })).toBe('unknown')
  })
})
