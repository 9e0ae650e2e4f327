/**
 * Opening a store: connect, bring the schema to the latest migration, and hand back the `Store`
 * built from the repository modules. Migrating at open means a new server version upgrades its
 * database on first start; two instances starting at once are serialised by the migrator's lock.
 */
import { sql } from 'kysely'
import { apiTokens } from './api-tokens'
import { auditLog } from './audit'
import { backup } from './backup'
import { connect, openSqliteReader, reasonOf, StoreOpenError } from './connect'
import { drafts } from './drafts'
import { invitations } from './invitations'
import { journal } from './journal'
import type { StoreLocation } from './location'
import { memberships } from './memberships'
import { migrateToLatest } from './migrations'
import { negotiations } from './negotiations'
import { passwordResets } from './password-resets'
import { rateLimits } from './rate-limits'
import { sessions } from './sessions'
import { settings } from './settings'
import { setup } from './setup'
import { shareLinks } from './share-links'
import type { Store } from './store'
import { tradeables } from './tradeables'
import type { StoreContext } from './transactions'
import { users } from './users'
import { workspaces } from './workspaces'

export { StoreOpenError } from './connect'
export { describeLocation, locateStore, redactUrl, type StoreLocation } from './location'

export interface OpenOptions {
  /** The clock for the times the store stamps itself (created, updated, audit). Tests pin it. */
  now?: () => Date
  /**
   * The environment the entry point was started with: with `PGUSER` set, a PostgreSQL URL without
   * a user is left to node-postgres, which uses it (see `withDefaultUser`). The store reads no
   * environment of its own.
   */
  env?: Readonly<Record<string, string | undefined>>
}

/** Opens and migrates the database; throws `StoreOpenError` when it can not be opened, reached or migrated. */
export async function openStore(location: StoreLocation, options: OpenOptions = {}): Promise<Store> {
  const db = await connect(location, options.env)
  const migrated = await migrateToLatest(db)
  if (!migrated.ok) {
    await db.destroy()
    const step = migrated.failedMigration ? `migration ${migrated.failedMigration} failed: ` : ''
    throw new StoreOpenError(location, `${step}${reasonOf(migrated.error)}`, { cause: migrated.error })
  }

  const clock = options.now ?? (() => new Date())
  const read = location.kind === 'sqlite' ? openSqliteReader(location) : db
  const ctx: StoreContext = {
    db,
    read,
    dialect: location.kind,
    now: () => clock().toISOString(),
  }
  let closing: Promise<void> | undefined
  return {
    dialect: location.kind,
    close: () => {
      closing ??= Promise.all([db.destroy(), read === db ? undefined : read.destroy()]).then(() => {})
      return closing
    },
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    ...settings(ctx),
    ...users(ctx),
    ...setup(ctx),
    ...sessions(ctx),
    ...apiTokens(ctx),
    ...rateLimits(ctx),
    ...workspaces(ctx),
    ...memberships(ctx),
    ...invitations(ctx),
    ...passwordResets(ctx),
    ...negotiations(ctx),
    ...shareLinks(ctx),
    ...drafts(ctx),
    ...journal(ctx),
    ...tradeables(ctx),
    ...auditLog(ctx),
    ...backup(ctx),
  }
}
