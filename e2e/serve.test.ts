/**
 * `parley serve` and its companions as a newcomer uses them: first start, the first owner made on
 * the machine, the computed views matching the commands' `--json` for the same plan and journal,
 * and a database exported and imported into the other backend without losing anything.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createPostgresDatabase, testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from './parley'
import { api, databaseEnv, firstOwner, freePort, importPlan, type Session, startServer } from './server'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const postgres = (await testBackends()).some((backend) => backend.dialect === 'postgres')

describe('parley serve', () => {
  it('prints where it runs and a setup token; `parley user add` makes the first owner instead', async () => {
    const data = temporaryFolder('parley-serve-')
    const server = await startServer({ data })
    try {
      expect(server.output()).toContain(`Data: SQLite at ${join(data, 'parley.db')}`)
      expect(server.setupToken).toMatch(/^psu_/)
      expect(server.output()).toContain('parley user add --email')
      const added = parley(['user', 'add', '--email', 'Ann@Example.com', '--name', 'Ann', '--data', data], {
        input: 'correct horse battery\n',
      })
      expect(added.stderr).toBe('')
      expect(added.code).toBe(0)
      expect(added.stdout).toContain('the first owner')
      // The setup token has done its job.
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({
          token: server.setupToken,
          email: 'b@example.com',
          name: 'B',
          password: 'correct horse battery',
        }),
      })
      expect(setup.status).toBe(409)
      // The test blocks its event loop on the command below for seconds at a time, long enough on a
      // busy machine for the server to close an idle kept-alive socket just as fetch reuses it.
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ email: 'ann@example.com', password: 'correct horse battery' }),
      })
      expect(login.status).toBe(200)
      const again = parley(['user', 'add', '--email', 'ann@example.com', '--name', 'Ann', '--data', data], {
        input: 'correct horse battery\n',
      })
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('exists already')
      const short = parley(['user', 'add', '--email', 'c@example.com', '--name', 'C', '--data', data], {
        input: 'short\n',
      })
      expect(short.code).toBe(1)
      expect(short.stderr).toContain('at least 12 characters')
      const common = parley(['user', 'add', '--email', 'c@example.com', '--name', 'C', '--data', data], {
        input: 'password1234\n',
      })
      expect(common.code).toBe(1)
      expect(common.stderr).toContain('the password is too close to a commonly used password')
      // On the machine, for someone locked out: their sessions end and their tokens are revoked.
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const token = await fetch(`${server.url}/api/me/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.url },
        body: JSON.stringify({ name: 'laptop' }),
      })
      expect(token.status).toBe(201)
      const weak = parley(['user', 'password', '--email', 'ann@example.com', '--data', data], {
        input: 'ann@example.com\n',
      })
      expect(weak.code).toBe(1)
      expect(weak.stderr).toContain('contains your name or email address')
      const reset = parley(['user', 'password', '--email', 'ann@example.com', '--data', data], {
        input: 'another good password\n',
      })
      expect(reset.code).toBe(0)
      expect(reset.stdout).toContain('1 session ended and 1 API token revoked')
      expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401)
      // Over a real socket too: a body over 1 MiB is refused while it arrives, and the server goes on.
      const big = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ann@example.com', password: 'x'.repeat(2 * 1024 * 1024) }),
      })
      expect(big.status).toBe(413)
      expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large')
      const health = await fetch(`${server.url}/api/health`)
      expect(health.status).toBe(200)
      expect(health.headers.get('x-content-type-options')).toBe('nosniff')
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, 60_000)

  it('says plainly when the port is taken or the database can not be reached', async () => {
    const port = await freePort()
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve))
    try {
      const taken = parley(['serve', '--port', String(port), '--data', temporaryFolder()])
      expect(taken.code).toBe(1)
      expect(taken.stderr).toContain(`port ${port} on 127.0.0.1 is in use`)
    } finally {
      blocker.close()
    }
    const unreachable = parley(['serve', '--port', '0'], {
      env: { DATABASE_URL: 'postgres://parley:secret@127.0.0.1:1/parley' },
    })
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain(
      'Could not open the database (PostgreSQL at postgres://parley:***@127.0.0.1:1/parley)',
    )
    expect(unreachable.stderr).not.toContain('secret')
    expect(unreachable.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('the API and the commands agree', () => {
  it('on the frontier, MESO, status, coach, lint and debrief for the same plan and journal', async () => {
    const folder = temporaryFolder('parley-agree-')
    const plan = join(folder, 'calder.yaml')
    copyFileSync(EXAMPLE, plan)
    const meso = parley(['meso', plan, '--json']).json() as { bundles: { name: string; terms: object }[] }
    const add = (event: object) =>
      expect(parley(['journal', 'add', plan, JSON.stringify(event)]).code).toBe(0)
    add({ type: 'offer-sent', bundles: meso.bundles.map(({ name, terms }) => ({ name, terms })) })
    add({ type: 'bundle-chosen', label: 'C' })
    add({ type: 'interest-stated', text: 'the CFO needs spend she can forecast' })
    const events = readFileSync(join(folder, 'calder.journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))

    const server = await startServer({ data: temporaryFolder() })
    try {
      const session = await firstOwner(server)
      const { path } = await importPlan(server.url, session, plan)
      for (const event of events)
        expect((await api(server.url, session, 'POST', `${path}/events`, { json: event })).status).toBe(201)
      const view = async (name: string) => (await api(server.url, session, 'GET', `${path}/${name}`)).json()
      const cli = (args: string[]) => parley([...args, plan, '--json']).json() as Record<string, unknown>

      const { journal: _j1, ...cliMeso } = cli(['meso'])
      const { learned, ...apiMeso } = (await view('meso')) as Record<string, unknown>
      expect(learned).toBe(true)
      expect(apiMeso).toEqual(cliMeso)
      expect(await view('frontier?rule=true')).toEqual(cli(['frontier', '--rule']))
      const { journal: _j2, problems, ...cliStatus } = cli(['status'])
      const { version, ...apiStatus } = (await view('status')) as Record<string, unknown>
      expect(problems).toEqual([])
      expect(version).toBe(1)
      expect(apiStatus).toEqual(cliStatus)
      expect(await view('coach')).toEqual(cli(['coach']))
      expect(await view('debrief')).toEqual(cli(['debrief']))
      const findings = (value: unknown) =>
        (value as { findings: { id: string; severity: string; message: string }[] }).findings.map(
          ({ id, severity, message }) => ({ id, severity, message }),
        )
      expect(findings(await view('lint'))).toEqual(findings(cli(['lint'])))
    } finally {
      await server.stop()
    }
  }, 60_000)
})

describe('parley export-db and import-db', () => {
  async function fill(session: Session, url: string) {
    const { path } = await importPlan(url, session, EXAMPLE)
    for (let k = 0; k < 5; k++)
      await api(url, session, 'POST', `${path}/events`, {
        json: { id: `01JK${String(k).padStart(22, '0')}`, type: 'note', text: `note ${k}` },
      })
    await api(url, session, 'POST', `/api/workspaces/${session.workspaceId}/tradeables`, {
      json: { name: 'Case study' },
    })
    return path
  }

  it(`moves everything from SQLite${postgres ? ' to PostgreSQL' : ''} and back, and refuses a database that is not empty`, async () => {
    const data = temporaryFolder('parley-export-')
    const server = await startServer({ data })
    const session = await firstOwner(server)
    const path = await fill(session, server.url)
    await server.stop()

    const file = join(temporaryFolder(), 'backup.json')
    const exported = parley(['export-db', file, '--data', data])
    expect(exported.code).toBe(0)
    expect(exported.stderr).toContain('1 negotiation(s) and 5 journal event(s)')
    const dump = JSON.parse(readFileSync(file, 'utf8'))

    const pg = postgres ? await createPostgresDatabase() : undefined
    const target = pg ? { url: pg.url } : { data: temporaryFolder('parley-import-') }
    try {
      const imported = parley(['import-db', file], { env: databaseEnv(target) })
      expect(imported.stderr).toContain(
        'Imported 1 workspace(s), 1 user(s), 1 negotiation(s), 5 journal event(s), 1 tradeable(s) and 0 share link(s)',
      )
      expect(imported.code).toBe(0)
      const back = join(temporaryFolder(), 'back.json')
      expect(parley(['export-db', back], { env: databaseEnv(target) }).code).toBe(0)
      const round = JSON.parse(readFileSync(back, 'utf8'))
      const strip = ({ exportedAt: _a, from: _f, ...rest }: Record<string, unknown>) => rest
      expect(strip(round)).toEqual(strip(dump))

      // The same people sign in, with the same tokens, and see the same journal and plan file.
      const moved = await startServer(target)
      try {
        const events = await api(moved.url, session, 'GET', `${path}/events`)
        expect(((await events.json()) as { events: unknown[] }).events).toHaveLength(5)
        expect(await (await api(moved.url, session, 'GET', `${path}/plan`)).text()).toBe(
          readFileSync(EXAMPLE, 'utf8'),
        )
      } finally {
        await moved.stop()
      }
      const twice = parley(['import-db', file], { env: databaseEnv(target) })
      expect(twice.code).toBe(1)
      expect(twice.stderr).toContain('already holds data')
    } finally {
      await pg?.drop()
    }

    writeFileSync(file, JSON.stringify({ ...dump, events: [{ seq: 'one' }] }))
    const bad = parley(['import-db', file, '--data', temporaryFolder()])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('events[0]')
    expect(bad.stderr).toContain('nothing was imported')
  }, 120_000)
})
