import { describe, expect, it } from 'vitest'
import type { Store, User } from './store'
import { addUser, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

describe.each(backends)('sessions and API tokens on $dialect', (backend) => {
  let store: Store
  let user: User

  openSuiteDatabase(backend, async (opened) => {
    store = opened
    user = await addUser(store)
  })

  it('keeps a session by its hash, extends it and ends it', async () => {
    await store.createSession({ tokenHash: 's1', userId: user.id, expiresAt: '2026-12-01T00:00:00.000Z' })
    const session = await store.getSession('s1')
    expect(session).toMatchObject({ userId: user.id, expiresAt: '2026-12-01T00:00:00.000Z', user })
    expect(session?.lastSeenAt).toBe(session?.createdAt)

    await store.touchSession('s1', '2026-11-30T10:00:00.000Z', '2026-12-30T10:00:00.000Z')
    expect(await store.getSession('s1')).toMatchObject({
      lastSeenAt: '2026-11-30T10:00:00.000Z',
      expiresAt: '2026-12-30T10:00:00.000Z',
    })
    await store.deleteSession('s1')
    expect(await store.getSession('s1')).toBeNull()
    expect(await store.getSession('never')).toBeNull()
  })

  it('starts a session at the time the server gives, from which its absolute lifetime counts', async () => {
    await store.createSession({
      tokenHash: 'dated',
      userId: user.id,
      createdAt: '2026-11-01T08:00:00.000Z',
      expiresAt: '2026-11-08T08:00:00.000Z',
    })
    expect(await store.getSession('dated')).toMatchObject({
      createdAt: '2026-11-01T08:00:00.000Z',
      lastSeenAt: '2026-11-01T08:00:00.000Z',
    })
  })

  it('ends every session of one user, and only theirs', async () => {
    const other = await addUser(store)
    await store.createSession({ tokenHash: 'a1', userId: user.id, expiresAt: '2030-01-01T00:00:00.000Z' })
    await store.createSession({ tokenHash: 'a2', userId: user.id, expiresAt: '2030-01-01T00:00:00.000Z' })
    await store.createSession({ tokenHash: 'b1', userId: other.id, expiresAt: '2030-01-01T00:00:00.000Z' })
    await store.deleteSessionsOf(user.id)
    expect(await store.getSession('a1')).toBeNull()
    expect(await store.getSession('a2')).toBeNull()
    expect(await store.getSession('b1')).not.toBeNull()
  })

  it('deletes the sessions that have expired by a given time and counts them', async () => {
    await store.createSession({ tokenHash: 'old1', userId: user.id, expiresAt: '2020-01-01T00:00:00.000Z' })
    await store.createSession({ tokenHash: 'old2', userId: user.id, expiresAt: '2020-06-01T00:00:00.000Z' })
    await store.createSession({ tokenHash: 'edge', userId: user.id, expiresAt: '2021-01-01T00:00:00.000Z' })
    await store.createSession({ tokenHash: 'new', userId: user.id, expiresAt: '2035-01-01T00:00:00.000Z' })
    expect(await store.deleteExpiredSessions('2021-01-01T00:00:00.000Z')).toBe(3)
    expect(await store.getSession('edge')).toBeNull()
    expect(await store.getSession('new')).not.toBeNull()
    expect(await store.deleteExpiredSessions('2021-01-01T00:00:00.000Z')).toBe(0)
  })

  it('makes, finds, lists and deletes API tokens by their hash, recording their use', async () => {
    const token = await store.createApiToken(
      { tokenHash: 't-hash', userId: user.id, name: 'CI' },
      { userId: user.id },
    )
    expect(token).toMatchObject({ userId: user.id, name: 'CI', lastUsedAt: null })
    expect(token).not.toHaveProperty('tokenHash')

    expect(await store.useApiToken('t-hash', '2026-11-25T12:00:00.000Z')).toEqual({
      ...token,
      lastUsedAt: '2026-11-25T12:00:00.000Z',
      user,
    })
    expect(await store.useApiToken('other-hash', '2026-11-25T12:00:00.000Z')).toBeNull()
    // Within the minute the use is not written again (reads stay reads); after it, it is.
    expect((await store.useApiToken('t-hash', '2026-11-25T12:00:59.000Z'))?.lastUsedAt).toBe(
      '2026-11-25T12:00:00.000Z',
    )
    expect((await store.useApiToken('t-hash', '2026-11-25T12:01:00.000Z'))?.lastUsedAt).toBe(
      '2026-11-25T12:01:00.000Z',
    )
    expect((await store.listApiTokens(user.id))[0]?.lastUsedAt).toBe('2026-11-25T12:01:00.000Z')
    const second = await store.createApiToken(
      { tokenHash: 't2', userId: user.id, name: 'laptop' },
      { userId: user.id },
    )
    expect((await store.listApiTokens(user.id)).map((t) => t.id)).toEqual([token.id, second.id])

    const stranger = await addUser(store)
    expect(await store.deleteApiToken(stranger.id, token.id, { userId: stranger.id })).toBe(false)
    expect(await store.deleteApiToken(user.id, token.id, { userId: user.id })).toBe(true)
    expect(await store.deleteApiToken(user.id, token.id, { userId: user.id })).toBe(false)
    expect(await store.useApiToken('t-hash', '2026-11-25T13:00:00.000Z')).toBeNull()
    expect((await store.listApiTokens(user.id)).map((t) => t.id)).toEqual([second.id])

    const entries = (await store.exportAll()).audit.filter((entry) => entry.target === `token:${token.id}`)
    expect(entries.map((entry) => [entry.action, entry.userId, entry.detail])).toEqual([
      ['token.create', user.id, '{"name":"CI"}'],
      ['token.delete', user.id, null],
    ])
  })

  it("keeps a token's expiry, and finds an expired token without recording its use", async () => {
    const expiring = await store.createApiToken(
      { tokenHash: 'exp-hash', userId: user.id, name: 'week', expiresAt: '2026-12-02T12:00:00.000Z' },
      { userId: user.id },
    )
    expect(expiring).toMatchObject({ expiresAt: '2026-12-02T12:00:00.000Z', lastUsedAt: null })
    expect((await store.listApiTokens(user.id)).find((t) => t.id === expiring.id)?.expiresAt).toBe(
      '2026-12-02T12:00:00.000Z',
    )
    expect((await store.useApiToken('exp-hash', '2026-12-02T11:59:00.000Z'))?.lastUsedAt).toBe(
      '2026-12-02T11:59:00.000Z',
    )
    const late = await store.useApiToken('exp-hash', '2026-12-02T12:00:00.000Z')
    expect(late).toMatchObject({
      expiresAt: '2026-12-02T12:00:00.000Z',
      lastUsedAt: '2026-12-02T11:59:00.000Z',
    })
    expect((await store.listApiTokens(user.id)).find((t) => t.id === expiring.id)?.lastUsedAt).toBe(
      '2026-12-02T11:59:00.000Z',
    )
    const [entry] = (await store.exportAll()).audit.filter((e) => e.target === `token:${expiring.id}`)
    expect(entry?.detail).toBe('{"name":"week","expiresAt":"2026-12-02T12:00:00.000Z"}')
    const forever = await store.createApiToken(
      { tokenHash: 'forever', userId: user.id, name: 'f' },
      { userId: user.id },
    )
    expect(forever.expiresAt).toBeNull()
  })
})
