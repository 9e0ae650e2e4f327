/**
 * Orderings a person builds with the keyboard: bundles ranked by moving one up or down, and a
 * priority list filled slot by slot from select boxes (an issue appears once; clearing a slot
 * closes the gap).
 */

/** The list with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list]
  if (index < 0 || index >= list.length) return next
  const target = Math.min(list.length - 1, Math.max(0, index + delta))
  const [item] = next.splice(index, 1)
  if (item !== undefined) next.splice(target, 0, item)
  return next
}

/**
 * The ranking with slot `slot` set to `id` (an empty id clears the slot). An id already placed
 * elsewhere swaps places with what the slot held; a slot past the end appends.
 */
export function setSlot(ranking: readonly string[], slot: number, id: string): string[] {
  if (id === '') return ranking.filter((_, k) => k !== slot)
  const next = [...ranking]
  const elsewhere = next.indexOf(id)
  const previous = next[slot]
  if (slot >= next.length) {
    if (elsewhere >= 0) next.splice(elsewhere, 1)
    next.push(id)
    return next
  }
  next[slot] = id
  if (elsewhere >= 0 && elsewhere !== slot) {
    if (previous === undefined) next.splice(elsewhere, 1)
    else next[elsewhere] = previous
  }
  return next
}
