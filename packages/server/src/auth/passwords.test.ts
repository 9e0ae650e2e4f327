import { describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from './passwords'

const CHEAP = { N: 2 ** 10, r: 8, p: 1 }

describe('password hashing', () => {
  it('is memory-hard by default: 32 MiB per hash', () => {
    expect(128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r).toBe(32 * 1024 * 1024)
    expect(DEFAULT_SCRYPT.p).toBeGreaterThanOrEqual(1)
  })

  it('verifies the right password only, with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery', CHEAP)
    const second = await hashPassword('correct horse battery', CHEAP)
    expect(first).not.toBe(second)
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/)
    expect((await verifyPassword('correct horse battery', first, CHEAP)).ok).toBe(true)
    expect((await verifyPassword('correct horse batterY', first, CHEAP)).ok).toBe(false)
    expect((await verifyPassword('', first, CHEAP)).ok).toBe(false)
  })

  it('reads hashes made with other parameters and says when they are weaker than the current ones', async () => {
    const old = await hashPassword('correct horse battery', CHEAP)
    const check = await verifyPassword('correct horse battery', old, { ...CHEAP, N: 2 ** 11 })
    expect(check).toEqual({ ok: true, outdated: true })
    expect(await verifyPassword('correct horse battery', old, CHEAP)).toEqual({ ok: true, outdated: false })
  })

  it('treats a stored value it does not recognise as a wrong password', async () => {
    expect((await verifyPassword('x', 'bcrypt$whatever', CHEAP)).ok).toBe(false)
    expect((await verifyPassword('x', '', CHEAP)).ok).toBe(false)
  })

  it('hashes with the defaults in a usable time', async () => {
    const hash = await hashPassword('correct horse battery', DEFAULT_SCRYPT)
    expect((await verifyPassword('correct horse battery', hash, DEFAULT_SCRYPT)).ok).toBe(true)
  })
})
