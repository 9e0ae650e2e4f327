import { afterAll, describe, expect, it } from 'vitest'
import { readDatabaseExport } from './export'
import { SETUP_TOKEN_SETTING } from './setup'
import type { DatabaseExport, Store } from './store'
import {
  addUser,
  addWorkspace,
  emptyDump,
  noteEvent,
  type TestBackend,
  type TestDatabase,
  testBackends,
} from './testing'

const backends = await testBackends()
const sqlite = backends.find((backend) => backend.dialect === 'sqlite')!
// Without PostgreSQL the round trip still runs, SQLite to SQLite (a warning says PostgreSQL was skipped).
const postgres = backends.find((backend) => backend.dialect === 'postgres') ?? sqlite

const opened: TestDatabase[] = []
async function fresh(backend: TestBackend): Promise<Store> {
  const db = await backend.create()
  opened.push(db)
  return db.store
}
afterAll(async () => {
  await Promise.all(opened.map((db) => db.drop()))
})

/** The export without what says when and where it was made. */
function contents(dump: DatabaseExport) {
  const { exportedAt: _at, from: _from, ...rest } = dump
  return rest
}

/** A database with something in every exported table, made through the store's own methods. */
async function populate(store: Store): Promise<void> {
  await store.setSetting(SETUP_TOKEN_SETTING, 'setup-hash')
  const claimed = await store.claimSetup({
    tokenHash: 'setup-hash',
    email: 'first@example.com',
    name: 'Første Ågård',
    passwordHash: 'argon2id$first',
    workspaceName: 'Acme — sales',
  })
  if (!claimed.ok) throw new Error(claimed.message)
  const { user: owner, workspace } = claimed.value
  const actor = { userId: owner.id }
  await store.setSetting('instance_id', 'instance-1')

  const token = await store.createApiToken({ tokenHash: 'tok-1', userId: owner.id, name: 'CI' }, actor)
  await store.useApiToken('tok-1', '2026-11-25T12:00:00.000Z')
  await store.createApiToken({ tokenHash: 'tok-2', userId: owner.id, name: 'unused' }, actor)
  await store.deleteApiToken(owner.id, token.id, actor)
  await store.createApiToken({ tokenHash: 'tok-3', userId: owner.id, name: 'kept' }, actor)
  await store.createApiToken(
    { tokenHash: 'tok-4', userId: owner.id, name: 'for a month', expiresAt: '2026-12-25T12:00:00.000Z' },
    actor,
  )

  await store.createInvitation(
    {
      workspaceId: workspace.id,
      role: 'editor',
      email: 'ed@example.com',
      tokenHash: 'inv-1',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    actor,
  )
  const accepted = await store.acceptInvitation({
    tokenHash: 'inv-1',
    now: '2026-11-25T12:01:00.000Z',
    email: 'ed@example.com',
    name: 'Ed',
    passwordHash: 'argon2id$ed',
  })
  if (!accepted.ok) throw new Error(accepted.message)
  const revoked = await store.createInvitation(
    {
      workspaceId: workspace.id,
      role: 'viewer',
      email: null,
      tokenHash: 'inv-2',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    actor,
  )
  await store.revokeInvitation(workspace.id, revoked.id, actor)
  await store.createInvitation(
    {
      workspaceId: workspace.id,
      role: 'owner',
      email: null,
      tokenHash: 'inv-3',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    actor,
  )
  await store.createPasswordReset(
    {
      userId: accepted.value.user.id,
      workspaceId: workspace.id,
      tokenHash: 'reset-1',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    actor,
  )
  await store.consumePasswordReset({
    tokenHash: 'reset-1',
    passwordHash: 'argon2id$ed2',
    now: '2026-11-25T12:02:00.000Z',
  })
  await store.createPasswordReset(
    {
      userId: accepted.value.user.id,
      workspaceId: workspace.id,
      tokenHash: 'reset-2',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    actor,
  )
  await store.setRole(workspace.id, accepted.value.user.id, 'viewer', actor)

  const negotiation = await store.createNegotiation(
    {
      workspaceId: workspace.id,
      title: 'Renewal «2027»',
      context: 'sales',
      planJson: '{"issues":[{"name":"price","levels":[1,2]}]}',
      planText: '# ours\nissues: [] # 😀\n',
      planFormat: 'yaml',
    },
    actor,
  )
  await store.updatePlan(
    {
      workspaceId: workspace.id,
      negotiationId: negotiation.id,
      expectedVersion: 1,
      title: 'Renewal «2027»',
      context: 'sales',
      planJson: '{"issues":[]}',
      planText: null,
      planFormat: null,
      // The history of our floor is the audit log's: it must survive a move between backends.
      floorChange: { fields: ['reservation'], reason: 'Their CFO capped the budget' },
    },
    actor,
  )
  // Share links (hashes only): one used, one revoked, one with an expiry (2026120502_share_links).
  const used = await store.createShareLink(
    {
      workspaceId: workspace.id,
      negotiationId: negotiation.id,
      tokenHash: 'share-1',
      label: 'Their CFO',
      expiresAt: null,
    },
    actor,
  )
  if (!used) throw new Error('no share link')
  await store.touchShareLink(used.id, '2026-11-25T12:04:00.000Z')
  const gone = await store.createShareLink(
    {
      workspaceId: workspace.id,
      negotiationId: negotiation.id,
      tokenHash: 'share-2',
      label: '',
      expiresAt: null,
    },
    actor,
  )
  if (!gone) throw new Error('no share link')
  await store.revokeShareLink(workspace.id, negotiation.id, gone.id, actor)
  await store.createShareLink(
    {
      workspaceId: workspace.id,
      negotiationId: negotiation.id,
      tokenHash: 'share-3',
      label: 'Procurement «EU»',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    actor,
  )
  for (let i = 0; i < 5; i++) {
    await store.appendEvent(
      noteEvent({ workspaceId: workspace.id, negotiationId: negotiation.id }, `ev-${i}`, `note ${i} ✓`),
      actor,
    )
  }
  const empty = await store.createNegotiation(
    {
      workspaceId: workspace.id,
      title: 'Empty',
      context: 'hiring',
      planJson: '{}',
      planText: '{}',
      planFormat: 'json',
    },
    actor,
  )
  await store.archiveNegotiation(workspace.id, empty.id, true, actor)
  // Imported with problems: no valid plan yet, only a draft (2026120501_drafts).
  await store.createNegotiation(
    {
      workspaceId: workspace.id,
      title: 'Half done',
      context: 'custom',
      planJson: null,
      planText: null,
      planFormat: null,
      draft: {
        text: 'title: Half done\nissues: [ # 😀\n',
        format: 'yaml',
        problems: '{"problems":[]}',
        valid: false,
      },
    },
    actor,
  )
  await store.saveDraft(
    {
      workspaceId: workspace.id,
      negotiationId: negotiation.id,
      expectedVersion: undefined,
      text: 'issues: []\n',
      format: 'yaml',
      problems: '{"problems":[],"unlisted":0}',
      valid: true,
    },
    actor,
  )
  const tradeable = await store.createTradeable(
    { workspaceId: workspace.id, name: 'Training', body: '{"days":2}' },
    actor,
  )
  await store.updateTradeable(
    { workspaceId: workspace.id, id: tradeable.id, name: 'Training', body: '{"days":3}' },
    actor,
  )

  const doomed = await addWorkspace(store, owner)
  await store.deleteWorkspace(doomed.workspace.id, actor)
  const loner = await addUser(store, { email: 'loner@example.com' })
  await store.changePassword(
    { userId: loner.id, passwordHash: 'argon2id$loner2', via: 'machine', now: '2026-11-25T12:03:00.000Z' },
    { userId: null },
  )

  // Left out of exports on purpose:
  await store.createSession({
    tokenHash: 'session-1',
    userId: owner.id,
    expiresAt: '2099-01-01T00:00:00.000Z',
  })
  await store.hitRateLimit('login', 60_000, '2026-11-25T12:00:00.000Z')
}

describe(`export and import, ${sqlite.dialect} to ${postgres.dialect} to ${sqlite.dialect}`, () => {
  it('gives back identical contents after each hop, and a working database', async () => {
    const source = await fresh(sqlite)
    await populate(source)
    const first = await source.exportAll()
    expect(first).toMatchObject({ parley: 'database-export', version: 1, from: 'sqlite' })
    expect(first.users).toHaveLength(3)
    expect(first.events).toHaveLength(5)
    expect(first.settings).toEqual([{ key: 'instance_id', value: 'instance-1' }])
    // The columns added after the first schema travel too.
    expect(first.users.find((user) => user.email === 'loner@example.com')).toMatchObject({
      passwordChangedAt: '2026-11-25T12:03:00.000Z',
      passwordChangedVia: 'machine',
    })
    expect(first.users.find((user) => user.email === 'ed@example.com')).toMatchObject({
      passwordChangedVia: 'reset-link',
    })
    expect(first.apiTokens.map((token) => token.expiresAt)).toContain('2026-12-25T12:00:00.000Z')
    expect(first.negotiations.map((n) => [n.title, n.version, n.archivedAt !== null])).toEqual(
      expect.arrayContaining([
        ['Empty', 1, true],
        ['Half done', 0, false],
      ]),
    )
    expect(first.drafts.map((draft) => [draft.version, draft.valid])).toEqual(
      expect.arrayContaining([
        [1, 0],
        [1, 1],
      ]),
    )
    expect(JSON.stringify(first)).not.toContain('session-1')
    expect(first.audit.filter((entry) => entry.action === 'negotiation.floor_change')).toHaveLength(1)
    expect(
      first.audit
        .filter((entry) => entry.action.startsWith('share_link.'))
        .map((e) => e.action)
        .sort(),
    ).toEqual(['share_link.create', 'share_link.create', 'share_link.create', 'share_link.revoke'])
    expect(
      first.shareLinks
        .map((link) => [link.tokenHash, link.lastUsedAt !== null, link.revokedAt !== null])
        .sort(),
    ).toEqual([
      ['share-1', true, false],
      ['share-2', false, true],
      ['share-3', false, false],
    ])

    // Through a file, as the CLI does, and through the reader's validation.
    const read = readDatabaseExport(JSON.parse(JSON.stringify(first)))
    if (!read.ok) throw new Error(JSON.stringify(read.problems))

    const middle = await fresh(postgres)
    expect(await middle.importAll(read.dump)).toEqual({
      ok: true,
      value: { users: 3, workspaces: 1, negotiations: 3, events: 5, drafts: 2, tradeables: 1, shareLinks: 3 },
    })
    const second = await middle.exportAll()
    expect(second.from).toBe(postgres.dialect)
    expect(contents(second)).toEqual(contents(first))

    const last = await fresh(sqlite)
    expect(await last.importAll(second)).toMatchObject({ ok: true })
    expect(contents(await last.exportAll())).toEqual(contents(first))

    // The imported database carries on where the source left off.
    const workspace = first.workspaces[0]!
    const owner = first.users.find((user) => user.email === 'first@example.com')!
    const negotiation = first.negotiations.find((n) => n.eventCount === 5)!
    expect(await middle.findUserByEmail('FIRST@example.com')).toEqual(owner)
    expect(await middle.getSession('session-1')).toBeNull()
    // The links still open the room, and the floor's history is still the negotiation's.
    expect(await middle.findShareLink('share-1')).toMatchObject({
      label: 'Their CFO',
      negotiationId: negotiation.id,
    })
    expect(
      await middle.listAudit(workspace.id, {
        target: `negotiation:${negotiation.id}`,
        action: 'negotiation.floor_change',
      }),
    ).toHaveLength(1)
    const appended = await middle.appendEvent(
      noteEvent({ workspaceId: workspace.id, negotiationId: negotiation.id }, 'after-import'),
      { userId: owner.id },
    )
    expect(appended).toMatchObject({ ok: true, event: { seq: 6 } })
    const replay = await middle.appendEvent(
      noteEvent({ workspaceId: workspace.id, negotiationId: negotiation.id }, 'ev-0', 'note 0 ✓'),
      { userId: owner.id },
    )
    expect(replay).toMatchObject({ ok: true, replayed: true, event: { seq: 1 } })
    const maxSeq = Math.max(...first.audit.map((entry) => entry.seq))
    const [latest] = await middle.listAudit(workspace.id, { limit: 1 })
    expect(latest?.seq).toBe(maxSeq + 1)
    expect(
      await middle.updatePlan(
        { ...negotiation, negotiationId: negotiation.id, expectedVersion: negotiation.version },
        { userId: owner.id },
      ),
    ).toMatchObject({ ok: true, value: { version: negotiation.version + 1 } })
  })

  it('refuses to import into a database that holds a user, changing nothing', async () => {
    const store = await fresh(postgres)
    await addUser(store)
    const before = await store.exportAll()
    const dump = emptyDump()
    dump.settings = [{ key: 'instance_id', value: 'other' }]
    expect(await store.importAll(dump)).toMatchObject({ ok: false, code: 'not_empty' })
    expect(contents(await store.exportAll())).toEqual(contents(before))
  })
})

describe.each(backends)('importing a large export on $dialect', (backend) => {
  it('loads thousands of rows in batches and exports them back unchanged', async () => {
    const store = await fresh(backend)
    const dump = emptyDump()
    const at = '2026-11-25T12:00:00.000Z'
    dump.users = Array.from({ length: 300 }, (_, i) => ({
      id: `u${String(i).padStart(4, '0')}`,
      email: `user${i}@example.com`,
      name: `User ${i}`,
      passwordHash: 'h',
      createdAt: at,
      passwordChangedAt: i % 2 ? at : null,
      passwordChangedVia: i % 2 ? ('self' as const) : null,
    }))
    dump.workspaces = [{ id: 'w', name: 'W', createdAt: at }]
    dump.memberships = dump.users.map((user, i) => ({
      workspaceId: 'w',
      userId: user.id,
      role: i === 0 ? 'owner' : 'viewer',
      joinedAt: at,
    }))
    dump.negotiations = ['n1', 'n2'].map((id) => ({
      id,
      workspaceId: 'w',
      title: id,
      context: 'sales',
      version: 3,
      createdBy: 'u0000',
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      eventCount: 1000,
      archivedAt: null,
      planJson: '{}',
      planText: null,
      planFormat: null,
    }))
    dump.events = dump.negotiations.flatMap((negotiation) =>
      Array.from({ length: 1000 }, (_, i) => ({
        negotiationId: negotiation.id,
        seq: i + 1,
        id: `${negotiation.id}-e${i}`,
        body: `{"type":"note","i":${i}}`,
        requestHash: `hash-${i}`,
        createdBy: 'u0001',
        createdAt: at,
      })),
    )
    dump.audit = Array.from({ length: 500 }, (_, i) => ({
      seq: 10 * (i + 1),
      workspaceId: 'w',
      userId: null,
      action: 'event.append',
      target: null,
      detail: null,
      at,
    }))
    expect(readDatabaseExport(dump).ok).toBe(true)
    expect(await store.importAll(dump)).toEqual({
      ok: true,
      value: {
        users: 300,
        workspaces: 1,
        negotiations: 2,
        events: 2000,
        drafts: 0,
        tradeables: 0,
        shareLinks: 0,
      },
    })
    expect(contents(await store.exportAll())).toEqual(contents(dump))
    const result = await store.appendEvent(noteEvent({ workspaceId: 'w', negotiationId: 'n2' }, 'next'), {
      userId: 'u0000',
    })
    expect(result).toMatchObject({ ok: true, event: { seq: 1001 } })
    expect((await store.listAudit('w', { limit: 1 }))[0]?.seq).toBe(5001)
  })
})
