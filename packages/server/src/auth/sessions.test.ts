/**
 * Browser sessions through the app, on every backend: the idle lifetime and the absolute one (by
 * the harness's clock), and the cookie's name, `__Host-parley_session` whenever it is Secure.
 */
import { testBackends } from '@parley/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import {
  type Harness,
  harness,
  ORIGIN,
  PASSWORD,
  type Reply,
  setupOwner,
  TEST_PASSWORD_COST,
} from '../testing/harness'
import { newSecret, secretHash } from './secrets'

const backends = await testBackends()
const DAY = 86_400_000
const HTTPS = 'https://parley.example.com'

/** The cookie a response set, by name, with its attributes. */
function setCookie(reply: Reply, name: string): { value: string; attributes: string[] } | undefined {
  const header = reply.headers.get('set-cookie') ?? ''
  const cookie = header.split(/,(?=\s*[\w-]+=)/).find((part) => part.trim().startsWith(`${name}=`))
  if (!cookie) return undefined
  const [pair = '', ...attributes] = cookie.split(';').map((part) => part.trim())
  return { value: pair.slice(name.length + 1), attributes }
}

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'browser sessions on %s',
  (_, backend) => {
    describe('lifetimes', () => {
      let h: Harness
      let email: string
      beforeAll(async () => {
        h = await harness(backend)
        email = (await setupOwner(h)).email
      })
      afterAll(async () => {
        await h.drop()
      })

      async function signIn(): Promise<string> {
        const reply = await h.call('POST', '/api/auth/login', {
          json: { email, password: PASSWORD },
          headers: { origin: ORIGIN },
        })
        const cookie = setCookie(reply, 'parley_session')
        expect(cookie?.attributes).toContain(`Max-Age=${7 * 86_400}`)
        return `parley_session=${cookie?.value}`
      }

      it('ends a session left unused for 7 days', async () => {
        const used = await signIn()
        const unused = await signIn()
        h.clock.advance(6 * DAY)
        expect((await h.call('GET', '/api/me', { as: { cookie: used } })).status).toBe(200)
        h.clock.advance(DAY)
        // The one used a day ago was moved on by that use; the other one was not.
        expect((await h.call('GET', '/api/me', { as: { cookie: used } })).status).toBe(200)
        const idle = await h.call('GET', '/api/me', { as: { cookie: unused } })
        expect(idle.status).toBe(401)
        expect(idle.body.error.code).toBe('unauthenticated')
        expect(setCookie(idle, 'parley_session')?.attributes).toContain('Max-Age=0')
      })

      it('ends a session 30 days after it began, however much it is used', async () => {
        const cookie = await signIn()
        for (let day = 6; day <= 24; day += 6) {
          h.clock.advance(6 * DAY)
          const reply = await h.call('GET', '/api/me', { as: { cookie } })
          expect(reply.status, `day ${day}`).toBe(200)
        }
        h.clock.advance(5 * DAY)
        const late = await h.call('GET', '/api/me', { as: { cookie } })
        expect(late.status).toBe(200)
        // Extended, but only up to the absolute end: one day left, not seven.
        expect(setCookie(late, 'parley_session')?.attributes).toContain(`Max-Age=${86_400}`)
        h.clock.advance(DAY)
        const ended = await h.call('GET', '/api/me', { as: { cookie } })
        // Refused exactly as an idle session is.
        expect(ended.status).toBe(401)
        expect(ended.body.error.code).toBe('unauthenticated')
        expect(setCookie(ended, 'parley_session')?.attributes).toContain('Max-Age=0')
        const changing = await h.call('POST', '/api/workspaces', { as: { cookie }, json: { name: 'Late' } })
        expect(changing.status).toBe(401)
      })

      it('honours a shorter absolute lifetime set after a session began, whatever its stored expiry', async () => {
        const cookie = await signIn()
        h.clock.advance(2 * DAY)
        expect((await h.call('GET', '/api/me', { as: { cookie } })).status).toBe(200)
        // The same database served with a one-day lifetime: the session began two days ago.
        const strict = createApp({
          store: h.store,
          options: { password: TEST_PASSWORD_COST, sessionMaxDays: 1 },
          now: () => h.clock.now,
        })
        expect((await strict.request('/api/me', { headers: { cookie } })).status).toBe(401)
      })
    })

    describe('the cookie', () => {
      let secure: Harness
      let plain: Harness
      beforeAll(async () => {
        secure = await harness(backend, { publicUrl: HTTPS })
        plain = await harness(backend)
        await setupOwner(plain)
        const token = await setupOwnerOver(secure)
        expect(token).toBeDefined()
      })
      afterAll(async () => {
        await secure.drop()
        await plain.drop()
      })

      /** The first owner of a server reached over HTTPS (the Origin is the public address). */
      async function setupOwnerOver(h: Harness): Promise<string> {
        const token = newSecret('setup')
        await h.store.setSetting('setup_token_hash', secretHash(token))
        const reply = await h.call('POST', '/api/setup', {
          json: { token, email: 'owner@example.com', name: 'Olive Owner', password: PASSWORD },
          headers: { origin: HTTPS },
        })
        expect(reply.status, reply.text).toBe(201)
        return token
      }

      it('is `__Host-parley_session` over HTTPS: Secure, Path=/, no Domain, and only that name is read', async () => {
        const login = await secure.call('POST', '/api/auth/login', {
          json: { email: 'owner@example.com', password: PASSWORD },
          headers: { origin: HTTPS },
        })
        expect(login.status).toBe(200)
        expect(setCookie(login, 'parley_session')).toBeUndefined()
        const cookie = setCookie(login, '__Host-parley_session')
        expect(cookie?.attributes).toEqual(
          expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']),
        )
        expect(cookie?.attributes.some((attribute) => attribute.startsWith('Domain'))).toBe(false)
        const named = `__Host-parley_session=${cookie?.value}`
        expect((await secure.call('GET', '/api/me', { as: { cookie: named } })).status).toBe(200)
        // The same secret under the plain name is not looked at over HTTPS.
        expect(
          (await secure.call('GET', '/api/me', { as: { cookie: `parley_session=${cookie?.value}` } })).status,
        ).toBe(401)
        const out = await secure.call('POST', '/api/auth/logout', {
          as: { cookie: named },
          headers: { origin: HTTPS },
        })
        expect(setCookie(out, '__Host-parley_session')?.attributes).toEqual(
          expect.arrayContaining(['Max-Age=0', 'Path=/', 'Secure']),
        )
        expect((await secure.call('GET', '/api/me', { as: { cookie: named } })).status).toBe(401)
      })

      it('is `parley_session` over plain HTTP, without Secure, and the `__Host-` name is not read there', async () => {
        const login = await plain.call('POST', '/api/auth/login', {
          json: { email: 'owner@example.com', password: PASSWORD },
          headers: { origin: ORIGIN },
        })
        const cookie = setCookie(login, 'parley_session')
        expect(cookie?.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']))
        expect(cookie?.attributes).not.toContain('Secure')
        expect(setCookie(login, '__Host-parley_session')).toBeUndefined()
        expect(
          (await plain.call('GET', '/api/me', { as: { cookie: `parley_session=${cookie?.value}` } })).status,
        ).toBe(200)
        expect(
          (await plain.call('GET', '/api/me', { as: { cookie: `__Host-parley_session=${cookie?.value}` } }))
            .status,
        ).toBe(401)
      })

      it('follows X-Forwarded-Proto behind a trusted proxy', async () => {
        const proxied = await harness(backend, { trustProxy: true })
        try {
          const owner = await setupOwner(proxied)
          const login = await proxied.call('POST', '/api/auth/login', {
            json: { email: owner.email, password: PASSWORD },
            headers: { origin: 'https://localhost', 'x-forwarded-proto': 'https' },
          })
          expect(login.status, login.text).toBe(200)
          expect(setCookie(login, '__Host-parley_session')?.attributes).toContain('Secure')
        } finally {
          await proxied.drop()
        }
      })
    })
  },
)
