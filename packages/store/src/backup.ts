/**
 * Export and import of a whole database, to back it up or move it between backends (SQLite to
 * PostgreSQL and back). The export is read in one snapshot and sorted by key in JavaScript, so two
 * databases holding the same rows give the same file whatever their collation. The import keeps
 * every id, version, seq and time, goes into an empty database only, and runs in one transaction
 * in foreign-key order. Sessions and rate-limit counters are left out: an import signs everyone out.
 */
import { sql } from 'kysely'
import { fieldsOf, rowOf } from './columns'
import type {
  ApiTokenRow,
  AuditRow,
  DraftRow,
  EventRow,
  InvitationRow,
  MembershipRow,
  NegotiationRow,
  PasswordResetRow,
  ShareLinkRow,
  TradeableRow,
  UserRow,
  WorkspaceRow,
} from './schema'
import type { DatabaseExport, ImportCounts, Outcome, Store } from './store'
import type { StoreContext } from './transactions'

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
    users: dump.users.map((fields) => rowOf<UserRow>(fields)),
    apiTokens: dump.apiTokens.map((fields) => rowOf<ApiTokenRow>(fields)),
    workspaces: dump.workspaces.map((fields) => rowOf<WorkspaceRow>(fields)),
    memberships: dump.memberships.map((fields) => rowOf<MembershipRow>(fields)),
    invitations: dump.invitations.map((fields) => rowOf<InvitationRow>(fields)),
    passwordResets: dump.passwordResets.map((fields) => rowOf<PasswordResetRow>(fields)),
    negotiations: dump.negotiations.map((fields) => rowOf<NegotiationRow>(fields)),
    events: dump.events.map((fields) => rowOf<EventRow>(fields)),
    drafts: dump.drafts.map((fields) => rowOf<DraftRow>(fields)),
    tradeables: dump.tradeables.map((fields) => rowOf<TradeableRow>(fields)),
    shareLinks: dump.shareLinks.map((fields) => rowOf<ShareLinkRow>(fields)),
    audit: dump.audit.map((fields) => rowOf<AuditRow>(fields)),
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
        const drafts = await trx.selectFrom('drafts').selectAll().execute()
        const tradeables = await trx.selectFrom('tradeables').selectAll().execute()
        const shareLinks = await trx.selectFrom('share_links').selectAll().execute()
        const audit = await trx.selectFrom('audit_log').selectAll().execute()
        const settings = await trx.selectFrom('settings').selectAll().execute()
        return {
          parley: 'database-export',
          version: 1,
          exportedAt: ctx.now(),
          from: ctx.dialect,
          users: users.map(fieldsOf).sort(byKey((row) => row.id)),
          apiTokens: apiTokens.map(fieldsOf).sort(byKey((row) => row.id)),
          workspaces: workspaces.map(fieldsOf).sort(byKey((row) => row.id)),
          memberships: memberships.map(fieldsOf).sort(
            byKeys(
              (row) => row.workspaceId,
              (row) => row.userId,
            ),
          ),
          invitations: invitations.map(fieldsOf).sort(byKey((row) => row.id)),
          passwordResets: passwordResets.map(fieldsOf).sort(byKey((row) => row.id)),
          negotiations: negotiations.map(fieldsOf).sort(byKey((row) => row.id)),
          events: events.map(fieldsOf).sort(
            byKeys(
              (row) => row.negotiationId,
              (row) => row.seq,
            ),
          ),
          drafts: drafts.map(fieldsOf).sort(byKey((row) => row.negotiationId)),
          tradeables: tradeables.map(fieldsOf).sort(byKey((row) => row.id)),
          shareLinks: shareLinks.map(fieldsOf).sort(byKey((row) => row.id)),
          audit: audit.map(fieldsOf).sort(byKey((row) => row.seq)),
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
        for (const chunk of chunks(rows.drafts)) await trx.insertInto('drafts').values(chunk).execute()
        for (const chunk of chunks(rows.tradeables))
          await trx.insertInto('tradeables').values(chunk).execute()
        for (const chunk of chunks(rows.shareLinks))
          await trx.insertInto('share_links').values(chunk).execute()
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
            drafts: dump.drafts.length,
            tradeables: dump.tradeables.length,
            shareLinks: dump.shareLinks.length,
          },
        }
      })
    },
  }
}
