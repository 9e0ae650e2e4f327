/** Sets of bundles compared as a negotiator would: the same offers, whatever their order or labels. */
import type { Terms } from '@parley/core'

/** Whether two sets offer the same bundles, in any order. */
export function sameBundles(a: readonly Terms[], b: readonly Terms[]): boolean {
  const key = (terms: Terms) =>
    JSON.stringify(
      Object.keys(terms)
        .sort()
        .map((id) => [id, terms[id]]),
    )
  const left = a.map(key).sort()
  const right = b.map(key).sort()
  return left.length === right.length && left.every((k, i) => k === right[i])
}
