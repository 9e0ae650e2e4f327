import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { connect, sqliteCompanionFiles, withDefaultUser } from './connect'
import { describeLocation, locateStore, openStore, StoreOpenError } from './open'
import { createSqliteFile, postgresTestUrl, postgresUnreachableReason } from './testing'

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup()
})

async function tempFolder(): Promise<string> {
  const { file, drop } = await createSqliteFile()
  cleanups.push(drop)
  return join(file, '..')
}

async function openError(promise: Promise<unknown>): Promise<StoreOpenError> {
  const error = await promise.then(
    () => new Error('expected the store not to open'),
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(StoreOpenError)
  return error as StoreOpenError
}

describe('where the data lives', () => {
  it('uses PostgreSQL when DATABASE_URL is set, else SQLite under PARLEY_DATA or ./data', () => {
    expect(locateStore({ DATABASE_URL: 'postgres://db/parley' }, '/srv')).toEqual({
      kind: 'postgres',
      url: 'postgres://db/parley',
    })
    expect(locateStore({}, '/srv/app')).toEqual({ kind: 'sqlite', file: '/srv/app/data/parley.db' })
    expect(locateStore({ DATABASE_URL: '  ', PARLEY_DATA: 'state' }, '/srv/app')).toEqual({
      kind: 'sqlite',
      file: '/srv/app/state/parley.db',
    })
    expect(locateStore({ PARLEY_DATA: '/var/lib/parley' }, '/srv/app')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/parley/parley.db',
    })
  })

  it('describes a location without ever showing a password', () => {
    expect(describeLocation({ kind: 'sqlite', file: '/srv/data/parley.db' })).toBe(
      'SQLite at /srv/data/parley.db',
    )
    expect(describeLocation({ kind: 'postgres', url: 'postgres://parley:s3cret@host:5432/db' })).toBe(
      'PostgreSQL at postgres://parley:***@host:5432/db',
    )
    expect(
      describeLocation({ kind: 'postgres', url: 'postgresql://host/db?sslmode=require&password=s3cret' }),
    ).toBe('PostgreSQL at postgresql://host/db?sslmode=require&password=***')
    expect(describeLocation({ kind: 'postgres', url: 'postgres://parley@host/db' })).toBe(
      'PostgreSQL at postgres://parley@host/db',
    )
    expect(
      describeLocation({ kind: 'postgres', url: 'not a url user:s3cret@host password=s3cret' }),
    ).not.toContain('s3cret')
  })

  it('names the operating-system user when a PostgreSQL URL names none, as psql does', () => {
    expect(withDefaultUser('postgres://host:5432/db', {})).toMatch(/^postgres:\/\/[^@/]+@host:5432\/db$/)
    expect(withDefaultUser('postgres://me@host/db', {})).toBe('postgres://me@host/db')
    expect(withDefaultUser('postgres://host/db', { PGUSER: 'someone' })).toBe('postgres://host/db')
  })
})

describe('opening SQLite', () => {
  it('creates missing folders and sets the pragmas that make writes durable', async () => {
    const file = join(await tempFolder(), 'nested', 'deeper', 'parley.db')
    const store = await openStore({ kind: 'sqlite', file })
    expect(await store.countUsers()).toBe(0)
    await store.close()
    await store.close()

    const db = await connect({ kind: 'sqlite', file })
    try {
      const pragma = async (name: string) => {
        const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db)
        return Object.values(rows[0] ?? {})[0]
      }
      expect(await pragma('journal_mode')).toBe('wal')
      expect(await pragma('synchronous')).toBe(2) // FULL
      expect(await pragma('foreign_keys')).toBe(1)
      expect(await pragma('busy_timeout')).toBe(5000)
    } finally {
      await db.destroy()
    }
  })

  it('says which file and why when it can not be opened', async () => {
    const folder = await tempFolder()
    const blocker = join(folder, 'a-file')
    await writeFile(blocker, 'not a folder')
    const underFile = await openError(openStore({ kind: 'sqlite', file: join(blocker, 'parley.db') }))
    expect(underFile.message).toMatch(
      new RegExp(`^Could not open the database \\(SQLite at ${blocker}/parley.db\\): .+`),
    )
    expect(underFile.message).not.toContain('\n')

    const garbage = join(folder, 'garbage.db')
    await writeFile(garbage, 'x'.repeat(4096))
    const notDatabase = await openError(openStore({ kind: 'sqlite', file: garbage }))
    expect(notDatabase.message).toBe(
      `Could not open the database (SQLite at ${garbage}): the file is not a SQLite database`,
    )
  })

  it('keeps the database owner-only: a folder it makes, the file, its write-ahead log and index', async () => {
    const mode = (path: string) => statSync(path).mode & 0o777
    const parent = await tempFolder()
    chmodSync(parent, 0o755)
    const folder = join(parent, 'made', 'here')
    const file = join(folder, 'parley.db')
    const store = await openStore({ kind: 'sqlite', file })
    try {
      await store.setSetting('written', 'yes')
      expect(mode(join(parent, 'made'))).toBe(0o700)
      expect(mode(folder)).toBe(0o700)
      // A folder that was there already is the user's, and stays as it was.
      expect(mode(parent)).toBe(0o755)
      const present = [file, ...sqliteCompanionFiles(file)].filter((path) => existsSync(path))
      expect(present).toEqual([file, `${file}-wal`, `${file}-shm`])
      for (const path of present) expect(mode(path), path).toBe(0o600)
    } finally {
      await store.close()
    }
  })

  it('makes an existing world-readable database owner-only when it opens it', async () => {
    const mode = (path: string) => statSync(path).mode & 0o777
    const folder = join(await tempFolder(), 'old')
    mkdirSync(folder)
    const file = join(folder, 'parley.db')
    const first = await openStore({ kind: 'sqlite', file })
    await first.setSetting('written', 'yes')
    await first.close()
    // As a version before this one left it, with a log beside it.
    await writeFile(`${file}-wal`, '')
    for (const path of [file, `${file}-wal`]) chmodSync(path, 0o644)
    const again = await openStore({ kind: 'sqlite', file })
    try {
      expect(await again.getSetting('written')).toBe('yes')
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600)
    } finally {
      await again.close()
    }
  })

  it('refuses a database written by a newer version, saying so', async () => {
    const file = join(await tempFolder(), 'parley.db')
    const store = await openStore({ kind: 'sqlite', file })
    await store.close()
    const db = await connect({ kind: 'sqlite', file })
    await sql`insert into kysely_migration (name, timestamp) values ('2099010101_future', '2099-01-01T00:00:00.000Z')`.execute(
      db,
    )
    await db.destroy()
    const error = await openError(openStore({ kind: 'sqlite', file }))
    expect(error.message).toContain('2099010101_future')
  })
})

describe('opening PostgreSQL', () => {
  it('says which server and why when it can not be reached, hiding the password', async () => {
    const url = 'postgres://parley:s3cret@127.0.0.1:1/parley'
    const error = await openError(openStore({ kind: 'postgres', url }))
    expect(error.message).toBe(
      'Could not open the database (PostgreSQL at postgres://parley:***@127.0.0.1:1/parley): connection refused (is the server running, on that host and port?)',
    )
    expect(error.location).toEqual({ kind: 'postgres', url })
  })

  it('says so when the database does not exist', async () => {
    if ((await postgresUnreachableReason()) !== null) return // covered on machines with PostgreSQL
    const url = new URL(postgresTestUrl())
    url.pathname = '/parley_no_such_database'
    const error = await openError(openStore({ kind: 'postgres', url: url.toString() }))
    expect(error.message).toContain('database "parley_no_such_database" does not exist')
  })
})
