/**
 * Drafts: the latest text of a negotiation's plan, valid or not, kept beside its last valid plan so
 * that one field with a problem never loses the other edits. Each negotiation has at most one; its
 * version counts every save, compare-and-set like the plan's, and goes on counting after the draft
 * is cleared (saved as the plan), so an If-Match from before the clear never matches a later draft.
 * Saves are not audited: a draft is saved continuously as someone types; the plan's changes are.
 */
import { sql } from 'kysely'
import { prepare } from './prepared'
import type { DraftRow } from './schema'
import type { Actor, Draft, DraftInput, DraftSaveResult, Store } from './store'
import { type Executor, forUpdate, type StoreContext, SYSTEM_AUTHOR } from './transactions'

export function rowToDraft(row: DraftRow & { text: string }): Draft {
  return {
    negotiationId: row.negotiation_id,
    text: row.text,
    format: row.format,
    version: row.version,
    problems: row.problems,
    valid: row.valid === 1,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }
}

function hasText(row: DraftRow): row is DraftRow & { text: string } {
  return row.text !== null
}

/** The first draft of a new negotiation (created with it, or copied by a duplicate). */
export async function insertDraft(
  ctx: StoreContext,
  db: Executor,
  negotiationId: string,
  draft: DraftInput,
  actor: Actor,
): Promise<void> {
  await db
    .insertInto('drafts')
    .values({
      negotiation_id: negotiationId,
      text: draft.text,
      format: draft.format,
      version: 1,
      problems: draft.problems,
      valid: draft.valid ? 1 : 0,
      updated_by: actor.userId ?? SYSTEM_AUTHOR,
      updated_at: ctx.now(),
    })
    .execute()
}

/** Clears the draft if it is still at `version`; whether it did. */
export async function clearDraft(db: Executor, negotiationId: string, version: number): Promise<boolean> {
  const cleared = await db
    .updateTable('drafts')
    .set({ text: null, problems: '[]', valid: 0 })
    .where('negotiation_id', '=', negotiationId)
    .where('version', '=', version)
    .where('text', 'is not', null)
    .executeTakeFirst()
  return Number(cleared.numUpdatedRows) > 0
}

export function drafts(ctx: StoreContext): Pick<Store, 'getDraft' | 'saveDraft'> {
  const draftQuery = prepare(['workspaceId', 'negotiationId'], (v) =>
    ctx.db
      .selectFrom('drafts')
      .innerJoin('negotiations', 'negotiations.id', 'drafts.negotiation_id')
      .selectAll('drafts')
      .where('drafts.negotiation_id', '=', v.negotiationId)
      .where('negotiations.workspace_id', '=', v.workspaceId),
  )
  return {
    async getDraft(workspaceId, negotiationId) {
      const row = await draftQuery.first(ctx.read, { workspaceId, negotiationId })
      return row && hasText(row) ? rowToDraft(row) : null
    },

    async saveDraft(save, actor) {
      return ctx.db.transaction().execute(async (trx): Promise<DraftSaveResult> => {
        const negotiation = await forUpdate(
          ctx,
          trx
            .selectFrom('negotiations')
            .select('id')
            .where('id', '=', save.negotiationId)
            .where('workspace_id', '=', save.workspaceId),
        ).executeTakeFirst()
        if (!negotiation)
          return { ok: false, code: 'not_found', message: 'No such negotiation in this workspace.' }
        const current = await trx
          .selectFrom('drafts')
          .select(['version', 'text'])
          .where('negotiation_id', '=', save.negotiationId)
          .executeTakeFirst()
        const version = current?.version ?? 0
        if (save.expectedVersion === undefined && current !== undefined && current.text !== null)
          return {
            ok: false,
            code: 'version_required',
            message: `A draft exists at version ${version}.`,
            current: version,
          }
        if (save.expectedVersion !== undefined && save.expectedVersion !== version)
          return {
            ok: false,
            code: 'stale',
            message: `The draft changed since version ${save.expectedVersion}: it is now at version ${version}.`,
            current: version,
          }
        const fields = {
          text: save.text,
          format: save.format,
          problems: save.problems,
          valid: save.valid ? 1 : 0,
          updated_by: actor.userId ?? SYSTEM_AUTHOR,
          updated_at: ctx.now(),
        }
        const row = current
          ? await trx
              .updateTable('drafts')
              .set({ ...fields, version: sql<number>`version + 1` })
              .where('negotiation_id', '=', save.negotiationId)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('drafts')
              .values({ ...fields, negotiation_id: save.negotiationId, version: 1 })
              .returningAll()
              .executeTakeFirstOrThrow()
        if (!hasText(row)) throw new Error('a saved draft has no text')
        return { ok: true, value: rowToDraft(row) }
      })
    },
  }
}
