/**
 * How the web app reaches a browser and what its tabs say: each page titled by what it shows (the
 * stage and the negotiation, the workspace page and the workspace), a favicon, its scripts sent
 * brotli-compressed and cached for good, within the JavaScript budget of a stage page, and no
 * source map given out or named.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../parley'
import { api, firstOwner, OWNER_PASSWORD, type Session } from '../server'
import { BROWSER_TEST_TIMEOUT, browserAvailable, browserSuite, signIn, WAIT } from './browser'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const EXAMPLE_TITLE = 'Calder Mutual claims platform renewal and expansion, FY2027'
const EMAIL = 'owner@example.com'
/** The compressed JavaScript a first visit to a stage page may transfer (issue 15). */
const STAGE_JS_BUDGET = 250 * 1024

describe.runIf(browserAvailable)('the web app delivered', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const suite = browserSuite()
  let owner: Session
  let negotiation: string

  beforeAll(async () => {
    owner = await firstOwner(suite.server, EMAIL)
    const created = await api(
      suite.server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/negotiations`,
      { yaml: readFileSync(EXAMPLE, 'utf8') },
    )
    expect(created.status).toBe(201)
    negotiation = `/w/${owner.workspaceId}/n/${((await created.json()) as { id: string }).id}`
  })

  it('titles each page by what it shows', async () => {
    const { page } = suite
    const titled = (title: string) => expect.poll(() => page.title(), { timeout: WAIT }).toBe(title)
    await page.goto('/login')
    await titled('Sign in — Parley')
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await titled("Negotiations — Owner's workspace — Parley")
    for (const [link, title] of [
      ['Members', "Members — Owner's workspace — Parley"],
      ['Tradeables library', "Tradeables library — Owner's workspace — Parley"],
      ['Your account', 'Your account — Parley'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click()
      await titled(title)
    }
    await page.goto(`${negotiation}/prepare`)
    await titled(`Prepare — ${EXAMPLE_TITLE} — Parley`)
    await page
      .getByRole('navigation', { name: 'Stages of the method' })
      .getByRole('link', { name: /^Midgame/ })
      .click()
    await titled(`Midgame — ${EXAMPLE_TITLE} — Parley`)
    const titles = new Set<string>()
    for (const stage of ['prepare', 'setup', 'first-move', 'midgame', 'close', 'debrief']) {
      await page.goto(`${negotiation}/${stage}`)
      await expect.poll(() => page.title(), { timeout: WAIT }).toContain('Calder')
      titles.add(await page.title())
    }
    expect(titles.size).toBe(6)
  })

  it('sends its scripts compressed and cached for good, with a favicon and no source maps', async () => {
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    // A first visit: nothing cached.
    const { page: fresh } = await suite.newPage({ storageState: await page.context().storageState() })
    const scripts: { url: string; encoding?: string; cache?: string; vary?: string }[] = []
    fresh.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return
      const headers = response.headers()
      scripts.push({
        url: response.url(),
        encoding: headers['content-encoding'],
        cache: headers['cache-control'],
        vary: headers.vary,
      })
    })
    await fresh.goto(`${negotiation}/prepare`)
    await fresh.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor()
    expect(scripts.length).toBeGreaterThanOrEqual(2)
    const request = fresh.context().request
    for (const script of scripts) {
      // A script under 1 KB (a small shared chunk) is not worth a compressed copy: sent as it is.
      const size = (
        await (await request.get(script.url, { headers: { 'accept-encoding': 'identity' } })).body()
      ).length
      expect(script, script.url).toMatchObject({
        ...(size >= 1024 ? { encoding: 'br', vary: 'Accept-Encoding' } : {}),
        cache: 'public, max-age=31536000, immutable',
      })
    }
    // Bytes as they came over the wire, before decoding (Resource Timing).
    const transferred = await fresh.evaluate<number>(
      "performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).reduce((sum, e) => sum + e.encodedBodySize, 0)",
    )
    expect(transferred, `${(transferred / 1024).toFixed(1)} KB of JavaScript`).toBeLessThanOrEqual(
      STAGE_JS_BUDGET,
    )

    for (const { url } of scripts) {
      const text = await (await request.get(url)).text()
      expect(text).not.toContain('sourceMappingURL')
      expect((await request.get(`${url}.map`)).status(), `${url}.map`).toBe(404)
    }
    const icon = await request.get('/favicon.ico')
    expect(icon.status()).toBe(200)
    expect(icon.headers()['content-type']).toBe('image/x-icon')
    const svg = await fresh.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href')
    expect((await request.get(svg ?? '/missing')).status()).toBe(200)
  })
})
