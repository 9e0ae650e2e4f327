import { describe, expect, it } from 'vitest'
import type { Role, Store } from './store'
import { addUser, addWorkspace, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

const LATER = '2099-01-01T00:00:00.000Z'
const NOW = '2026-11-25T12:00:00.000Z'

describe.each(backends)('invitations and password resets on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  async function invite(role: Role, expiresAt = LATER, email: string | null = null) {
    const { owner, workspace } = await addWorkspace(store)
    const tokenHash = `invite-${crypto.randomUUID()}`
    const invitation = await store.createInvitation(
      { workspaceId: workspace.id, role, email, tokenHash, expiresAt },
      { userId: owner.id },
    )
    return { owner, workspace, invitation, tokenHash }
  }

  it('makes, lists and finds an invitation by its hash', async () => {
    const { owner, workspace, invitation, tokenHash } = await invite('editor', LATER, 'Guest@Example.com')
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

  it('admits only the email an invitation names, new people and signed-in people alike', async () => {
    const forNew = await invite('editor', LATER, 'Named@Example.com')
    const wrongNew = await store.acceptInvitation({
      tokenHash: forNew.tokenHash,
      now: NOW,
      email: 'someone.else@example.com',
      name: 'Else',
      passwordHash: 'h',
    })
    expect(wrongNew).toMatchObject({ ok: false, code: 'wrong_email' })
    expect(await store.findUserByEmail('someone.else@example.com')).toBeNull()
    // The named email itself is a taken one here: a mismatch is refused before that is looked at,
    // so the refusal says nothing about who has an account.
    const taken = await addUser(store)
    const forTaken = await invite('viewer', LATER, 'nobody-yet@example.com')
    expect(
      await store.acceptInvitation({
        tokenHash: forTaken.tokenHash,
        now: NOW,
        email: taken.email,
        name: 'T',
        passwordHash: 'h',
      }),
    ).toMatchObject({ ok: false, code: 'wrong_email' })
    const right = await store.acceptInvitation({
      tokenHash: forNew.tokenHash,
      now: NOW,
      email: ' NAMED@example.com',
      name: 'Named',
      passwordHash: 'h',
    })
    expect(right).toMatchObject({ ok: true, value: { user: { email: 'named@example.com' } } })

    const forMember = await invite('viewer', LATER, taken.email.toUpperCase())
    const stranger = await addUser(store)
    expect(
      await store.acceptInvitation({ tokenHash: forMember.tokenHash, now: NOW, userId: stranger.id }),
    ).toMatchObject({ ok: false, code: 'wrong_email' })
    expect(await store.getRole(forMember.workspace.id, stranger.id)).toBeNull()
    expect(await store.findInvitation(forMember.tokenHash)).toMatchObject({ acceptedAt: null })
    expect(
      await store.acceptInvitation({ tokenHash: forMember.tokenHash, now: NOW, userId: taken.id }),
    ).toMatchObject({ ok: true, value: { role: 'viewer' } })
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
    // Later invitations to the same workspace for the same user: the role they end with shows
    // whether accepting one can lower a role already held.
    const acceptAnother = async (role: Role, tokenHash: string) => {
      const invitation = await store.createInvitation(
        { workspaceId: first.workspace.id, role, email: null, tokenHash, expiresAt: LATER },
        { userId: first.owner.id },
      )
      return { invitation, accepted: await store.acceptInvitation({ tokenHash, now: NOW, userId: user.id }) }
    }
    const upgrade = await acceptAnother('editor', `${first.tokenHash}-2`)
    expect(upgrade.accepted).toMatchObject({ ok: true, value: { role: 'editor' } })
    expect(upgrade.invitation.role).toBe('editor')
    const downgrade = await acceptAnother('viewer', `${first.tokenHash}-3`)
    expect(downgrade.accepted).toMatchObject({ ok: true, value: { role: 'editor' } })
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

  it('resets a password once, ending every session and API token of that user', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const member = await addUser(store)
    await store.createSession({ tokenHash: 'member-session', userId: member.id, expiresAt: LATER })
    await store.createSession({ tokenHash: 'member-stale', userId: member.id, expiresAt: NOW })
    await store.createSession({ tokenHash: 'owner-session', userId: owner.id, expiresAt: LATER })
    await store.createApiToken(
      { tokenHash: 'member-token', userId: member.id, name: 'CI' },
      { userId: member.id },
    )
    await store.createApiToken(
      { tokenHash: 'member-old-token', userId: member.id, name: 'old', expiresAt: NOW },
      { userId: member.id },
    )
    await store.createApiToken(
      { tokenHash: 'owner-token', userId: owner.id, name: 'CI' },
      { userId: owner.id },
    )
    const reset = await store.createPasswordReset(
      { userId: member.id, workspaceId: workspace.id, tokenHash: 'reset-1', expiresAt: LATER },
      { userId: owner.id },
    )
    expect(reset).toEqual({ ok: true, value: { id: expect.any(String) } })
    expect(await store.findPasswordReset('reset-1')).toEqual({
      userId: member.id,
      expiresAt: LATER,
      usedAt: null,
      allowed: true,
    })
    expect(await store.findPasswordReset('no-such-reset')).toBeNull()

    const result = await store.consumePasswordReset({
      tokenHash: 'reset-1',
      passwordHash: 'new-hash',
      now: NOW,
    })
    // Only what still worked is counted: the stale session and the expired token are not.
    expect(result).toEqual({
      ok: true,
      value: { user: member, at: NOW, via: 'reset-link', sessionsEnded: 1, tokensRevoked: 1 },
    })
    expect(await store.getUserWithPassword(member.id)).toMatchObject({
      passwordHash: 'new-hash',
      passwordChangedAt: NOW,
      passwordChangedVia: 'reset-link',
    })
    expect(await store.getSession('member-session')).toBeNull()
    expect(await store.getSession('member-stale')).toBeNull()
    expect(await store.listApiTokens(member.id)).toEqual([])
    expect((await store.findPasswordReset('reset-1'))?.usedAt).toBe(NOW)
    expect(await store.getSession('owner-session')).not.toBeNull()
    expect(await store.listApiTokens(owner.id)).toHaveLength(1)
    expect(
      await store.consumePasswordReset({ tokenHash: 'reset-1', passwordHash: 'again', now: NOW }),
    ).toMatchObject({
      ok: false,
      code: 'used',
    })
    expect((await store.getUserWithPassword(member.id))?.passwordHash).toBe('new-hash')

    // The member is in no workspace: the change is recorded at the account level.
    const entries = (await store.exportAll()).audit.filter((entry) => entry.target === `user:${member.id}`)
    expect(entries.map((entry) => [entry.action, entry.workspaceId, entry.userId])).toEqual([
      ['user.create', null, null],
      ['password_reset.create', workspace.id, owner.id],
      ['password.change', null, member.id],
    ])
    expect(JSON.parse(entries[2]?.detail ?? '{}')).toEqual({
      via: 'reset-link',
      sessionsEnded: 1,
      tokensRevoked: 1,
      resetId: reset.ok ? reset.value.id : '',
      linkMadeBy: owner.id,
    })
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
    const uses = (await store.exportAll()).audit.filter(
      (entry) => entry.action === 'password.change' && entry.target === `user:${member.id}`,
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

describe.each(backends)('the recovery rule for reset links on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  /** A member of the owner's workspace, through an invitation. */
  async function join(
    workspaceId: string,
    inviterId: string,
    userId: string,
    role: 'editor' | 'viewer' | 'owner',
  ) {
    const tokenHash = `join-${crypto.randomUUID()}`
    await store.createInvitation(
      { workspaceId, role, email: null, tokenHash, expiresAt: LATER },
      { userId: inviterId },
    )
    const joined = await store.acceptInvitation({ tokenHash, now: NOW, userId })
    if (!joined.ok) throw new Error(joined.message)
  }

  it('lets an owner reset only a member every one of whose workspaces they own', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const member = await addUser(store)
    await join(workspace.id, owner.id, member.id, 'editor')
    // A member with a workspace of their own can not be reset by this owner...
    const elsewhere = await addWorkspace(store)
    await join(elsewhere.workspace.id, elsewhere.owner.id, member.id, 'viewer')
    const refused = await store.createPasswordReset(
      { userId: member.id, workspaceId: workspace.id, tokenHash: 'rule-1', expiresAt: LATER },
      { userId: owner.id },
    )
    expect(refused).toMatchObject({ ok: false, code: 'reset_not_allowed' })
    expect(await store.findPasswordReset('rule-1')).toBeNull()
    // ...unless the owner owns that one too.
    await join(elsewhere.workspace.id, elsewhere.owner.id, owner.id, 'owner')
    expect(
      await store.createPasswordReset(
        { userId: member.id, workspaceId: workspace.id, tokenHash: 'rule-2', expiresAt: LATER },
        { userId: owner.id },
      ),
    ).toMatchObject({ ok: true })
    // An editor there is not enough.
    await store.setRole(elsewhere.workspace.id, owner.id, 'editor', { userId: elsewhere.owner.id })
    expect(
      await store.createPasswordReset(
        { userId: member.id, workspaceId: workspace.id, tokenHash: 'rule-3', expiresAt: LATER },
        { userId: owner.id },
      ),
    ).toMatchObject({ ok: false, code: 'reset_not_allowed' })
  })

  it('refuses a link made while allowed once the member has joined another workspace, changing nothing', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const member = await addUser(store)
    await join(workspace.id, owner.id, member.id, 'viewer')
    await store.createSession({ tokenHash: 'joined-session', userId: member.id, expiresAt: LATER })
    const made = await store.createPasswordReset(
      { userId: member.id, workspaceId: workspace.id, tokenHash: 'rule-late', expiresAt: LATER },
      { userId: owner.id },
    )
    expect(made).toMatchObject({ ok: true })
    const other = await addWorkspace(store)
    await join(other.workspace.id, other.owner.id, member.id, 'viewer')
    expect(await store.findPasswordReset('rule-late')).toMatchObject({ allowed: false })
    const before = await store.getUserWithPassword(member.id)
    expect(
      await store.consumePasswordReset({ tokenHash: 'rule-late', passwordHash: 'taken-over', now: NOW }),
    ).toMatchObject({ ok: false, code: 'reset_not_allowed' })
    expect(await store.getUserWithPassword(member.id)).toEqual(before)
    expect(await store.getSession('joined-session')).not.toBeNull()
    expect((await store.findPasswordReset('rule-late'))?.usedAt).toBeNull()
  })

  it('never lets a reset and a join of another workspace both pass unnoticed when they race', async () => {
    for (let round = 0; round < 8; round++) {
      const { owner, workspace } = await addWorkspace(store)
      const member = await addUser(store)
      await join(workspace.id, owner.id, member.id, 'viewer')
      const resetHash = `race-reset-${round}-${crypto.randomUUID()}`
      await store.createPasswordReset(
        { userId: member.id, workspaceId: workspace.id, tokenHash: resetHash, expiresAt: LATER },
        { userId: owner.id },
      )
      const other = await addWorkspace(store)
      const inviteHash = `race-invite-${round}-${crypto.randomUUID()}`
      await store.createInvitation(
        {
          workspaceId: other.workspace.id,
          role: 'viewer',
          email: null,
          tokenHash: inviteHash,
          expiresAt: LATER,
        },
        { userId: other.owner.id },
      )
      const [reset, joined] = await Promise.all([
        store.consumePasswordReset({ tokenHash: resetHash, passwordHash: `h${round}`, now: NOW }),
        store.acceptInvitation({ tokenHash: inviteHash, now: NOW, userId: member.id }),
      ])
      expect(joined.ok).toBe(true)
      if (!reset.ok) {
        expect(reset.code).toBe('reset_not_allowed')
        continue
      }
      // The reset passed, so it came first: the join waited for it, and came after.
      const audit = (await store.exportAll()).audit
      const change = audit.find(
        (entry) => entry.action === 'password.change' && entry.target === `user:${member.id}`,
      )
      const joining = audit.find(
        (entry) => entry.action === 'invitation.accept' && entry.workspaceId === other.workspace.id,
      )
      expect(change && joining && joining.seq > change.seq).toBe(true)
    }
  })
})
