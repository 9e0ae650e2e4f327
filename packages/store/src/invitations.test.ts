import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from './store'
import { addUser, addWorkspace, type TestDatabase, testBackends } from './testing'

const backends = await testBackends()

const LATER = '2099-01-01T00:00:00.000Z'
const NOW = '2026-11-25T12:00:00.000Z'

describe.each(backends)('invitations and password resets on $dialect', (backend) => {
  let db: TestDatabase
  let store: Store

  beforeAll(async () => {
    db = await backend.create()
    store = db.store
  })
  afterAll(async () => {
    await db?.drop()
  })

  async function invite(role: 'owner' | 'editor' | 'viewer', expiresAt = LATER) {
    const { owner, workspace } = await addWorkspace(store)
    const tokenHash = `invite-${crypto.randomUUID()}`
    const invitation = await store.createInvitation(
      { workspaceId: workspace.id, role, email: 'Guest@Example.com', tokenHash, expiresAt },
      { userId: owner.id },
    )
    return { owner, workspace, invitation, tokenHash }
  }

  it('makes, lists and finds an invitation by its hash', async () => {
    const { owner, workspace, invitation, tokenHash } = await invite('editor')
    expect(invitation).toMatchObject({
      workspaceId: workspace.id,
      role: 'editor',
      email: 'guest@example.com',
      createdBy: owner.id,
      expiresAt: LATER,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    })
    expect(invitation).not.toHaveProperty('tokenHash')
    expect(await store.findInvitation(tokenHash)).toEqual(invitation)
    expect(await store.findInvitation('unknown')).toBeNull()
    expect(await store.listInvitations(workspace.id)).toEqual([invitation])
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({ action: 'invitation.create', target: `invitation:${invitation.id}` })
    expect(entry?.detail).toBe('{"role":"editor"}')
  })

  it('signs up a new person through an invitation, once', async () => {
    const { workspace, invitation, tokenHash } = await invite('editor')
    const result = await store.acceptInvitation({
      tokenHash,
      now: NOW,
      email: ' New.Person@Example.com',
      name: 'New',
      passwordHash: 'h',
    })
    expect(result).toMatchObject({
      ok: true,
      value: { role: 'editor', workspace, user: { email: 'new.person@example.com' } },
    })
    if (!result.ok) return
    expect(await store.getRole(workspace.id, result.value.user.id)).toBe('editor')
    expect(await store.findInvitation(tokenHash)).toMatchObject({
      acceptedAt: NOW,
      acceptedBy: result.value.user.id,
    })
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({
      action: 'invitation.accept',
      userId: result.value.user.id,
      target: `invitation:${invitation.id}`,
    })

    const again = await store.acceptInvitation({
      tokenHash,
      now: NOW,
      email: 'other@example.com',
      name: 'O',
      passwordHash: 'h',
    })
    expect(again).toMatchObject({ ok: false, code: 'used' })
    expect(await store.findUserByEmail('other@example.com')).toBeNull()
  })

  it('refuses an expired, revoked or unknown invitation', async () => {
    const expired = await invite('viewer', '2026-11-25T11:59:59.999Z')
    const user = await addUser(store)
    expect(
      await store.acceptInvitation({ tokenHash: expired.tokenHash, now: NOW, userId: user.id }),
    ).toMatchObject({
      ok: false,
      code: 'expired',
    })
    expect(await store.acceptInvitation({ tokenHash: 'unknown', now: NOW, userId: user.id })).toMatchObject({
      ok: false,
      code: 'invalid',
    })

    const revoked = await invite('viewer')
    const stranger = await addWorkspace(store)
    expect(
      await store.revokeInvitation(stranger.workspace.id, revoked.invitation.id, {
        userId: stranger.owner.id,
      }),
    ).toBe(false)
    expect(
      await store.revokeInvitation(revoked.workspace.id, revoked.invitation.id, { userId: revoked.owner.id }),
    ).toBe(true)
    expect(
      await store.revokeInvitation(revoked.workspace.id, revoked.invitation.id, { userId: revoked.owner.id }),
    ).toBe(false)
    expect((await store.findInvitation(revoked.tokenHash))?.revokedAt).not.toBeNull()
    expect(
      await store.acceptInvitation({ tokenHash: revoked.tokenHash, now: NOW, userId: user.id }),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
    })
    expect(await store.getRole(revoked.workspace.id, user.id)).toBeNull()
    expect((await store.listAudit(revoked.workspace.id)).map((entry) => entry.action)).toEqual([
      'invitation.revoke',
      'invitation.create',
      'workspace.create',
    ])
  })

  it('refuses a new account with a taken email and leaves the invitation unused', async () => {
    const taken = await addUser(store)
    const { workspace, tokenHash } = await invite('viewer')
    const result = await store.acceptInvitation({
      tokenHash,
      now: NOW,
      email: taken.email.toUpperCase(),
      name: 'Dup',
      passwordHash: 'h',
    })
    expect(result).toMatchObject({ ok: false, code: 'email_taken' })
    expect(await store.findInvitation(tokenHash)).toMatchObject({ acceptedAt: null })
    expect(await store.getRole(workspace.id, taken.id)).toBeNull()
  })

  it('adds a signed-in user, keeping a higher role they already hold', async () => {
    const first = await invite('viewer')
    const user = await addUser(store)
    expect(
      await store.acceptInvitation({ tokenHash: first.tokenHash, now: NOW, userId: user.id }),
    ).toMatchObject({
      ok: true,
      value: { role: 'viewer', user },
    })
    const upgrade = await store.createInvitation(
      {
        workspaceId: first.workspace.id,
        role: 'editor',
        email: null,
        tokenHash: `${first.tokenHash}-2`,
        expiresAt: LATER,
      },
      { userId: first.owner.id },
    )
    expect(
      await store.acceptInvitation({ tokenHash: `${first.tokenHash}-2`, now: NOW, userId: user.id }),
    ).toMatchObject({
      ok: true,
      value: { role: 'editor' },
    })
    expect(upgrade.role).toBe('editor')
    await store.createInvitation(
      {
        workspaceId: first.workspace.id,
        role: 'viewer',
        email: null,
        tokenHash: `${first.tokenHash}-3`,
        expiresAt: LATER,
      },
      { userId: first.owner.id },
    )
    expect(
      await store.acceptInvitation({ tokenHash: `${first.tokenHash}-3`, now: NOW, userId: user.id }),
    ).toMatchObject({
      ok: true,
      value: { role: 'editor' },
    })
    expect(await store.getRole(first.workspace.id, user.id)).toBe('editor')
  })

  it('lets only one of two people racing for the same link in', async () => {
    const { workspace, tokenHash } = await invite('editor')
    const results = await Promise.all(
      ['racer1@example.com', 'racer2@example.com', 'racer3@example.com'].map((email) =>
        store.acceptInvitation({ tokenHash, now: NOW, email, name: 'R', passwordHash: 'h' }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok && result.code === 'used')).toHaveLength(2)
    expect(await store.listMembers(workspace.id)).toHaveLength(2)
  })

  it('resets a password once, ending the sessions of that user', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const member = await addUser(store)
    await store.createSession({ tokenHash: 'member-session', userId: member.id, expiresAt: LATER })
    await store.createSession({ tokenHash: 'owner-session', userId: owner.id, expiresAt: LATER })
    const reset = await store.createPasswordReset(
      { userId: member.id, workspaceId: workspace.id, tokenHash: 'reset-1', expiresAt: LATER },
      { userId: owner.id },
    )
    expect(reset.id).toEqual(expect.any(String))
    expect(await store.findPasswordReset('reset-1')).toEqual({
      userId: member.id,
      expiresAt: LATER,
      usedAt: null,
    })
    expect(await store.findPasswordReset('no-such-reset')).toBeNull()

    const result = await store.consumePasswordReset({
      tokenHash: 'reset-1',
      passwordHash: 'new-hash',
      now: NOW,
    })
    expect(result).toEqual({ ok: true, value: member })
    expect((await store.getUserWithPassword(member.id))?.passwordHash).toBe('new-hash')
    expect(await store.getSession('member-session')).toBeNull()
    expect((await store.findPasswordReset('reset-1'))?.usedAt).toBe(NOW)
    expect(await store.getSession('owner-session')).not.toBeNull()
    expect(
      await store.consumePasswordReset({ tokenHash: 'reset-1', passwordHash: 'again', now: NOW }),
    ).toMatchObject({
      ok: false,
      code: 'used',
    })
    expect((await store.getUserWithPassword(member.id))?.passwordHash).toBe('new-hash')

    const entries = await store.listAudit(workspace.id, { limit: 2 })
    expect(entries.map((entry) => [entry.action, entry.userId, entry.target])).toEqual([
      ['password_reset.use', member.id, `user:${member.id}`],
      ['password_reset.create', owner.id, `user:${member.id}`],
    ])
    expect(JSON.stringify(entries)).not.toContain('hash')
  })

  it('lets a reset link work once when it is used twice at the same moment', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const member = await addUser(store)
    await store.createPasswordReset(
      { userId: member.id, workspaceId: workspace.id, tokenHash: 'reset-race', expiresAt: LATER },
      { userId: owner.id },
    )
    const results = await Promise.all(
      ['first', 'second', 'third'].map((passwordHash) =>
        store.consumePasswordReset({ tokenHash: 'reset-race', passwordHash, now: NOW }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok && result.code === 'used')).toHaveLength(2)
    const uses = (await store.listAudit(workspace.id)).filter(
      (entry) => entry.action === 'password_reset.use',
    )
    expect(uses).toHaveLength(1)
  })

  it('refuses an expired or unknown reset link without touching the password', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const member = await addUser(store)
    await store.createPasswordReset(
      { userId: member.id, workspaceId: workspace.id, tokenHash: 'reset-old', expiresAt: NOW },
      { userId: owner.id },
    )
    expect(
      await store.consumePasswordReset({ tokenHash: 'reset-old', passwordHash: 'x', now: NOW }),
    ).toMatchObject({
      ok: false,
      code: 'expired',
    })
    expect(
      await store.consumePasswordReset({ tokenHash: 'nope', passwordHash: 'x', now: NOW }),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
    })
    expect((await store.getUserWithPassword(member.id))?.passwordHash).not.toBe('x')
    expect((await store.listAudit(workspace.id))[0]?.action).toBe('password_reset.create')
  })
})
