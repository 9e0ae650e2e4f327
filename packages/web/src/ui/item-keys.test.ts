import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ItemKeys, keysForCount, keysWithout } from './item-keys'

describe('keys for items without ids', () => {
  it('gives new items fresh keys and keeps the others', () => {
    const three = keysForCount({ keys: [], next: 0 }, 3)
    expect(three).toEqual({ keys: [0, 1, 2], next: 3 })
    expect(keysForCount(three, 3)).toBe(three)
    expect(keysForCount(three, 4)).toEqual({ keys: [0, 1, 2, 3], next: 4 })
  })

  it('lets a removed item take its key with it, so the items after it keep theirs', () => {
    const three = keysForCount({ keys: [], next: 0 }, 3)
    const removed = keysWithout(three, 1)
    expect(removed.keys).toEqual([0, 2])
    // The list has shrunk by then: nothing more changes.
    expect(keysForCount(removed, 2)).toBe(removed)
    // A key is never given twice, even after a removal.
    expect(keysForCount(removed, 3).keys).toEqual([0, 2, 3])
  })

  it('keeps keys unique through any sequence of adds and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant<'add'>('add'), fc.nat({ max: 9 })), { maxLength: 40 }),
        (steps) => {
          let state: ItemKeys = { keys: [], next: 0 }
          let count = 0
          for (const step of steps) {
            if (step === 'add') count++
            else if (count > 0) {
              state = keysWithout(state, step % count)
              count--
            }
            state = keysForCount(state, count)
            expect(state.keys).toHaveLength(count)
            expect(new Set(state.keys).size).toBe(count)
          }
        },
      ),
    )
  })
})
