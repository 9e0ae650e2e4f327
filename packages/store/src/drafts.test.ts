import { describe, expect, it } from 'vitest'
import type { DraftInput, NewNegotiation, Store } from './store'
import { addWorkspace, manualClock, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

describe.each(backends)('drafts and managed negotiations on $dialect', (backend) => {
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

  const planned = (title = 'Acme renewal'): NewNegotiation => ({
    workspaceId,
    title,
    context: 'sales',
    planJson: `{"title":"${title}"}`,
    planText: `title: ${title} # ours\n`,
    planFormat: 'yaml',
  })
  const text = (body: string, valid = false): DraftInput => ({
    text: body,
    format: 'yaml',
    problems: '{"problems":[],"unlisted":0}',
    valid,
  })
  const save = (negotiationId: string, expectedVersion: number | undefined, body: string, valid = false) =>
    store.saveDraft({ workspaceId, negotiationId, expectedVersion, ...text(body, valid) }, { userId })

  it('creates a negotiation with only a draft at version 0, with no plan to compute from', async () => {
    const created = await store.createNegotiation(
      {
        ...planned('Half done'),
        planJson: null,
        planText: null,
        planFormat: null,
        draft: text('title: x\n'),
      },
      { userId },
    )
    expect(created).toMatchObject({ version: 0, planJson: null, planText: null, planFormat: null })
    expect(await store.getNegotiation(workspaceId, created.id)).toEqual(created)
    expect(await store.getDraft(workspaceId, created.id)).toMatchObject({
      text: 'title: x\n',
      version: 1,
      valid: false,
      updatedBy: userId,
    })
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({ action: 'negotiation.create', detail: '{"version":0,"draft":true}' })
    // Saving a valid plan from version 0 makes it version 1.
    const saved = await store.updatePlan(
      {
        workspaceId,
        negotiationId: created.id,
        expectedVersion: 0,
        title: 'x',
        context: 'sales',
        planJson: '{"title":"x"}',
        planText: null,
        planFormat: null,
      },
      { userId },
    )
    expect(saved).toMatchObject({ ok: true, value: { version: 1, planJson: '{"title":"x"}' } })
  })

  it('saves drafts compare-and-set, and asks for a version once a draft exists', async () => {
    const { id } = await store.createNegotiation(planned(), { userId })
    expect(await store.getDraft(workspaceId, id)).toBeNull()
    expect(await save(id, 3, 'a')).toMatchObject({ ok: false, code: 'stale', current: 0 })
    expect(await save(id, undefined, 'a')).toMatchObject({ ok: true, value: { version: 1, text: 'a' } })
    expect(await save(id, undefined, 'b')).toMatchObject({ ok: false, code: 'version_required', current: 1 })
    expect(await save(id, 2, 'b')).toMatchObject({ ok: false, code: 'stale', current: 1 })
    expect(await save(id, 1, 'b', true)).toMatchObject({ ok: true, value: { version: 2, valid: true } })
    const elsewhere = await addWorkspace(store)
    expect(await store.getDraft(elsewhere.workspace.id, id)).toBeNull()
    expect(
      await store.saveDraft(
        { workspaceId: elsewhere.workspace.id, negotiationId: id, expectedVersion: undefined, ...text('c') },
        { userId },
      ),
    ).toMatchObject({ ok: false, code: 'not_found' })
  })

  it('clears the draft with the plan saved from it, and keeps counting its versions', async () => {
    const { id } = await store.createNegotiation(planned(), { userId })
    await save(id, undefined, 'one')
    await save(id, 1, 'two')
    const update = {
      workspaceId,
      negotiationId: id,
      title: 'Acme renewal',
      context: 'sales',
      planJson: '{}',
      planText: null,
      planFormat: null,
    }
    // A draft saved meanwhile (version 2, not 1) is not cleared.
    await store.updatePlan({ ...update, expectedVersion: 1, clearDraft: 1 }, { userId })
    expect(await store.getDraft(workspaceId, id)).toMatchObject({ version: 2 })
    await store.updatePlan({ ...update, expectedVersion: 2, clearDraft: 2 }, { userId })
    expect(await store.getDraft(workspaceId, id)).toBeNull()
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({
      action: 'negotiation.update',
      detail: '{"from":2,"to":3,"draftCleared":true}',
    })
    // No draft now, so no If-Match is needed; one from before the clear does not match.
    expect(await save(id, 1, 'three')).toMatchObject({ ok: false, code: 'stale', current: 2 })
    expect(await save(id, undefined, 'three')).toMatchObject({ ok: true, value: { version: 3 } })
  })

  it('archives and restores, hiding archived negotiations from the list', async () => {
    const { workspace, owner } = await addWorkspace(store)
    const actor = { userId: owner.id }
    const kept = await store.createNegotiation({ ...planned('Kept'), workspaceId: workspace.id }, actor)
    const old = await store.createNegotiation({ ...planned('Old'), workspaceId: workspace.id }, actor)
    const titles = async (archived: boolean) =>
      (await store.listNegotiations(workspace.id, { archived })).map((summary) => summary.title)
    clock.advance(1000)
    expect(await store.archiveNegotiation(workspace.id, old.id, true, actor)).toMatchObject({
      archivedAt: clock.iso(),
    })
    expect(await titles(false)).toEqual(['Kept'])
    expect(await titles(true)).toEqual(['Old'])
    expect(await store.archiveNegotiation(workspace.id, old.id, true, actor)).toMatchObject({
      archivedAt: clock.iso(),
    })
    expect(await store.archiveNegotiation(workspace.id, old.id, false, actor)).toMatchObject({
      archivedAt: null,
    })
    expect(await titles(false)).toEqual(expect.arrayContaining(['Kept', 'Old']))
    expect(await store.archiveNegotiation(workspace.id, 'missing', true, actor)).toBeNull()
    const actions = (await store.listAudit(workspace.id)).map((entry) => entry.action)
    // Archiving twice is recorded once.
    expect(actions.slice(0, 2)).toEqual(['negotiation.restore', 'negotiation.archive'])
    expect(actions.filter((action) => action === 'negotiation.archive')).toHaveLength(1)
    expect(kept.archivedAt).toBeNull()
  })

  it('renames from the versions read, refusing a plan or draft that changed meanwhile', async () => {
    const created = await store.createNegotiation(planned('Before'), { userId })
    await save(created.id, undefined, 'title: Before\n')
    const rename = {
      workspaceId,
      negotiationId: created.id,
      title: 'After',
      expectedVersion: 1,
      plan: { planJson: '{"title":"After"}', planText: 'title: After # ours\n' },
      draft: { ...text('title: After\n'), expectedVersion: 1 },
    }
    expect(await store.renameNegotiation({ ...rename, expectedVersion: 2 }, { userId })).toMatchObject({
      ok: false,
      code: 'stale',
    })
    expect(await store.renameNegotiation({ ...rename, draft: null }, { userId })).toMatchObject({
      ok: false,
      code: 'stale',
    })
    expect(await store.renameNegotiation(rename, { userId })).toMatchObject({
      ok: true,
      value: { title: 'After', version: 2 },
    })
    expect(await store.getNegotiation(workspaceId, created.id)).toMatchObject({
      planJson: '{"title":"After"}',
      planText: 'title: After # ours\n',
    })
    expect(await store.getDraft(workspaceId, created.id)).toMatchObject({
      text: 'title: After\n',
      version: 2,
    })
    expect(await store.renameNegotiation({ ...rename, negotiationId: 'missing' }, { userId })).toMatchObject({
      ok: false,
      code: 'not_found',
    })
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({
      action: 'negotiation.rename',
      detail: '{"from":"Before","to":"After","version":2}',
    })
  })

  it('records a copy as a duplicate of its source, and deletes a draft with its negotiation', async () => {
    const source = await store.createNegotiation(planned(), { userId })
    const copy = await store.createNegotiation(
      { ...planned('Copy of Acme renewal'), draft: text('draft'), duplicateOf: source.id },
      { userId },
    )
    const [entry] = await store.listAudit(workspaceId)
    expect(entry).toMatchObject({
      action: 'negotiation.duplicate',
      target: `negotiation:${copy.id}`,
      detail: `{"version":1,"draft":true,"from":"${source.id}"}`,
    })
    expect(await store.deleteNegotiation(workspaceId, copy.id, { userId })).toBe(true)
    expect(await store.getDraft(workspaceId, copy.id)).toBeNull()
  })
})
