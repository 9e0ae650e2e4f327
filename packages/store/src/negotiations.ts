/**
 * Negotiations: a plan (as validated JSON, plus the text the user wrote) with a version. An update
 * is a compare-and-set in one statement, so of two people saving from the same version exactly one
 * wins and the other is told which version is now current. A negotiation imported with problems has
 * no valid plan yet: version 0, `plan_json` the text `null`, and its draft beside it (drafts.ts).
 */

import { sql } from 'kysely'
import { writeAudit } from './audit'
import { clearDraft, insertDraft } from './drafts'
import { prepare } from './prepared'
import type { NegotiationRow } from './schema'
import type { Negotiation, NegotiationSummary, Outcome, PlanUpdateResult, Store } from './store'
import { forUpdate, newId, type StoreContext, SYSTEM_AUTHOR } from './transactions'

/** What `plan_json` holds while a negotiation has no valid plan (version 0). */
const NO_PLAN_JSON = 'null'

const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'title',
  'context',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'last_activity_at',
  'event_count',
  'archived_at',
] as const

export function rowToSummary(
  row: Omit<NegotiationRow, 'plan_json' | 'plan_text' | 'plan_format'>,
): NegotiationSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    context: row.context,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    eventCount: row.event_count,
    archivedAt: row.archived_at,
  }
}

export function rowToNegotiation(row: NegotiationRow): Negotiation {
  return {
    ...rowToSummary(row),
    planJson: row.version === 0 ? null : row.plan_json,
    planText: row.plan_text,
    planFormat: row.plan_format,
  }
}

type NegotiationMethods =
  | 'createNegotiation'
  | 'listNegotiations'
  | 'getNegotiation'
  | 'getNegotiationAs'
  | 'updatePlan'
  | 'deleteNegotiation'
  | 'renameNegotiation'
  | 'archiveNegotiation'

export function negotiations(ctx: StoreContext): Pick<Store, NegotiationMethods> {
  const negotiationQuery = prepare(['workspaceId', 'id'], (v) =>
    ctx.db
      .selectFrom('negotiations')
      .selectAll()
      .where('id', '=', v.id)
      .where('workspace_id', '=', v.workspaceId),
  )
  const negotiationAsQuery = prepare(['workspaceId', 'id', 'userId'], (v) =>
    ctx.db
      .selectFrom('memberships')
      .leftJoin('negotiations', (join) =>
        join
          .onRef('negotiations.workspace_id', '=', 'memberships.workspace_id')
          .on('negotiations.id', '=', v.id),
      )
      .select([
        'memberships.role',
        'negotiations.id',
        'negotiations.workspace_id',
        'negotiations.title',
        'negotiations.context',
        'negotiations.plan_json',
        'negotiations.plan_text',
        'negotiations.plan_format',
        'negotiations.version',
        'negotiations.created_by',
        'negotiations.created_at',
        'negotiations.updated_at',
        'negotiations.last_activity_at',
        'negotiations.event_count',
        'negotiations.archived_at',
      ])
      .where('memberships.workspace_id', '=', v.workspaceId)
      .where('memberships.user_id', '=', v.userId),
  )
  return {
    async createNegotiation(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const now = ctx.now()
        const version = input.planJson === null ? 0 : 1
        const row: NegotiationRow = {
          id: newId(),
          workspace_id: input.workspaceId,
          title: input.title,
          context: input.context,
          plan_json: input.planJson ?? NO_PLAN_JSON,
          plan_text: input.planJson === null ? null : input.planText,
          plan_format: input.planJson === null ? null : input.planFormat,
          version,
          created_by: actor.userId ?? SYSTEM_AUTHOR,
          created_at: now,
          updated_at: now,
          last_activity_at: now,
          event_count: 0,
          archived_at: null,
        }
        await trx.insertInto('negotiations').values(row).execute()
        if (input.draft) await insertDraft(ctx, trx, row.id, input.draft, actor)
        await writeAudit(ctx, trx, {
          workspaceId: input.workspaceId,
          userId: actor.userId,
          action: input.duplicateOf === undefined ? 'negotiation.create' : 'negotiation.duplicate',
          target: `negotiation:${row.id}`,
          detail: {
            version,
            ...(input.draft ? { draft: true } : {}),
            ...(input.duplicateOf === undefined ? {} : { from: input.duplicateOf }),
          },
        })
        return rowToNegotiation(row)
      })
    },

    async listNegotiations(workspaceId, options = {}) {
      const rows = await ctx.db
        .selectFrom('negotiations')
        .select(SUMMARY_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('archived_at', options.archived ? 'is not' : 'is', null)
        .orderBy('last_activity_at', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute()
      return rows.map(rowToSummary)
    },

    async getNegotiation(workspaceId, id) {
      const row = await negotiationQuery.first(ctx.read, { workspaceId, id })
      return row ? rowToNegotiation(row) : null
    },

    async getNegotiationAs(workspaceId, id, userId) {
      const row = await negotiationAsQuery.first(ctx.read, { workspaceId, id, userId })
      if (!row) return { role: null, negotiation: null }
      const { role, ...negotiation } = row
      return {
        role,
        negotiation: negotiation.id === null ? null : rowToNegotiation(negotiation as NegotiationRow),
      }
    },

    async updatePlan(update, actor) {
      return ctx.db.transaction().execute(async (trx): Promise<PlanUpdateResult> => {
        const now = ctx.now()
        const row = await trx
          .updateTable('negotiations')
          .set({
            title: update.title,
            context: update.context,
            plan_json: update.planJson,
            plan_text: update.planText,
            plan_format: update.planFormat,
            version: sql<number>`version + 1`,
            updated_at: now,
            last_activity_at: now,
          })
          .where('id', '=', update.negotiationId)
          .where('workspace_id', '=', update.workspaceId)
          .where('version', '=', update.expectedVersion)
          .returningAll()
          .executeTakeFirst()
        if (!row) {
          const current = await trx
            .selectFrom('negotiations')
            .select('version')
            .where('id', '=', update.negotiationId)
            .where('workspace_id', '=', update.workspaceId)
            .executeTakeFirst()
          if (!current)
            return { ok: false, code: 'not_found', message: 'No such negotiation in this workspace.' }
          return {
            ok: false,
            code: 'stale',
            message: `The plan changed since version ${update.expectedVersion}: it is now at version ${current.version}.`,
            current: current.version,
          }
        }
        const cleared = update.clearDraft !== undefined && (await clearDraft(trx, row.id, update.clearDraft))
        await writeAudit(ctx, trx, {
          workspaceId: update.workspaceId,
          userId: actor.userId,
          action: 'negotiation.update',
          target: `negotiation:${row.id}`,
          detail: {
            from: update.expectedVersion,
            to: row.version,
            ...(cleared ? { draftCleared: true } : {}),
          },
        })
        if (update.floorChange)
          await writeAudit(ctx, trx, {
            workspaceId: update.workspaceId,
            userId: actor.userId,
            action: 'negotiation.floor_change',
            target: `negotiation:${row.id}`,
            detail: {
              fields: update.floorChange.fields,
              reason: update.floorChange.reason,
              from: update.expectedVersion,
              to: row.version,
            },
          })
        return { ok: true, value: rowToNegotiation(row) }
      })
    },

    async deleteNegotiation(workspaceId, id, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('negotiations')
          .where('id', '=', id)
          .where('workspace_id', '=', workspaceId)
          .returning(['version', 'event_count'])
          .executeTakeFirst()
        if (!row) return false
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: 'negotiation.delete',
          target: `negotiation:${id}`,
          detail: { version: row.version, events: row.event_count },
        })
        return true
      })
    },

    async renameNegotiation(rename, actor) {
      return ctx.db
        .transaction()
        .execute(async (trx): Promise<Outcome<NegotiationSummary, 'not_found' | 'stale'>> => {
          const stale = {
            ok: false,
            code: 'stale',
            message: 'The plan or its draft changed meanwhile.',
          } as const
          const before = await forUpdate(
            ctx,
            trx
              .selectFrom('negotiations')
              .select(['title', 'version'])
              .where('id', '=', rename.negotiationId)
              .where('workspace_id', '=', rename.workspaceId),
          ).executeTakeFirst()
          if (!before)
            return { ok: false, code: 'not_found', message: 'No such negotiation in this workspace.' }
          if (before.version !== rename.expectedVersion || (before.version === 0) !== (rename.plan === null))
            return stale
          const draft = await trx
            .selectFrom('drafts')
            .select(['version', 'text'])
            .where('negotiation_id', '=', rename.negotiationId)
            .executeTakeFirst()
          const hasDraft = draft !== undefined && draft.text !== null
          if (hasDraft !== (rename.draft !== null)) return stale
          if (rename.draft && draft?.version !== rename.draft.expectedVersion) return stale
          const now = ctx.now()
          const row = await trx
            .updateTable('negotiations')
            .set({
              title: rename.title,
              ...(rename.plan
                ? {
                    plan_json: rename.plan.planJson,
                    plan_text: rename.plan.planText,
                    version: sql<number>`version + 1`,
                  }
                : {}),
              updated_at: now,
            })
            .where('id', '=', rename.negotiationId)
            .returning(SUMMARY_COLUMNS)
            .executeTakeFirstOrThrow()
          if (rename.draft) {
            await trx
              .updateTable('drafts')
              .set({
                text: rename.draft.text,
                problems: rename.draft.problems,
                valid: rename.draft.valid ? 1 : 0,
                version: sql<number>`version + 1`,
                updated_by: actor.userId ?? SYSTEM_AUTHOR,
                updated_at: now,
              })
              .where('negotiation_id', '=', rename.negotiationId)
              .execute()
          }
          await writeAudit(ctx, trx, {
            workspaceId: rename.workspaceId,
            userId: actor.userId,
            action: 'negotiation.rename',
            target: `negotiation:${rename.negotiationId}`,
            detail: { from: before.title, to: rename.title, version: row.version },
          })
          return { ok: true, value: rowToSummary(row) }
        })
    },

    async archiveNegotiation(workspaceId, id, archived, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const before = await forUpdate(
          ctx,
          trx
            .selectFrom('negotiations')
            .select(SUMMARY_COLUMNS)
            .where('id', '=', id)
            .where('workspace_id', '=', workspaceId),
        ).executeTakeFirst()
        if (!before) return null
        if ((before.archived_at !== null) === archived) return rowToSummary(before)
        const row = await trx
          .updateTable('negotiations')
          .set({ archived_at: archived ? ctx.now() : null })
          .where('id', '=', id)
          .returning(SUMMARY_COLUMNS)
          .executeTakeFirstOrThrow()
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: archived ? 'negotiation.archive' : 'negotiation.restore',
          target: `negotiation:${id}`,
          detail: { title: row.title },
        })
        return rowToSummary(row)
      })
    },
  }
}
