/**
 * The crash test: clients append journal events through the API while the server process is
 * killed with SIGKILL and started again, several times. Afterwards every event whose append was
 * acknowledged is in the journal exactly once; on SQLite and on PostgreSQL.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPostgresDatabase, testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { ROOT, temporaryFolder } from './parley'
import { api, type Database, firstOwner, freePort, type ServerProcess, startServer } from './server'

const EXAMPLE = readFileSync(join(ROOT, 'examples/sales-saas-renewal.yaml'), 'utf8')
const dialects = (await testBackends()).map((backend) => backend.dialect)

const CLIENTS = 4
const KILLS = 4

let counter = 0
function eventId(client: number): string {
  counter++
  return `01JG${client}${String(counter).padStart(21, '0')}`
}

describe.each(dialects)('journal appends survive SIGKILL (%s)', (dialect) => {
  it(`keeps every acknowledged event exactly once across ${KILLS} kills`, async () => {
    const postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined
    const database: Database = postgres ? { url: postgres.url } : { data: temporaryFolder('parley-crash-') }
    const port = await freePort()
    let server: ServerProcess = await startServer(database, port)
    try {
      const session = await firstOwner(server)
      const created = await api(
        server.url,
        session,
        'POST',
        `/api/workspaces/${session.workspaceId}/negotiations`,
        {
          yaml: EXAMPLE,
        },
      )
      expect(created.status).toBe(201)
      const path = `/api/workspaces/${session.workspaceId}/negotiations/${((await created.json()) as { id: string }).id}/events`

      const acknowledged: string[] = []
      let attempts = 0
      let stop = false
      const client = async (k: number) => {
        while (!stop) {
          const event = { id: eventId(k), type: 'note', text: `client ${k}, event ${counter}` }
          // Retry the same event until the server acknowledges it: that is what makes appends safe.
          for (;;) {
            attempts++
            try {
              const reply = await api(server.url, session, 'POST', path, { json: event })
              if (reply.status === 201) {
                acknowledged.push(event.id)
                break
              }
              throw new Error(`unexpected ${reply.status}: ${await reply.text()}`)
            } catch (error) {
              if (error instanceof Error && error.message.startsWith('unexpected')) throw error
              await new Promise((resolve) => setTimeout(resolve, 20))
            }
          }
        }
      }
      const clients = Array.from({ length: CLIENTS }, (_, k) => client(k))
      for (let kill = 0; kill < KILLS; kill++) {
        await new Promise((resolve) => setTimeout(resolve, 250 + Math.random() * 250))
        await server.kill()
        server = await startServer(database, port)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
      stop = true
      await Promise.all(clients)

      const listed = await api(server.url, session, 'GET', path)
      const events = ((await listed.json()) as { events: { seq: number; event: { id: string } }[] }).events
      const ids = events.map((entry) => entry.event.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const id of acknowledged) expect(ids.filter((other) => other === id)).toHaveLength(1)
      expect(events.map((entry) => entry.seq)).toEqual(events.map((_, k) => k + 1))
      expect(acknowledged.length).toBeGreaterThan(CLIENTS * KILLS)
      // Retries happened: some appends were cut off by a kill and sent again.
      expect(attempts).toBeGreaterThan(acknowledged.length)
    } finally {
      await server.stop()
      await postgres?.drop()
    }
  }, 120_000)
})
