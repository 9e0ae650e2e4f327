import { describe, expect, it } from 'vitest'
import { formatPath, readDatabaseExport } from './export'
import type { DatabaseExport } from './store'
import { emptyDump } from './testing'

const at = '2026-11-25T12:00:00.000Z'

function sample(): DatabaseExport {
  const dump = emptyDump('postgres')
  dump.users = [
    {
      id: 'u1',
      email: 'a@example.com',
      name: 'A',
      passwordHash: 'h',
      createdAt: at,
      passwordChangedAt: at,
      passwordChangedVia: 'reset-link',
    },
  ]
  dump.apiTokens = [
    {
      id: 't1',
      userId: 'u1',
      name: 'CI',
      createdAt: at,
      lastUsedAt: null,
      expiresAt: '2026-12-25T12:00:00.000Z',
      tokenHash: 'th',
    },
  ]
  dump.workspaces = [{ id: 'w1', name: 'W', createdAt: at }]
  dump.memberships = [{ workspaceId: 'w1', userId: 'u1', role: 'owner', joinedAt: at }]
  dump.negotiations = [
    {
      id: 'n1',
      workspaceId: 'w1',
      title: 'T',
      context: 'sales',
      version: 1,
      createdBy: 'u1',
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      eventCount: 2,
      archivedAt: null,
      planJson: '{}',
      planText: null,
      planFormat: null,
    },
  ]
  dump.events = [1, 2].map((seq) => ({
    negotiationId: 'n1',
    seq,
    id: `e${seq}`,
    body: '{}',
    requestHash: 'h',
    createdBy: 'u1',
    createdAt: at,
  }))
  return dump
}

function problemsOf(value: unknown) {
  const result = readDatabaseExport(value)
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

describe('reading an export file', () => {
  it('accepts a well-formed export and returns it unchanged', () => {
    const dump = sample()
    expect(readDatabaseExport(JSON.parse(JSON.stringify(dump)))).toEqual({ ok: true, dump })
  })

  it('reads a file made before passwords and tokens carried their dates as having none', () => {
    const old = JSON.parse(JSON.stringify(sample()))
    delete old.users[0].passwordChangedAt
    delete old.users[0].passwordChangedVia
    delete old.apiTokens[0].expiresAt
    const read = readDatabaseExport(old)
    expect(read).toMatchObject({ ok: true })
    if (!read.ok) return
    expect(read.dump.users[0]).toMatchObject({ passwordChangedAt: null, passwordChangedVia: null })
    expect(read.dump.apiTokens[0]?.expiresAt).toBeNull()
    const wrong = sample()
    ;(wrong.users[0] as { passwordChangedVia: string }).passwordChangedVia = 'magic'
    expect(problemsOf(wrong).map((problem) => problem.path)).toEqual(['users[0].passwordChangedVia'])
  })

  it('writes paths the way the file reads', () => {
    expect(formatPath(['events', 12, 'seq'])).toBe('events[12].seq')
    expect(formatPath(['users'])).toBe('users')
    expect(formatPath([])).toBe('')
  })

  it('says when the file is not an export at all', () => {
    expect(problemsOf([1, 2])).toEqual([
      { path: '', message: 'expected a Parley database export (a JSON object)' },
    ])
    expect(problemsOf({ ...sample(), parley: 'something-else' })).toEqual([
      { path: 'parley', message: 'not a Parley database export (expected "database-export")' },
    ])
    expect(problemsOf({ ...sample(), version: 2 })).toEqual([
      { path: 'version', message: 'this export format version is not supported (expected 1)' },
    ])
  })

  it('points at each bad field with its path', () => {
    const dump: Record<string, unknown> = { ...sample() }
    const events = [
      ...sample().events,
      ...sample().events.map((event) => ({ ...event, seq: event.seq + 2, id: `x${event.seq}` })),
    ]
    dump.events = events.map((event, i) => (i === 3 ? { ...event, seq: '4' } : event))
    const users = sample().users.map((user) => ({ ...user, createdAt: '25/11/2026' }))
    dump.users = users
    dump.workspaces = [{ id: 'w1', createdAt: at }]
    dump.memberships = [{ workspaceId: 'w1', userId: 'u1', role: 'admin', joinedAt: at }]
    delete dump.settings
    expect(problemsOf(dump)).toEqual([
      { path: 'users[0].createdAt', message: 'expected a UTC time like 2026-11-25T18:16:00.000Z' },
      { path: 'workspaces[0].name', message: 'missing' },
      { path: 'memberships[0].role', message: expect.stringContaining('"owner"') },
      { path: 'events[3].seq', message: expect.stringContaining('expected number') },
      { path: 'settings', message: 'missing' },
    ])
  })

  it('finds duplicates and references to rows that are not in the file', () => {
    const dump = sample()
    dump.users.push({ ...dump.users[0]!, id: 'u2' })
    dump.events.push({ ...dump.events[1]!, id: 'e3' })
    dump.events.push({ ...dump.events[0]!, negotiationId: 'gone', seq: 9 })
    dump.memberships.push({ workspaceId: 'w9', userId: 'u1', role: 'viewer', joinedAt: at })
    dump.settings = [
      { key: 'k', value: '1' },
      { key: 'k', value: '2' },
    ]
    expect(problemsOf(dump)).toEqual([
      { path: 'users[1].email', message: 'duplicate of users[0].email' },
      { path: 'events[2].seq', message: 'duplicate of events[1].seq' },
      { path: 'settings[1].key', message: 'duplicate of settings[0].key' },
      { path: 'memberships[1].workspaceId', message: 'refers to workspace w9, which is not in the file' },
      { path: 'events[3].negotiationId', message: 'refers to negotiation gone, which is not in the file' },
    ])
  })

  it('refuses numbers the database can not hold and emails not stored as the store stores them', () => {
    const dump = sample()
    dump.events[0]!.seq = 0
    dump.negotiations[0]!.version = 2 ** 40
    dump.users[0]!.email = 'A@Example.com'
    const problems = problemsOf(dump)
    expect(problems.map((problem) => problem.path)).toEqual([
      'users[0].email',
      'negotiations[0].version',
      'events[0].seq',
    ])
    expect(problems[0]?.message).toBe('emails are stored lower-cased and trimmed')
  })
})
