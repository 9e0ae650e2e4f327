import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { type WebAppOptions, webApp } from './web'

/** A built app's script: large enough to be worth compressing, as the build writes it beside. */
const SCRIPT = Buffer.from(`export const words = ${JSON.stringify('Parley '.repeat(2000))}\n`)
const ICON = Buffer.from([0, 0, 1, 0, 1, 0, 32, 32])

function site(options: WebAppOptions = {}) {
  const root = mkdtempSync(join(tmpdir(), 'parley-web-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parley</title>')
  writeFileSync(join(root, 'favicon.ico'), ICON)
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'page-Bx9_kQ2z.js'), SCRIPT)
  writeFileSync(join(root, 'assets', 'page-Bx9_kQ2z.js.br'), brotliCompressSync(SCRIPT))
  writeFileSync(join(root, 'assets', 'page-Bx9_kQ2z.js.gz'), gzipSync(SCRIPT))
  writeFileSync(join(root, 'assets', 'page-Bx9_kQ2z.js.map'), '{"version":3,"sources":["page.tsx"]}')
  writeFileSync(join(tmpdir(), 'parley-secret.txt'), 'secret')
  const app = new Hono()
  app.get('*', webApp(root, options))
  return app
}

const SCRIPT_PATH = '/assets/page-Bx9_kQ2z.js'

describe('the web app at /', () => {
  it('answers app routes with the page, and never caches it', async () => {
    const app = site()
    for (const path of ['/', '/w/abc/n/def/prepare', '/join/pin_token']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<title>Parley</title>')
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('serves built assets for good, and says 404 for a missing file', async () => {
    const app = site()
    const asset = await app.request('/assets/index-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await app.request('/assets/missing.js')).status).toBe(404)
  })

  it('sends the brotli or the gzip copy by Accept-Encoding, the same bytes once decoded', async () => {
    const app = site()
    const cases = [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['br;q=0.5, gzip', 'gzip', gunzipSync],
      ['br;q=0, *', 'gzip', gunzipSync],
      ['*', 'br', brotliDecompressSync],
    ] as const
    for (const [accept, coding, decode] of cases) {
      const response = await app.request(SCRIPT_PATH, { headers: { 'Accept-Encoding': accept } })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-encoding'), accept).toBe(coding)
      expect(response.headers.get('content-type')).toContain('text/javascript')
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      const body = Buffer.from(await response.arrayBuffer())
      expect(response.headers.get('content-length')).toBe(String(body.length))
      expect(body.length).toBeLessThan(SCRIPT.length / 10)
      expect(decode(body).equals(SCRIPT)).toBe(true)
    }
    for (const accept of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const response = await app.request(
        SCRIPT_PATH,
        accept ? { headers: { 'Accept-Encoding': accept } } : {},
      )
      expect(response.headers.get('content-encoding'), accept).toBeNull()
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(response.headers.get('content-length')).toBe(String(SCRIPT.length))
      expect(Buffer.from(await response.arrayBuffer()).equals(SCRIPT)).toBe(true)
    }
  })

  it('answers /favicon.ico, checked each time as every file not named by its content', async () => {
    const response = await site().request('/favicon.ico', { headers: { 'Accept-Encoding': 'br' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/x-icon')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(Buffer.from(await response.arrayBuffer()).equals(ICON)).toBe(true)
  })

  it('keeps source maps to itself unless told to serve them', async () => {
    const closed = site()
    expect((await closed.request(`${SCRIPT_PATH}.map`)).status).toBe(404)
    expect((await closed.request(SCRIPT_PATH)).headers.get('sourcemap')).toBeNull()

    const open = site({ serveSourceMaps: true })
    const map = await open.request(`${SCRIPT_PATH}.map`)
    expect(map.status).toBe(200)
    expect(await map.json()).toEqual({ version: 3, sources: ['page.tsx'] })
    expect((await open.request(SCRIPT_PATH)).headers.get('sourcemap')).toBe('page-Bx9_kQ2z.js.map')
    expect((await open.request('/assets/index-abc123.js')).headers.get('sourcemap')).toBeNull()
  })

  it('never serves a file outside its folder', async () => {
    const app = site()
    for (const path of [
      '/../parley-secret.txt',
      '/%2e%2e/parley-secret.txt',
      '/assets/..%2f..%2fparley-secret.txt',
    ]) {
      const response = await app.request(path)
      expect(await response.text()).not.toContain('secret')
    }
  })

  it('says how to build the app when it is not built', async () => {
    const app = new Hono()
    app.get('*', webApp(undefined))
    const response = await app.request('/')
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('npm run build')
  })
})
