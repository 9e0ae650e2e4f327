/**
 * The workspace's tradeables library: reusable entries (things we can give or ask for) kept as the
 * server's JSON, with a name to list them by.
 */
import { insertAudited, writeAudit } from './audit'
import type { TradeableRow } from './schema'
import type { Store, Tradeable } from './store'
import { newId, type StoreContext } from './transactions'

export function rowToTradeable(row: TradeableRow): Tradeable {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    body: row.body,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

type TradeableMethods =
  | 'listTradeables'
  | 'getTradeable'
  | 'createTradeable'
  | 'updateTradeable'
  | 'deleteTradeable'

export function tradeables(ctx: StoreContext): Pick<Store, TradeableMethods> {
  return {
    async listTradeables(workspaceId) {
      const rows = await ctx.db
        .selectFrom('tradeables')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .orderBy('id')
        .execute()
      return rows.map(rowToTradeable)
    },

    async getTradeable(workspaceId, id) {
      const row = await ctx.db
        .selectFrom('tradeables')
        .selectAll()
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst()
      return row ? rowToTradeable(row) : null
    },

    async createTradeable(input, actor) {
      const now = ctx.now()
      const row: TradeableRow = {
        id: newId(),
        workspace_id: input.workspaceId,
        name: input.name,
        body: input.body,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      }
      await insertAudited(ctx, 'tradeables', row, {
        workspaceId: input.workspaceId,
        userId: actor.userId,
        action: 'tradeable.create',
        target: `tradeable:${row.id}`,
        detail: { name: row.name },
      })
      return rowToTradeable(row)
    },

    async updateTradeable(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('tradeables')
          .set({ name: input.name, body: input.body, updated_at: ctx.now() })
          .where('id', '=', input.id)
          .where('workspace_id', '=', input.workspaceId)
          .returningAll()
          .executeTakeFirst()
        if (!row) return null
        await writeAudit(ctx, trx, {
          workspaceId: input.workspaceId,
          userId: actor.userId,
          action: 'tradeable.update',
          target: `tradeable:${row.id}`,
          detail: { name: row.name },
        })
        return rowToTradeable(row)
      })
    },

    async deleteTradeable(workspaceId, id, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('tradeables')
          .where('id', '=', id)
          .where('workspace_id', '=', workspaceId)
          .returning('name')
          .executeTakeFirst()
        if (!row) return false
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: 'tradeable.delete',
          target: `tradeable:${id}`,
          detail: { name: row.name },
        })
        return true
      })
    },
  }
}
