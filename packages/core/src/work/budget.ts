/**
 * A work budget: how many elementary steps one computation may take, counted in the cost of one
 * frontier merge pair (a few nanoseconds; a MESO search node counts as a dozen). The server runs every computed view under one, so no plan within the documented limits can
 * keep a worker busy for minutes; the command line runs without one (its runs are the user's own).
 *
 * The budget is ambient for the duration of one synchronous call (`withWorkBudget`) instead of a
 * parameter of every function between the view and the loops that spend it (coach → lint → MESO →
 * frontier): core is synchronous, so the budget in force is exactly that of the call on the stack,
 * and it is restored on the way out whatever happens. Spending past the limit throws inside core
 * and comes out of `withWorkBudget` as a value; it never escapes to a caller.
 *
 * A run under a budget either gives exactly what an unlimited run gives or stops: nothing degrades
 * quietly to a coarser answer because the budget ran short.
 */

interface Meter {
  limit: number
  spent: number
}

let current: Meter | undefined

class WorkBudgetExceeded extends Error {
  constructor(readonly meter: Meter) {
    super(`work budget of ${meter.limit} steps exceeded`)
  }
}

export type BudgetedResult<T> =
  | { ok: true; value: T; spent: number }
  | { ok: false; code: 'over_budget'; limit: number; spent: number }

/** Runs `run` with at most `limit` steps of work; nested budgets each count their own steps. */
export function withWorkBudget<T>(limit: number, run: () => T): BudgetedResult<T> {
  const outer = current
  const meter: Meter = { limit, spent: 0 }
  current = meter
  try {
    return { ok: true, value: run(), spent: meter.spent }
  } catch (error) {
    if (error instanceof WorkBudgetExceeded && error.meter === meter)
      return { ok: false, code: 'over_budget', limit, spent: meter.spent }
    throw error
  } finally {
    current = outer
    // What the inner computation spent counts against the outer budget too (from its next step on).
    if (outer) outer.spent += meter.spent
  }
}

/**
 * Records `steps` of work about to be done (before doing it, where the amount is known, so a step
 * that would blow the budget is never started). Without a budget in force it does nothing.
 */
export function spendWork(steps: number): void {
  const meter = current
  if (!meter) return
  meter.spent += steps
  // `!(x <= y)` so that NaN and Infinity (an estimate that overflowed) count as over.
  if (!(meter.spent <= meter.limit)) throw new WorkBudgetExceeded(meter)
}

/** Steps left under the budget in force (Infinity without one). */
export function remainingWork(): number {
  return current ? Math.max(0, current.limit - current.spent) : Number.POSITIVE_INFINITY
}
