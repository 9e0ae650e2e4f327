/**
 * Keys for the items of a plan list that has no ids (stakeholders, evidence, conditions, limits).
 * Keyed by place, removing an item would hand its fields' local state (a number still being typed)
 * to the item that moves up into its place; here a removed item takes its key with it, so every
 * other item keeps its own fields.
 */
import { useRef } from 'react'

export interface ItemKeys {
  keys: number[]
  next: number
}

/** The keys for a list of `count` items: new items at the end get fresh keys, dropped ones lose theirs. */
export function keysForCount(current: ItemKeys, count: number): ItemKeys {
  if (current.keys.length === count) return current
  if (current.keys.length > count) return { keys: current.keys.slice(0, count), next: current.next }
  const keys = [...current.keys]
  let next = current.next
  while (keys.length < count) keys.push(next++)
  return { keys, next }
}

/** The keys once the item at `index` is removed: the ones after it keep theirs. */
export function keysWithout(current: ItemKeys, index: number): ItemKeys {
  if (index < 0 || index >= current.keys.length) return current
  return { keys: current.keys.filter((_, k) => k !== index), next: current.next }
}

/** Keys for a list of `count` items; call `removing(index)` just before removing one. */
export function useItemKeys(count: number): { keyOf(index: number): number; removing(index: number): void } {
  const state = useRef<ItemKeys>({ keys: [], next: 0 })
  state.current = keysForCount(state.current, count)
  return {
    keyOf: (index) => state.current.keys[index] ?? -1 - index,
    removing: (index) => {
      state.current = keysWithout(state.current, index)
    },
  }
}
