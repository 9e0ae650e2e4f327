/**
 * The isolation test: `parley serve` as a real process computes worst-case views (a MESO set and
 * frontiers of the largest plan the limits allow, several at once) while a client keeps asking for
 * `/api/health` and an ordinary read. Health and the read answer within a second throughout; each
 * view answers 422 at its deadline; and afterwards views of an ordinary plan are computed as before.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { largestPlanYaml } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { ROOT, temporaryFolder } from './parley'
import { api, firstOwner, startServer } from './server'

const EXAMPLE = readFileSync(join(ROOT, 'examples/sales-saas-renewal.yaml'), 'utf8')
const DEADLINE_MS = 2_000

describe('a worst-case view does not stop the server', () => {
  it('answers health and reads within 1 s while views run out of time', async () => {
    const server = await startServer({ data: temporaryFolder('parley-isolation-') }, undefined, {
      PARLEY_COMPUTE_THREADS: '3',
      PARLEY_COMPUTE_PER_WORKSPACE: '3',
      PARLEY_COMPUTE_DEADLINE_MS: String(DEADLINE_MS),
      // Beyond what any view spends in a few seconds, so the deadline is what stops them (the
      // budget's refusals are tested in packages/server/src/compute/pool.test.ts).
      PARLEY_COMPUTE_WORK_BUDGET: '1e12',
    })
    try {
      const session = await firstOwner(server)
      const created = await api(
        server.url,
        session,
        'POST',
        `/api/workspaces/${session.workspaceId}/negotiations`,
        {
          yaml: largestPlanYaml(),
        },
      )
      expect(created.status).toBe(201)
      const path = `/api/workspaces/${session.workspaceId}/negotiations/${((await created.json()) as { id: string }).id}`

      const latencies: { what: string; ms: number; status: number }[] = []
      let polling = true
      const poll = (async () => {
        while (polling) {
          for (const [what, request] of [
            ['health', () => fetch(`${server.url}/api/health`)],
            ['read', () => api(server.url, session, 'GET', path)],
          ] as const) {
            const started = performance.now()
            const reply = await request()
            latencies.push({ what, ms: performance.now() - started, status: reply.status })
          }
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      })()

      const view = async (query: string) => {
        const started = performance.now()
        const reply = await api(server.url, session, 'GET', `${path}/${query}`)
        const body = (await reply.json()) as { error?: { code: string; message: string } }
        return { status: reply.status, code: body.error?.code, ms: performance.now() - started }
      }
      // Three threads on two cores, all busy past their deadline.
      const [meso, frontier, fine] = await Promise.all([
        view('meso'),
        view('frontier'),
        view('frontier?rule=true&epsilon=0.000001'),
      ])
      polling = false
      await poll

      for (const answer of [meso, frontier, fine]) {
        expect(answer).toMatchObject({ status: 422, code: 'over_deadline' })
        // At the deadline, with a margin for a cold thread on a shared 2-core machine.
        expect(answer.ms).toBeGreaterThanOrEqual(DEADLINE_MS)
        expect(answer.ms).toBeLessThan(DEADLINE_MS + 2_000)
      }

      expect(latencies.filter((l) => l.what === 'health').length).toBeGreaterThan(5)
      console.info(
        `isolation: ${latencies.length} health checks and reads during the views, slowest ${Math.round(Math.max(...latencies.map((l) => l.ms)))} ms`,
      )
      for (const latency of latencies) {
        expect(latency.status, latency.what).toBe(200)
        expect(latency.ms, `${latency.what} took ${Math.round(latency.ms)} ms`).toBeLessThan(1_000)
      }

      // The threads that ran out were replaced: an ordinary plan's views are computed as before.
      const ordinary = await api(
        server.url,
        session,
        'POST',
        `/api/workspaces/${session.workspaceId}/negotiations`,
        {
          yaml: EXAMPLE,
        },
      )
      const small = `/api/workspaces/${session.workspaceId}/negotiations/${((await ordinary.json()) as { id: string }).id}`
      for (const name of ['frontier', 'meso', 'coach', 'lint', 'status', 'debrief']) {
        const reply = await api(server.url, session, 'GET', `${small}/${name}`)
        expect(reply.status, name).toBe(200)
      }
    } finally {
      await server.stop()
    }
  }, 60_000)
})
