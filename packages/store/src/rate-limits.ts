/**
 * Fixed-window rate limits counted in the database, so every server instance shares one count.
 * A hit is one atomic upsert: the first hit of a window (a new key, or a stored count from an
 * older window) starts at 1, any other adds 1; no read-then-write for two instances to race.
 */
import { sql } from 'kysely'
import type { Store } from './store'
import type { StoreContext } from './transactions'

export function windowStart(now: string, windowMs: number): Date {
  const time = new Date(now).getTime()
  return new Date(Math.floor(time / windowMs) * windowMs)
}

export function rateLimits(ctx: StoreContext): Pick<Store, 'hitRateLimit' | 'clearRateLimit'> {
  return {
    async hitRateLimit(key, windowMs, now) {
      if (!(Number.isInteger(windowMs) && windowMs > 0)) {
        throw new Error(`Rate-limit window must be a positive whole number of milliseconds, got ${windowMs}`)
      }
      const start = windowStart(now, windowMs)
      const row = await ctx.db
        .insertInto('rate_limits')
        .values({ key, window_start: start.toISOString(), count: 1 })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
            window_start: sql<string>`excluded.window_start`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow()
      return {
        count: Number(row.count),
        resetAt: new Date(new Date(row.window_start).getTime() + windowMs).toISOString(),
      }
    },

    async clearRateLimit(key) {
      await ctx.db.deleteFrom('rate_limits').where('key', '=', key).execute()
    },
  }
}
