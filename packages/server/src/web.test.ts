import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { webApp } from './web'

function site() {
  const root = mkdtempSync(join(tmpdir(), 'parley-web-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parley</title>')
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(tmpdir(), 'parley-secret.txt'), 'secret')
  const app = new Hono()
  app.get('*', webApp(root))
  return app
}

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
