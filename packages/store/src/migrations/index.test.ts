import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { connect } from '../connect'
import type { StoreLocation } from '../location'
import { openStore } from '../open'
import { createPostgresDatabase, createSqliteFile, testBackends } from '../testing'
import { LATEST_MIGRATION, MIGRATIONS, migrateToLatest } from '.'

const backends = await testBackends()

const TABLES = [
  'api_tokens',
  'audit_log',
  'drafts',
  'events',
  'invitations',
  'memberships',
  'negotiations',
  'password_resets',
  'rate_limits',
  'sessions',
  'settings',
  'share_links',
  'tradeables',
  'users',
  'workspaces',
]

async function freshLocation(
  dialect: 'sqlite' | 'postgres',
): Promise<{ location: StoreLocation; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const { file, drop } = await createSqliteFile()
    return { location: { kind: 'sqlite', file }, drop }
  }
  const { url, drop } = await createPostgresDatabase()
  return { location: { kind: 'postgres', url }, drop }
}

const drops: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const drop of drops) await drop()
})

describe.each(backends)('migrations on $dialect', ({ dialect }) => {
  it('brings a fresh database to the latest version, and a second run changes nothing', async () => {
    const { location, drop } = await freshLocation(dialect)
    drops.push(drop)
    const store = await openStore(location)
    await store.close()

    const db = await connect(location)
    try {
      const tables = (await db.introspection.getTables()).map((table) => table.name).sort()
      expect(tables).toEqual(TABLES)
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
      expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort())
      expect(applied.rows.at(-1)?.name).toBe(LATEST_MIGRATION)
      expect(await migrateToLatest(db)).toEqual({ ok: true, applied: [] })
    } finally {
      await db.destroy()
    }
  })

  it('enforces the foreign keys that cascade and the checks on roles, password changes and drafts', async () => {
    const { location, drop } = await freshLocation(dialect)
    drops.push(drop)
    const store = await openStore(location)
    await store.close()
    const db = await connect(location)
    try {
      const at = '2026-11-25T12:00:00.000Z'
      await expect(
        db
          .insertInto('memberships')
          .values({ workspace_id: 'missing', user_id: 'missing', role: 'owner', joined_at: at })
          .execute(),
      ).rejects.toThrow()
      await db
        .insertInto('users')
        .values({ id: 'u', email: 'u@x', name: 'U', password_hash: 'h', created_at: at })
        .execute()
      await db.insertInto('workspaces').values({ id: 'w', name: 'W', created_at: at }).execute()
      await expect(
        sql`insert into memberships (workspace_id, user_id, role, joined_at) values ('w', 'u', 'admin', ${at})`.execute(
          db,
        ),
      ).rejects.toThrow()
      // How a password was last set is one of three ways (2026120301_account_security).
      await db
        .updateTable('users')
        .set({ password_changed_via: 'machine', password_changed_at: at })
        .execute()
      await expect(sql`update users set password_changed_via = 'magic'`.execute(db)).rejects.toThrow()
      // A draft belongs to a negotiation that exists, in a format Parley reads (2026120501_drafts).
      const draft = {
        negotiation_id: 'missing',
        text: 'title: x',
        format: 'yaml' as const,
        version: 1,
        problems: '{"problems":[],"unlisted":0}',
        valid: 0,
        updated_by: 'u',
        updated_at: at,
      }
      await expect(db.insertInto('drafts').values(draft).execute()).rejects.toThrow()
      await db
        .insertInto('negotiations')
        .values({
          id: 'n',
          workspace_id: 'w',
          title: 'N',
          context: 'sales',
          plan_json: 'null',
          plan_text: null,
          plan_format: null,
          version: 0,
          created_by: 'u',
          created_at: at,
          updated_at: at,
          last_activity_at: at,
          event_count: 0,
          archived_at: null,
        })
        .execute()
      await expect(
        sql`insert into drafts (negotiation_id, text, format, version, problems, valid, updated_by, updated_at) values ('n', 'x', 'toml', 1, '{}', 0, 'u', ${at})`.execute(
          db,
        ),
      ).rejects.toThrow()
      await db
        .insertInto('drafts')
        .values({ ...draft, negotiation_id: 'n' })
        .execute()
      await db.deleteFrom('negotiations').where('id', '=', 'n').execute()
      expect(await db.selectFrom('drafts').selectAll().execute()).toEqual([])
    } finally {
      await db.destroy()
    }
  })
})

// Two server instances starting at once against one PostgreSQL. (Two processes on one SQLite file
// queue on its write lock; two connections inside one process would block each other's thread,
// which is why each process opens a SQLite file once.)
describe.runIf(backends.some((backend) => backend.dialect === 'postgres'))(
  'concurrent migrations on postgres',
  () => {
    it('lets two instances migrate one fresh database at the same time', async () => {
      const { location, drop } = await freshLocation('postgres')
      drops.push(drop)
      const first = await connect(location)
      const second = await connect(location)
      try {
        const results = await Promise.all([migrateToLatest(first), migrateToLatest(second)])
        expect(results.every((result) => result.ok)).toBe(true)
        const applied = results.flatMap((result) => (result.ok ? result.applied : []))
        expect(applied).toEqual(Object.keys(MIGRATIONS).sort())
        const count = await sql<{ n: number | string }>`select count(*) as n from kysely_migration`.execute(
          first,
        )
        expect(Number(count.rows[0]?.n)).toBe(Object.keys(MIGRATIONS).length)
      } finally {
        await first.destroy()
        await second.destroy()
      }
    })
  },
)
