/**
 * Counting attempts in the database, so every instance behind a load balancer shares the count.
 * Used for sign-in (per client address and per email) and the token links.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a proxy we trust. */
export function clientAddress(c: Context<AppEnv>): string {
  const { options } = c.get('services')
  if (options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'unknown'
}

/** Counts one attempt under each key; a 429 response once any key is over its limit. */
export async function limitAttempts(
  c: Context<AppEnv>,
  keys: readonly { key: string; limit: number }[],
  windowMs: number,
  what: string,
): Promise<Response | undefined> {
  const { store, now } = c.get('services')
  const time = now()
  for (const { key, limit } of keys) {
    const hit = await store.hitRateLimit(key, windowMs, time.toISOString())
    if (hit.count > limit) {
      const seconds = Math.max(1, Math.ceil((Date.parse(hit.resetAt) - time.getTime()) / 1000))
      c.header('Retry-After', String(seconds))
      return fail(c, 429, 'too_many_attempts', `too many ${what}; try again in ${seconds} seconds`)
    }
  }
  return undefined
}
