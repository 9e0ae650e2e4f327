/**
 * Opening the connection for a location: one better-sqlite3 connection with the pragmas that make
 * an acknowledged write durable, or a pg pool. Failures come back as a `StoreOpenError` whose
 * message names the location and the reason in one line, for the CLI to print as it is.
 */
import { createHash } from 'node:crypto'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely'
import pg from 'pg'
import { describeLocation, type StoreLocation } from './location'
import type { Database } from './schema'

export const POSTGRES_POOL_SIZE = 10

/** The database could not be opened, reached or brought up to date; the message says where and why. */
export class StoreOpenError extends Error {
  readonly location: StoreLocation
  constructor(location: StoreLocation, reason: string, options?: { cause?: unknown }) {
    super(`Could not open the database (${describeLocation(location)}): ${reason}`, options)
    this.name = 'StoreOpenError'
    this.location = location
  }
}

/**
 * SQLite's plain `BEGIN` takes the write lock only at the first write, so a transaction that reads
 * then writes can fail with SQLITE_BUSY when another process wrote in between. `BEGIN IMMEDIATE`
 * takes it at the start and waits (busy_timeout) instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

/** SQLite does roll back DDL; saying so makes Kysely run each migration inside a transaction. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class ParleySqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter()
  }
}

/**
 * The reason in words. Node's connect errors have an empty or cryptic message (an AggregateError
 * of one attempt per address), so known codes get a plain sentence; the rest keep their message.
 */
export function reasonOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the server running, on that host and port?)',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    SQLITE_NOTADB: 'the file is not a SQLite database',
    SQLITE_CANTOPEN: 'the file can not be opened',
  }
  const plain = known[code]
  if (plain !== undefined) return plain
  const message = error instanceof Error ? error.message.trim() : String(error)
  if (message !== '') return message
  if (error instanceof AggregateError) return error.errors.map(reasonOf).join('; ')
  return code === '' ? 'unknown error' : code
}

/**
 * node-postgres falls back to `$USER` for a URL without a user, which containers often leave unset;
 * psql falls back to the operating-system user. Do as psql does, so `postgres://host/db` connects
 * the same way from both. `PGUSER` still wins, as it does for both: `env` is the environment the
 * entry point was started with (the store never reads it itself).
 */
export function withDefaultUser(url: string, env: Readonly<Record<string, string | undefined>>): string {
  if (env.PGUSER) return url
  try {
    const parsed = new URL(url)
    if (parsed.username !== '' || !/^postgres(ql)?:$/.test(parsed.protocol)) return url
    parsed.username = userInfo().username
    return parsed.toString()
  } catch {
    // Not a URL (or no user account to name): leave it to the driver to explain.
    return url
  }
}

/** Most prepared statements kept per connection: the store's queries are a few dozen shapes. */
const STATEMENTS_KEPT = 512

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query. The store
 * asks the same few dozen SQL texts over and over, so each is prepared once and reused.
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = statements.get(text)
      if (!statement) {
        statement = database.prepare(text)
        if (statements.size >= STATEMENTS_KEPT) statements.clear()
        statements.set(text, statement)
      }
      return statement
    },
  } as SqliteDialectConfig['database']
}

/** Owner-only modes for the database's folder (when Parley makes it) and its files. */
export const SQLITE_FOLDER_MODE = 0o700
export const SQLITE_FILE_MODE = 0o600

/** The files SQLite keeps beside the database: the write-ahead log, its index, a rollback journal. */
export function sqliteCompanionFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`]
}

/**
 * Makes the database file owner-only before SQLite opens it: SQLite creates the -wal and -shm files
 * with the database file's mode, so they follow. A database made by an older version (0644) is
 * tightened too. A folder that exists is left as it is: it may be the user's own (`./data` of
 * their project); one Parley makes is owner-only.
 */
function protectSqliteFiles(file: string): void {
  const folder = dirname(file)
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: SQLITE_FOLDER_MODE })
  // 'a' creates the file when missing and never truncates one that exists.
  closeSync(openSync(file, 'a', SQLITE_FILE_MODE))
  for (const path of [file, ...sqliteCompanionFiles(file)]) {
    try {
      chmodSync(path, SQLITE_FILE_MODE)
    } catch (error) {
      // Gone meanwhile, or not ours to change (a file another account owns and lets us write).
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'EPERM') throw error
    }
  }
}

function openSqlite(location: Extract<StoreLocation, { kind: 'sqlite' }>): Kysely<Database> {
  try {
    protectSqliteFiles(location.file)
    const database = new SqliteDatabase(location.file)
    try {
      // The timeout first, so switching to WAL waits for another process's write instead of failing.
      database.pragma('busy_timeout = 5000')
      // WAL lets readers run beside the writer; FULL syncs the WAL at every commit, so an
      // acknowledged event survives a killed process and a power cut, not just a crash.
      database.pragma('journal_mode = WAL')
      database.pragma('synchronous = FULL')
      database.pragma('foreign_keys = ON')
    } catch (error) {
      database.close()
      throw error
    }
    return new Kysely<Database>({
      dialect: new ParleySqliteDialect({ database: withStatementCache(database) }),
    })
  } catch (error) {
    throw new StoreOpenError(location, reasonOf(error), { cause: error })
  }
}

/** Most named statements one PostgreSQL connection keeps; past it, queries go unnamed. */
const NAMED_STATEMENTS_KEPT = 500

/**
 * A client that names each statement after its SQL, so PostgreSQL parses and plans it once per
 * connection and then only binds values: the same few dozen queries run for every request.
 */
class StatementCachingClient extends pg.Client {
  readonly #names = new Map<string, string>()

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this passes them all through
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
      let name = this.#names.get(config)
      if (name === undefined && this.#names.size < NAMED_STATEMENTS_KEPT) {
        name = `parley_${createHash('sha1').update(config).digest('hex').slice(0, 20)}`
        this.#names.set(config, name)
      }
      if (name !== undefined) return super.query({ name, text: config, values })
    }
    return super.query(config, values, callback)
  }
}

async function openPostgres(
  location: Extract<StoreLocation, { kind: 'postgres' }>,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: withDefaultUser(location.url, env),
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    Client: StatementCachingClient,
  })
  // An idle client losing its server emits here; without a listener that kills the process. The
  // next query reports the failure where it can be answered.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy()
    throw new StoreOpenError(location, reasonOf(error), { cause: error })
  }
  return db
}

/**
 * A Kysely instance for the location, reachable but not yet migrated. `env`: the entry point's
 * environment, for PostgreSQL's default user (see `withDefaultUser`).
 */
export async function connect(
  location: StoreLocation,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<Kysely<Database>> {
  return location.kind === 'sqlite' ? openSqlite(location) : openPostgres(location, env)
}

/**
 * A second, read-only SQLite connection for the lookups every request makes. The single writing
 * connection is held for a whole transaction (a batch of journal appends); with WAL, readers see
 * the last commit meanwhile instead of queueing behind it. Open after migrating, since the schema
 * must exist.
 */
export function openSqliteReader(location: Extract<StoreLocation, { kind: 'sqlite' }>): Kysely<Database> {
  try {
    const database = new SqliteDatabase(location.file, { readonly: true, fileMustExist: true })
    database.pragma('busy_timeout = 5000')
    return new Kysely<Database>({
      dialect: new ParleySqliteDialect({ database: withStatementCache(database) }),
    })
  } catch (error) {
    throw new StoreOpenError(location, reasonOf(error), { cause: error })
  }
}
