/** The browser session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, the secret's hash in the database. */
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../http/env'
import type { ServerOptions } from '../options'
import { newSecret, secretHash } from './secrets'

export const SESSION_COOKIE = 'parley_session'

function secure(c: Context, options: ServerOptions): boolean {
  if (options.secureCookies !== 'auto') return options.secureCookies
  if (options.publicUrl) return options.publicUrl.startsWith('https:')
  if (options.trustProxy && c.req.header('x-forwarded-proto')?.startsWith('https')) return true
  return new URL(c.req.url).protocol === 'https:'
}

export function setSessionCookie(c: Context, secret: string, options: ServerOptions): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c, options),
    path: '/',
    maxAge: options.sessionDays * 86_400,
  })
}

export function clearSessionCookie(c: Context, options: ServerOptions): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c, options) })
}

/** Starts a session for a user and sets its cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { store, options, now } = c.get('services')
  const secret = newSecret('session')
  const expiresAt = new Date(now().getTime() + options.sessionDays * 86_400_000).toISOString()
  await store.createSession({ tokenHash: secretHash(secret), userId, expiresAt })
  setSessionCookie(c, secret, options)
}
