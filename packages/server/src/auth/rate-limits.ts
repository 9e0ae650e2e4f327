/**
 * Counting attempts in the database, so every instance behind a load balancer shares the count.
 *
 * The routes anyone may call without signing in (sign-in, setup, using an invitation or a reset
 * link, and answering in the deal room) are counted per client address by a middleware that runs
 * before the body is read, so a flood of large bodies costs the server a counter update each, not a
 * parse. Sign-in is counted a
 * second time, in its handler, per email and address together: a stranger guessing someone's
 * password from their own address uses up only their own attempts, and can not lock the real person
 * out (there is no count per email alone, which would let anyone do exactly that).
 */
import type { Context, MiddlewareHandler } from 'hono'
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
      return fail(c, 'too_many_attempts', `too many ${what}; try again in ${seconds} seconds`)
    }
  }
  return undefined
}

/** The key a sign-in attempt is counted under in its handler, once the email is known. */
export function loginKey(c: Context<AppEnv>, email: string): string {
  return `login:${email.trim().toLowerCase()} ${clientAddress(c)}`
}

/** The per-address counters of the anonymous routes that take a body, by the route they guard. */
const ANONYMOUS_POSTS: readonly {
  path: RegExp
  counter: (c: Context<AppEnv>) => { key: string; limit: number; windowMs: number; what: string }
}[] = [
  {
    path: /^\/api\/auth\/login$/,
    counter: (c) => {
      const { loginLimit } = c.get('services').options
      return {
        key: `login-address:${clientAddress(c)}`,
        limit: loginLimit.perAddress,
        windowMs: loginLimit.windowMs,
        what: 'sign-in attempts',
      }
    },
  },
  {
    path: /^\/api\/(setup|invitations\/[^/]+\/accept|password-resets\/[^/]+)$/,
    counter: (c) => linkCounter(c),
  },
  {
    path: /^\/api\/deal-room\/[^/]+\/answers$/,
    counter: (c) => dealRoomCounter(c),
  },
]

/** Uses of the deal room, any link, counted per address: the other side's, or someone guessing links. */
export function dealRoomCounter(c: Context<AppEnv>) {
  const { dealRoomLimit } = c.get('services').options
  return {
    key: `deal-room:${clientAddress(c)}`,
    limit: dealRoomLimit.perAddress,
    windowMs: dealRoomLimit.windowMs,
    what: 'uses of deal-room links',
  }
}

/** Uses of setup, invitation and reset links share one count per address. */
export function linkCounter(c: Context<AppEnv>) {
  const { linkLimit } = c.get('services').options
  return {
    key: `links:${clientAddress(c)}`,
    limit: linkLimit.perAddress,
    windowMs: linkLimit.windowMs,
    what: 'attempts with links',
  }
}

/** Counts the anonymous POST routes per address; goes before the body is read (see app.ts). */
export function limitAnonymousPosts(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const route = ANONYMOUS_POSTS.find(({ path }) => path.test(c.req.path))
    if (!route) return next()
    const { key, limit, windowMs, what } = route.counter(c)
    const limited = await limitAttempts(c, [{ key, limit }], windowMs, what)
    return limited ?? next()
  }
}
