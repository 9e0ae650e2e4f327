/**
 * The method's main flows in the browser, checked against the command line: the MESO set and the
 * frontier on screen are what `parley meso` and `parley frontier` give for the same plan; recording
 * their choice moves the estimate of their priorities and a concession moves the balance, to the
 * numbers `parley status` gives for the same journal; an agreement is closed with its terms; and a
 * member invited as a viewer sees the negotiation but can change nothing.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatShare, formatShareInterval, formatSigned, plainEstimateLabel } from '@parley/core'
import { RENEWAL_B } from '@parley/core/testing'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from '../parley'
import { api, firstOwner, importPlan, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  createFromTemplate,
  SCREENSHOTS,
  saveState,
  screenshot,
  settled,
  signIn,
  WAIT,
} from './browser'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const EMAIL = 'owner@example.com'

/** Utility points as the screens and the command line write them: one decimal. */
function pts(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1)
}

function signed(value: number): string {
  const text = pts(value)
  return text.startsWith('-') ? text : `+${text}`
}

function cliJson<T>(args: string[]): T {
  const run = parley(args)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as T
}

interface MesoJson {
  bundles: { label: string; name: string; utility: { us: number; them: number } }[]
}
interface FrontierJson {
  outcomes: number
  frontier: unknown[]
  nash: { us: number; them: number } | null
}
interface StatusJson {
  postSettlement: { terms: Record<string, unknown>; gain: { us: number; them: number }; chance: number }[]
  balance: { us: number; them: number }
  posterior: Record<string, { mean: number; low: number; high: number }>
  concessions: { valueUs: number; valueThem: number }[]
}

/** Their priorities as the page should show them for `parley status`'s posterior: issue name → share (interval). */
function prioritiesOf(status: StatusJson): Record<string, string> {
  const names = new Map(
    cliJson<{ summary: { issues: { id: string; name: string }[] } }>([
      'check',
      EXAMPLE,
      '--json',
    ]).summary.issues.map((issue) => [issue.id, issue.name]),
  )
  // Shares as core writes them everywhere: whole percents, one decimal below 1%.
  const expected: Record<string, string> = {}
  for (const [id, entry] of Object.entries(status.posterior))
    expected[names.get(id) ?? id] =
      `${formatShare(entry.mean)} (${formatShareInterval(entry.low, entry.high)})`
  return expected
}

/** The cells of one row of a table, by the row's header. */
async function rowCells(page: Page, caption: string, row: string): Promise<string[]> {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) })
  const line = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
  return (await line.getByRole('cell').allTextContents()).map((text) => text.trim())
}

/** The priorities list as `Issue name → "24% (9–43%)"` (`"9% (0.5–22%)"` for a share below 1%). */
async function prioritiesShown(page: Page): Promise<Record<string, string>> {
  const items = page.locator('.priorities .priority')
  const shown: Record<string, string> = {}
  for (const item of await items.all()) {
    const name = (await item.locator('.priority-name').textContent()) ?? ''
    const mean = (await item.locator('.priority-mean').textContent()) ?? ''
    const interval = (await item.locator('.priority-interval').textContent()) ?? ''
    shown[name] = `${mean} ${interval}`
  }
  return shown
}

/** What a screen reader would call the focused element: its label, else its own text. */
const FOCUSED_NAME = `(() => {
  const element = document.activeElement
  if (!element) return ''
  const label = element.labels && element.labels[0] ? element.labels[0].textContent : null
  return (label || element.getAttribute('aria-label') || element.textContent || '').trim()
})()`

/** Presses Tab until the focus is on the control whose name starts with `name`, as a keyboard user would. */
async function tabTo(page: Page, name: string, most = 400): Promise<void> {
  for (let k = 0; k < most; k++) {
    await page.keyboard.press('Tab')
    const focused = (await page.evaluate(FOCUSED_NAME)) as string
    if (focused.startsWith(name)) return
  }
  throw new Error(`"${name}" is not reachable with the Tab key`)
}

describe.runIf(browserAvailable)(
  'the main flows in the browser',
  { timeout: BROWSER_TEST_TIMEOUT * 2 },
  () => {
    const suite = browserSuite()
    let owner: Session
    let negotiationId: string
    let base: string
    let record: string

    beforeAll(async () => {
      owner = await firstOwner(suite.server, EMAIL)
      negotiationId = (await importPlan(suite.server.url, owner, EXAMPLE)).id
      base = `/w/${owner.workspaceId}/n/${negotiationId}`
      record = `/api/workspaces/${owner.workspaceId}/negotiations/${negotiationId}`
    })

    it('shows the MESO set and the frontier the command line computes, then learns from their choice and a concession', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)

      // First move: the MESO grid and the frontier of bundles meeting the rule, number for number
      // with the command line.
      await page.goto(`${base}/first-move`)
      await saveState(page, 'All changes saved').waitFor()
      await page.locator('caption', { hasText: 'MESO bundles' }).waitFor()
      const meso = cliJson<MesoJson>(['meso', EXAMPLE, '--json'])
      expect(meso.bundles.length).toBeGreaterThanOrEqual(2)
      expect(await rowCells(page, 'MESO bundles', 'Value to us')).toEqual(
        meso.bundles.map((b) => pts(b.utility.us)),
      )
      expect(await rowCells(page, 'MESO bundles', `Value to them (${plainEstimateLabel(0)})`)).toEqual(
        meso.bundles.map((b) => pts(b.utility.them)),
      )
      const frontier = cliJson<FrontierJson>(['frontier', EXAMPLE, '--rule', '--json'])
      const count = (n: number) => n.toLocaleString('en-US')
      await page
        .getByText(
          `${count(frontier.frontier.length)} points on the frontier of ${count(frontier.outcomes)} possible bundles`,
        )
        .waitFor()
      const nash = frontier.nash
      expect(nash).not.toBeNull()
      await page.getByText('Terms of the bargaining points').click()
      await page
        .getByText(`${pts(nash?.us ?? 0)} to us, ${pts(nash?.them ?? 0)} to them:`)
        .first()
        .waitFor()

      // Changing the target recomputes the set at once, as `parley meso --target` does.
      const target = page.getByLabel('Target for us (points)')
      await target.fill('75')
      const moved = cliJson<MesoJson>(['meso', EXAMPLE, '--target', '75', '--json'])
      await expect
        .poll(() => rowCells(page, 'MESO bundles', 'Value to us'))
        .toEqual(moved.bundles.map((b) => pts(b.utility.us)))
      await target.fill(String(72))
      await expect
        .poll(() => rowCells(page, 'MESO bundles', 'Value to us'))
        .toEqual(meso.bundles.map((b) => pts(b.utility.us)))

      await page.getByRole('button', { name: 'Record as sent' }).click()
      await page.getByText(/Last sent \(round 1\)/).waitFor()
      // Until they answer, another set would open a second round: the button waits.
      await page.getByText('Round 1 was recorded as sent and has no answer yet').waitFor()
      expect(await page.getByRole('button', { name: 'Record as sent' }).isDisabled()).toBe(true)

      // Midgame: their choice teaches something about their priorities.
      await page.goto(`${base}/midgame`)
      await page.locator('.priorities .priority').first().waitFor()
      const before = await prioritiesShown(page)
      const chosen = meso.bundles[1]
      if (!chosen) throw new Error('the MESO set has fewer than two bundles')
      await page.getByLabel('What did they do?').selectOption('chosen')
      await page.getByLabel('Bundle they chose').selectOption(chosen.label)
      // The move recorded, what it taught comes from the server's learner state, not learned here.
      const learnedAfter = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname.endsWith('/learned') && response.request().method() === 'GET',
      )
      await page.getByRole('button', { name: 'Record their answer' }).click()
      expect((await learnedAfter).status()).toBe(200)
      await expect.poll(() => prioritiesShown(page)).not.toEqual(before)
      await page.getByText(/Balance: us \+0\.0, them \+0\.0/).waitFor()

      // A concession: we give a higher service credit cap and get a longer term. The balance moves.
      await page.getByLabel('We give: Service credit cap').selectOption('20')
      await page.getByLabel('We get: Contract term').selectOption('36')
      await page.getByText('If recorded:').waitFor()
      await page.getByRole('button', { name: 'Record concession' }).click()
      const log = page
        .locator('table')
        .filter({ has: page.locator('caption', { hasText: 'Concession log' }) })
      await log.getByRole('row').nth(1).getByRole('cell').first().filter({ hasText: '1' }).waitFor()
      await expect
        .poll(async () => page.locator('.balance').textContent())
        .not.toMatch(/us \+0\.0, them \+0\.0/)
      // The best possible deals are drawn under the estimate the bundles in play are valued by.
      expect(await page.locator('.frontier-details').textContent()).toContain(
        `Value to them (${plainEstimateLabel(1)})`,
      )
      await screenshot(page, 'flow-midgame')
      await checkAccessibility(page, 'the Midgame stage after a choice and a concession')

      // The same journal through the command line gives the same estimate and balance.
      const events = (await (await api(suite.server.url, owner, 'GET', `${record}/events`)).json()) as {
        events: { event: unknown }[]
      }
      expect(events.events.map((entry) => (entry.event as { type: string }).type)).toEqual([
        'offer-sent',
        'bundle-chosen',
        'concession',
      ])
      const folder = temporaryFolder()
      const journal = join(folder, 'journal.jsonl')
      writeFileSync(journal, `${events.events.map((entry) => JSON.stringify(entry.event)).join('\n')}\n`)
      const status = cliJson<StatusJson>(['status', EXAMPLE, '--journal', journal, '--json'])
      await page
        .getByText(`Balance: us ${signed(status.balance.us)}, them ${signed(status.balance.them)}`)
        .waitFor()
      const concession = status.concessions[0]
      if (!concession) throw new Error('the command line shows no concession')
      expect(await log.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()).toBe(
        signed(concession.valueUs),
      )
      expect(await log.getByRole('row').nth(1).getByRole('cell').nth(4).textContent()).toBe(
        signed(concession.valueThem),
      )
      const expected = prioritiesOf(status)
      expect(await prioritiesShown(page)).toEqual(expected)
      // Opened again, the app resumes what the server learned (…/learned) rather than learning
      // every move in the browser: the same figures.
      const learned = page.waitForResponse((response) =>
        new URL(response.url()).pathname.endsWith('/learned'),
      )
      await page.reload()
      expect((await learned).status()).toBe(200)
      await page
        .getByText(`Balance: us ${signed(status.balance.us)}, them ${signed(status.balance.them)}`)
        .waitFor()
      expect(await prioritiesShown(page)).toEqual(expected)

      // Rehearse, in the browser only: the scratch journal never reaches the server or the journal.
      const writes: string[] = []
      const onRequest = (request: { method(): string; url(): string }) => {
        if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`)
      }
      page.on('request', onRequest)
      const rehearsal = page.locator('.rehearsal')
      await rehearsal.getByRole('button', { name: 'Rehearse' }).click()
      await rehearsal.getByLabel('Rounds').fill('3')
      await rehearsal.getByRole('button', { name: 'Start the rehearsal' }).click()
      await rehearsal.getByRole('button', { name: 'Ask what matters most' }).click()
      await rehearsal.getByText(/They say what matters most to them: /).waitFor()
      await rehearsal.getByRole('button', { name: 'Offer the MESO set' }).click()
      await rehearsal.getByText(/You offered the MESO set Parley computed\. They (rank|agree)/).waitFor()
      await checkAccessibility(page, 'a rehearsal in the Midgame stage')
      await rehearsal.getByRole('button', { name: 'Stop and debrief' }).click()
      await rehearsal.getByText('Debrief (against the true frontier the simulator knows)').waitFor()
      // Role reversal: once the talks agree, Parley offers its alternatives before signing, and the
      // person signs one (the plan's defaults give two here, as core's rehearsal test shows).
      await rehearsal.getByRole('button', { name: 'Start again' }).click()
      await rehearsal.getByLabel('You play').selectOption('them')
      await rehearsal.getByLabel('Rounds').fill('3')
      await rehearsal.getByRole('button', { name: 'Start the rehearsal' }).click()
      await rehearsal.getByRole('button', { name: 'Say nothing' }).click()
      await rehearsal.getByRole('button', { name: 'Accept A' }).click()
      await rehearsal
        .getByText(/Before signing, Parley offers beside it/)
        .first()
        .waitFor()
      await checkAccessibility(page, 'signing in a role-reversal rehearsal')
      await rehearsal.screenshot({ path: join(SCREENSHOTS, 'flow-rehearsal-signing.png') })
      await rehearsal.getByRole('button', { name: 'Sign this instead' }).first().click()
      await rehearsal.getByText('You signed alternative 1 instead.', { exact: false }).waitFor()
      await rehearsal.getByText(/You signed .* instead: -?[\d.]+ more for us/).waitFor()
      page.off('request', onRequest)
      expect(writes).toEqual([])
      const after = (await (await api(suite.server.url, owner, 'GET', `${record}/events`)).json()) as {
        events: unknown[]
      }
      expect(after.events.length).toBe(events.events.length)
    })

    it('closes with the agreed terms, kept in the agreed event', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      await page.goto(`${base}/close`)
      await saveState(page, 'All changes saved').waitFor()
      await page.getByLabel('Review cadence').fill('Quarterly business review with the CFO')
      await page.getByLabel('Escalation path').fill('Account lead, then both VPs within 10 working days')
      await page.getByRole('button', { name: 'Draft the fairness story' }).click()
      await expect.poll(() => page.getByLabel('Fairness story').inputValue()).not.toBe('')
      await page.getByRole('button', { name: 'Record the agreement' }).click()
      // The message that says so, not any text with the word (the form's hint says "recorded" too).
      await page.getByText(/^The (corrected )?agreement is recorded\.$/).waitFor()
      await screenshot(page, 'flow-close')

      const events = (await (await api(suite.server.url, owner, 'GET', `${record}/events`)).json()) as {
        events: {
          event: { type: string; terms?: Record<string, unknown>; governance?: Record<string, unknown> }
        }[]
      }
      const agreed = events.events.map((entry) => entry.event).find((event) => event.type === 'agreed')
      expect(agreed).toBeDefined()
      // The terms are the bundle on the table after the concession: B with a 20% cap and 36 months.
      expect(agreed?.terms).toMatchObject({ credits: 20, term: 36 })
      expect(JSON.stringify(agreed)).toContain('Quarterly business review with the CFO')

      // Before signing: the alternatives `parley status` lists for the same journal, each with its gains.
      const folder = temporaryFolder()
      const journal = join(folder, 'journal.jsonl')
      writeFileSync(journal, `${events.events.map((entry) => JSON.stringify(entry.event)).join('\n')}\n`)
      const status = cliJson<StatusJson>(['status', EXAMPLE, '--journal', journal, '--json'])
      expect(status.postSettlement.length).toBeGreaterThan(0)
      const alternatives = page.locator('ol.post-settlement > li')
      await expect.poll(() => alternatives.count()).toBe(status.postSettlement.length)
      await page
        .locator('#before-you-sign')
        .screenshot({ path: join(SCREENSHOTS, 'flow-before-you-sign.png') })
      for (const [k, option] of status.postSettlement.entries())
        expect(await alternatives.nth(k).textContent()).toContain(
          `${formatSigned(option.gain.us)} for us, ${formatSigned(option.gain.them)} for them`,
        )
      // They sign the first instead: its terms go into the form, the governance written stays.
      const signed = status.postSettlement[0]
      if (!signed) throw new Error('no alternative')
      await alternatives
        .first()
        .getByRole('button', { name: 'Put these terms in the agreement form' })
        .click()
      await page.getByRole('button', { name: 'Record the agreement' }).click()
      await page.getByText(/^The corrected agreement is recorded\.$/).waitFor()
      const after = (await (await api(suite.server.url, owner, 'GET', `${record}/events`)).json()) as {
        events: {
          event: { type: string; terms?: Record<string, unknown>; governance?: Record<string, unknown> }
        }[]
      }
      const latest = after.events
        .map((entry) => entry.event)
        .filter((event) => event.type === 'agreed')
        .at(-1)
      expect(latest?.terms).toEqual(signed.terms)
      expect(latest?.governance).toMatchObject({ reviewCadence: 'Quarterly business review with the CFO' })
    })

    it('retracts a mistaken entry with a reason: the journal keeps it, replay skips it', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      await page.goto(`${base}/midgame`)
      // The timeline fills in with the stage: on a loaded machine that took CI over 5 s.
      await settled(page)
      const stageNow = async () =>
        ((await (await api(suite.server.url, owner, 'GET', `${record}/status`)).json()) as { stage: string })
          .stage
      const before = await stageNow()
      // Two agreements: the first recorded, then the alternative they signed before signing.
      const agreements = page
        .locator('.timeline-item')
        .filter({ has: page.locator('.type', { hasText: 'Agreement' }) })
      await expect.poll(() => agreements.count(), { timeout: WAIT }).toBe(2)
      for (let k = 1; k <= 2; k++) {
        const open = agreements.filter({ has: page.getByRole('button', { name: 'Retract' }) }).first()
        await open.getByRole('button', { name: 'Retract' }).click()
        await page.getByLabel('Reason for retracting').fill('Recorded before the CFO signed')
        await page.getByRole('button', { name: 'Confirm retraction' }).click()
        await expect
          .poll(() => agreements.filter({ hasText: 'Retracted' }).count(), { timeout: WAIT })
          .toBe(k)
        // With one agreement left, it counts: still at the close.
        if (k === 1) expect(await stageNow()).toBe('close')
      }
      await agreements.first().getByText('Recorded before the CFO signed').waitFor()
      const events = (await (await api(suite.server.url, owner, 'GET', `${record}/events`)).json()) as {
        events: { event: { type: string; target?: string; reason?: string } }[]
      }
      const last = events.events.at(-1)?.event
      expect(last).toMatchObject({ type: 'retract', reason: 'Recorded before the CFO signed' })
      // No agreement counts any more: the negotiation is back in the midgame.
      expect(before).toBe('close')
      expect(await stageNow()).toBe('midgame')
    })

    it('is readable on a phone: no stage is wider than the screen', async () => {
      const phone = await suite.newPage({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      })
      await signIn(phone.page, EMAIL, OWNER_PASSWORD)
      for (const slug of ['prepare', 'setup', 'first-move', 'midgame', 'close', 'debrief']) {
        await phone.page.goto(`${base}/${slug}`)
        await saveState(phone.page, 'All changes saved').waitFor()
        // Wide tables scroll inside their own box; the page itself never scrolls sideways.
        // (A string, evaluated in the page: this file is compiled without the DOM's types.)
        const overflow = (await phone.page.evaluate(
          'document.documentElement.scrollWidth - window.innerWidth',
        )) as number
        expect(overflow, `the ${slug} stage on a phone`).toBeLessThanOrEqual(0)
        await screenshot(phone.page, `phone-${slug}`)
      }
    })

    it('lets an owner invite a viewer, who sees the negotiation and can change nothing', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      await page.goto(`/w/${owner.workspaceId}/members`)
      await page.getByLabel('Role', { exact: true }).selectOption('viewer')
      await page.getByRole('button', { name: 'Create invitation link' }).click()
      const link = await page.getByLabel('Invitation link').inputValue()
      expect(link).toMatch(/^http/)

      const viewer = await suite.newPage()
      await viewer.page.goto(link)
      await viewer.page.getByText('as a viewer').waitFor()
      await viewer.page.getByLabel('Your name').fill('Vera Viewer')
      await viewer.page.getByLabel('Email').fill('viewer@example.com')
      await viewer.page.getByLabel('Password (at least 12 characters)').fill('another long password')
      await viewer.page.getByRole('button', { name: /^Join/ }).click()
      await viewer.page.getByRole('button', { name: 'Sign out' }).waitFor()

      await viewer.page.goto(`${base}/midgame`)
      await viewer.page.getByText('read only (viewer)').waitFor()
      await viewer.page.locator('.priorities .priority').first().waitFor()
      // A viewer saves nothing, so nothing says "All changes saved".
      await expect(viewer.page.getByText('All changes saved').count()).resolves.toBe(0)
      // Everything is there to read, nothing to record.
      await expect(viewer.page.getByRole('button', { name: 'Record concession' }).count()).resolves.toBe(0)
      await expect(viewer.page.getByRole('button', { name: 'Record their answer' }).count()).resolves.toBe(0)
      await viewer.page.goto(`${base}/prepare`)
      await viewer.page.getByRole('heading', { name: 'Issues', exact: true }).waitFor()
      const editable = viewer.page.locator(
        'main input:not([disabled]):not([readonly]), main select:not([disabled]), main textarea:not([disabled]):not([readonly])',
      )
      // The Prepare and Set up stages offer nothing that changes the plan: no field, and no button
      // but the ones that only show things (tabs, disclosure).
      for (const slug of ['prepare', 'setup']) {
        await viewer.page.goto(`${base}/${slug}`)
        await viewer.page.getByText('read only (viewer)').waitFor()
        await viewer.page.locator('main section').first().waitFor()
        // Our floor is sealed until revealed (a button that only shows): revealed, it is read only too.
        for (const reveal of await viewer.page.locator('main button.reveal', { hasText: /^Show / }).all()) {
          if (await reveal.isVisible()) await reveal.click()
        }
        await expect(editable.count(), `fields on ${slug}`).resolves.toBe(0)
        const buttons = await viewer.page
          .locator('main button:not([disabled]):not([role="tab"]):not(.reveal)')
          .allTextContents()
        expect(buttons, `buttons on ${slug}`).toEqual([])
        await screenshot(viewer.page, `flow-viewer-${slug}`)
      }

      // And the server refuses a viewer's writes whatever the page shows.
      const current = await viewer.context.request.get(record)
      expect(current.status()).toBe(200)
      const { plan, version } = (await current.json()) as { plan: { title: string }; version: number }
      const put = await viewer.context.request.put(`${record}/plan`, {
        headers: { origin: suite.server.url, 'if-match': `"${version}"` },
        data: { ...plan, title: 'Changed by a viewer' },
      })
      expect(put.status()).toBe(403)
    })

    it('debriefs: the answers kept, the figures as `parley debrief` gives them, a lesson offered to later plans', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      // The agreement again (the one before was retracted), as it stands on the table.
      await page.goto(`${base}/close`)
      await saveState(page, 'All changes saved').waitFor()
      await page.getByRole('button', { name: 'Record the agreement' }).click()
      // The message that says so, not any text with the word (the form's hint says "recorded" too).
      await page.getByText(/^The (corrected )?agreement is recorded\.$/).waitFor()

      await page.goto(`${base}/debrief`)
      await settled(page)
      const answer = page.locator('.debrief-prompt textarea').first()
      await answer.fill('Settling rollout first made price easy.')
      await page.getByText('One answer not saved yet').waitFor()
      await page.getByRole('button', { name: 'Save answers' }).click()
      // Its own message: the header's "All changes saved" is about the plan, not these answers.
      await page.getByText('One answer saved.').waitFor()

      const events = (await (await api(suite.server.url, owner, 'GET', `${record}/events`)).json()) as {
        events: { event: { type: string; answers?: Record<string, string> } }[]
      }
      const debrief = events.events.map((entry) => entry.event).find((event) => event.type === 'debrief')
      expect(Object.values(debrief?.answers ?? {})).toContain('Settling rollout first made price easy.')
      const folder = temporaryFolder()
      const journal = join(folder, 'journal.jsonl')
      writeFileSync(journal, `${events.events.map((entry) => JSON.stringify(entry.event)).join('\n')}\n`)
      const figures = cliJson<{ figures: { surplus: number | null } }>([
        'debrief',
        EXAMPLE,
        '--journal',
        journal,
        '--json',
      ]).figures
      expect(figures.surplus).not.toBeNull()
      // In plain words by default; line for line as the command line prints it with the maths shown.
      const surplus = figures.surplus ?? 0
      await page
        .getByText(
          surplus < 0
            ? `Short of our walk-away point: ${(-surplus).toFixed(1)} points`
            : `Above our walk-away point: ${signed(surplus)} points`,
        )
        .waitFor()
      await page.getByLabel('Show the maths').check()
      await page
        .getByText(`Our surplus over the reservation: ${signed(figures.surplus ?? 0)} points`)
        .waitFor()
      await page.getByLabel('Show the maths').uncheck()

      await page.getByRole('button', { name: 'Add a lesson to the tradeables library' }).click()
      const lesson = page.getByRole('form', { name: 'Lesson for the tradeables library' })
      await lesson.getByLabel('Name').fill('Settle rollout before price')
      await lesson.getByLabel('Lesson').fill('Agree the go-live date first; price follows.')
      await lesson.getByLabel('Issue').selectOption('rollout')
      await lesson.getByRole('button', { name: 'Save to the library' }).click()
      await page.getByText('“Settle rollout before price” is in the').waitFor()

      // A later sales negotiation in the workspace offers the lesson on its Set up stage.
      await page.goto(`/w/${owner.workspaceId}`)
      const next = await createFromTemplate(page, { title: 'Next renewal', other: 'Acme Corp' })
      await page.goto(`${next}/setup`)
      await page.getByText('Agree the go-live date first; price follows.').waitFor()
      await screenshot(page, 'flow-lesson-offered')
    })

    it('works with the keyboard alone: sign in, send a MESO set, move between stages, record their choice', async () => {
      const { id } = await importPlan(suite.server.url, owner, EXAMPLE)
      const address = `/w/${owner.workspaceId}/n/${id}`
      const { page } = suite
      await page.goto('/login')
      await tabTo(page, 'Email')
      await page.keyboard.type(EMAIL)
      await tabTo(page, 'Password')
      await page.keyboard.type(OWNER_PASSWORD)
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: 'Sign out' }).waitFor()

      await page.goto(`${address}/first-move`)
      await saveState(page, 'All changes saved').waitFor()
      await tabTo(page, 'Record as sent')
      await page.keyboard.press('Enter')
      await page.getByText(/Last sent \(round 1\)/).waitFor()

      // The stage rail, then their answer: a bundle chosen from the select with the arrow keys.
      await tabTo(page, 'Midgame')
      await page.keyboard.press('Enter')
      await page.waitForURL(`**${address}/midgame`)
      await tabTo(page, 'Bundle they chose')
      await page.keyboard.press('ArrowDown')
      await tabTo(page, 'Record their answer')
      await page.keyboard.press('Enter')
      await expect
        .poll(async () => {
          const listed = await api(
            suite.server.url,
            owner,
            'GET',
            `/api/workspaces/${owner.workspaceId}/negotiations/${id}/events`,
          )
          const { events } = (await listed.json()) as { events: { event: { type: string } }[] }
          return events.map((entry) => entry.event.type)
        })
        .toEqual(['offer-sent', 'bundle-chosen'])
    })

    it('records the joint gain in sight as our offer, the bundle `parley status` shows', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      const { id, path } = await importPlan(suite.server.url, owner, EXAMPLE)
      // A single offer at a 12-month term: a longer term is better for both here.
      const single = { ...RENEWAL_B, term: 12 }
      const sent = await api(suite.server.url, owner, 'POST', `${path}/events`, {
        json: { id: '01JW0000000000000000000J00', type: 'offer-sent', bundles: [{ terms: single }] },
      })
      expect(sent.status).toBe(201)
      const folder = temporaryFolder()
      const journal = join(folder, 'journal.jsonl')
      const recorded = (await (await api(suite.server.url, owner, 'GET', `${path}/events`)).json()) as {
        events: { event: unknown }[]
      }
      writeFileSync(journal, `${recorded.events.map((entry) => JSON.stringify(entry.event)).join('\n')}\n`)
      const status = cliJson<{ jointGain: { terms: Record<string, unknown> } | null }>([
        'status',
        EXAMPLE,
        '--journal',
        journal,
        '--json',
      ])
      const joint = status.jointGain
      if (!joint) throw new Error('status shows no joint gain over this offer')
      await page.goto(`/w/${owner.workspaceId}/n/${id}/midgame`)
      await page.getByText('Joint gain in sight:').waitFor()
      await page.getByRole('button', { name: 'Record as our offer' }).click()
      // Offered, it is the table: nothing better for both is left in sight, and the page says what it did.
      await page.getByText('Recorded as our offer').waitFor()
      await expect(page.getByText('Joint gain in sight:').count()).resolves.toBe(0)
      const events = (await (await api(suite.server.url, owner, 'GET', `${path}/events`)).json()) as {
        events: { event: { type: string; bundles?: { terms: object }[] } }[]
      }
      const last = events.events.at(-1)?.event
      expect(last?.type).toBe('offer-sent')
      expect(last?.bundles?.map((bundle) => bundle.terms)).toEqual([joint.terms])
    })

    it('records a counter to a set of three as the changes to the bundle they countered, even over an earlier table', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      const { id, path } = await importPlan(suite.server.url, owner, EXAMPLE)
      const set = cliJson<{ bundles: { label: string; terms: Record<string, string | number> }[] }>([
        'meso',
        EXAMPLE,
        '--json',
      ])
      // A single offer first: a bundle on the table from an earlier round, which the new set's
      // counter is not read against.
      const earlier = await api(suite.server.url, owner, 'POST', `${path}/events`, {
        json: {
          id: '01JW0000000000000000000C00',
          type: 'offer-sent',
          bundles: [{ terms: set.bundles[0]?.terms }],
        },
      })
      expect(earlier.status).toBe(201)
      const sent = await api(suite.server.url, owner, 'POST', `${path}/events`, {
        json: {
          id: '01JW0000000000000000000C01',
          type: 'offer-sent',
          bundles: set.bundles.map(({ label, terms }) => ({ label, terms })),
        },
      })
      expect(sent.status).toBe(201)
      const countered = set.bundles[2]
      if (!countered) throw new Error('the MESO set has fewer than three bundles')
      await page.goto(`/w/${owner.workspaceId}/n/${id}/midgame`)
      await page.getByLabel('What did they do?').selectOption('rejected')
      await page.getByLabel('They made a counter-offer').check()
      await page.getByLabel('The bundle they countered').selectOption(countered.label)
      // They asked for 10,000 less than that bundle's price, and changed nothing else.
      const price = Number(countered.terms.price) - 10000
      await page.getByLabel('Counter: Annual subscription fee').selectOption(String(price))
      await page
        .locator('fieldset.counter')
        .screenshot({ path: join(SCREENSHOTS, 'flow-counter-on-a-set.png') })
      await page.getByRole('button', { name: 'Record their answer' }).click()
      await expect
        .poll(async () => {
          const listed = (await (await api(suite.server.url, owner, 'GET', `${path}/events`)).json()) as {
            events: { event: { type: string; counter?: { terms: Record<string, unknown> } } }[]
          }
          return listed.events.at(-1)?.event.counter?.terms
        })
        .toEqual({ ...countered.terms, price })
    })

    it("learns a whole journal off the page when the server's state cannot be had: the figures of `parley status`", async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      const { id, path } = await importPlan(suite.server.url, owner, EXAMPLE)
      // Two sets, one chosen from and one ranked: two moves of theirs to learn.
      const folder = temporaryFolder()
      const journal = join(folder, 'journal.jsonl')
      const moves: Record<string, unknown>[] = []
      const record = async (move: Record<string, unknown>) => {
        const sent = await api(suite.server.url, owner, 'POST', `${path}/events`, {
          json: { id: `01JW00000000000000000000${String(moves.length).padStart(2, '0')}`, ...move },
        })
        expect(sent.status, await sent.text()).toBe(201)
        moves.push(move)
        // The journal as the server keeps it (ids, times, rounds), as the command line reads one.
        const stored = (await (await api(suite.server.url, owner, 'GET', `${path}/events`)).json()) as {
          events: { event: unknown }[]
        }
        writeFileSync(journal, `${stored.events.map((entry) => JSON.stringify(entry.event)).join('\n')}\n`)
      }
      for (const answer of ['chosen', 'ranked']) {
        const set = cliJson<{ bundles: { label: string; terms: Record<string, unknown> }[] }>([
          'meso',
          EXAMPLE,
          '--journal',
          journal,
          '--json',
        ])
        const labels = set.bundles.map((bundle) => bundle.label)
        await record({
          type: 'offer-sent',
          bundles: set.bundles.map(({ label, terms }) => ({ label, terms })),
        })
        await record(
          answer === 'chosen'
            ? { type: 'bundle-chosen', side: 'them', label: labels[1] }
            : { type: 'bundles-ranked', side: 'them', order: [...labels].reverse() },
        )
      }
      const status = cliJson<StatusJson>(['status', EXAMPLE, '--journal', journal, '--json'])
      const expected = prioritiesOf(status)

      // The server's learner state unreachable: the page learns both moves in a worker.
      const workers: string[] = []
      const onWorker = (worker: { url(): string }) => workers.push(worker.url())
      page.on('worker', onWorker)
      await page.route('**/learned', (route) => route.abort())
      await page.goto(`/w/${owner.workspaceId}/n/${id}/midgame`)
      await page.locator('.priorities .priority').first().waitFor()
      await expect.poll(() => prioritiesShown(page)).toEqual(expected)
      expect(workers.some((url) => /learner-worker/.test(url))).toBe(true)
      expect(await page.locator('.learning-state').textContent()).toBe('')

      // With it, the page resumes the server's state: no worker, the same figures.
      await page.unroute('**/learned')
      workers.length = 0
      await page.reload()
      await page.locator('.priorities .priority').first().waitFor()
      expect(await prioritiesShown(page)).toEqual(expected)
      expect(workers).toEqual([])
      page.off('worker', onWorker)
    })
  },
)
