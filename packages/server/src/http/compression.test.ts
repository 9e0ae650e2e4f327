import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { testBackends } from '@parley/store/testing'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { harness } from '../testing/harness'
import { COMPRESS_AT_BYTES, compressAnswers, preferredEncoding } from './compression'

const LARGE = { items: Array.from({ length: 200 }, (_, k) => ({ id: k, name: `issue ${k}` })) }

function app() {
  const api = new Hono()
  api.use('*', compressAnswers())
  api.get('/large', (c) => {
    c.header('ETag', '"3"')
    return c.json(LARGE)
  })
  api.get('/small', (c) => c.json({ ok: true }))
  api.get('/image', (c) => {
    c.header('Content-Type', 'image/png')
    return c.body(new Uint8Array(4096))
  })
  return api
}

describe('preferredEncoding', () => {
  it('picks brotli first among equals, by q otherwise, and nothing the client refuses', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br')
    expect(preferredEncoding('gzip, br;q=0.8')).toBe('gzip')
    expect(preferredEncoding('br;q=0, gzip;q=0.1')).toBe('gzip')
    expect(preferredEncoding('*;q=0.5')).toBe('br')
    expect(preferredEncoding('deflate, identity')).toBeUndefined()
    expect(preferredEncoding(undefined)).toBeUndefined()
    expect(preferredEncoding('br, gzip', ['gzip'])).toBe('gzip')
    expect(preferredEncoding('br', [])).toBeUndefined()
  })
})

describe('compressAnswers', () => {
  it('compresses a large JSON answer by Accept-Encoding, keeping its ETag (the plan version)', async () => {
    const text = JSON.stringify(LARGE)
    expect(text.length).toBeGreaterThan(COMPRESS_AT_BYTES)
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await app().request('/large', { headers: { 'Accept-Encoding': accept } })
      expect(response.headers.get('content-encoding')).toBe(coding)
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(response.headers.get('etag')).toBe('"3"')
      expect(response.headers.get('content-type')).toContain('application/json')
      const body = Buffer.from(await response.arrayBuffer())
      expect(response.headers.get('content-length')).toBe(String(body.length))
      expect(body.length).toBeLessThan(text.length / 3)
      expect(decode(body).toString('utf8')).toBe(text)
    }
  })

  it('sends small answers, binary ones and those to clients that take no coding as they are', async () => {
    const small = await app().request('/small', { headers: { 'Accept-Encoding': 'br' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toEqual({ ok: true })
    const image = await app().request('/image', { headers: { 'Accept-Encoding': 'br' } })
    expect(image.headers.get('content-encoding')).toBeNull()
    expect(image.headers.get('vary')).toBeNull()
    const plain = await app().request('/large')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await plain.json()).toEqual(LARGE)
  })

  it('compresses the API’s answers, keeping their security headers', async () => {
    const [backend] = await testBackends()
    if (!backend) throw new Error('no test backend')
    const h = await harness(backend)
    try {
      const response = await h.app.request('/api/openapi.json', {
        headers: { 'Accept-Encoding': 'br, gzip' },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-encoding')).toBe('br')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      const document = JSON.parse(
        brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8'),
      )
      expect(document.openapi).toBe('3.1.0')
    } finally {
      await h.drop()
    }
  })
})
