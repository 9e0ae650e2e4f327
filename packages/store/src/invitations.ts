/**
 * Invitations: one-time, expiring links for a role in a workspace, by the hash of the link's
 * secret. Accepting locks the invitation row, so two people racing for one link end with one
 * member and one `used`; it also takes the workspace lock every membership change takes. An
 * invitation that names an email admits only that email: a link passed on or leaked does not let
 * someone else in.
 */
import { insertAudited, writeAudit } from './audit'
import { higherRole } from './memberships'
import type { InvitationRow } from './schema'
import type { Invitation, Outcome, Role, Store, User, Workspace } from './store'
import { forUpdate, isUniqueViolation, newId, type StoreContext } from './transactions'
import { emailTaken, findUserRowByEmail, insertUser, lockUser, normalizeEmail, rowToUser } from './users'
import { lockWorkspace } from './workspaces'

export function rowToInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    role: row.role,
    email: row.email,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    revokedAt: row.revoked_at,
  }
}

type AcceptCode = 'invalid' | 'expired' | 'used' | 'email_taken' | 'wrong_email'
type Accepted = { user: User; workspace: Workspace; role: Role }

function refuse(code: Exclude<AcceptCode, 'email_taken'>): { ok: false; code: typeof code; message: string } {
  const messages = {
    invalid: 'This invitation link is not valid (it may have been revoked).',
    expired: 'This invitation has expired: ask for a new one.',
    used: 'This invitation has already been used.',
    wrong_email: 'This invitation is for another email address.',
  }
  return { ok: false, code, message: messages[code] }
}

type InvitationMethods =
  | 'createInvitation'
  | 'listInvitations'
  | 'findInvitation'
  | 'revokeInvitation'
  | 'acceptInvitation'

export function invitations(ctx: StoreContext): Pick<Store, InvitationMethods> {
  return {
    async createInvitation(input, actor) {
      const row: InvitationRow = {
        id: newId(),
        workspace_id: input.workspaceId,
        role: input.role,
        email: input.email === null ? null : normalizeEmail(input.email),
        token_hash: input.tokenHash,
        created_by: actor.userId,
        created_at: ctx.now(),
        expires_at: input.expiresAt,
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      }
      await insertAudited(ctx, 'invitations', row, {
        workspaceId: input.workspaceId,
        userId: actor.userId,
        action: 'invitation.create',
        target: `invitation:${row.id}`,
        detail: { role: row.role },
      })
      return rowToInvitation(row)
    },

    async listInvitations(workspaceId) {
      const rows = await ctx.db
        .selectFrom('invitations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute()
      return rows.map(rowToInvitation)
    },

    async findInvitation(tokenHash) {
      const row = await ctx.db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst()
      return row ? rowToInvitation(row) : null
    },

    async revokeInvitation(workspaceId, id, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('invitations')
          .set({ revoked_at: ctx.now() })
          .where('id', '=', id)
          .where('workspace_id', '=', workspaceId)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
        if (Number(result.numUpdatedRows) === 0) return false
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: 'invitation.revoke',
          target: `invitation:${id}`,
        })
        return true
      })
    },

    async acceptInvitation(input): Promise<Outcome<Accepted, AcceptCode>> {
      const newEmail = 'email' in input ? normalizeEmail(input.email) : null
      try {
        return await ctx.db.transaction().execute(async (trx): Promise<Outcome<Accepted, AcceptCode>> => {
          const invitation = await forUpdate(
            ctx,
            trx.selectFrom('invitations').selectAll().where('token_hash', '=', input.tokenHash),
          ).executeTakeFirst()
          if (!invitation || invitation.revoked_at !== null) return refuse('invalid')
          if (invitation.accepted_at !== null) return refuse('used')
          if (invitation.expires_at <= input.now) return refuse('expired')
          const workspace = await lockWorkspace(ctx, trx, invitation.workspace_id)
          if (!workspace) return refuse('invalid')

          let user: User
          let role: Role = invitation.role
          if ('userId' in input) {
            // Locked like a password reset locks it, so a reset link checked against this
            // account's workspaces can not be used while the account joins another.
            const row = await lockUser(ctx, trx, input.userId)
            if (!row) return refuse('invalid')
            if (invitation.email !== null && row.email !== invitation.email) return refuse('wrong_email')
            user = rowToUser(row)
            const existing = await trx
              .selectFrom('memberships')
              .select('role')
              .where('workspace_id', '=', workspace.id)
              .where('user_id', '=', user.id)
              .executeTakeFirst()
            if (existing) {
              role = higherRole(existing.role, invitation.role)
              if (role !== existing.role) {
                await trx
                  .updateTable('memberships')
                  .set({ role })
                  .where('workspace_id', '=', workspace.id)
                  .where('user_id', '=', user.id)
                  .execute()
              }
            } else {
              await trx
                .insertInto('memberships')
                .values({ workspace_id: workspace.id, user_id: user.id, role, joined_at: input.now })
                .execute()
            }
          } else {
            // Before the taken check, so a mismatched email learns nothing about who has an account.
            if (invitation.email !== null && normalizeEmail(input.email) !== invitation.email)
              return refuse('wrong_email')
            if (await findUserRowByEmail(trx, input.email)) return emailTaken(input.email)
            user = await insertUser(ctx, trx, input)
            await trx
              .insertInto('memberships')
              .values({ workspace_id: workspace.id, user_id: user.id, role, joined_at: input.now })
              .execute()
          }

          await trx
            .updateTable('invitations')
            .set({ accepted_at: input.now, accepted_by: user.id })
            .where('id', '=', invitation.id)
            .execute()
          await writeAudit(ctx, trx, {
            workspaceId: workspace.id,
            userId: user.id,
            action: 'invitation.accept',
            target: `invitation:${invitation.id}`,
            detail: { role, newUser: !('userId' in input) },
          })
          return { ok: true, value: { user, workspace, role } }
        })
      } catch (error) {
        // Only the new user's email is unique among the rows written here.
        if (newEmail !== null && isUniqueViolation(error)) return emailTaken(newEmail)
        throw error
      }
    },
  }
}
