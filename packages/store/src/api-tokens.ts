/**
 * API tokens for scripts: named, per user, found by the SHA-256 hash of the secret, which is shown
 * once when made and never stored in the clear.
 */
import { writeAudit } from './audit'
import type { ApiTokenRow } from './schema'
import type { ApiToken, Store } from './store'
import { newId, type StoreContext } from './transactions'

export function rowToApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }
}

type TokenMethods = 'createApiToken' | 'useApiToken' | 'listApiTokens' | 'deleteApiToken'

export function apiTokens(ctx: StoreContext): Pick<Store, TokenMethods> {
  return {
    async createApiToken(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const row: ApiTokenRow = {
          id: newId(),
          user_id: input.userId,
          name: input.name,
          token_hash: input.tokenHash,
          created_at: ctx.now(),
          last_used_at: null,
        }
        await trx.insertInto('api_tokens').values(row).execute()
        await writeAudit(ctx, trx, {
          workspaceId: null,
          userId: actor.userId,
          action: 'token.create',
          target: `token:${row.id}`,
          detail: { name: row.name },
        })
        return rowToApiToken(row)
      })
    },

    async useApiToken(tokenHash, now) {
      const row = await ctx.db
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('token_hash', '=', tokenHash)
        .returningAll()
        .executeTakeFirst()
      return row ? rowToApiToken(row) : null
    },

    async listApiTokens(userId) {
      const rows = await ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(rowToApiToken)
    },

    async deleteApiToken(userId, id, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('api_tokens')
          .where('id', '=', id)
          .where('user_id', '=', userId)
          .executeTakeFirst()
        if (Number(result.numDeletedRows) === 0) return false
        await writeAudit(ctx, trx, {
          workspaceId: null,
          userId: actor.userId,
          action: 'token.delete',
          target: `token:${id}`,
        })
        return true
      })
    },
  }
}
