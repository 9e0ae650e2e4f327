/**
 * Password resets: a one-time link an owner makes for a member who forgot their password. Using it
 * sets the new password, marks the link used and ends every session of that user, in one
 * transaction with the link's row locked, so a link works once even when clicked twice at once.
 */
import { writeAudit } from './audit'
import type { Outcome, Store, User } from './store'
import { forUpdate, newId, type StoreContext } from './transactions'
import { rowToUser } from './users'

type ResetCode = 'invalid' | 'expired' | 'used'

function refuse(code: ResetCode): { ok: false; code: ResetCode; message: string } {
  const messages = {
    invalid: 'This password reset link is not valid.',
    expired: 'This password reset link has expired: ask an owner for a new one.',
    used: 'This password reset link has already been used.',
  }
  return { ok: false, code, message: messages[code] }
}

export function passwordResets(
  ctx: StoreContext,
): Pick<Store, 'createPasswordReset' | 'findPasswordReset' | 'consumePasswordReset'> {
  return {
    async findPasswordReset(tokenHash) {
      const row = await ctx.db
        .selectFrom('password_resets')
        .select(['user_id', 'expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst()
      return row ? { userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at } : null
    },

    async createPasswordReset(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const id = newId()
        await trx
          .insertInto('password_resets')
          .values({
            id,
            user_id: input.userId,
            workspace_id: input.workspaceId,
            token_hash: input.tokenHash,
            created_by: actor.userId,
            created_at: ctx.now(),
            expires_at: input.expiresAt,
            used_at: null,
          })
          .execute()
        await writeAudit(ctx, trx, {
          workspaceId: input.workspaceId,
          userId: actor.userId,
          action: 'password_reset.create',
          target: `user:${input.userId}`,
          detail: { resetId: id },
        })
        return { id }
      })
    },

    async consumePasswordReset(input): Promise<Outcome<User, ResetCode>> {
      return ctx.db.transaction().execute(async (trx): Promise<Outcome<User, ResetCode>> => {
        const reset = await forUpdate(
          ctx,
          trx.selectFrom('password_resets').selectAll().where('token_hash', '=', input.tokenHash),
        ).executeTakeFirst()
        if (!reset) return refuse('invalid')
        if (reset.used_at !== null) return refuse('used')
        if (reset.expires_at <= input.now) return refuse('expired')
        const row = await trx
          .updateTable('users')
          .set({ password_hash: input.passwordHash })
          .where('id', '=', reset.user_id)
          .returningAll()
          .executeTakeFirst()
        if (!row) return refuse('invalid')
        await trx
          .updateTable('password_resets')
          .set({ used_at: input.now })
          .where('id', '=', reset.id)
          .execute()
        await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute()
        await writeAudit(ctx, trx, {
          workspaceId: reset.workspace_id,
          userId: reset.user_id,
          action: 'password_reset.use',
          target: `user:${reset.user_id}`,
          detail: { resetId: reset.id },
        })
        return { ok: true, value: rowToUser(row) }
      })
    },
  }
}
