import { describe, expect, it } from 'vitest'
import type { Store } from './store'
import { testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()
const MINUTE = 60_000

describe.each(backends)('rate limits on $dialect', (backend) => {
  let store: Store

  openSuiteDatabase(backend, (opened) => {
    store = opened
  })

  it('counts hits within a window and starts again in the next one', async () => {
    const hit = (now: string) => store.hitRateLimit('login:1.2.3.4', MINUTE, now)
    expect(await hit('2026-11-25T12:00:00.000Z')).toEqual({ count: 1, resetAt: '2026-11-25T12:01:00.000Z' })
    expect(await hit('2026-11-25T12:00:30.000Z')).toEqual({ count: 2, resetAt: '2026-11-25T12:01:00.000Z' })
    expect(await hit('2026-11-25T12:00:59.999Z')).toEqual({ count: 3, resetAt: '2026-11-25T12:01:00.000Z' })
    expect(await hit('2026-11-25T12:01:00.000Z')).toEqual({ count: 1, resetAt: '2026-11-25T12:02:00.000Z' })
    expect(await hit('2026-11-25T12:05:10.000Z')).toEqual({ count: 1, resetAt: '2026-11-25T12:06:00.000Z' })
  })

  it('keeps keys apart and forgets a cleared key', async () => {
    const now = '2026-11-25T13:00:00.000Z'
    await store.hitRateLimit('a', MINUTE, now)
    await store.hitRateLimit('a', MINUTE, now)
    expect((await store.hitRateLimit('b', MINUTE, now)).count).toBe(1)
    await store.clearRateLimit('a')
    expect((await store.hitRateLimit('a', MINUTE, now)).count).toBe(1)
  })

  it('aligns windows to multiples of their length', async () => {
    expect(await store.hitRateLimit('hourly', 3_600_000, '2026-11-25T12:34:56.789Z')).toEqual({
      count: 1,
      resetAt: '2026-11-25T13:00:00.000Z',
    })
  })

  it('counts simultaneous hits exactly, as every instance shares the count', async () => {
    const now = '2026-11-25T14:00:00.000Z'
    const results = await Promise.all(
      Array.from({ length: 25 }, () => store.hitRateLimit('busy', MINUTE, now)),
    )
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    )
  })

  it('rejects a window that is not a positive whole number of milliseconds', async () => {
    await expect(store.hitRateLimit('x', 0, '2026-11-25T14:00:00.000Z')).rejects.toThrow('positive')
  })
})
