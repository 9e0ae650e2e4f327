/**
 * Negotiations: a plan (as validated JSON, plus the text the user wrote) with a version. An update
 * is a compare-and-set in one statement, so of two people saving from the same version exactly one
 * wins and the other is told which version is now current.
 */

import { sql } from 'kysely'
import { writeAudit } from './audit'
import { prepare } from './prepared'
import type { NegotiationRow } from './schema'
import type { Negotiation, NegotiationSummary, PlanUpdateResult, Store } from './store'
import { newId, type StoreContext, SYSTEM_AUTHOR } from './transactions'

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
  }
}

export function rowToNegotiation(row: NegotiationRow): Negotiation {
  return {
    ...rowToSummary(row),
    planJson: row.plan_json,
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
      ])
      .where('memberships.workspace_id', '=', v.workspaceId)
      .where('memberships.user_id', '=', v.userId),
  )
  return {
    async createNegotiation(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const now = ctx.now()
        const row: NegotiationRow = {
          id: newId(),
          workspace_id: input.workspaceId,
          title: input.title,
          context: input.context,
          plan_json: input.planJson,
          plan_text: input.planText,
          plan_format: input.planFormat,
          version: 1,
          created_by: actor.userId ?? SYSTEM_AUTHOR,
          created_at: now,
          updated_at: now,
          last_activity_at: now,
          event_count: 0,
        }
        await trx.insertInto('negotiations').values(row).execute()
        await writeAudit(ctx, trx, {
          workspaceId: input.workspaceId,
          userId: actor.userId,
          action: 'negotiation.create',
          target: `negotiation:${row.id}`,
          detail: { version: 1 },
        })
        return rowToNegotiation(row)
      })
    },

    async listNegotiations(workspaceId) {
      const rows = await ctx.db
        .selectFrom('negotiations')
        .select([
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
        ])
        .where('workspace_id', '=', workspaceId)
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
        await writeAudit(ctx, trx, {
          workspaceId: update.workspaceId,
          userId: actor.userId,
          action: 'negotiation.update',
          target: `negotiation:${row.id}`,
          detail: { from: update.expectedVersion, to: row.version },
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
  }
}
