import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { moveItem, setSlot } from './ordering'

describe('moving an item with the keyboard', () => {
  it('moves up and down, and stops at the ends', () => {
    expect(moveItem(['A', 'B', 'C'], 2, -1)).toEqual(['A', 'C', 'B'])
    expect(moveItem(['A', 'B', 'C'], 0, 1)).toEqual(['B', 'A', 'C'])
    expect(moveItem(['A', 'B', 'C'], 0, -1)).toEqual(['A', 'B', 'C'])
    expect(moveItem(['A', 'B', 'C'], 2, 1)).toEqual(['A', 'B', 'C'])
  })
  it('always gives back the same items', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 8 }),
        fc.integer(),
        fc.integer({ min: -3, max: 3 }),
        (list, index, delta) => {
          expect([...moveItem(list, index, delta)].sort()).toEqual([...list].sort())
        },
      ),
    )
  })
})

describe('filling a priority list slot by slot', () => {
  it('appends, replaces, swaps and clears', () => {
    expect(setSlot([], 0, 'price')).toEqual(['price'])
    expect(setSlot(['price'], 1, 'rollout')).toEqual(['price', 'rollout'])
    expect(setSlot(['price', 'rollout'], 0, 'support')).toEqual(['support', 'rollout'])
    expect(setSlot(['price', 'rollout', 'support'], 0, 'support')).toEqual(['support', 'rollout', 'price'])
    expect(setSlot(['price', 'rollout'], 2, 'price')).toEqual(['rollout', 'price'])
    expect(setSlot(['price', 'rollout', 'support'], 1, '')).toEqual(['price', 'support'])
  })
  it('never lists an issue twice', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', '')
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 4 }), ids), { maxLength: 12 }), (steps) => {
        let ranking: string[] = []
        for (const [slot, id] of steps) ranking = setSlot(ranking, slot, id)
        expect(new Set(ranking).size).toBe(ranking.length)
        expect(ranking).not.toContain('')
      }),
    )
  })
})
