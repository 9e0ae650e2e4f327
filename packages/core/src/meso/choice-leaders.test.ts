import { describe, expect, it } from 'vitest'
import { CHOICE_LEADERS, choiceLeaders } from './choice-leaders'

describe('what a MESO choice points to', () => {
  it('gives the heaviest issues of the weighting, heaviest first, the earlier of equals first', () => {
    expect(choiceLeaders({ price: 0.1, billing: 0.6, term: 0.3 })).toEqual([
      { id: 'billing', share: 0.6 },
      { id: 'term', share: 0.3 },
    ])
    expect(choiceLeaders({ price: 0.4, billing: 0.2, term: 0.4 }).map((leader) => leader.id)).toEqual([
      'price',
      'term',
    ])
    expect(choiceLeaders({ price: 1 })).toEqual([{ id: 'price', share: 1 }])
    expect(choiceLeaders({})).toEqual([])
    expect(CHOICE_LEADERS).toBe(2)
  })
})
