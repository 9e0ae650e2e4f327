/**
 * What an operator of `parley serve` relies on, run as they run it: a warning at start when other
 * machines can reach the server and PARLEY_PUBLIC_URL is not set; with it set, links that no Host
 * header can change; data files and exports only the owner can read; and `parley import-db`
 * refusing, by row and path, an export the server could not store or serve, importing nothing.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { openStore } from '@parley/store'
import { addUser, addWorkspace, createPostgresDatabase, testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from './parley'
import { api, databaseEnv, firstOwner, OWNER_PASSWORD, type Session, startServer } from './server'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const postgres = (await testBackends()).some((backend) => backend.dialect === 'postgres')
const mode = (path: string) => statSync(path).mode & 0o777

/** A POST over a real socket with a Host header of the caller's choosing (fetch will not send one). */
function postWithHost(
  url: string,
  path: string,
  host: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body)
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        headers: {
          host,
          'x-forwarded-host': host,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        },
      },
      (response) => {
        let data = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          data += chunk
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(data) }))
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}

describe('parley serve on an address other machines reach', () => {
  it('warns at start without PARLEY_PUBLIC_URL, saying what to set and why', async () => {
    const server = await startServer({ data: temporaryFolder() }, undefined, { HOST: '0.0.0.0' })
    try {
      expect(server.output()).toContain(
        'Warning: PARLEY_PUBLIC_URL is not set, and the server listens on 0.0.0.0',
      )
      expect(server.output()).toContain('Host header')
      expect(server.output()).toContain('https://parley.example.com')
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, 60_000)

  it('with it set: no warning, links from it whatever Host a request names, and owner-only data files', async () => {
    const data = join(temporaryFolder(), 'made-by-parley')
    const server = await startServer({ data }, undefined, {
      HOST: '0.0.0.0',
      PARLEY_PUBLIC_URL: 'https://parley.example.com',
    })
    try {
      expect(server.output()).not.toContain('Warning')
      // Signed in from the public address: a browser there sends it as the Origin.
      const origin = 'https://parley.example.com'
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({
          token: server.setupToken,
          email: 'owner@example.com',
          name: 'Owner',
          password: OWNER_PASSWORD,
        }),
      })
      expect(setup.status).toBe(201)
      const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const forged = await fetch(`${server.url}/api/me/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.url },
        body: JSON.stringify({ name: 'e2e' }),
      })
      expect(forged.status).toBe(403)
      const made = await fetch(`${server.url}/api/me/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify({ name: 'e2e' }),
      })
      expect(made.status).toBe(201)
      const session = {
        token: ((await made.json()) as { token: string }).token,
        workspaceId: ((await setup.json()) as { workspace: { id: string } }).workspace.id,
      }
      const invited = await postWithHost(
        server.url,
        `/api/workspaces/${session.workspaceId}/invitations`,
        'evil.example',
        session.token,
        { role: 'viewer' },
      )
      expect(invited.status).toBe(201)
      expect(invited.json.url).toMatch(/^https:\/\/parley\.example\.com\/join\/pin_/)
      // The folder Parley made, the database and its write-ahead files: the owner's alone.
      const file = join(data, 'parley.db')
      expect(mode(data)).toBe(0o700)
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path), path).toBe(true)
        expect(mode(path), path).toBe(0o600)
      }
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, 60_000)

  it('refuses a PARLEY_PUBLIC_URL that is not the address of a site', () => {
    for (const [value, words] of [
      ['parley.example.com', 'parley serve: PARLEY_PUBLIC_URL must be a URL'],
      ['https://example.com/parley', 'parley serve: PARLEY_PUBLIC_URL must be the address alone'],
    ] as const) {
      const run = parley(['serve', '--port', '0', '--data', temporaryFolder()], {
        env: { PARLEY_PUBLIC_URL: value },
      })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(words)
    }
  })
})

describe('parley export-db and import-db, guarded', () => {
  async function fill(session: Session, url: string): Promise<void> {
    const created = await api(
      url,
      session,
      'POST',
      `/api/workspaces/${session.workspaceId}/negotiations/import`,
      {
        yaml: readFileSync(EXAMPLE, 'utf8'),
      },
    )
    expect(created.status).toBe(201)
  }

  it('writes an export owner-only, also over an existing world-readable file', async () => {
    const data = temporaryFolder('parley-export-mode-')
    const server = await startServer({ data })
    await fill(await firstOwner(server), server.url)
    await server.stop()
    const folder = temporaryFolder()
    const fresh = join(folder, 'fresh.json')
    expect(parley(['export-db', fresh, '--data', data]).code).toBe(0)
    expect(mode(fresh)).toBe(0o600)
    const existing = join(folder, 'existing.json')
    writeFileSync(existing, 'old contents')
    chmodSync(existing, 0o644)
    const over = parley(['export-db', existing, '--data', data])
    expect(over.code).toBe(0)
    expect(mode(existing)).toBe(0o600)
    expect(JSON.parse(readFileSync(existing, 'utf8')).negotiations).toHaveLength(1)
    // Written beside it and renamed over it: nothing else is left in the folder.
    expect(readdirSync(folder).sort()).toEqual(['existing.json', 'fresh.json'])
  }, 60_000)

  const targets = postgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)
  for (const target of targets) {
    it(`refuses, by row and path, an export the server could not serve, importing nothing into ${target}`, async () => {
      // A U+0000 the API now refuses, written straight through the store as an older version could have.
      const data = temporaryFolder('parley-nul-')
      const source = await openStore({ kind: 'sqlite', file: join(data, 'parley.db') })
      await addWorkspace(source, await addUser(source, { name: 'Ann\u0000' }))
      await source.close()
      const file = join(temporaryFolder(), 'nul.json')
      expect(parley(['export-db', file, '--data', data]).code).toBe(0)
      const dump = JSON.parse(readFileSync(file, 'utf8'))

      const pg = target === 'postgres' ? await createPostgresDatabase() : undefined
      const env = databaseEnv(pg ? { url: pg.url } : { data: temporaryFolder('parley-import-') })
      try {
        const refused = parley(['import-db', file], { env })
        expect(refused.code).toBe(1)
        expect(refused.stderr).toMatch(/ users\[0\]\.name: contains U\+0000 \(a NUL character\)/)
        expect(refused.stderr).toContain('nothing was imported')

        // A plan that is not valid.
        const served = temporaryFolder()
        const server = await startServer({ data: served })
        await fill(await firstOwner(server), server.url)
        await server.stop()
        const good = join(temporaryFolder(), 'good.json')
        expect(parley(['export-db', good, '--data', served]).code).toBe(0)
        const broken = JSON.parse(readFileSync(good, 'utf8'))
        const plan = JSON.parse(broken.negotiations[0].planJson)
        plan.issues[2].unit = ''
        broken.negotiations[0].planJson = JSON.stringify(plan)
        const bad = join(temporaryFolder(), 'bad.json')
        writeFileSync(bad, JSON.stringify(broken))
        const invalid = parley(['import-db', bad], { env })
        expect(invalid.code).toBe(1)
        expect(invalid.stderr).toContain('negotiations[0].planJson issues[2].unit: must not be empty')
        expect(invalid.stderr).toContain('nothing was imported')

        // Nothing was imported: the same target still takes a good export whole.
        const imported = parley(['import-db', good], { env })
        expect(imported.stderr).toContain('Imported 1 workspace(s), 1 user(s), 1 negotiation(s)')
        expect(imported.code).toBe(0)
        expect(dump.users[0].name).toBe('Ann\u0000')
      } finally {
        await pg?.drop()
      }
    }, 120_000)
  }
})
