/**
 * The schema's history as a static map, applied in name order when a store opens. A map rather than
 * a folder scan so the server bundles with esbuild and no file is looked up at run time. To change
 * the schema, add a file named `YYYYMMDDNN_what.ts` and list it here; never edit a merged
 * migration.
 *
 * Kysely's migrator serialises concurrent runs: on PostgreSQL with an advisory lock, so two server
 * instances starting at once against one database both succeed and apply each migration once; on
 * SQLite with the write lock of the transaction it runs in.
 */
import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely'
import type { Database } from '../schema'
import * as initial from './2026112501_initial'
import * as accountSecurity from './2026120301_account_security'
import * as drafts from './2026120501_drafts'
import * as shareLinks from './2026120502_share_links'

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026112501_initial': initial,
  '2026120301_account_security': accountSecurity,
  '2026120501_drafts': drafts,
  '2026120502_share_links': shareLinks,
}

export const LATEST_MIGRATION: string = Object.keys(MIGRATIONS).sort().at(-1) ?? ''

export type MigrationOutcome =
  | { ok: true; applied: string[] }
  | { ok: false; failedMigration: string | null; error: unknown }

/** Brings the database to the latest migration; a database already there is left alone. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result: MigrationResult) => result.status === 'Error')
    return { ok: false, failedMigration: failed?.migrationName ?? null, error }
  }
  return { ok: true, applied: results.map((result) => result.migrationName) }
}
