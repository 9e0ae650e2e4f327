/**
 * Keyboard users reorder a list by pressing "Move … up" again and again: after each move the focus
 * must stay on the moved item's button, although the row was re-rendered elsewhere (and the button
 * may now be disabled, at the top or the bottom, when its twin takes the focus).
 */
import { type RefObject, useEffect, useRef } from 'react'

/** The value of a move button's `data-move`: the item moved and which way. */
export function moveKey(item: string, delta: -1 | 1): string {
  return `${item}\u0000${delta < 0 ? 'up' : 'down'}`
}

/** Call `moved(item, delta)` before changing the order; the focus follows after the next render. */
export function useFocusAfterMove(container: RefObject<HTMLElement | null>) {
  const pending = useRef<{ item: string; delta: -1 | 1 }>(undefined)
  useEffect(() => {
    const wanted = pending.current
    const root = container.current
    if (!wanted || !root) return
    pending.current = undefined
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-move]')]
    const find = (delta: -1 | 1) => buttons.find((b) => b.dataset.move === moveKey(wanted.item, delta))
    const same = find(wanted.delta)
    const target = same && !same.disabled ? same : find(wanted.delta === -1 ? 1 : -1)
    target?.focus()
  })
  return (item: string, delta: -1 | 1) => {
    pending.current = { item, delta }
  }
}
