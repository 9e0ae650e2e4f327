/**
 * The web app in a real browser, for the end-to-end tests under e2e/web: Chromium from the system
 * (never downloaded), a `parley serve` on a fresh SQLite folder, a fresh browser context per test,
 * signing in through the page, screenshots into test-output/, and an axe-core scan that fails on
 * serious or critical accessibility violations.
 *
 * Chromium is required when CI=true; elsewhere the browser tests skip with a message saying how
 * to get it, as the tests that need the shared folder do.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { ROOT, temporaryFolder } from '../parley'
import { type ServerProcess, startServer } from '../server'

/** The system's Chromium, or the one PARLEY_CHROMIUM names. */
function findChromium(): string | undefined {
  const wanted = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium'
  if (existsSync(wanted)) return wanted
  const hint = 'apt-get install -y chromium, or set PARLEY_CHROMIUM to a Chromium binary'
  if (process.env.CI === 'true') throw new Error(`${wanted} is missing; CI needs Chromium (${hint})`)
  console.warn(`skipping browser tests: Chromium is not installed (${hint})`)
  return undefined
}

export const CHROMIUM = findChromium()
export const browserAvailable = CHROMIUM !== undefined

/** Flags that work headless here, with nothing fetched from the network behind the tests' back. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

export function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium is not installed')
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
}

/** `parley serve` on an empty SQLite folder: it prints a setup token, nobody has an account yet. */
export function startWebServer(): Promise<ServerProcess> {
  return startServer({ data: temporaryFolder('parley-web-') })
}

/** Long enough for a 2-core machine running the rest of the suite beside the browser. */
export const BROWSER_TEST_TIMEOUT = 60_000
/** How long to wait for something to show on the page. */
export const WAIT = 15_000

export interface OpenPage {
  page: Page
  context: BrowserContext
  /** Uncaught errors in the page and Content-Security-Policy refusals, as they happened. */
  failures: string[]
}

/**
 * One server and one browser for a test file, a fresh context (cookies, storage) for each test.
 * Every page's uncaught errors and CSP refusals fail the test that opened it.
 */
export function browserSuite(options: { server?: () => Promise<ServerProcess> } = {}) {
  let server: ServerProcess | undefined
  let browser: Browser | undefined
  let opened: OpenPage[] = []
  let first: OpenPage | undefined

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([(options.server ?? startWebServer)(), launchBrowser()])
  }, BROWSER_TEST_TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const suite = {
    get server(): ServerProcess {
      if (!server) throw new Error('the server did not start')
      return server
    },
    get browser(): Browser {
      if (!browser) throw new Error('the browser did not start')
      return browser
    },
    /** The page the test starts with. */
    get page(): Page {
      if (!first) throw new Error('no page: browserSuite() must be called inside a describe')
      return first.page
    },
    /**
     * Another page in a context of its own (another person, or the same one in another browser);
     * `options` can give it a storage state, such as a draft left in local storage.
     */
    async newPage(options: BrowserContextOptions = {}): Promise<OpenPage> {
      const context = await suite.browser.newContext({
        baseURL: suite.server.url,
        viewport: { width: 1280, height: 900 },
        locale: 'en-US',
        timezoneId: 'UTC',
        reducedMotion: 'reduce',
        ...options,
      })
      context.setDefaultTimeout(WAIT)
      const page = await context.newPage()
      const failures: string[] = []
      page.on('pageerror', (error) => failures.push(`uncaught in the page: ${error.message}`))
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) failures.push(`CSP: ${message.text()}`)
      })
      const open = { page, context, failures }
      opened.push(open)
      return open
    },
  }

  beforeEach(async () => {
    first = await suite.newPage()
  })

  afterEach(async ({ task }) => {
    // A failed test leaves a picture of each of its pages, to see what was on the screen.
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)
      await Promise.all(
        opened.map((open, k) => screenshot(open.page, `failed-${name}-${k + 1}`).catch(() => undefined)),
      )
    }
    const failures = opened.flatMap((open) => open.failures)
    await Promise.all(opened.map((open) => open.context.close()))
    opened = []
    first = undefined
    expect(failures, 'errors in the page').toEqual([])
  })

  return suite
}

/** Signs in through the sign-in page and waits until the app has left it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
}

/**
 * Waits until the page has stopped loading: the network is idle and nothing is marked busy
 * (`aria-busy`, the app's "Loading…" while a stage's code or its computation arrives). Reading the
 * text before then reads a page that is still filling in.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: WAIT })
}

/** The header's save state ("All changes saved", "Not saved: conflict", …). */
export function saveState(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text })
}

/**
 * Creates a negotiation from a context's template on the workspace page the signed-in user is on,
 * and waits for its Prepare stage; resolves to the negotiation's address (`/w/…/n/…`).
 */
export async function createFromTemplate(
  page: Page,
  { title, other, context = 'sales' }: { title: string; other?: string; context?: string },
): Promise<string> {
  await page.getByLabel('Context').selectOption(context)
  await page.getByLabel('Title', { exact: true }).fill(title)
  if (other) await page.getByLabel('Other side').fill(other)
  await page.getByRole('button', { name: `Create from the ${context} template` }).click()
  await page.waitForURL(/\/w\/[^/]+\/n\/[^/]+\/prepare$/)
  return new URL(page.url()).pathname.replace(/\/prepare$/, '')
}

export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots')

/** The whole page as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js')

/** What the scan reports of one violation: enough to find and fix it without rerunning. */
export interface Violation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  targets: string[]
}

interface AxeInPage {
  run(
    context: unknown,
    options: { runOnly: string[]; resultTypes: string[] },
  ): Promise<{
    violations: {
      id: string
      impact?: string | null
      help: string
      helpUrl: string
      nodes: { target: unknown[] }[]
    }[]
  }>
}

/** Runs axe-core (WCAG 2 A and AA, and best practices) on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  // The app's Content-Security-Policy allows only scripts from its own origin, so axe is served
  // at an address of that origin rather than inlined: the scan runs under the real policy.
  const url = new URL('/__test__/axe.min.js', page.url()).href
  await page.route(url, (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }))
  try {
    const loaded = await page.evaluate(() => 'axe' in globalThis)
    if (!loaded) await page.addScriptTag({ url })
  } finally {
    await page.unroute(url)
  }
  return page.evaluate(async () => {
    const scope = globalThis as unknown as { axe: AxeInPage; document: unknown }
    const results = await scope.axe.run(scope.document, {
      runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
      resultTypes: ['violations'],
    })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }))
  })
}

/** Every serious or critical violation, one per line: rule, impact, help and the failing selectors. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n${v.targets.map((t) => `    ${t}`).join('\n')}`,
    )
    .join('\n')
}

/** Fails on any serious or critical violation, naming each rule, its impact, help and selectors. */
export async function checkAccessibility(page: Page, label: string): Promise<Violation[]> {
  const violations = await accessibilityViolations(page)
  // PARLEY_A11Y_REPORT=1 lists the moderate and minor findings too, which never fail a test.
  if (process.env.PARLEY_A11Y_REPORT === '1' && violations.length > 0)
    console.info(`accessibility of ${label}:\n${describeViolations(violations)}`)
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    blocking.length,
    `accessibility of ${label} (${page.url()}): ${blocking.length} serious or critical violation(s)\n${describeViolations(blocking)}\n`,
  ).toBe(0)
  return violations
}
