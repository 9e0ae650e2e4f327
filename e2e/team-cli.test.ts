/**
 * The command line on a negotiation kept on a team server (`--server`, PARLEY_SERVER, PARLEY_TOKEN):
 * moves recorded with the verbs land in the server's journal, checked there as the web app's are,
 * and `status`, `coach` and `meso` read it there and say what they say for the same plan and journal
 * kept in files.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parleyAsync as parley, ROOT, temporaryFolder } from './parley'
import { api, firstOwner, freePort, importPlan, startServer } from './server'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const TITLE = 'Calder Mutual claims platform renewal and expansion, FY2027'

describe('parley --server', () => {
  it('records moves on the server and reads the negotiation there as from files', async () => {
    const server = await startServer({ data: temporaryFolder() })
    try {
      const session = await firstOwner(server)
      const { id, path } = await importPlan(server.url, session, EXAMPLE)
      const env = { PARLEY_TOKEN: session.token }

      // By title with --server URL; by id with PARLEY_SERVER.
      const offered = await parley(['offer', TITLE, '--server', server.url, '--meso', '--json'], { env })
      expect(offered.stderr).toBe('')
      expect(offered.code).toBe(0)
      const byEnv = { ...env, PARLEY_SERVER: server.url }
      expect((await parley(['reply', id, '--chose', 'B'], { env: byEnv })).code).toBe(0)
      expect(
        (await parley(['heard', id, 'go-live first', '--ranking', 'rollout,price'], { env: byEnv })).code,
      ).toBe(0)

      // The server checked and stored them: its journal holds the three moves, the offer as written.
      const journal = (await (await api(server.url, session, 'GET', `${path}/events`)).json()) as {
        events: { event: { type: string; id: string } }[]
      }
      expect(journal.events.map((stored) => stored.event.type)).toEqual([
        'offer-sent',
        'bundle-chosen',
        'interest-stated',
      ])
      expect(journal.events[0]?.event).toEqual((offered.json() as { event: unknown }).event)

      // A move the server's journal does not allow is refused with the same message, and not stored.
      const wrong = await parley(['reply', id, '--chose', 'Z'], { env: byEnv })
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain("error --chose: the latest offer has no bundle 'Z'")

      // status, coach and meso on the server say what they say on the same plan and journal in files.
      const folder = temporaryFolder()
      const plan = join(folder, 'calder.yaml')
      writeFileSync(plan, readFileSync(EXAMPLE, 'utf8'))
      const jsonl = await (await api(server.url, session, 'GET', `${path}/events?format=jsonl`)).text()
      writeFileSync(join(folder, 'calder.journal.jsonl'), jsonl)
      for (const view of [['status'], ['coach'], ['meso', '--count', '2']]) {
        const remote = await parley([...view, id, '--json'], { env: byEnv })
        const local = await parley([...view, plan, '--json'])
        expect(remote.code, remote.stderr).toBe(0)
        const { journal: _remoteJournal, ...remoteView } = remote.json() as Record<string, unknown>
        const { journal: _localJournal, ...localView } = local.json() as Record<string, unknown>
        expect(remoteView).toEqual(localView)
      }
      expect((await parley(['status', TITLE, '--server'], { env: byEnv })).stdout).toContain('Stage:')

      // What goes wrong is said plainly, with exit 1 and nothing written.
      const noToken = await parley(['status', id, '--server', server.url])
      expect(noToken.code).toBe(1)
      expect(noToken.stderr).toContain('set PARLEY_TOKEN')
      const badToken = await parley(['status', id, '--server', server.url], {
        env: { PARLEY_TOKEN: 'pat_nothing' },
      })
      expect(badToken.code).toBe(1)
      expect(badToken.stderr).toContain('the server answered 401')
      const unknown = await parley(['status', 'No such deal', '--server', server.url], { env })
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain("no negotiation you can see has the id or title 'No such deal'")
      const nobody = `http://127.0.0.1:${await freePort()}`
      const down = await parley(['status', id, '--server', nobody], { env })
      expect(down.code).toBe(1)
      expect(down.stderr).toContain(`could not reach ${nobody} (ECONNREFUSED)`)
      const after = (await (await api(server.url, session, 'GET', `${path}/events`)).json()) as {
        events: unknown[]
      }
      expect(after.events).toHaveLength(3)
    } finally {
      await server.stop()
    }
  }, 120_000)
})
