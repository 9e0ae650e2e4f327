/**
 * Several server instances on one PostgreSQL, behind any load balancer: requests alternate between
 * two processes. A session made on one works on the other, a stale update is refused whichever
 * instance gets it, sign-in limits are counted across both, and no journal event is lost.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPostgresDatabase, testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { ROOT } from './parley'
import { api, firstOwner, startServer } from './server'

const EXAMPLE = readFileSync(join(ROOT, 'examples/sales-saas-renewal.yaml'), 'utf8')
const postgres = (await testBackends()).some((backend) => backend.dialect === 'postgres')

describe.runIf(postgres)('two instances on one PostgreSQL', () => {
  it('share sessions, versions, rate limits and the journal', async () => {
    const database = await createPostgresDatabase()
    // Both start at once: the migration lock lets exactly one of them migrate.
    const [a, b] = await Promise.all([startServer({ url: database.url }), startServer({ url: database.url })])
    try {
      const setupToken = a.setupToken ?? b.setupToken
      // Each printed a token; only the one stored last works, so try both.
      let session: Awaited<ReturnType<typeof firstOwner>> | undefined
      for (const server of [a, b]) {
        try {
          session = await firstOwner(server)
          break
        } catch {}
      }
      expect(setupToken).toBeDefined()
      if (!session) throw new Error('neither setup token worked')

      // Sign in on A, use the cookie on B.
      const login = await fetch(`${a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
      })
      expect(login.status).toBe(200)
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const me = await fetch(`${b.url}/api/me`, { headers: { cookie } })
      expect(me.status).toBe(200)

      // Create on B, edit on A from version 1, then a stale edit on B is refused.
      const created = await api(
        b.url,
        session,
        'POST',
        `/api/workspaces/${session.workspaceId}/negotiations`,
        {
          yaml: EXAMPLE,
        },
      )
      const id = ((await created.json()) as { id: string }).id
      const path = `/api/workspaces/${session.workspaceId}/negotiations/${id}`
      const plan = (
        (await (await api(a.url, session, 'GET', path)).json()) as { plan: Record<string, unknown> }
      ).plan
      const first = await api(a.url, session, 'PUT', `${path}/plan`, {
        json: { ...plan, title: 'From A' },
        headers: { 'if-match': '"1"' },
      })
      expect(first.status).toBe(200)
      const stale = await api(b.url, session, 'PUT', `${path}/plan`, {
        json: { ...plan, title: 'From B' },
        headers: { 'if-match': '"1"' },
      })
      expect(stale.status).toBe(409)
      expect(((await (await api(b.url, session, 'GET', path)).json()) as { title: string }).title).toBe(
        'From A',
      )

      // Journal appends alternate between the instances, some at the same time.
      const sent: string[] = []
      await Promise.all(
        Array.from({ length: 40 }, async (_, k) => {
          const eventId = `01JH${String(k).padStart(22, '0')}`
          const reply = await api(k % 2 === 0 ? a.url : b.url, session, 'POST', `${path}/events`, {
            json: { id: eventId, type: 'note', text: `note ${k}` },
          })
          expect(reply.status).toBe(201)
          sent.push(eventId)
        }),
      )
      const listed = (await (await api(a.url, session, 'GET', `${path}/events`)).json()) as {
        events: { seq: number; event: { id: string } }[]
      }
      expect(listed.events.map((entry) => entry.event.id).sort()).toEqual([...sent].sort())
      expect(listed.events.map((entry) => entry.seq)).toEqual(listed.events.map((_, k) => k + 1))

      // Failed sign-ins count across both instances.
      const statuses: number[] = []
      for (let k = 0; k < 11; k++) {
        const reply = await fetch(`${k % 2 === 0 ? a.url : b.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@example.com', password: 'not the password' }),
        })
        statuses.push(reply.status)
      }
      expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true)
      expect(statuses[10]).toBe(429)
    } finally {
      await Promise.all([a.stop(), b.stop()])
      await database.drop()
    }
  }, 120_000)
})
