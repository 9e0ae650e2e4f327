/**
 * Which dialect a migration runs on, for the rare column whose type must differ. Everything else in
 * a migration is written once for both.
 */
import { type Kysely, PostgresAdapter } from 'kysely'

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
