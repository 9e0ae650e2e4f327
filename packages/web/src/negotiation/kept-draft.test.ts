import { describe, expect, it } from 'vitest'
import { forgetDraft, keepDraft, readDraft, recoverDraft } from './kept-draft'
import { salesPlan } from './prepare/test-plans'

/** A browser's storage, in memory. */
function memoryStorage(entries: Record<string, string> = {}) {
  const items = new Map(Object.entries(entries))
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

const KEY = 'parley:draft:N1'
const SAVED_AT = '2027-01-04T09:30:00.000Z'

describe('a draft kept in this browser', () => {
  it('reads back as it was kept', () => {
    const storage = memoryStorage()
    const plan = { ...salesPlan(), title: 'Renewal (mine)' }
    keepDraft(storage, 'N1', { savedAt: SAVED_AT, plan, version: 3 })
    expect(readDraft(storage, 'N1')).toEqual({ kind: 'kept', draft: { savedAt: SAVED_AT, plan, version: 3 } })
    forgetDraft(storage, 'N1')
    expect(readDraft(storage, 'N1')).toEqual({ kind: 'none' })
  })

  it('keeps a draft that is not a valid plan yet: only its shape is checked', () => {
    const plan = { ...salesPlan(), title: '', reservation: 140 }
    const storage = memoryStorage({ [KEY]: JSON.stringify({ savedAt: SAVED_AT, plan, version: 1 }) })
    expect(readDraft(storage, 'N1')).toMatchObject({ kind: 'kept', draft: { plan } })
  })

  it.each([
    ['text that is not JSON', '{"savedAt": '],
    ['no plan', JSON.stringify({ savedAt: SAVED_AT, version: 1 })],
    [
      'a plan without issues',
      JSON.stringify({ savedAt: SAVED_AT, plan: { title: 'x', parties: {} }, version: 1 }),
    ],
    [
      'issues that are not a list',
      JSON.stringify({ savedAt: SAVED_AT, plan: { ...salesPlan(), issues: 'price' }, version: 1 }),
    ],
    [
      'a version that is not a number',
      JSON.stringify({ savedAt: SAVED_AT, plan: salesPlan(), version: '1' }),
    ],
    ['a time that is not one', JSON.stringify({ savedAt: 'yesterday', plan: salesPlan(), version: 1 })],
  ])('does not read with %s', (_, text) => {
    expect(readDraft(memoryStorage({ [KEY]: text }), 'N1')).toEqual({ kind: 'unreadable' })
  })
})

describe('recovering a draft after loading the plan as saved', () => {
  it('offers a draft that differs from the saved plan, and keeps it until it is settled', () => {
    const draft = { savedAt: SAVED_AT, plan: { ...salesPlan(), title: 'Renewal (mine)' }, version: 1 }
    const storage = memoryStorage({ [KEY]: JSON.stringify(draft) })
    expect(recoverDraft(storage, 'N1', salesPlan())).toEqual({ kind: 'offer', draft })
    expect(storage.items.has(KEY)).toBe(true)
  })

  it('forgets a draft that is the same as the saved plan', () => {
    const storage = memoryStorage({
      [KEY]: JSON.stringify({ savedAt: SAVED_AT, plan: salesPlan(), version: 1 }),
    })
    expect(recoverDraft(storage, 'N1', salesPlan())).toEqual({ kind: 'none' })
    expect(storage.items.has(KEY)).toBe(false)
  })

  it('discards a draft that can not be read, and says so', () => {
    const storage = memoryStorage({ [KEY]: '{"plan": [1, 2' })
    expect(recoverDraft(storage, 'N1', salesPlan())).toEqual({ kind: 'unreadable' })
    expect(storage.items.has(KEY)).toBe(false)
  })

  it('offers nothing when nothing was kept', () => {
    expect(recoverDraft(memoryStorage(), 'N1', salesPlan())).toEqual({ kind: 'none' })
  })
})
