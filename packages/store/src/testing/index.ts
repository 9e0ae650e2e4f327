/**
 * Test databases for this package's tests and the server's: every backend the machine can run,
 * each handing out fresh, isolated databases. SQLite always (a new file in a temporary folder);
 * PostgreSQL when a server answers at `PARLEY_TEST_PG_URL` (default `postgres://127.0.0.1:5432/test`),
 * where each database is a new `parley_test_<random>` on that server, dropped afterwards. Without a
 * server the PostgreSQL tests are skipped with a warning, except on CI (`CI=true`), where that is
 * an error: a suite that quietly ran on one backend would prove nothing about the other.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { reasonOf, withDefaultUser } from '../connect'
import { redactUrl, SQLITE_FILE_NAME, type StoreLocation } from '../location'
import { type OpenOptions, openStore } from '../open'
import type { Dialect, Store } from '../store'

export const DEFAULT_POSTGRES_TEST_URL = 'postgres://127.0.0.1:5432/test'

export interface TestDatabase {
  store: Store
  location: StoreLocation
  /** Closes the store and removes the database. */
  drop(): Promise<void>
}

export interface TestBackend {
  dialect: Dialect
  /** A fresh, migrated, empty database that no other test sees. */
  create(options?: OpenOptions): Promise<TestDatabase>
}

/** The server the PostgreSQL tests make their databases on. */
export function postgresTestUrl(env: Record<string, string | undefined> = process.env): string {
  return env.PARLEY_TEST_PG_URL?.trim() || DEFAULT_POSTGRES_TEST_URL
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: withDefaultUser(postgresTestUrl(), process.env),
    connectionTimeoutMillis: 2_000,
  })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const reachability = new Map<string, Promise<string | null>>()

/** Null when the test server answers, else why not (asked once per process and URL). */
export function postgresUnreachableReason(): Promise<string | null> {
  const url = postgresTestUrl()
  let answer = reachability.get(url)
  if (answer === undefined) {
    answer = withAdminClient(async (client) => {
      await client.query('select 1')
      return null
    }).catch((error: unknown) => reasonOf(error))
    reachability.set(url, answer)
  }
  return answer
}

/**
 * A new empty database on the test server, for tests that need a raw URL (a server process started
 * with `DATABASE_URL`). Nothing is migrated: whoever opens it first does that.
 */
export async function createPostgresDatabase(): Promise<{
  url: string
  name: string
  drop(): Promise<void>
}> {
  const name = `parley_test_${randomBytes(6).toString('hex')}`
  await withAdminClient((client) => client.query(`create database ${name}`))
  const url = new URL(postgresTestUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    // FORCE ends connections a crashed test or a killed server process left behind.
    drop: () =>
      withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => {},
      ),
  }
}

/** A new folder with a path for a SQLite file in it, removed with everything in it by `drop`. */
export async function createSqliteFile(): Promise<{ file: string; drop(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'parley-store-'))
  return { file: join(folder, SQLITE_FILE_NAME), drop: () => rm(folder, { recursive: true, force: true }) }
}

const sqliteBackend: TestBackend = {
  dialect: 'sqlite',
  async create(options) {
    const { file, drop } = await createSqliteFile()
    const location: StoreLocation = { kind: 'sqlite', file }
    let store: Store
    try {
      store = await openStore(location, options)
    } catch (error) {
      await drop()
      throw error
    }
    return {
      store,
      location,
      async drop() {
        await store.close()
        await drop()
      },
    }
  },
}

const postgresBackend: TestBackend = {
  dialect: 'postgres',
  async create(options) {
    const database = await createPostgresDatabase()
    const location: StoreLocation = { kind: 'postgres', url: database.url }
    let store: Store
    try {
      store = await openStore(location, { env: process.env, ...options })
    } catch (error) {
      await database.drop()
      throw error
    }
    return {
      store,
      location,
      async drop() {
        await store.close()
        await database.drop()
      },
    }
  },
}

// Once per URL for each module instance: Vitest loads this module afresh in every test file, so a
// run prints it once per file that asks.
const warned = new Set<string>()
function warnOnce(url: string, message: string): void {
  if (warned.has(url)) return
  warned.add(url)
  console.warn(message)
}

/** The backends to run the same tests against: SQLite always, PostgreSQL when it can be reached. */
export async function testBackends(): Promise<TestBackend[]> {
  const reason = await postgresUnreachableReason()
  if (reason === null) return [sqliteBackend, postgresBackend]
  const url = redactUrl(postgresTestUrl())
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL tests are required when CI=true, but there is no server at ${url}: ${reason}`)
  }
  warnOnce(
    url,
    `PostgreSQL tests skipped: no server at ${url} (start PostgreSQL or set PARLEY_TEST_PG_URL=postgres://user@host:5432/db to run them; they are required when CI=true)`,
  )
  return [sqliteBackend]
}

export {
  addUser,
  addWorkspace,
  emptyDump,
  type ManualClock,
  manualClock,
  noteEvent,
  sha256,
} from './fixtures'
