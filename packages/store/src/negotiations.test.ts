import { describe, expect, it } from 'vitest'
import type { NewNegotiation, PlanUpdate, Store } from './store'
import { addWorkspace, manualClock, noteEvent, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

describe.each(backends)('negotiations on $dialect', (backend) => {
  const clock = manualClock()
  let store: Store
  let workspaceId: string
  let userId: string

  openSuiteDatabase(
    backend,
    async (opened) => {
      store = opened
      const { owner, workspace } = await addWorkspace(store)
      workspaceId = workspace.id
      userId = owner.id
    },
    { now: clock.now },
  )

  const plan = (overrides: Partial<NewNegotiation> = {}): NewNegotiation => ({
    workspaceId,
    title: 'Acme renewal',
    context: 'sales',
    planJson: '{"issues":[{"name":"price"}]}',
    planText: '# our plan\nissues:\n  - name: price\n',
    planFormat: 'yaml',
    ...overrides,
  })

  const change = (negotiationId: string, expectedVersion: number, title: string): PlanUpdate => ({
    workspaceId,
    negotiationId,
    expectedVersion,
    title,
    context: 'procurement',
    planJson: `{"title":"${title}"}`,
    planText: null,
    planFormat: 'json',
  })

  it('creates a negotiation at version 1 and reads it back whole', async () => {
    const created = await store.createNegotiation(plan(), { userId })
    expect(created).toEqual({
      id: expect.any(String),
      workspaceId,
      title: 'Acme renewal',
      context: 'sales',
      version: 1,
      createdBy: userId,
      createdAt: clock.iso(),
      updatedAt: clock.iso(),
      lastActivityAt: clock.iso(),
      eventCount: 0,
      archivedAt: null,
      planJson: '{"issues":[{"name":"price"}]}',
      planText: '# our plan\nissues:\n  - name: price\n',
      planFormat: 'yaml',
    })
    expect(await store.getNegotiation(workspaceId, created.id)).toEqual(created)
    const other = await addWorkspace(store)
    expect(await store.getNegotiation(other.workspace.id, created.id)).toBeNull()
    // The caller's role and the negotiation in one lookup; a non-member gets neither.
    expect(await store.getNegotiationAs(workspaceId, created.id, userId)).toEqual({
      role: 'owner',
      negotiation: created,
    })
    expect(await store.getNegotiationAs(workspaceId, 'no-such-id', userId)).toEqual({
      role: 'owner',
      negotiation: null,
    })
    expect(await store.getNegotiationAs(workspaceId, created.id, other.owner.id)).toEqual({
      role: null,
      negotiation: null,
    })
    expect(await store.getNegotiationAs(other.workspace.id, created.id, other.owner.id)).toEqual({
      role: 'owner',
      negotiation: null,
    })
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({
      action: 'negotiation.create',
      target: `negotiation:${created.id}`,
      detail: '{"version":1}',
    })
  })

  it('lists negotiations by latest activity, a plan change or a journal event', async () => {
    const { workspace, owner } = await addWorkspace(store)
    const target = { workspaceId: workspace.id }
    clock.advance(1000)
    const a = await store.createNegotiation(plan({ ...target, title: 'A' }), { userId: owner.id })
    clock.advance(1000)
    const b = await store.createNegotiation(plan({ ...target, title: 'B' }), { userId: owner.id })
    clock.advance(1000)
    const c = await store.createNegotiation(plan({ ...target, title: 'C' }), { userId: owner.id })
    const titles = async () => (await store.listNegotiations(workspace.id)).map((summary) => summary.title)
    expect(await titles()).toEqual(['C', 'B', 'A'])

    clock.advance(1000)
    await store.updatePlan({ ...change(a.id, 1, 'A'), workspaceId: workspace.id }, { userId: owner.id })
    expect(await titles()).toEqual(['A', 'C', 'B'])
    clock.advance(1000)
    await store.appendEvent(noteEvent({ workspaceId: workspace.id, negotiationId: b.id }, 'e'), {
      userId: owner.id,
    })
    expect(await titles()).toEqual(['B', 'A', 'C'])

    const [summary] = await store.listNegotiations(workspace.id)
    expect(summary).toEqual({
      id: b.id,
      workspaceId: workspace.id,
      title: 'B',
      context: 'sales',
      version: 1,
      createdBy: owner.id,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
      lastActivityAt: clock.iso(),
      eventCount: 1,
      archivedAt: null,
    })
    expect(c.id).not.toBe(b.id)
  })

  it('updates the plan from the current version and records from and to', async () => {
    const created = await store.createNegotiation(plan(), { userId })
    clock.advance(60_000)
    const result = await store.updatePlan(change(created.id, 1, 'Renamed'), { userId })
    expect(result).toEqual({
      ok: true,
      value: {
        ...created,
        title: 'Renamed',
        context: 'procurement',
        planJson: '{"title":"Renamed"}',
        planText: null,
        planFormat: 'json',
        version: 2,
        updatedAt: clock.iso(),
        lastActivityAt: clock.iso(),
      },
    })
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({ action: 'negotiation.update', target: `negotiation:${created.id}`, userId })
    expect(JSON.parse(entry?.detail ?? '')).toEqual({ from: 1, to: 2 })
    expect(entry?.detail).not.toContain('Renamed')
  })

  it('refuses a stale version with the current one, and an unknown or foreign negotiation, writing nothing', async () => {
    const created = await store.createNegotiation(plan(), { userId })
    await store.updatePlan(change(created.id, 1, 'v2'), { userId })
    const audit = await store.listAudit(workspaceId)

    expect(await store.updatePlan(change(created.id, 1, 'late'), { userId })).toMatchObject({
      ok: false,
      code: 'stale',
      current: 2,
    })
    expect(await store.updatePlan(change('no-such-id', 1, 'x'), { userId })).toMatchObject({
      ok: false,
      code: 'not_found',
    })
    const other = await addWorkspace(store)
    expect(
      await store.updatePlan({ ...change(created.id, 2, 'x'), workspaceId: other.workspace.id }, { userId }),
    ).toMatchObject({ ok: false, code: 'not_found' })
    expect((await store.getNegotiation(workspaceId, created.id))?.title).toBe('v2')
    expect(await store.listAudit(workspaceId)).toEqual(audit)
  })

  it('lets exactly one of many simultaneous updates from the same version win', async () => {
    const created = await store.createNegotiation(plan(), { userId })
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.updatePlan(change(created.id, 1, `writer ${i}`), { userId }),
      ),
    )
    const winners = results.filter((result) => result.ok)
    expect(winners).toHaveLength(1)
    expect(
      results.filter((result) => !result.ok && result.code === 'stale' && result.current === 2),
    ).toHaveLength(11)
    const stored = await store.getNegotiation(workspaceId, created.id)
    expect(stored?.version).toBe(2)
    expect(winners[0]?.ok && winners[0].value.title).toBe(stored?.title)
    const updates = (await store.listAudit(workspaceId, { limit: 1000 })).filter(
      (entry) => entry.action === 'negotiation.update' && entry.target === `negotiation:${created.id}`,
    )
    expect(updates).toHaveLength(1)
  })

  it('deletes a negotiation with its journal', async () => {
    const created = await store.createNegotiation(plan(), { userId })
    await store.appendEvent(noteEvent({ workspaceId, negotiationId: created.id }, 'gone'), { userId })
    const other = await addWorkspace(store)
    expect(await store.deleteNegotiation(other.workspace.id, created.id, { userId })).toBe(false)
    expect(await store.deleteNegotiation(workspaceId, created.id, { userId })).toBe(true)
    expect(await store.getNegotiation(workspaceId, created.id)).toBeNull()
    expect(await store.listEvents(workspaceId, created.id)).toBeNull()
    expect((await store.exportAll()).events.some((event) => event.negotiationId === created.id)).toBe(false)
    expect(await store.deleteNegotiation(workspaceId, created.id, { userId })).toBe(false)
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({ action: 'negotiation.delete', target: `negotiation:${created.id}` })
  })
})

describe.each(backends)('tradeables on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  it('keeps a library per workspace, sorted by name, and audits each change', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const other = await addWorkspace(store)
    const actor = { userId: owner.id }
    const training = await store.createTradeable(
      { workspaceId: workspace.id, name: 'Training', body: '{"a":1}' },
      actor,
    )
    const credits = await store.createTradeable(
      { workspaceId: workspace.id, name: 'Credits', body: '{"b":2}' },
      actor,
    )
    expect(training).toMatchObject({
      workspaceId: workspace.id,
      name: 'Training',
      body: '{"a":1}',
      createdBy: owner.id,
    })
    expect((await store.listTradeables(workspace.id)).map((t) => t.name)).toEqual(['Credits', 'Training'])
    expect(await store.listTradeables(other.workspace.id)).toEqual([])
    expect(await store.getTradeable(workspace.id, training.id)).toEqual(training)
    expect(await store.getTradeable(other.workspace.id, training.id)).toBeNull()

    const updated = await store.updateTradeable(
      { workspaceId: workspace.id, id: training.id, name: 'Onsite training', body: '{"a":2}' },
      actor,
    )
    expect(updated).toMatchObject({
      id: training.id,
      name: 'Onsite training',
      body: '{"a":2}',
      createdAt: training.createdAt,
    })
    expect(
      await store.updateTradeable(
        { workspaceId: other.workspace.id, id: training.id, name: 'x', body: '{}' },
        actor,
      ),
    ).toBeNull()
    expect(await store.deleteTradeable(other.workspace.id, credits.id, actor)).toBe(false)
    expect(await store.deleteTradeable(workspace.id, credits.id, actor)).toBe(true)
    expect(await store.deleteTradeable(workspace.id, credits.id, actor)).toBe(false)
    expect((await store.listTradeables(workspace.id)).map((t) => t.id)).toEqual([training.id])

    const entries = (await store.listAudit(workspace.id)).filter((entry) =>
      entry.action.startsWith('tradeable.'),
    )
    expect(entries.map((entry) => [entry.action, entry.target])).toEqual([
      ['tradeable.delete', `tradeable:${credits.id}`],
      ['tradeable.update', `tradeable:${training.id}`],
      ['tradeable.create', `tradeable:${credits.id}`],
      ['tradeable.create', `tradeable:${training.id}`],
    ])
  })
})
