/**
 * Share links (issue 16): links a team hands to the other side of a negotiation, who answer through
 * them without an account (the deal room). Only the SHA-256 of a link's secret is kept, as for
 * every other secret; a link belongs to one negotiation and goes with it. `expires_at` null: the
 * link lasts until revoked. `last_used_at` says when the other side last opened or answered it.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema
    .createIndex('share_links_negotiation_id')
    .on('share_links')
    .column('negotiation_id')
    .execute()
}
