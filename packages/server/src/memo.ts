/**
 * A bounded memory of computed results (compiled plans, frontiers, MESO sets), keyed by what they
 * depend on: the negotiation's id and version and the journal's length. Nothing in it is state:
 * another instance computes the same answer, this one just does not compute it twice.
 */
export interface Memo {
  get<T>(key: string, compute: () => T): T
  /** What is kept under the key, if anything (for results computed asynchronously). */
  peek<T>(key: string): T | undefined
  set(key: string, value: unknown): void
  readonly size: number
}

export function createMemo(limit: number): Memo {
  const entries = new Map<string, unknown>()
  const set = (key: string, value: unknown) => {
    if (limit <= 0) return
    entries.delete(key)
    if (entries.size >= limit) entries.delete(entries.keys().next().value as string)
    entries.set(key, value)
  }
  const peek = <T>(key: string): T | undefined => {
    if (!entries.has(key)) return undefined
    const value = entries.get(key) as T
    // Most recently used last, so the oldest is dropped first.
    entries.delete(key)
    entries.set(key, value)
    return value
  }
  return {
    get<T>(key: string, compute: () => T): T {
      if (entries.has(key)) return peek<T>(key) as T
      const value = compute()
      set(key, value)
      return value
    },
    peek,
    set,
    get size() {
      return entries.size
    },
  }
}
