/**
 * A bounded memory of computed results (compiled plans, frontiers, MESO sets), keyed by what they
 * depend on: the negotiation's id and version and the journal's length. Nothing in it is state:
 * another instance computes the same answer, this one just does not compute it twice.
 */
export interface Memo {
  get<T>(key: string, compute: () => T): T
  readonly size: number
}

export function createMemo(limit: number): Memo {
  const entries = new Map<string, unknown>()
  return {
    get<T>(key: string, compute: () => T): T {
      if (entries.has(key)) {
        const value = entries.get(key) as T
        // Most recently used last, so the oldest is dropped first.
        entries.delete(key)
        entries.set(key, value)
        return value
      }
      const value = compute()
      if (limit > 0) {
        if (entries.size >= limit) entries.delete(entries.keys().next().value as string)
        entries.set(key, value)
      }
      return value
    },
    get size() {
      return entries.size
    },
  }
}
