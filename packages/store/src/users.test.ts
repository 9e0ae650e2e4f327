import { describe, expect, it } from 'vitest'
import { SETUP_TOKEN_SETTING } from './setup'
import type { Store } from './store'
import { addUser, addWorkspace, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

const NOW = '2026-11-25T12:00:00.000Z'
const LATER_NOW = '2026-11-26T12:00:00.000Z'
const LATER = '2099-01-01T00:00:00.000Z'

describe.each(backends)('users and settings on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  it('keeps settings, overwrites them and removes them when set to null', async () => {
    expect(await store.getSetting('instance_id')).toBeNull()
    await store.setSetting('instance_id', 'one')
    await store.setSetting('instance_id', 'two')
    expect(await store.getSetting('instance_id')).toBe('two')
    await store.setSetting('instance_id', null)
    expect(await store.getSetting('instance_id')).toBeNull()
  })

  it('stores emails lower-cased and trimmed, and finds them whatever their case', async () => {
    const before = await store.countUsers()
    const result = await store.createUser(
      { email: '  Ada.Lovelace@Example.COM ', name: 'Ada', passwordHash: 'argon2id$ada' },
      { userId: null },
    )
    expect(result).toMatchObject({ ok: true, value: { email: 'ada.lovelace@example.com', name: 'Ada' } })
    if (!result.ok) return
    expect(result.value.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(await store.countUsers()).toBe(before + 1)
    expect(await store.getUser(result.value.id)).toEqual(result.value)
    expect(await store.findUserByEmail('ADA.lovelace@example.com ')).toEqual({
      ...result.value,
      passwordHash: 'argon2id$ada',
      passwordChangedAt: null,
      passwordChangedVia: null,
    })
    expect(await store.getUserWithPassword(result.value.id)).toMatchObject({ passwordHash: 'argon2id$ada' })
    expect(await store.findUserByEmail('nobody@example.com')).toBeNull()
    expect(await store.getUser('no-such-id')).toBeNull()
  })

  it('refuses a taken email in any case, writing nothing', async () => {
    await addUser(store, { email: 'grace@example.com' })
    const count = await store.countUsers()
    const { audit } = await store.exportAll()
    const result = await store.createUser(
      { email: 'Grace@Example.com', name: 'G', passwordHash: 'x' },
      { userId: null },
    )
    expect(result).toMatchObject({ ok: false, code: 'email_taken' })
    expect(await store.countUsers()).toBe(count)
    expect((await store.exportAll()).audit).toEqual(audit)
  })

  it('gives the email to exactly one of many simultaneous sign-ups', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.createUser({ email: 'race@example.com', name: `R${i}`, passwordHash: 'x' }, { userId: null }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual(
      Array(9).fill('email_taken'),
    )
  })

  it('audits account creation and changes without their secrets', async () => {
    const admin = await addUser(store)
    const result = await store.createUser(
      { email: 'audited@example.com', name: 'A', passwordHash: 'secret-hash' },
      { userId: admin.id },
    )
    if (!result.ok) throw new Error(result.message)
    const id = result.value.id
    expect(
      await store.updateUser(id, { name: 'Audrey', passwordHash: 'new-secret-hash' }, { userId: id }),
    ).toEqual({
      ...result.value,
      name: 'Audrey',
    })
    expect((await store.getUserWithPassword(id))?.passwordHash).toBe('new-secret-hash')
    const entries = (await store.exportAll()).audit.filter((entry) => entry.target === `user:${id}`)
    expect(
      entries.map(({ action, userId, workspaceId, detail }) => ({ action, userId, workspaceId, detail })),
    ).toEqual([
      { action: 'user.create', userId: admin.id, workspaceId: null, detail: null },
      { action: 'user.update', userId: id, workspaceId: null, detail: '{"fields":["name","password"]}' },
    ])
    expect(JSON.stringify(entries)).not.toContain('secret')
  })

  it('changes a password, ending every other session and every API token, audited in each workspace', async () => {
    const user = await addUser(store)
    const { workspace: own } = await addWorkspace(store, user)
    const { owner: other, workspace: team } = await addWorkspace(store)
    const tokenHash = `join-${crypto.randomUUID()}`
    await store.createInvitation(
      { workspaceId: team.id, role: 'viewer', email: null, tokenHash, expiresAt: LATER },
      { userId: other.id },
    )
    await store.acceptInvitation({ tokenHash, now: NOW, userId: user.id })
    await store.createSession({ tokenHash: 'change-here', userId: user.id, expiresAt: LATER })
    await store.createSession({ tokenHash: 'change-elsewhere', userId: user.id, expiresAt: LATER })
    await store.createSession({ tokenHash: 'change-other-person', userId: other.id, expiresAt: LATER })
    await store.createApiToken({ tokenHash: 'change-t1', userId: user.id, name: 'a' }, { userId: user.id })
    await store.createApiToken(
      { tokenHash: 'change-t2', userId: user.id, name: 'b', expiresAt: LATER },
      { userId: user.id },
    )

    const change = await store.changePassword(
      {
        userId: user.id,
        passwordHash: 'changed-hash',
        via: 'self',
        now: NOW,
        keepSessionHash: 'change-here',
      },
      { userId: user.id },
    )
    expect(change).toEqual({ user, at: NOW, via: 'self', sessionsEnded: 1, tokensRevoked: 2 })
    expect(await store.getUserWithPassword(user.id)).toMatchObject({
      passwordHash: 'changed-hash',
      passwordChangedAt: NOW,
      passwordChangedVia: 'self',
    })
    expect(await store.getSession('change-here')).not.toBeNull()
    expect(await store.getSession('change-elsewhere')).toBeNull()
    expect(await store.getSession('change-other-person')).not.toBeNull()
    expect(await store.listApiTokens(user.id)).toEqual([])
    for (const workspaceId of [own.id, team.id]) {
      const [entry] = await store.listAudit(workspaceId, { limit: 1 })
      expect(entry).toMatchObject({ action: 'password.change', userId: user.id, target: `user:${user.id}` })
      expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ via: 'self', sessionsEnded: 1, tokensRevoked: 2 })
    }

    // On the server machine: no session kept, nobody signed in behind it.
    const machine = await store.changePassword(
      { userId: user.id, passwordHash: 'machine-hash', via: 'machine', now: LATER_NOW },
      { userId: null },
    )
    expect(machine).toMatchObject({ via: 'machine', sessionsEnded: 1, tokensRevoked: 0 })
    expect(await store.getSession('change-here')).toBeNull()
    expect((await store.listAudit(team.id, { limit: 1 }))[0]).toMatchObject({
      action: 'password.change',
      userId: null,
    })
    expect(await store.getUserWithPassword(user.id)).toMatchObject({
      passwordChangedAt: LATER_NOW,
      passwordChangedVia: 'machine',
    })
    expect(
      await store.changePassword(
        { userId: 'no-such-id', passwordHash: 'x', via: 'machine', now: NOW },
        { userId: null },
      ),
    ).toBeNull()
  })

  it('updates nothing for an unknown user, and changes only what is given', async () => {
    expect(await store.updateUser('no-such-id', { name: 'X' }, { userId: null })).toBeNull()
    const user = await addUser(store)
    expect(await store.updateUser(user.id, {}, { userId: user.id })).toEqual(user)
    await store.updateUser(user.id, { passwordHash: 'changed' }, { userId: user.id })
    expect(await store.getUserWithPassword(user.id)).toMatchObject({
      name: user.name,
      passwordHash: 'changed',
    })
  })
})

describe.each(backends)('claiming a new instance on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  const claim = (tokenHash: string, email = 'first@example.com') =>
    store.claimSetup({ tokenHash, email, name: 'First', passwordHash: 'h', workspaceName: 'Acme' })

  it('refuses without a setup token stored, and with the wrong one', async () => {
    expect(await claim('anything')).toMatchObject({ ok: false, code: 'bad_token' })
    await store.setSetting(SETUP_TOKEN_SETTING, 'right-hash')
    expect(await claim('wrong-hash')).toMatchObject({ ok: false, code: 'bad_token' })
    expect(await store.countUsers()).toBe(0)
  })

  it('lets exactly one of several simultaneous claims through, and consumes the token', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => claim('right-hash', `claimer${i}@example.com`)),
    )
    const winners = results.filter((result) => result.ok)
    expect(winners).toHaveLength(1)
    expect(results.filter((result) => !result.ok && result.code === 'setup_done')).toHaveLength(5)
    expect(await store.countUsers()).toBe(1)
    expect(await store.getSetting(SETUP_TOKEN_SETTING)).toBeNull()

    const winner = winners[0]
    if (!winner?.ok) return
    const { user, workspace } = winner.value
    expect(workspace.name).toBe('Acme')
    expect(await store.listWorkspaces(user.id)).toEqual([{ ...workspace, role: 'owner' }])
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({ action: 'setup.claim', userId: null, target: `user:${user.id}` })

    await store.setSetting(SETUP_TOKEN_SETTING, 'right-hash')
    expect(await claim('right-hash', 'late@example.com')).toMatchObject({ ok: false, code: 'setup_done' })
  })
})
