/**
 * Every page at a phone's size (390x844) and a laptop's (1280x800): the page never scrolls
 * sideways (wide tables scroll inside a region of their own, reachable by keyboard), axe finds no
 * serious or critical violation, each page has a title of its own, and a screenshot of each is
 * kept for review in test-output/.
 * The negotiation is the sales example with a few moves, so every stage has content. On the same
 * negotiation, the guided flow: each stage's checklist with the state of each ask in words, the way
 * on to the next stage, a long stage's in-page index, the rail and the coach kept in view while the
 * stage scrolls, and on a phone the coach in a drawer.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../parley'
import { api, firstOwner, importPlan, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  type OpenPage,
  screenshot,
  settled,
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
        await settled(page)
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

  /** A stage of the negotiation, opened and settled. */
  async function openStage({ page }: OpenPage, stage: string): Promise<void> {
    await page.goto(`${negotiation}/${stage}`)
    await page.locator('h1').first().waitFor()
    await page.getByRole('region', { name: 'What the method asks here' }).waitFor()
  }

  /** Where an element stands in the window: its top and bottom in CSS pixels. */
  async function place(locator: Locator): Promise<{ top: number; bottom: number }> {
    const box = await locator.boundingBox()
    if (!box) throw new Error('not shown')
    return { top: box.y, bottom: box.y + box.height }
  }

  it('guides each stage: what the method asks, done or to do in words, and the way on', async () => {
    const open = await suite.newPage()
    const { page } = open
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await openStage(open, 'first-move')
    const guide = page.getByRole('region', { name: 'What the method asks here' })
    // The example has no interest recorded; its first offer was a set of two bundles within the rule.
    const items = guide.getByRole('listitem')
    await expect(items.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^○ To do:? Their interests heard and written down$/),
      expect.stringMatching(/^✓ Done:? Two or three bundles offered together, each meeting the rule$/),
    ])
    await expect(guide.getByText('1 of 2 done').isVisible()).resolves.toBe(true)

    await guide.getByRole('link', { name: 'Continue to Midgame' }).click()
    await page.waitForURL(/\/midgame$/)
    const rail = page.getByRole('navigation', { name: 'Stages of the method' })
    await expect(rail.getByRole('link', { name: /^Midgame/ }).getAttribute('aria-current')).resolves.toBe(
      'page',
    )
    // Their choice is recorded and the concession got something back.
    const midgame = page.getByRole('region', { name: 'What the method asks here' }).getByRole('listitem')
    await expect(
      midgame.filter({ hasText: 'Their answer to our offer recorded' }).textContent(),
    ).resolves.toMatch(/^✓ Done/)
    await expect(midgame.filter({ hasText: 'No concession given away' }).textContent()).resolves.toMatch(
      /^✓ Done/,
    )

    // The example is fully prepared; Debrief is the last stage, with nowhere to continue to.
    await openStage(open, 'prepare')
    await expect(
      page.getByRole('region', { name: 'What the method asks here' }).getByText('7 of 7 done').count(),
    ).resolves.toBe(1)
    await openStage(open, 'debrief')
    await expect(page.getByRole('link', { name: /^Continue to/ }).count()).resolves.toBe(0)
  })

  it('indexes a long stage, keeps the rail and the coach in view, and on a phone opens the coach as a drawer', async () => {
    const desktop = await suite.newPage({ viewport: { width: 1280, height: 800 } })
    let page = desktop.page
    await signIn(page, EMAIL, OWNER_PASSWORD)
    // Set up is short: no index. Prepare is long: an index of its sections, each link a jump.
    await openStage(desktop, 'setup')
    await page.getByRole('heading', { name: 'Decision rule' }).waitFor()
    await expect(page.getByRole('navigation', { name: 'On this page' }).count()).resolves.toBe(0)
    await openStage(desktop, 'prepare')
    const index = page.getByRole('navigation', { name: 'On this page' })
    await index.getByRole('link', { name: 'Anchor' }).waitFor()
    const links = await index.getByRole('link').allTextContents()
    expect(links.slice(0, 2)).toEqual(['Our BATNA and reservation', 'Issues'])
    expect(links).toContain('Counterparty map')
    await index.getByRole('link', { name: 'Counterparty map' }).click()
    await page.waitForURL(/#counterparty$/)
    const heading = await place(page.getByRole('heading', { level: 2, name: /^Counterparty map/ }))
    expect(heading.top).toBeGreaterThanOrEqual(0)
    expect(heading.top).toBeLessThan(120)

    // At the foot of the long stage, the rail and the coach are still on the screen.
    await page.evaluate('window.scrollTo(0, 1e6)')
    await expect.poll(() => page.evaluate('window.scrollY')).toBeGreaterThan(1000)
    for (const kept of [
      page.getByRole('navigation', { name: 'Stages of the method' }),
      page.getByRole('complementary', { name: 'Coach' }),
    ]) {
      const { top, bottom } = await place(kept)
      expect(top).toBeGreaterThanOrEqual(0)
      expect(bottom).toBeLessThanOrEqual(800)
    }

    // On a phone: no coach under the stage, a Coach button that opens it in a dialog, Escape closes it.
    const phone = await suite.newPage({ viewport: { width: 390, height: 844 } })
    page = phone.page
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await openStage(phone, 'midgame')
    await expect(page.getByRole('complementary', { name: 'Coach' }).count()).resolves.toBe(0)
    await page.evaluate('window.scrollTo(0, 1e6)')
    const opener = page.getByRole('button', { name: 'Coach', exact: true })
    const button = await place(opener)
    expect(button.bottom).toBeLessThanOrEqual(844)
    const rail = await place(page.getByRole('navigation', { name: 'Stages of the method' }))
    expect(rail.top).toBeGreaterThanOrEqual(0)
    await opener.click()
    const drawer = page.getByRole('dialog', { name: 'Coach' })
    await drawer.getByRole('heading', { name: 'Coach' }).waitFor()
    await drawer.getByText('Moves for this stage').waitFor()
    await checkAccessibility(page, 'the coach drawer on a phone')
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.isVisible()).toBe(false)
    await expect
      .poll(() => opener.evaluate((element) => element === element.ownerDocument.activeElement))
      .toBe(true)
    await opener.click()
    await drawer.getByRole('button', { name: 'Close the coach' }).click()
    await expect.poll(() => drawer.isVisible()).toBe(false)
  })
})
