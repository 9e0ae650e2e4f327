/**
 * Who is asking: a bearer API token (scripts) or a session cookie (browsers). A request that
 * presents a token which does not work (revoked, expired, never issued) is refused outright rather
 * than treated as anonymous, so a script fails loudly and says why. Browser requests that change
 * something must come from our own origin (the CSRF defence); token requests need no browser headers.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { Api } from '../http/api'
import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import { isSecretOf, secretHash } from './secrets'
import {
  clearSessionCookie,
  readSessionCookie,
  sessionEnded,
  sessionExpiry,
  setSessionCookie,
} from './sessions'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** A session's expiry moves forward at most once an hour, so reads do not each write. */
const TOUCH_AFTER_MS = 60 * 60_000

export function identify(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { store, options, now } = c.get('services')
    c.set('identity', undefined)
    const authorization = c.req.header('authorization')
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
      if (!match?.[1] || !isSecretOf('apiToken', match[1]))
        return fail(c, 'bad_token', 'the Authorization header must be `Bearer pat_...` with an API token')
      const time = now().toISOString()
      const token = await store.useApiToken(secretHash(match[1]), time)
      if (!token) return fail(c, 'bad_token', 'this API token is not valid (revoked, or never issued)')
      if (token.expiresAt !== null && token.expiresAt <= time)
        return fail(
          c,
          'bad_token',
          `this API token expired at ${token.expiresAt}; make a new one (POST /api/me/tokens, or on your account page)`,
        )
      c.set('identity', { user: token.user, via: 'token' })
      return next()
    }
    const cookie = readSessionCookie(c, options)
    if (cookie !== undefined) {
      const hash = isSecretOf('session', cookie) ? secretHash(cookie) : undefined
      const session = hash ? await store.getSession(hash) : null
      const time = now()
      // Ended by either lifetime: unused for `sessionDays`, or begun `sessionMaxDays` ago.
      if (!hash || !session || sessionEnded(session, time, options)) {
        clearSessionCookie(c, options)
        // An unsafe request on a dead session is refused below as unauthenticated; a read goes on anonymously.
      } else {
        const { user } = session
        if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c))
          return fail(
            c,
            'cross_site',
            'this request changes data with a session cookie but does not come from this site (Origin check); scripts should use an API token',
          )
        c.set('identity', { user, via: 'session', sessionHash: hash })
        if (time.getTime() - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) {
          const expiresAt = sessionExpiry(new Date(session.createdAt), time, options)
          await store.touchSession(hash, time.toISOString(), expiresAt.toISOString())
          setSessionCookie(c, cookie, options, expiresAt, time)
        }
      }
    }
    return next()
  }
}

/** The origin this server is reached at: the configured public address, or the request's own. */
export function expectedOrigin(c: Context<AppEnv>): string {
  const { options } = c.get('services')
  if (options.publicUrl) return new URL(options.publicUrl).origin
  const url = new URL(c.req.url)
  if (options.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`
  }
  return url.origin
}

/**
 * Browsers send Origin with every request that changes data; Sec-Fetch-Site where Origin is
 * missing. Neither present: not a browser the cookie could have been sent by, refuse anyway.
 */
export function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')
  if (origin !== undefined) return origin === expectedOrigin(c)
  return c.req.header('sec-fetch-site') === 'same-origin'
}

/** Sign-in and the token flows have no session yet; a foreign Origin is still refused (login CSRF). */
export function notCrossSite(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')
  if (origin !== undefined) return origin === expectedOrigin(c)
  const site = c.req.header('sec-fetch-site')
  return site === undefined || site === 'same-origin' || site === 'none'
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('identity'))
    return fail(c, 'unauthenticated', 'sign in first (POST /api/auth/login), or send an API token')
  return next()
}

/** Refuses whoever is not signed in, at `path` and at every path below it. */
export function requireUserAt(api: Api, path: string): void {
  api.use(path, requireUser)
  api.use(`${path}/*`, requireUser)
}
