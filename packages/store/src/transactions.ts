/**
 * What every repository module shares: the connection, the dialect, the clock, and the few places
 * where the two dialects must be told apart (row locks, constraint errors). Every change runs in one
 * transaction: on PostgreSQL at READ COMMITTED, with `SELECT ... FOR UPDATE` where a read decides a
 * write; on SQLite with `BEGIN IMMEDIATE` on the single connection, which already excludes every
 * other writer, so there is no row lock to take.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely'
import type { Database } from './schema'
import type { Dialect, Timestamp } from './store'

export interface StoreContext {
  readonly db: Kysely<Database>
  /**
   * For lookups outside a transaction that must not wait for one (who holds this token, may they
   * see this negotiation): SQLite's read-only second connection, PostgreSQL's pool. Never write here.
   */
  readonly read: Kysely<Database>
  readonly dialect: Dialect
  readonly now: () => Timestamp
}

/** The database or a transaction: read helpers take either. */
export type Executor = Kysely<Database> | Transaction<Database>

/** `created_by` of what the system made with no person behind it (an import, a script run by an operator). */
export const SYSTEM_AUTHOR = 'system'

export function newId(): string {
  return randomUUID()
}

/** Locks the selected rows until the transaction ends (PostgreSQL; SQLite's writer lock covers it). */
export function forUpdate<DB, TB extends keyof DB, O>(
  ctx: StoreContext,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return ctx.dialect === 'postgres' ? query.forUpdate() : query
}

const UNIQUE_VIOLATION_CODES = new Set([
  '23505', // PostgreSQL unique_violation
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
])

/** A write lost a race to a unique key: the caller re-reads and answers with a refusal or a replay. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  return typeof error.code === 'string' && UNIQUE_VIOLATION_CODES.has(error.code)
}
