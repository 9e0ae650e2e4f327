import { existsSync } from 'node:fs'
import pg from 'pg'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withDefaultUser } from '../connect'
import { createPostgresDatabase, postgresTestUrl, testBackends } from '.'

const backends = await testBackends()

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDefaultUser(postgresTestUrl(), process.env) })
  await client.connect()
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name])
    return result.rowCount === 1
  } finally {
    await client.end()
  }
}

describe('test databases', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it.each(backends)('gives out a fresh $dialect database and removes it on drop', async (backend) => {
    const first = await backend.create()
    const second = await backend.create()
    expect(first.location).not.toEqual(second.location)
    await first.store.setSetting('mine', 'first')
    expect(await second.store.getSetting('mine')).toBeNull()
    await second.drop()
    await first.drop()
    for (const { location } of [first, second]) {
      if (location.kind === 'sqlite') expect(existsSync(location.file)).toBe(false)
      else expect(await databaseExists(new URL(location.url).pathname.slice(1))).toBe(false)
    }
  })

  it.runIf(backends.length === 2)(
    'makes a raw PostgreSQL database for tests that start servers',
    async () => {
      const database = await createPostgresDatabase()
      expect(database.url).toContain(`/${database.name}`)
      expect(await databaseExists(database.name)).toBe(true)
      await database.drop()
      expect(await databaseExists(database.name)).toBe(false)
    },
  )

  it('warns once and goes on with SQLite when no PostgreSQL answers', async () => {
    vi.stubEnv('PARLEY_TEST_PG_URL', 'postgres://nobody@127.0.0.1:1/test')
    vi.stubEnv('CI', 'false')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect((await testBackends()).map((backend) => backend.dialect)).toEqual(['sqlite'])
    expect((await testBackends()).map((backend) => backend.dialect)).toEqual(['sqlite'])
    expect(warn.mock.calls).toEqual([
      [
        'PostgreSQL tests skipped: no server at postgres://nobody@127.0.0.1:1/test (start PostgreSQL or set PARLEY_TEST_PG_URL=postgres://user@host:5432/db to run them; they are required when CI=true)',
      ],
    ])
  })

  it('fails on CI when no PostgreSQL answers', async () => {
    vi.stubEnv('PARLEY_TEST_PG_URL', 'postgres://nobody@127.0.0.1:1/test')
    vi.stubEnv('CI', 'true')
    await expect(testBackends()).rejects.toThrow(
      'PostgreSQL tests are required when CI=true, but there is no server at postgres://nobody@127.0.0.1:1/test',
    )
  })
})
