/**
 * The built web app (the global setup runs scripts/build.mjs): its initial JavaScript stays under
 * the budget, and `parley serve` hands out its page at every app route with the
 * Content-Security-Policy, and never a file from outside its folder.
 */
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, temporaryFolder } from './parley'
import { type ServerProcess, startServer } from './server'

const DIST = join(ROOT, 'packages/web/dist')

interface WebSize {
  INITIAL_JS_BUDGET: number
  initialJavaScript(dist: string): { files: string[]; raw: number; gzipped: number }
}
const { INITIAL_JS_BUDGET, initialJavaScript } = (await import(
  pathToFileURL(join(ROOT, 'scripts/web-size.mjs')).href
)) as WebSize

/** A GET with the path sent exactly as written: fetch would resolve `%2e%2e` segments first. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the built web app', () => {
  it(`loads at most ${INITIAL_JS_BUDGET / 1024} KB of JavaScript (gzipped) before it starts`, () => {
    const size = initialJavaScript(DIST)
    expect(size.files.length).toBeGreaterThan(0)
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
    expect(
      size.gzipped,
      `initial JavaScript is ${kb(size.gzipped)} gzipped (${kb(size.raw)} raw, ${size.files.join(', ')}); the budget is ${kb(INITIAL_JS_BUDGET)}`,
    ).toBeLessThanOrEqual(INITIAL_JS_BUDGET)
  })

  describe('served by parley serve', () => {
    let server: ServerProcess
    beforeAll(async () => {
      server = await startServer({ data: temporaryFolder('parley-web-budget-') })
    })
    afterAll(async () => {
      await server?.stop()
    })

    it('answers / and app routes with the built page and its Content-Security-Policy', async () => {
      const page = readFileSync(join(DIST, 'index.html'), 'utf8')
      for (const path of ['/', '/login', '/w/x/n/y/prepare']) {
        const response = await fetch(`${server.url}${path}`)
        expect(response.status, path).toBe(200)
        expect(response.headers.get('content-type'), path).toContain('text/html')
        const policy = response.headers.get('content-security-policy') ?? ''
        expect(policy, path).toContain("default-src 'self'")
        expect(policy, path).toContain("script-src 'self'")
        expect(policy, path).toContain("frame-ancestors 'none'")
        expect(await response.text(), path).toBe(page)
      }
      // The scripts the page starts with are there, as JavaScript.
      for (const file of initialJavaScript(DIST).files) {
        const response = await fetch(`${server.url}${file}`)
        expect(response.status, file).toBe(200)
        expect(response.headers.get('content-type'), file).toContain('text/javascript')
      }
    })

    it('never serves a file from outside its folder', async () => {
      const outside = [
        { path: '/%2e%2e/%2e%2e/etc/passwd', secret: 'root:x:0:0' },
        { path: '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', secret: 'root:x:0:0' },
        { path: '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', secret: 'root:x:0:0' },
        { path: '/assets/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', secret: 'root:x:0:0' },
        // packages/web/dist/../../../package.json is the repository's own.
        { path: '/%2e%2e/%2e%2e/%2e%2e/package.json', secret: '"workspaces"' },
        { path: '/..%5c..%5c..%5cpackage.json', secret: '"workspaces"' },
      ]
      for (const { path, secret } of outside) {
        const response = await rawGet(server.url, path)
        expect(response.body, path).not.toContain(secret)
        expect([200, 400, 404], path).toContain(response.status)
      }
    })
  })
})
