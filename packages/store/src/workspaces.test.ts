import { describe, expect, it } from 'vitest'
import type { Role, Store } from './store'
import { addUser, addWorkspace, noteEvent, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

describe.each(backends)('workspaces and members on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  /** A workspace with an owner plus the given members. */
  async function team(...roles: Role[]) {
    const { owner, workspace } = await addWorkspace(store)
    const members = []
    for (const role of roles) {
      const user = await addUser(store)
      const invitation = await store.createInvitation(
        {
          workspaceId: workspace.id,
          role,
          email: null,
          tokenHash: `inv-${user.id}`,
          expiresAt: '2099-01-01T00:00:00.000Z',
        },
        { userId: owner.id },
      )
      await store.acceptInvitation({
        tokenHash: `inv-${user.id}`,
        now: invitation.createdAt,
        userId: user.id,
      })
      members.push(user)
    }
    return { owner, workspace, members }
  }

  it('makes a workspace with its creator as owner, and lists it with the role', async () => {
    const owner = await addUser(store)
    const workspace = await store.createWorkspace({ name: 'Sales', ownerId: owner.id }, { userId: owner.id })
    expect(await store.getWorkspace(workspace.id)).toEqual(workspace)
    expect(await store.listWorkspaces(owner.id)).toEqual([{ ...workspace, role: 'owner' }])
    expect(await store.getRole(workspace.id, owner.id)).toBe('owner')
    expect(await store.listMembers(workspace.id)).toEqual([
      {
        userId: owner.id,
        email: owner.email,
        name: owner.name,
        role: 'owner',
        joinedAt: workspace.createdAt,
      },
    ])
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({
      action: 'workspace.create',
      userId: owner.id,
      target: `workspace:${workspace.id}`,
      detail: '{"name":"Sales"}',
    })
    expect(await store.getWorkspace('no-such-workspace')).toBeNull()
    expect(await store.getRole(workspace.id, 'stranger')).toBeNull()
  })

  it('renames a workspace and records from and to', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const renamed = await store.renameWorkspace(workspace.id, 'Procurement', { userId: owner.id })
    expect(renamed).toEqual({ ...workspace, name: 'Procurement' })
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({ action: 'workspace.rename' })
    expect(JSON.parse(entry?.detail ?? '')).toEqual({ from: workspace.name, to: 'Procurement' })
    expect(await store.renameWorkspace('no-such-workspace', 'X', { userId: owner.id })).toBeNull()
  })

  it('changes a role and records it', async () => {
    const { owner, workspace, members } = await team('viewer')
    const viewer = members[0]!
    const result = await store.setRole(workspace.id, viewer.id, 'editor', { userId: owner.id })
    expect(result).toMatchObject({
      ok: true,
      value: { userId: viewer.id, email: viewer.email, role: 'editor' },
    })
    expect(await store.getRole(workspace.id, viewer.id)).toBe('editor')
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({ action: 'member.role', target: `user:${viewer.id}`, userId: owner.id })
    expect(JSON.parse(entry?.detail ?? '')).toEqual({ from: 'viewer', to: 'editor' })
  })

  it('refuses to demote or remove the last owner, and unknown members, writing nothing', async () => {
    const { owner, workspace, members } = await team('editor')
    const auditBefore = await store.listAudit(workspace.id)
    expect(await store.setRole(workspace.id, owner.id, 'editor', { userId: owner.id })).toMatchObject({
      ok: false,
      code: 'last_owner',
    })
    expect(await store.removeMember(workspace.id, owner.id, { userId: owner.id })).toMatchObject({
      ok: false,
      code: 'last_owner',
    })
    const stranger = await addUser(store)
    expect(await store.setRole(workspace.id, stranger.id, 'owner', { userId: owner.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    })
    expect(await store.removeMember(workspace.id, stranger.id, { userId: owner.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    })
    expect(await store.setRole('no-such-workspace', owner.id, 'owner', { userId: owner.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    })
    expect(await store.getRole(workspace.id, owner.id)).toBe('owner')
    expect(await store.listAudit(workspace.id)).toEqual(auditBefore)

    // With a second owner, the first may step down; an editor may be removed.
    await store.setRole(workspace.id, members[0]!.id, 'owner', { userId: owner.id })
    expect(await store.setRole(workspace.id, owner.id, 'viewer', { userId: owner.id })).toMatchObject({
      ok: true,
    })
    expect(await store.removeMember(workspace.id, owner.id, { userId: members[0]!.id })).toEqual({
      ok: true,
      value: true,
    })
    expect(await store.listMembers(workspace.id)).toEqual([
      expect.objectContaining({ userId: members[0]!.id, role: 'owner' }),
    ])
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({
      action: 'member.remove',
      target: `user:${owner.id}`,
      detail: '{"role":"viewer"}',
    })
  })

  it('leaves one owner when two owners demote or remove each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const { owner, workspace, members } = await team('owner')
      const other = members[0]!
      const results =
        round % 2 === 0
          ? await Promise.all([
              store.setRole(workspace.id, other.id, 'editor', { userId: owner.id }),
              store.setRole(workspace.id, owner.id, 'editor', { userId: other.id }),
            ])
          : await Promise.all([
              store.removeMember(workspace.id, other.id, { userId: owner.id }),
              store.removeMember(workspace.id, owner.id, { userId: other.id }),
            ])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.filter((result) => !result.ok && result.code === 'last_owner')).toHaveLength(1)
      const owners = (await store.listMembers(workspace.id)).filter((member) => member.role === 'owner')
      expect(owners).toHaveLength(1)
    }
  })

  it('deletes a workspace with everything in it, keeping the audit entry that says so', async () => {
    const { owner, workspace, members } = await team('editor')
    const negotiation = await store.createNegotiation(
      {
        workspaceId: workspace.id,
        title: 'T',
        context: 'sales',
        planJson: '{}',
        planText: 'x: 1',
        planFormat: 'yaml',
      },
      { userId: owner.id },
    )
    await store.appendEvent(noteEvent({ workspaceId: workspace.id, negotiationId: negotiation.id }, 'e1'), {
      userId: owner.id,
    })
    const tradeable = await store.createTradeable(
      { workspaceId: workspace.id, name: 'Training', body: '{}' },
      {
        userId: owner.id,
      },
    )
    await store.createInvitation(
      {
        workspaceId: workspace.id,
        role: 'viewer',
        email: null,
        tokenHash: 'doomed-invite',
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
      { userId: owner.id },
    )
    await store.createPasswordReset(
      {
        userId: members[0]!.id,
        workspaceId: workspace.id,
        tokenHash: 'doomed-reset',
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
      { userId: owner.id },
    )
    const keep = await addWorkspace(store, owner)

    expect(await store.deleteWorkspace(workspace.id, { userId: owner.id })).toBe(true)
    expect(await store.getWorkspace(workspace.id)).toBeNull()
    expect(await store.getNegotiation(workspace.id, negotiation.id)).toBeNull()
    expect(await store.listEvents(workspace.id, negotiation.id)).toBeNull()
    expect(await store.getTradeable(workspace.id, tradeable.id)).toBeNull()
    expect(await store.findInvitation('doomed-invite')).toBeNull()
    expect(
      await store.consumePasswordReset({
        tokenHash: 'doomed-reset',
        passwordHash: 'x',
        now: '2026-01-01T00:00:00.000Z',
      }),
    ).toMatchObject({ ok: false, code: 'invalid' })
    expect(await store.listMembers(workspace.id)).toEqual([])
    expect(await store.listWorkspaces(owner.id)).toEqual([{ ...keep.workspace, role: 'owner' }])
    expect(await store.getUser(members[0]!.id)).not.toBeNull()

    const dump = await store.exportAll()
    expect(dump.events.filter((event) => event.negotiationId === negotiation.id)).toEqual([])
    const [entry] = await store.listAudit(workspace.id)
    expect(entry).toMatchObject({
      action: 'workspace.delete',
      userId: owner.id,
      target: `workspace:${workspace.id}`,
    })
    expect(await store.deleteWorkspace(workspace.id, { userId: owner.id })).toBe(false)
    expect(await store.listAudit(workspace.id, { limit: 1 })).toEqual([entry])
  })
})
