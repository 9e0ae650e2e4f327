/**
 * API tokens for scripts: named, per user, found by the SHA-256 hash of the secret, which is shown
 * once when made and never stored in the clear. A token may carry an expiry; an expired one is
 * still found (so the server can say it expired, and when) but no longer records its use.
 */

import { insertAudited, writeAudit } from './audit'
import { prepare } from './prepared'
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
    expiresAt: row.expires_at,
  }
}

/** How often a token's last use is written down. */
export const USE_PRECISION_MS = 60_000

type TokenMethods = 'createApiToken' | 'useApiToken' | 'listApiTokens' | 'deleteApiToken'

export function apiTokens(ctx: StoreContext): Pick<Store, TokenMethods> {
  const tokenQuery = prepare(['tokenHash'], (v) =>
    ctx.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('api_tokens')
      .select(['users.email', 'users.name as user_name', 'users.created_at as user_created_at'])
      .where('api_tokens.token_hash', '=', v.tokenHash),
  )
  const touchQuery = prepare(['tokenHash', 'now'], (v) =>
    ctx.db.updateTable('api_tokens').set({ last_used_at: v.now }).where('token_hash', '=', v.tokenHash),
  )
  return {
    async createApiToken(input, actor) {
      const row: ApiTokenRow = {
        id: newId(),
        user_id: input.userId,
        name: input.name,
        token_hash: input.tokenHash,
        created_at: ctx.now(),
        last_used_at: null,
        expires_at: input.expiresAt ?? null,
      }
      await insertAudited(ctx, 'api_tokens', row, {
        workspaceId: null,
        userId: actor.userId,
        action: 'token.create',
        target: `token:${row.id}`,
        detail: { name: row.name, ...(row.expires_at ? { expiresAt: row.expires_at } : {}) },
      })
      return rowToApiToken(row)
    },

    async useApiToken(tokenHash, now) {
      const row = await tokenQuery.first(ctx.read, { tokenHash })
      if (!row) return null
      const user = { id: row.user_id, email: row.email, name: row.user_name, createdAt: row.user_created_at }
      const expired = row.expires_at !== null && row.expires_at <= now
      // A write per request would make every read a write; a minute's precision is plenty.
      if (
        !expired &&
        (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) >= USE_PRECISION_MS)
      ) {
        await touchQuery.run(ctx.db, { tokenHash, now })
        row.last_used_at = now
      }
      return { ...rowToApiToken(row), user }
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
