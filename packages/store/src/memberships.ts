/**
 * Who belongs to a workspace, with which role. A workspace always keeps at least one owner: the
 * checks run with the workspace locked, so two owners demoting each other at the same moment end
 * with one of them refused rather than with nobody in charge.
 */

import { writeAudit } from './audit'
import { prepare } from './prepared'
import { isAtLeast, type Member, type Outcome, type Role, type Store } from './store'
import { type Executor, forUpdate, type StoreContext } from './transactions'
import { lockWorkspace } from './workspaces'

/** The stronger of two roles: an invitation never lowers what someone already holds. */
export function higherRole(a: Role, b: Role): Role {
  return isAtLeast(a, b) ? a : b
}

async function findMember(db: Executor, workspaceId: string, userId: string): Promise<Member | undefined> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.joined_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst()
  return row
    ? { userId: row.id, email: row.email, name: row.name, role: row.role, joinedAt: row.joined_at }
    : undefined
}

async function countOwners(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * The recovery rule: whether `ownerId` owns every workspace `memberId` belongs to (true for an
 * account in no workspace). A reset link hands over the whole account, with every workspace it is
 * in, so an owner may make one only when that reaches nothing they do not already control.
 */
export async function ownsEveryWorkspaceOf(
  db: Executor,
  ownerId: string,
  memberId: string,
): Promise<boolean> {
  const outside = await db
    .selectFrom('memberships as member')
    .select('member.workspace_id')
    .where('member.user_id', '=', memberId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships as owner')
            .select('owner.workspace_id')
            .whereRef('owner.workspace_id', '=', 'member.workspace_id')
            .where('owner.user_id', '=', ownerId)
            .where('owner.role', '=', 'owner'),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst()
  return outside === undefined
}

/**
 * Locks the rows that make `ownerId` an owner (PostgreSQL; SQLite's writer lock covers it), so a
 * demotion or removal waits until the transaction that relies on them ends.
 */
export async function lockOwnerships(ctx: StoreContext, db: Executor, ownerId: string): Promise<void> {
  await forUpdate(
    ctx,
    db
      .selectFrom('memberships')
      .select('workspace_id')
      .where('user_id', '=', ownerId)
      .where('role', '=', 'owner'),
  ).execute()
}

function notMember(): { ok: false; code: 'not_found'; message: string } {
  return { ok: false, code: 'not_found', message: 'No such member in this workspace.' }
}

function lastOwner(): { ok: false; code: 'last_owner'; message: string } {
  return {
    ok: false,
    code: 'last_owner',
    message: 'A workspace needs at least one owner: make someone else an owner first.',
  }
}

type MembershipMethods = 'getRole' | 'listMembers' | 'setRole' | 'removeMember'

export function memberships(ctx: StoreContext): Pick<Store, MembershipMethods> {
  const roleQuery = prepare(['workspaceId', 'userId'], (v) =>
    ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', v.workspaceId)
      .where('user_id', '=', v.userId),
  )
  return {
    async getRole(workspaceId, userId) {
      const row = await roleQuery.first(ctx.read, { workspaceId, userId })
      return row?.role ?? null
    },

    async listMembers(workspaceId) {
      const rows = await ctx.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.joined_at'])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('memberships.joined_at')
        .orderBy('users.email')
        .execute()
      return rows.map((row) => ({
        userId: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        joinedAt: row.joined_at,
      }))
    },

    async setRole(workspaceId, userId, role, actor): Promise<Outcome<Member, 'not_found' | 'last_owner'>> {
      return ctx.db.transaction().execute(async (trx) => {
        if (!(await lockWorkspace(ctx, trx, workspaceId))) return notMember()
        const member = await findMember(trx, workspaceId, userId)
        if (!member) return notMember()
        if (member.role === role) return { ok: true, value: member }
        if (member.role === 'owner' && (await countOwners(trx, workspaceId)) <= 1) return lastOwner()
        await trx
          .updateTable('memberships')
          .set({ role })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute()
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: 'member.role',
          target: `user:${userId}`,
          detail: { from: member.role, to: role },
        })
        return { ok: true, value: { ...member, role } }
      })
    },

    async removeMember(workspaceId, userId, actor): Promise<Outcome<true, 'not_found' | 'last_owner'>> {
      return ctx.db.transaction().execute(async (trx) => {
        if (!(await lockWorkspace(ctx, trx, workspaceId))) return notMember()
        const member = await findMember(trx, workspaceId, userId)
        if (!member) return notMember()
        if (member.role === 'owner' && (await countOwners(trx, workspaceId)) <= 1) return lastOwner()
        await trx
          .deleteFrom('memberships')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute()
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: 'member.remove',
          target: `user:${userId}`,
          detail: { role: member.role },
        })
        return { ok: true, value: true }
      })
    },
  }
}
