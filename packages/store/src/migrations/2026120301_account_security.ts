/**
 * Account security: when and how a password was last set (so the web app can tell someone their
 * password was changed by another route than their own session), and an optional expiry for API
 * tokens. Both columns are nullable, so existing rows keep working unchanged: a password never
 * changed since the account was made, a token that never expires.
 */
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute()
  await db.schema
    .alterTable('users')
    .addColumn('password_changed_via', 'text', (c) =>
      c.check(sql`password_changed_via in ('self', 'reset-link', 'machine')`),
    )
    .execute()
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute()
}
