/**
 * Small builders for tests that need a user, a workspace or an event without caring about the
 * details, and a clock tests move by hand. Emails and names are unique per call so tests can share
 * one database.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { DatabaseExport, EventAppend, Store, User, Workspace } from '../store'

export async function addUser(
  store: Store,
  overrides: { email?: string; name?: string } = {},
): Promise<User> {
  const unique = randomUUID().slice(0, 8)
  const result = await store.createUser(
    {
      email: overrides.email ?? `user-${unique}@example.com`,
      name: overrides.name ?? `User ${unique}`,
      passwordHash: `hash-${unique}`,
    },
    { userId: null },
  )
  if (!result.ok) throw new Error(`addUser: ${result.message}`)
  return result.value
}

/** A workspace owned by a new user (or the one given). */
export async function addWorkspace(
  store: Store,
  owner?: User,
): Promise<{ owner: User; workspace: Workspace }> {
  const user = owner ?? (await addUser(store))
  const workspace = await store.createWorkspace(
    { name: `Workspace ${randomUUID().slice(0, 8)}`, ownerId: user.id },
    { userId: user.id },
  )
  return { owner: user, workspace }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** An append of a `note` event whose request hash follows its text, as the server computes it. */
export function noteEvent(
  target: { workspaceId: string; negotiationId: string },
  eventId: string,
  text = 'a note',
): EventAppend {
  const body = JSON.stringify({ type: 'note', id: eventId, text })
  return {
    ...target,
    eventId,
    requestHash: sha256(body),
    decide: () => ({ ok: true, body }),
  }
}

export interface ManualClock {
  now: () => Date
  advance(ms: number): void
  iso(): string
}

export function manualClock(start = '2026-11-25T09:00:00.000Z'): ManualClock {
  let time = new Date(start).getTime()
  return {
    now: () => new Date(time),
    advance(ms) {
      time += ms
    },
    iso: () => new Date(time).toISOString(),
  }
}

/** An export holding nothing, to build test files from. */
export function emptyDump(from: 'sqlite' | 'postgres' = 'sqlite'): DatabaseExport {
  return {
    parley: 'database-export',
    version: 1,
    exportedAt: '2026-11-25T12:00:00.000Z',
    from,
    users: [],
    apiTokens: [],
    workspaces: [],
    memberships: [],
    invitations: [],
    passwordResets: [],
    negotiations: [],
    events: [],
    drafts: [],
    tradeables: [],
    shareLinks: [],
    audit: [],
    settings: [],
  }
}
