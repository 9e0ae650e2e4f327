/**
 * Drafts and managed negotiations (issue 15): a negotiation may be archived (hidden from the list,
 * restorable), and keeps its latest draft beside the last valid plan, so an edit with a problem is
 * saved and shared rather than lost. A negotiation imported with problems has no valid plan yet: its
 * version is 0 and its `plan_json` holds `null` until a valid plan is saved.
 *
 * One draft per negotiation, cascading with it. A cleared draft keeps its row with no text, so its
 * version keeps counting and an If-Match from before the clear never matches a later draft.
 */
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('negotiations').addColumn('archived_at', 'text').execute()

  await db.schema
    .createTable('drafts')
    .addColumn('negotiation_id', 'text', (c) =>
      c.primaryKey().references('negotiations.id').onDelete('cascade'),
    )
    .addColumn('text', 'text')
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('yaml', 'json')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull().check(sql`valid in (0, 1)`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
