import { describe, expect, it } from 'vitest'
import { isLoopbackHost, publicAddress } from './public-address'

describe('isLoopbackHost', () => {
  it('knows the addresses only this machine reaches', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ])
      expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'parley.example.com', '10.0.0.1', '128.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false)
  })
})

describe('publicAddress', () => {
  it('says nothing on this machine alone', () => {
    expect(publicAddress(undefined, '127.0.0.1')).toEqual({ ok: true, publicUrl: undefined, warnings: [] })
    expect(publicAddress('', 'localhost')).toEqual({ ok: true, publicUrl: undefined, warnings: [] })
  })

  it('warns, naming what to set and why, when other machines can reach a server without it', () => {
    const checked = publicAddress(undefined, '0.0.0.0')
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.warnings).toHaveLength(1)
    expect(checked.warnings[0]).toContain('PARLEY_PUBLIC_URL is not set')
    expect(checked.warnings[0]).toContain('0.0.0.0')
    expect(checked.warnings[0]).toContain('Host header')
    expect(checked.warnings[0]).toContain('TLS')
  })

  it('takes an https address as its origin, quietly, wherever the server listens', () => {
    expect(publicAddress('https://parley.example.com/', '0.0.0.0')).toEqual({
      ok: true,
      publicUrl: 'https://parley.example.com',
      warnings: [],
    })
    expect(publicAddress(' https://parley.example.com:8443 ', '::')).toMatchObject({
      publicUrl: 'https://parley.example.com:8443',
    })
  })

  it('warns about plain http to another machine, not to this one', () => {
    const remote = publicAddress('http://parley.example.com', '0.0.0.0')
    expect(remote.ok && remote.warnings[0]).toContain('unencrypted')
    expect(publicAddress('http://localhost:8080', '127.0.0.1')).toMatchObject({ ok: true, warnings: [] })
  })

  it('refuses what is not an address of a site', () => {
    for (const [value, words] of [
      ['parley.example.com', 'must be a URL'],
      ['ftp://parley.example.com', 'must start with https://'],
      ['https://example.com/parley', 'without a path'],
      ['https://user:pw@example.com', 'without a path, query or user'],
    ] as const) {
      const checked = publicAddress(value, '0.0.0.0')
      expect(checked.ok, value).toBe(false)
      if (!checked.ok) expect(checked.message).toContain(words)
    }
  })
})
