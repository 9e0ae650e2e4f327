/**
 * Workspaces: the unit of sharing. Deleting one deletes everything in it by the foreign keys'
 * cascades (negotiations and their events, tradeables, invitations, password resets,
 * memberships); its audit entries stay, with the entry saying who deleted it.
 */
import { writeAudit } from './audit'
import type { WorkspaceRow } from './schema'
import type { Store, Workspace } from './store'
import { type Executor, forUpdate, newId, type StoreContext } from './transactions'

export function rowToWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, createdAt: row.created_at }
}

/** Makes a workspace with its owner; the caller writes the audit entry that fits. */
export async function insertWorkspace(
  ctx: StoreContext,
  db: Executor,
  input: { name: string; ownerId: string },
): Promise<Workspace> {
  const row: WorkspaceRow = { id: newId(), name: input.name, created_at: ctx.now() }
  await db.insertInto('workspaces').values(row).execute()
  await db
    .insertInto('memberships')
    .values({ workspace_id: row.id, user_id: input.ownerId, role: 'owner', joined_at: row.created_at })
    .execute()
  return rowToWorkspace(row)
}

/**
 * Locks the workspace row for the rest of the transaction. Every change to memberships takes this
 * lock first, so checks such as "another owner remains" see every earlier change and no later one.
 */
export async function lockWorkspace(
  ctx: StoreContext,
  db: Executor,
  workspaceId: string,
): Promise<Workspace | undefined> {
  const row = await forUpdate(
    ctx,
    db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId),
  ).executeTakeFirst()
  return row ? rowToWorkspace(row) : undefined
}

type WorkspaceMethods =
  | 'createWorkspace'
  | 'getWorkspace'
  | 'renameWorkspace'
  | 'deleteWorkspace'
  | 'listWorkspaces'

export function workspaces(ctx: StoreContext): Pick<Store, WorkspaceMethods> {
  return {
    async createWorkspace(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const workspace = await insertWorkspace(ctx, trx, input)
        await writeAudit(ctx, trx, {
          workspaceId: workspace.id,
          userId: actor.userId,
          action: 'workspace.create',
          target: `workspace:${workspace.id}`,
          detail: { name: workspace.name },
        })
        return workspace
      })
    },

    async getWorkspace(id) {
      const row = await ctx.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? rowToWorkspace(row) : null
    },

    async renameWorkspace(id, name, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const before = await lockWorkspace(ctx, trx, id)
        if (!before) return null
        const row = await trx
          .updateTable('workspaces')
          .set({ name })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await writeAudit(ctx, trx, {
          workspaceId: id,
          userId: actor.userId,
          action: 'workspace.rename',
          target: `workspace:${id}`,
          detail: { from: before.name, to: name },
        })
        return rowToWorkspace(row)
      })
    },

    async deleteWorkspace(id, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx.deleteFrom('workspaces').where('id', '=', id).returningAll().executeTakeFirst()
        if (!row) return false
        await writeAudit(ctx, trx, {
          workspaceId: id,
          userId: actor.userId,
          action: 'workspace.delete',
          target: `workspace:${id}`,
          detail: { name: row.name },
        })
        return true
      })
    },

    async listWorkspaces(userId) {
      const rows = await ctx.db
        .selectFrom('workspaces')
        .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .select(['workspaces.id', 'workspaces.name', 'workspaces.created_at', 'memberships.role'])
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.created_at')
        .orderBy('workspaces.id')
        .execute()
      return rows.map((row) => ({ ...rowToWorkspace(row), role: row.role }))
    },
  }
}
