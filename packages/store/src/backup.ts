/**
 * Export and import of a whole database, to back it up or move it between backends (SQLite to
 * PostgreSQL and back). The export is read in one snapshot and sorted by key in JavaScript, so two
 * databases holding the same rows give the same file whatever their collation. The import keeps
 * every id, version, seq and time, goes into an empty database only, and runs in one transaction
 * in foreign-key order. Sessions and rate-limit counters are left out: an import signs everyone out.
 */
import { sql } from 'kysely'
import { rowToApiToken } from './api-tokens'
import { rowToAuditEntry } from './audit'
import { rowToInvitation } from './invitations'
import { rowToEvent } from './journal'
import { rowToNegotiation } from './negotiations'
import type {
  ApiTokenRow,
  AuditRow,
  EventRow,
  InvitationRow,
  MembershipRow,
  NegotiationRow,
  PasswordResetRow,
  TradeableRow,
  UserRow,
  WorkspaceRow,
} from './schema'
import type { DatabaseExport, ImportCounts, Outcome, Store } from './store'
import { rowToTradeable } from './tradeables'
import type { StoreContext } from './transactions'
import { rowToUserWithPassword } from './users'
import { rowToWorkspace } from './workspaces'

/** Below SQLite's smallest bound-parameter limit (999 in older builds), with room to spare. */
const MAX_PARAMETERS = 900

function byKey<T>(keyOf: (row: T) => string | number): (a: T, b: T) => number {
  return (a, b) => {
    const left = keyOf(a)
    const right = keyOf(b)
    return left < right ? -1 : left > right ? 1 : 0
  }
}

function byKeys<T>(...keys: ((row: T) => string | number)[]): (a: T, b: T) => number {
  const comparers = keys.map(byKey)
  return (a, b) => {
    for (const compare of comparers) {
      const order = compare(a, b)
      if (order !== 0) return order
    }
    return 0
  }
}

/** Rows in batches small enough for one INSERT's bound parameters on either dialect. */
function chunks<T extends object>(rows: readonly T[]): T[][] {
  const first = rows[0]
  if (first === undefined) return []
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length))
  const out: T[][] = []
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size))
  return out
}

/** The export's values back as table rows, every column kept as it was. */
function dumpToRows(dump: DatabaseExport) {
  return {
    users: dump.users.map(
      (row): UserRow => ({
        id: row.id,
        email: row.email,
        name: row.name,
        password_hash: row.passwordHash,
        created_at: row.createdAt,
        password_changed_at: row.passwordChangedAt,
        password_changed_via: row.passwordChangedVia,
      }),
    ),
    apiTokens: dump.apiTokens.map(
      (row): ApiTokenRow => ({
        id: row.id,
        user_id: row.userId,
        name: row.name,
        token_hash: row.tokenHash,
        created_at: row.createdAt,
        last_used_at: row.lastUsedAt,
        expires_at: row.expiresAt,
      }),
    ),
    workspaces: dump.workspaces.map(
      (row): WorkspaceRow => ({ id: row.id, name: row.name, created_at: row.createdAt }),
    ),
    memberships: dump.memberships.map(
      (row): MembershipRow => ({
        workspace_id: row.workspaceId,
        user_id: row.userId,
        role: row.role,
        joined_at: row.joinedAt,
      }),
    ),
    invitations: dump.invitations.map(
      (row): InvitationRow => ({
        id: row.id,
        workspace_id: row.workspaceId,
        role: row.role,
        email: row.email,
        token_hash: row.tokenHash,
        created_by: row.createdBy,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
        accepted_at: row.acceptedAt,
        accepted_by: row.acceptedBy,
        revoked_at: row.revokedAt,
      }),
    ),
    passwordResets: dump.passwordResets.map(
      (row): PasswordResetRow => ({
        id: row.id,
        user_id: row.userId,
        workspace_id: row.workspaceId,
        token_hash: row.tokenHash,
        created_by: row.createdBy,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
        used_at: row.usedAt,
      }),
    ),
    negotiations: dump.negotiations.map(
      (row): NegotiationRow => ({
        id: row.id,
        workspace_id: row.workspaceId,
        title: row.title,
        context: row.context,
        plan_json: row.planJson,
        plan_text: row.planText,
        plan_format: row.planFormat,
        version: row.version,
        created_by: row.createdBy,
        created_at: row.createdAt,
        updated_at: row.updatedAt,
        last_activity_at: row.lastActivityAt,
        event_count: row.eventCount,
      }),
    ),
    events: dump.events.map(
      (row): EventRow => ({
        negotiation_id: row.negotiationId,
        seq: row.seq,
        id: row.id,
        body: row.body,
        request_hash: row.requestHash,
        created_by: row.createdBy,
        created_at: row.createdAt,
      }),
    ),
    tradeables: dump.tradeables.map(
      (row): TradeableRow => ({
        id: row.id,
        workspace_id: row.workspaceId,
        name: row.name,
        body: row.body,
        created_by: row.createdBy,
        created_at: row.createdAt,
        updated_at: row.updatedAt,
      }),
    ),
    audit: dump.audit.map(
      (row): AuditRow => ({
        seq: row.seq,
        workspace_id: row.workspaceId,
        user_id: row.userId,
        action: row.action,
        target: row.target,
        detail: row.detail,
        at: row.at,
      }),
    ),
  }
}

export function backup(ctx: StoreContext): Pick<Store, 'exportAll' | 'importAll'> {
  return {
    async exportAll() {
      const transaction =
        ctx.dialect === 'postgres'
          ? ctx.db.transaction().setIsolationLevel('repeatable read')
          : ctx.db.transaction()
      return transaction.execute(async (trx): Promise<DatabaseExport> => {
        const users = await trx.selectFrom('users').selectAll().execute()
        const apiTokens = await trx.selectFrom('api_tokens').selectAll().execute()
        const workspaces = await trx.selectFrom('workspaces').selectAll().execute()
        const memberships = await trx.selectFrom('memberships').selectAll().execute()
        const invitations = await trx.selectFrom('invitations').selectAll().execute()
        const passwordResets = await trx.selectFrom('password_resets').selectAll().execute()
        const negotiations = await trx.selectFrom('negotiations').selectAll().execute()
        const events = await trx.selectFrom('events').selectAll().execute()
        const tradeables = await trx.selectFrom('tradeables').selectAll().execute()
        const audit = await trx.selectFrom('audit_log').selectAll().execute()
        const settings = await trx.selectFrom('settings').selectAll().execute()
        return {
          parley: 'database-export',
          version: 1,
          exportedAt: ctx.now(),
          from: ctx.dialect,
          users: users.map(rowToUserWithPassword).sort(byKey((row) => row.id)),
          apiTokens: apiTokens
            .map((row) => ({ ...rowToApiToken(row), tokenHash: row.token_hash }))
            .sort(byKey((row) => row.id)),
          workspaces: workspaces.map(rowToWorkspace).sort(byKey((row) => row.id)),
          memberships: memberships
            .map((row) => ({
              workspaceId: row.workspace_id,
              userId: row.user_id,
              role: row.role,
              joinedAt: row.joined_at,
            }))
            .sort(
              byKeys(
                (row) => row.workspaceId,
                (row) => row.userId,
              ),
            ),
          invitations: invitations
            .map((row) => ({ ...rowToInvitation(row), tokenHash: row.token_hash }))
            .sort(byKey((row) => row.id)),
          passwordResets: passwordResets
            .map((row) => ({
              id: row.id,
              userId: row.user_id,
              workspaceId: row.workspace_id,
              tokenHash: row.token_hash,
              createdBy: row.created_by,
              createdAt: row.created_at,
              expiresAt: row.expires_at,
              usedAt: row.used_at,
            }))
            .sort(byKey((row) => row.id)),
          negotiations: negotiations.map(rowToNegotiation).sort(byKey((row) => row.id)),
          events: events.map(rowToEvent).sort(
            byKeys(
              (row) => row.negotiationId,
              (row) => row.seq,
            ),
          ),
          tradeables: tradeables.map(rowToTradeable).sort(byKey((row) => row.id)),
          audit: audit.map(rowToAuditEntry).sort(byKey((row) => row.seq)),
          settings: settings.map((row) => ({ key: row.key, value: row.value })).sort(byKey((row) => row.key)),
        }
      })
    },

    async importAll(dump): Promise<Outcome<ImportCounts, 'not_empty'>> {
      return ctx.db.transaction().execute(async (trx): Promise<Outcome<ImportCounts, 'not_empty'>> => {
        const held = await trx
          .selectNoFrom((eb) => [
            eb
              .selectFrom('users')
              .select((inner) => inner.fn.countAll().as('n'))
              .as('users'),
            eb
              .selectFrom('workspaces')
              .select((inner) => inner.fn.countAll().as('n'))
              .as('workspaces'),
          ])
          .executeTakeFirstOrThrow()
        if (Number(held.users) > 0 || Number(held.workspaces) > 0) {
          return {
            ok: false,
            code: 'not_empty',
            message: 'The database already holds users or workspaces: import only into an empty database.',
          }
        }

        // Foreign-key order: users and workspaces before what refers to them.
        const rows = dumpToRows(dump)
        for (const chunk of chunks(rows.users)) await trx.insertInto('users').values(chunk).execute()
        for (const chunk of chunks(rows.apiTokens)) await trx.insertInto('api_tokens').values(chunk).execute()
        for (const chunk of chunks(rows.workspaces))
          await trx.insertInto('workspaces').values(chunk).execute()
        for (const chunk of chunks(rows.memberships))
          await trx.insertInto('memberships').values(chunk).execute()
        for (const chunk of chunks(rows.invitations))
          await trx.insertInto('invitations').values(chunk).execute()
        for (const chunk of chunks(rows.passwordResets)) {
          await trx.insertInto('password_resets').values(chunk).execute()
        }
        for (const chunk of chunks(rows.negotiations))
          await trx.insertInto('negotiations').values(chunk).execute()
        for (const chunk of chunks(rows.events)) await trx.insertInto('events').values(chunk).execute()
        for (const chunk of chunks(rows.tradeables))
          await trx.insertInto('tradeables').values(chunk).execute()
        for (const chunk of chunks(rows.audit)) await trx.insertInto('audit_log').values(chunk).execute()
        if (ctx.dialect === 'postgres') {
          // Explicit seqs do not move the identity's sequence; without this the next entry collides.
          await sql`select setval(pg_get_serial_sequence('audit_log', 'seq'), coalesce((select max(seq) from audit_log), 0) + 1, false)`.execute(
            trx,
          )
        }
        // The target was opened (and may have written an instance id) before the import: the
        // file's settings win, the others stay.
        for (const setting of dump.settings) {
          await trx
            .insertInto('settings')
            .values({ key: setting.key, value: setting.value })
            .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: setting.value }))
            .execute()
        }

        return {
          ok: true,
          value: {
            users: dump.users.length,
            workspaces: dump.workspaces.length,
            negotiations: dump.negotiations.length,
            events: dump.events.length,
            tradeables: dump.tradeables.length,
          },
        }
      })
    },
  }
}
