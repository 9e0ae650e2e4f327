/**
 * The server's tests drive the real application (`app.request`, no socket) on a real database of
 * each backend. A team is made through the API itself: an owner by the setup token, an editor and
 * a viewer by invitations, and an outsider with a workspace of their own.
 */
import type { Role, Store } from '@parley/store'
import type { TestBackend, TestDatabase } from '@parley/store/testing'
import { afterAll, beforeAll } from 'vitest'
import { type App, createApp } from '../app'
import { newSecret, secretHash } from '../auth/secrets'
import type { ServerOverrides } from '../options'

/** Cheap hashing for tests; the defaults are tested in passwords.test.ts. */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 }
export const PASSWORD = 'correct horse battery'
export const ORIGIN = 'http://localhost'

export interface Caller {
  token?: string
  cookie?: string
}

export interface Reply {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
  body: any
  text: string
}

export interface CallOptions {
  as?: Caller
  json?: unknown
  /** A raw body with its content type (YAML plan files, malformed JSON). */
  raw?: { text: string; type: string }
  headers?: Record<string, string>
}

export interface Harness {
  app: App
  store: Store
  database: TestDatabase
  clock: { now: Date; advance(ms: number): void }
  call(method: string, path: string, options?: CallOptions): Promise<Reply>
  drop(): Promise<void>
}

export async function harness(backend: TestBackend, options: ServerOverrides = {}): Promise<Harness> {
  const database = await backend.create()
  const clock = {
    now: new Date('2026-11-25T12:00:00.000Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms)
    },
  }
  const app = createApp({
    store: database.store,
    options: { password: TEST_PASSWORD_COST, ...options },
    now: () => clock.now,
    logError: (error) => {
      throw error
    },
  })
  const call = async (method: string, path: string, callOptions: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...callOptions.headers }
    if (callOptions.as?.token) headers.authorization = `Bearer ${callOptions.as.token}`
    if (callOptions.as?.cookie) {
      headers.cookie = callOptions.as.cookie
      if (method !== 'GET' && headers.origin === undefined) headers.origin = ORIGIN
    }
    let body: string | undefined
    if (callOptions.json !== undefined) {
      body = JSON.stringify(callOptions.json)
      headers['content-type'] ??= 'application/json'
    } else if (callOptions.raw) {
      body = callOptions.raw.text
      headers['content-type'] ??= callOptions.raw.type
    }
    const response = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await response.text()
    let parsed: unknown = text
    if ((response.headers.get('content-type') ?? '').startsWith('application/json') && text !== '')
      parsed = JSON.parse(text)
    return { status: response.status, headers: response.headers, body: parsed, text }
  }
  const drop = async () => {
    await app.close()
    await database.drop()
  }
  return { app, store: database.store, database, clock, call, drop }
}

/** The session cookie a response set, as a Cookie header. */
export function sessionCookie(reply: Reply): string {
  const header = reply.headers.get('set-cookie') ?? ''
  const match = /parley_session=([^;]+)/.exec(header)
  if (!match) throw new Error(`no session cookie in ${JSON.stringify(header)}`)
  return `parley_session=${match[1]}`
}

export interface Member {
  id: string
  email: string
  token: string
  cookie: string
}

export interface Team {
  workspaceId: string
  owner: Member
  editor: Member
  viewer: Member
  /** Signed in, with a workspace of their own, but not a member of the team's. */
  outsider: Member & { workspaceId: string }
}

async function tokenFor(h: Harness, cookie: string): Promise<string> {
  const reply = await h.call('POST', '/api/me/tokens', { as: { cookie }, json: { name: 'tests' } })
  if (reply.status !== 201) throw new Error(`token: ${reply.status} ${reply.text}`)
  return reply.body.token as string
}

/** The first owner, through the setup token. */
export async function setupOwner(
  h: Harness,
  email = 'owner@example.com',
): Promise<Member & { workspaceId: string }> {
  const token = newSecret('setup')
  await h.store.setSetting('setup_token_hash', secretHash(token))
  const reply = await h.call('POST', '/api/setup', {
    json: { token, email, name: 'Olive Owner', password: PASSWORD, workspace: 'Deals' },
    headers: { origin: ORIGIN },
  })
  if (reply.status !== 201) throw new Error(`setup: ${reply.status} ${reply.text}`)
  const cookie = sessionCookie(reply)
  return {
    id: reply.body.user.id,
    email,
    cookie,
    token: await tokenFor(h, cookie),
    workspaceId: reply.body.workspace.id,
  }
}

export async function invite(
  h: Harness,
  owner: Member,
  workspaceId: string,
  role: Role,
  email: string,
): Promise<Member> {
  const made = await h.call('POST', `/api/workspaces/${workspaceId}/invitations`, {
    as: { token: owner.token },
    json: { role, email },
  })
  if (made.status !== 201) throw new Error(`invite: ${made.status} ${made.text}`)
  const accepted = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
    json: { email, name: email.split('@')[0], password: PASSWORD },
    headers: { origin: ORIGIN },
  })
  if (accepted.status !== 201) throw new Error(`accept: ${accepted.status} ${accepted.text}`)
  const cookie = sessionCookie(accepted)
  return { id: accepted.body.user.id, email, cookie, token: await tokenFor(h, cookie) }
}

export async function team(h: Harness): Promise<Team> {
  const owner = await setupOwner(h)
  const editor = await invite(h, owner, owner.workspaceId, 'editor', 'editor@example.com')
  const viewer = await invite(h, owner, owner.workspaceId, 'viewer', 'viewer@example.com')
  const outsider = await invite(h, owner, owner.workspaceId, 'viewer', 'outsider@example.com')
  // The outsider leaves the team's workspace and makes their own.
  const left = await h.call('DELETE', `/api/workspaces/${owner.workspaceId}/members/${outsider.id}`, {
    as: { token: outsider.token },
  })
  if (left.status !== 204) throw new Error(`leave: ${left.status} ${left.text}`)
  const own = await h.call('POST', '/api/workspaces', {
    as: { token: outsider.token },
    json: { name: 'Elsewhere' },
  })
  return {
    workspaceId: owner.workspaceId,
    owner,
    editor,
    viewer,
    outsider: { ...outsider, workspaceId: own.body.id },
  }
}

/**
 * One app and one team for a whole `describe` block, made before its first test and dropped after
 * its last: signing a team up through the API is too slow to repeat per test, so the block's tests
 * share them. Both objects are filled in by the block's `beforeAll`, so the block can name them
 * where it declares its tests, and use them once they run.
 */
export function suiteTeam(backend: TestBackend, options: ServerOverrides = {}): { h: Harness; t: Team } {
  const h = {} as Harness
  const t = {} as Team
  beforeAll(async () => {
    Object.assign(h, await harness(backend, options))
    Object.assign(t, await team(h))
  })
  afterAll(async () => {
    await h.drop()
  })
  return { h, t }
}
