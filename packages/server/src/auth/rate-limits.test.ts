/**
 * Throttling on every backend: sign-in is counted per address and per email from one address, so a
 * stranger guessing from elsewhere can not lock the real person out; and the anonymous routes
 * refuse an address over its count before its body is read at all.
 */
import { testBackends } from '@parley/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, ORIGIN, PASSWORD, setupOwner } from '../testing/harness'

const backends = await testBackends()
const WINDOW = 15 * 60_000

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'throttling on %s',
  (_, backend) => {
    let h: Harness
    let email: string
    beforeAll(async () => {
      h = await harness(backend, {
        trustProxy: true,
        loginLimit: { perAddress: 8, perEmailAndAddress: 3, windowMs: WINDOW },
        linkLimit: { perAddress: 4, windowMs: WINDOW },
      })
      email = (await setupOwner(h)).email
    })
    afterAll(async () => {
      await h.drop()
    })

    const login = (from: string, password: string, who = email) =>
      h.call('POST', '/api/auth/login', {
        json: { email: who, password },
        headers: { origin: ORIGIN, 'x-forwarded-for': from },
      })

    it('lets a stranger from another address use up only their own attempts, never lock the person out', async () => {
      const stranger = await Promise.all([1, 2, 3, 4].map(() => login('203.0.113.9', 'guessing wrongly')))
      expect(stranger.map((reply) => reply.status).sort()).toEqual([401, 401, 401, 429])
      const refused = stranger.find((reply) => reply.status === 429)
      expect(refused?.body.error.code).toBe('too_many_attempts')
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0)
      // The real person, from their own address, signs in as usual...
      expect((await login('198.51.100.7', PASSWORD)).status).toBe(200)
      // ...and the stranger is still held, even with the right password.
      expect((await login('203.0.113.9', PASSWORD)).status).toBe(429)
      h.clock.advance(WINDOW)
      expect((await login('203.0.113.9', PASSWORD)).status).toBe(200)
    })

    it('counts every sign-in from one address, whatever the email', async () => {
      const from = '192.0.2.44'
      const replies = []
      for (let k = 0; k < 9; k++)
        replies.push(await login(from, 'guessing wrongly', `someone${k}@example.com`))
      expect(replies.slice(0, 8).every((reply) => reply.status === 401)).toBe(true)
      expect(replies[8]?.status).toBe(429)
      expect(replies[8]?.body.error.message).toMatch(/^too many sign-in attempts; try again in \d+ seconds$/)
      // Another address is not held by it.
      expect((await login('192.0.2.45', PASSWORD)).status).toBe(200)
      h.clock.advance(WINDOW)
    })

    it('refuses an address over its count with 429 before reading the body, on every anonymous route', async () => {
      const routes = [
        '/api/auth/login',
        '/api/setup',
        '/api/invitations/pin_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/accept',
        '/api/password-resets/prs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ]
      for (const [index, path] of routes.entries()) {
        const from = `198.18.0.${index + 1}`
        const send = (body: string | ReadableStream<Uint8Array>, extra: Record<string, string> = {}) =>
          h.app.request(path, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              origin: ORIGIN,
              'x-forwarded-for': from,
              ...extra,
            },
            body,
            // A streamed request body must say it is sent in one direction.
            duplex: 'half',
          })
        // Use up the address's count with bodies that are read and refused.
        for (let k = 0; k < 8; k++) await send('{}')
        // A body too large to accept and not JSON at all: parsing it would say 413 or 400.
        const huge = await send(`{${'x'.repeat(2 * 1024 * 1024)}`)
        expect(huge.status, path).toBe(429)
        expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts')
        // A streamed body is not even pulled.
        let pulled = false
        const stream = new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              pulled = true
              controller.enqueue(new TextEncoder().encode('{"email":"a@example.com","password":"x"}'))
              controller.close()
            },
          },
          { highWaterMark: 0 },
        )
        const streamed = await send(stream)
        expect(streamed.status, path).toBe(429)
        expect(pulled, `${path} read the body of a refused request`).toBe(false)
      }
      h.clock.advance(WINDOW)
    })

    it('still reads the body of an address under its count', async () => {
      let pulled = false
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled = true
            controller.enqueue(new TextEncoder().encode('{'))
            controller.close()
          },
        },
        { highWaterMark: 0 },
      )
      const malformed = await h.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '198.18.1.1' },
        body: stream,
        // A streamed request body must say it is sent in one direction.
        duplex: 'half',
      })
      expect(malformed.status).toBe(400)
      expect(pulled).toBe(true)
    })
  },
)
