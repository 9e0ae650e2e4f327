/**
 * Every page at a phone's size (390x844) and a laptop's (1280x800): the page never scrolls
 * sideways (wide tables scroll inside a region of their own, reachable by keyboard), axe finds no
 * serious or critical violation, each page has a title of its own, and a screenshot of each is
 * kept for review in test-output/.
 * The negotiation is the sales example with a few moves, so every stage has content.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../parley'
import { api, firstOwner, importPlan, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  screenshot,
  signIn,
} from './browser'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const EMAIL = 'owner@example.com'
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const
const STAGES = ['prepare', 'setup', 'first-move', 'midgame', 'close', 'debrief'] as const

/**
 * How far the page reaches past the window's right edge, in CSS pixels (0 when it fits), and the
 * outermost elements that reach past it, to say what to fix.
 */
function overflow(page: Page): Promise<{ wide: number; culprits: string[] }> {
  return page.evaluate(() => {
    interface Box {
      right: number
    }
    interface Element {
      tagName: string
      className: unknown
      parentElement: Element | null
      getBoundingClientRect(): Box
    }
    const { document, innerWidth } = globalThis as unknown as {
      document: {
        documentElement: { scrollWidth: number }
        querySelectorAll(selector: string): Iterable<Element>
      }
      innerWidth: number
    }
    const window = { innerWidth }
    const wide = document.documentElement.scrollWidth - window.innerWidth
    const culprits: string[] = []
    if (wide > 0)
      for (const element of document.querySelectorAll('body *')) {
        const right = element.getBoundingClientRect().right
        const parent = element.parentElement
        if (
          right > window.innerWidth + 1 &&
          (!parent || parent.getBoundingClientRect().right <= window.innerWidth + 1)
        )
          culprits.push(
            `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} (${Math.round(right)} px)`,
          )
      }
    return { wide, culprits: culprits.slice(0, 5) }
  })
}

describe.runIf(browserAvailable)('every page fits the screen', { timeout: BROWSER_TEST_TIMEOUT * 4 }, () => {
  const suite = browserSuite()
  let owner: Session
  let negotiation: string
  /** A negotiation imported with problems: only a draft to repair. */
  let draft: string

  beforeAll(async () => {
    owner = await firstOwner(suite.server, EMAIL)
    const { path } = await importPlan(suite.server.url, owner, EXAMPLE)
    negotiation = path.replace(/^\/api\/workspaces\/([^/]+)\/negotiations\//, `/w/$1/n/`)
    const broken = readFileSync(EXAMPLE, 'utf8').replace(
      'us: { weight: 35, prefer: high }',
      'us: { weight: -35, prefer: high }',
    )
    const imported = await api(
      suite.server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/negotiations/import`,
      { yaml: broken },
    )
    expect(imported.status).toBe(201)
    draft = `/w/${owner.workspaceId}/n/${((await imported.json()) as { id: string }).id}`
    const bundle = {
      price: 230000,
      rollout: 60,
      billing: 'milestone',
      support: 'premium',
      credits: 10,
      term: 24,
      uplift: 3,
    }
    const moves = [
      {
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: bundle },
          { label: 'B', terms: { ...bundle, price: 250000, rollout: 45 } },
        ],
      },
      { type: 'bundle-chosen', label: 'A' },
      { type: 'concession', give: { price: 220000 }, get: { term: 36 } },
    ]
    for (const [k, move] of moves.entries()) {
      const id = `01JK${String(k).padStart(22, '0')}`
      const recorded = await api(suite.server.url, owner, 'POST', `${path}/events`, { json: { id, ...move } })
      expect(recorded.status, await recorded.text()).toBe(201)
    }
  })

  for (const size of SIZES)
    it(`at ${size.width}x${size.height} (${size.name})`, async () => {
      const { page } = await suite.newPage({ viewport: { width: size.width, height: size.height } })
      await signIn(page, EMAIL, OWNER_PASSWORD)
      const pages = [
        { name: 'negotiations', path: `/w/${owner.workspaceId}` },
        { name: 'members', path: `/w/${owner.workspaceId}/members` },
        { name: 'tradeables', path: `/w/${owner.workspaceId}/tradeables` },
        { name: 'account', path: '/account' },
        ...STAGES.map((stage) => ({ name: stage, path: `${negotiation}/${stage}` })),
        { name: 'draft', path: draft },
      ]
      const problems: string[] = []
      const titles = new Map<string, string>()
      for (const { name, path } of pages) {
        await page.goto(path)
        await page.locator('h1').first().waitFor()
        await page.waitForLoadState('networkidle')
        await screenshot(page, `layout-${size.name}-${name}`)
        const title = await page.title()
        const same = titles.get(title)
        if (same) problems.push(`${name}: the same title as ${same} ("${title}")`)
        titles.set(title, name)
        const { wide, culprits } = await overflow(page)
        const banners = await page.getByRole('banner').count()
        if (banners !== 1) problems.push(`${name}: ${banners} banner landmarks (one: the app's header)`)
        if (wide > 0)
          problems.push(`${name}: the page is ${wide} px wider than the window (${culprits.join(', ')})`)
        const violations = await checkAccessibility(page, `${name} at ${size.name}`).catch((error: Error) => {
          problems.push(`${name}: ${error.message}`)
          return []
        })
        expect(violations).toBeDefined()
      }
      expect(problems).toEqual([])
    })
})
