/**
 * The browser session cookie: HttpOnly, SameSite=Lax, the secret's hash in the database. Over HTTPS
 * it is Secure and named `__Host-parley_session`: browsers then accept it only from a secure origin,
 * for Path=/ and without a Domain, so neither a sibling subdomain nor a plain-HTTP page can plant
 * or overwrite it. A session ends after `sessionDays` without use (each use extends it) and, used or
 * not, `sessionMaxDays` after it began.
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../http/env'
import type { ServerOptions } from '../options'
import { newSecret, secretHash } from './secrets'

export const SESSION_COOKIE = 'parley_session'
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`

const DAY_MS = 86_400_000

function secure(c: Context, options: ServerOptions): boolean {
  if (options.secureCookies !== 'auto') return options.secureCookies
  if (options.publicUrl) return options.publicUrl.startsWith('https:')
  if (options.trustProxy && c.req.header('x-forwarded-proto')?.startsWith('https')) return true
  return new URL(c.req.url).protocol === 'https:'
}

/** The cookie's name for this request: the `__Host-` one whenever the cookie is Secure. */
export function sessionCookieName(c: Context, options: ServerOptions): string {
  return secure(c, options) ? SECURE_SESSION_COOKIE : SESSION_COOKIE
}

/** The session secret the browser sent under this request's cookie name. */
export function readSessionCookie(c: Context, options: ServerOptions): string | undefined {
  return getCookie(c, sessionCookieName(c, options))
}

/**
 * When a session used at `now` expires: `sessionDays` on, but never past `sessionMaxDays` after it
 * began (the absolute lifetime, so a stolen cookie kept busy does not live for ever).
 */
export function sessionExpiry(createdAt: Date, now: Date, options: ServerOptions): Date {
  return new Date(
    Math.min(
      now.getTime() + options.sessionDays * DAY_MS,
      createdAt.getTime() + options.sessionMaxDays * DAY_MS,
    ),
  )
}

/** Whether a session has ended by either lifetime, whatever the stored expiry says (options may have shrunk). */
export function sessionEnded(
  session: { createdAt: string; expiresAt: string },
  now: Date,
  options: ServerOptions,
): boolean {
  const absolute = Date.parse(session.createdAt) + options.sessionMaxDays * DAY_MS
  return session.expiresAt <= now.toISOString() || absolute <= now.getTime()
}

export function setSessionCookie(
  c: Context,
  secret: string,
  options: ServerOptions,
  expiresAt: Date,
  now: Date,
): void {
  const isSecure = secure(c, options)
  setCookie(c, isSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure,
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  })
}

export function clearSessionCookie(c: Context, options: ServerOptions): void {
  const isSecure = secure(c, options)
  deleteCookie(c, isSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', secure: isSecure })
}

/** Starts a session for a user and sets its cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { store, options, now } = c.get('services')
  const secret = newSecret('session')
  const time = now()
  const expiresAt = sessionExpiry(time, time, options)
  await store.createSession({
    tokenHash: secretHash(secret),
    userId,
    createdAt: time.toISOString(),
    expiresAt: expiresAt.toISOString(),
  })
  setSessionCookie(c, secret, options, expiresAt, time)
}
