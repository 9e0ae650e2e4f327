import { describe, expect, it } from 'vitest'
import { AUDIT_PAGE_MAX } from './audit'
import type { AuditEntry, Store } from './store'
import { addWorkspace, emptyDump, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

describe.each(backends)('the audit log on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  it('lists a workspace’s entries newest first, 100 by default, paging back with `before`', async () => {
    const { owner, workspace } = await addWorkspace(store)
    const other = await addWorkspace(store)
    for (let i = 0; i < 104; i++) {
      await store.renameWorkspace(workspace.id, `name ${i}`, { userId: owner.id })
    }
    await store.renameWorkspace(other.workspace.id, 'elsewhere', { userId: other.owner.id })

    const first = await store.listAudit(workspace.id)
    expect(first).toHaveLength(100)
    const seqs = first.map((entry) => entry.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
    expect(JSON.parse(first[0]?.detail ?? '')).toEqual({ from: 'name 102', to: 'name 103' })
    expect(first.every((entry) => entry.workspaceId === workspace.id)).toBe(true)

    const rest = await store.listAudit(workspace.id, { before: first.at(-1)?.seq })
    expect(rest.map((entry) => entry.action)).toEqual([
      ...Array(4).fill('workspace.rename'),
      'workspace.create',
    ])
    expect(await store.listAudit(workspace.id, { before: rest.at(-1)?.seq })).toEqual([])
    expect(await store.listAudit(workspace.id, { limit: 3 })).toEqual(first.slice(0, 3))
    expect(await store.listAudit(workspace.id, { limit: 0 })).toEqual(first.slice(0, 1))

    const entry: AuditEntry | undefined = first[0]
    expect(entry).toEqual({
      seq: expect.any(Number),
      workspaceId: workspace.id,
      userId: owner.id,
      action: 'workspace.rename',
      target: `workspace:${workspace.id}`,
      detail: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    })
  })

  it('gives at most 1000 entries at once', async () => {
    const fresh = await backend.create()
    try {
      const dump = emptyDump()
      dump.audit = Array.from({ length: AUDIT_PAGE_MAX + 50 }, (_, i) => ({
        seq: i + 1,
        workspaceId: 'w',
        userId: null,
        action: 'workspace.rename',
        target: 'workspace:w',
        detail: null,
        at: '2026-11-25T12:00:00.000Z',
      }))
      expect(await fresh.store.importAll(dump)).toMatchObject({ ok: true })
      const page = await fresh.store.listAudit('w', { limit: 5000 })
      expect(page).toHaveLength(AUDIT_PAGE_MAX)
      expect(page[0]?.seq).toBe(AUDIT_PAGE_MAX + 50)
    } finally {
      await fresh.drop()
    }
  })
})
