/**
 * Browser sessions, by the SHA-256 hash of the cookie's secret: a leaked database does not hand out
 * live sessions. Sessions are bookkeeping, not history, so they are left out of the audit log and
 * out of exports (an import signs everyone out).
 */
import { prepare } from './prepared'
import type { Store } from './store'
import type { StoreContext } from './transactions'

type SessionMethods =
  | 'createSession'
  | 'getSession'
  | 'touchSession'
  | 'deleteSession'
  | 'deleteSessionsOf'
  | 'deleteExpiredSessions'

export function sessions(ctx: StoreContext): Pick<Store, SessionMethods> {
  const sessionQuery = prepare(['tokenHash'], (v) =>
    ctx.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(['users.email', 'users.name', 'users.created_at as user_created_at'])
      .where('sessions.token_hash', '=', v.tokenHash),
  )
  return {
    async createSession(input) {
      const now = input.createdAt ?? ctx.now()
      await ctx.db
        .insertInto('sessions')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          created_at: now,
          expires_at: input.expiresAt,
          last_seen_at: now,
        })
        .execute()
    },

    async getSession(tokenHash) {
      const row = await sessionQuery.first(ctx.read, { tokenHash })
      if (!row) return null
      return {
        userId: row.user_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        lastSeenAt: row.last_seen_at,
        user: { id: row.user_id, email: row.email, name: row.name, createdAt: row.user_created_at },
      }
    },

    async touchSession(tokenHash, lastSeenAt, expiresAt) {
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('token_hash', '=', tokenHash)
        .execute()
    },

    async deleteSession(tokenHash) {
      await ctx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    },

    async deleteSessionsOf(userId) {
      await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute()
    },

    async deleteExpiredSessions(now) {
      const result = await ctx.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
