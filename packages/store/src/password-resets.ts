/**
 * Password resets: a one-time link an owner makes for a member who forgot their password. Using it
 * sets the new password, marks the link used and ends every session and API token of that user, in
 * one transaction with the link's row locked, so a link works once even when clicked twice at once.
 *
 * The recovery rule keeps a reset from becoming a takeover: the link hands over the whole account,
 * so an owner may make one only for an account every one of whose workspaces they own too. It is
 * checked when the link is made and again when it is used, under locks on the account's row and on
 * the maker's ownerships, since the member may have joined another workspace (or the maker lost a
 * workspace) in between.
 */
import { writeAudit } from './audit'
import { lockOwnerships, ownsEveryWorkspaceOf } from './memberships'
import type { Outcome, PasswordChange, Store } from './store'
import { forUpdate, newId, type StoreContext } from './transactions'
import { lockUser, setPassword } from './users'

type ResetCode = 'invalid' | 'expired' | 'used' | 'reset_not_allowed'

function refuse(code: ResetCode): { ok: false; code: ResetCode; message: string } {
  const messages = {
    invalid: 'This password reset link is not valid.',
    expired: 'This password reset link has expired: ask an owner for a new one.',
    used: 'This password reset link has already been used.',
    reset_not_allowed:
      'This account belongs to a workspace the maker of the link does not own, so the link can not be used.',
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
        .select(['user_id', 'created_by', 'expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst()
      if (!row) return null
      return {
        userId: row.user_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        allowed: await ownsEveryWorkspaceOf(ctx.db, row.created_by, row.user_id),
      }
    },

    async createPasswordReset(input, actor): Promise<Outcome<{ id: string }, 'reset_not_allowed'>> {
      return ctx.db.transaction().execute(async (trx) => {
        if (!(await ownsEveryWorkspaceOf(trx, actor.userId, input.userId)))
          return {
            ok: false,
            code: 'reset_not_allowed',
            message: 'This member also belongs to a workspace you do not own.',
          } as const
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
        return { ok: true, value: { id } }
      })
    },

    async consumePasswordReset(input): Promise<Outcome<PasswordChange, ResetCode>> {
      return ctx.db.transaction().execute(async (trx): Promise<Outcome<PasswordChange, ResetCode>> => {
        const reset = await forUpdate(
          ctx,
          trx.selectFrom('password_resets').selectAll().where('token_hash', '=', input.tokenHash),
        ).executeTakeFirst()
        if (!reset) return refuse('invalid')
        if (reset.used_at !== null) return refuse('used')
        if (reset.expires_at <= input.now) return refuse('expired')
        if (!(await lockUser(ctx, trx, reset.user_id))) return refuse('invalid')
        await lockOwnerships(ctx, trx, reset.created_by)
        if (!(await ownsEveryWorkspaceOf(trx, reset.created_by, reset.user_id)))
          return refuse('reset_not_allowed')
        await trx
          .updateTable('password_resets')
          .set({ used_at: input.now })
          .where('id', '=', reset.id)
          .execute()
        const change = await setPassword(ctx, trx, {
          userId: reset.user_id,
          passwordHash: input.passwordHash,
          via: 'reset-link',
          now: input.now,
          actorId: reset.user_id,
          detail: { resetId: reset.id, linkMadeBy: reset.created_by },
        })
        return change ? { ok: true, value: change } : refuse('invalid')
      })
    },
  }
}
