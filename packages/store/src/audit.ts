/**
 * The audit log: who changed what, written in the same transaction as the change, so an entry
 * exists exactly when the change does. Entries are per workspace where there is one; account-level
 * changes (names, API tokens) have none, except password changes, which go to every workspace of
 * the account. Details are small JSON: versions, roles, names; never a secret, a hash or plan
 * contents.
 */
import type { AuditRow, Database } from './schema'
import type { AuditEntry, Store } from './store'
import type { Executor, StoreContext } from './transactions'

export const AUDIT_PAGE_DEFAULT = 100
export const AUDIT_PAGE_MAX = 1000

export interface AuditRecord {
  workspaceId: string | null
  userId: string | null
  action: string
  target: string | null
  detail?: Record<string, unknown> | null
}

export async function writeAudit(ctx: StoreContext, db: Executor, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: record.workspaceId,
      user_id: record.userId,
      action: record.action,
      target: record.target,
      detail: record.detail ? JSON.stringify(record.detail) : null,
      at: ctx.now(),
    })
    .execute()
}

/**
 * Writes one entry to the log of every workspace the account belongs to (account events such as a
 * password change concern every team the account can reach), or one account-level entry (no
 * workspace) when it belongs to none, so the event is never unrecorded.
 */
export async function writeAuditForAccount(
  ctx: StoreContext,
  db: Executor,
  accountId: string,
  record: Omit<AuditRecord, 'workspaceId'>,
): Promise<void> {
  const rows = await db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', accountId)
    .orderBy('workspace_id')
    .execute()
  const workspaces = rows.length > 0 ? rows.map((row) => row.workspace_id) : [null]
  for (const workspaceId of workspaces) await writeAudit(ctx, db, { ...record, workspaceId })
}

/** Tables a new row goes into with an audit entry beside it. */
type AuditedTable = 'invitations' | 'tradeables' | 'api_tokens'

/** Inserts one row and writes its audit entry, in one transaction: the entry exists exactly when the row does. */
export async function insertAudited<T extends AuditedTable>(
  ctx: StoreContext,
  table: T,
  row: Database[T],
  record: AuditRecord,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto(table)
      .values(row as never)
      .execute()
    await writeAudit(ctx, trx, record)
  })
}

export function rowToAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    action: row.action,
    target: row.target,
    detail: row.detail,
    at: row.at,
  }
}

export function auditLog(ctx: StoreContext): Pick<Store, 'listAudit'> {
  return {
    async listAudit(workspaceId, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? AUDIT_PAGE_DEFAULT), 1), AUDIT_PAGE_MAX)
      const { before, target, action } = options
      const rows = await ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .$if(before !== undefined, (query) => query.where('seq', '<', before ?? 0))
        .$if(target !== undefined, (query) => query.where('target', '=', target ?? ''))
        .$if(action !== undefined, (query) => query.where('action', '=', action ?? ''))
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute()
      return rows.map(rowToAuditEntry)
    },
  }
}
