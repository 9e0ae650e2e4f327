/**
 * The deal room in the browser: the team makes a share link on the midgame stage; the other side
 * opens it in a browser with no account, chooses a bundle, ranks them, sends a counter at a level
 * the plan does not have (told which issue, nothing recorded) and then a good one; a double click
 * records one answer; the team's midgame shows what they answered; a revoked link and an expired
 * one open nothing. The page and the PDF they download hold nothing of ours. Once the terms are
 * agreed, the team offers alternatives beside the agreement on the Close stage and the other side
 * signs one in the room, recorded as the agreement with its measures.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RENEWAL_B } from '@parley/core/testing'
import { extractPdfText } from '@parley/documents/testing'
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
const OFFER_ID = '01JH0000000000000000000001'

interface StoredEvent {
  event: { type: string; source?: string }
}

describe.runIf(browserAvailable)('the deal room in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const suite = browserSuite()
  let owner: Session

  beforeAll(async () => {
    owner = await firstOwner(suite.server, EMAIL)
  })

  /** The events the other side recorded through the deal room, by type. */
  async function dealRoomEvents(path: string): Promise<string[]> {
    const journal = (await (await api(suite.server.url, owner, 'GET', `${path}/events`)).json()) as {
      events: StoredEvent[]
    }
    return journal.events
      .filter((stored) => stored.event.source === 'deal-room')
      .map((stored) => stored.event.type)
  }

  async function expectNoRoom(page: Page, url: string): Promise<void> {
    await page.goto(url)
    await page.getByRole('alert').filter({ hasText: 'this link does not open a deal room' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(new URL(url).pathname)
  }

  it('lets the other side answer through a share link, once per answer, until it is revoked', async () => {
    const { id, path } = await importPlan(suite.server.url, owner, EXAMPLE)
    const sent = await api(suite.server.url, owner, 'POST', `${path}/events`, {
      json: {
        id: OFFER_ID,
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: RENEWAL_B },
          { label: 'B', terms: { ...RENEWAL_B, price: 240000, support: 'standard' } },
        ],
      },
    })
    expect(sent.status).toBe(201)

    // The team makes a link on the midgame stage and copies it.
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`/w/${owner.workspaceId}/n/${id}/midgame`)
    const share = page.getByRole('region', { name: 'Share with them' })
    await share.getByLabel('Label (for us only)').fill('Their CFO')
    await share.getByRole('button', { name: 'Create link' }).click()
    const url = await share.getByLabel('Link for them (shown once)').inputValue()
    expect(url).toMatch(/\/d\/pdr_[A-Za-z0-9_-]{43}$/)
    await share.getByRole('cell', { name: 'never' }).first().waitFor()

    // The other side, in a browser of their own with no account.
    const guest = (await suite.newPage()).page
    await guest.goto(url)
    await guest
      .getByRole('heading', { level: 1, name: 'Calder Mutual claims platform renewal and expansion, FY2027' })
      .waitFor()
    expect(new URL(guest.url()).pathname).toBe(new URL(url).pathname)
    await guest.getByRole('heading', { name: 'Option A' }).waitFor()
    await guest.getByRole('heading', { name: 'Option B' }).waitFor()
    await expect(guest.getByText('Annual subscription fee').first().isVisible()).resolves.toBe(true)
    await checkAccessibility(guest, 'the deal room')
    // Nothing of ours on the rendered page: our BATNA, their BATNA as we estimate it, the internal
    // evidence, the reservation's figure.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const seen = await guest.locator('body').innerText()
    for (const secret of [
      'current 300-seat contract run to its end',
      "Vantora's quote",
      'Discovery call with Priya Raman',
      'Brightline delivery estimate',
      'reservation',
      'BATNA',
    ])
      expect(seen).not.toContain(secret)
    // On a phone: nothing wider than the screen, nothing unreachable.
    await guest.setViewportSize({ width: 390, height: 844 })
    await expect(
      guest.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0)
    await checkAccessibility(guest, 'the deal room on a phone')
    await screenshot(guest, 'deal-room-phone')
    await guest.setViewportSize({ width: 1280, height: 800 })
    await screenshot(guest, 'deal-room-desktop')
    // Their copy of the options: a PDF from the room that reads back with the terms, and nothing of ours.
    const [download] = await Promise.all([
      guest.waitForEvent('download'),
      guest.getByRole('link', { name: 'The options as PDF' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/-offers\.pdf$/)
    const sheet = await extractPdfText(new Uint8Array(readFileSync(await download.path())))
    expect(sheet.replace(/\s+/g, '')).toContain('Annualsubscriptionfee')
    expect(sheet).not.toMatch(/Discovery call|delivery estimate|reservation|BATNA/)

    // Choose B with a comment: a double click, and another click, record one answer.
    await guest.getByLabel('Comment (optional)').fill('B works for our budget')
    await guest.getByLabel('Option', { exact: true }).selectOption('B')
    const choose = guest.getByRole('button', { name: 'Choose this option' })
    await choose.dblclick()
    await guest.getByText('Sent: you chose option B.').waitFor()
    await choose.click()
    await guest.getByText('Sent: you chose option B.').waitFor()
    expect(await dealRoomEvents(path)).toEqual(['bundle-chosen'])

    // Rank them.
    await guest.getByLabel('Comment (optional)').fill('')
    await guest.getByLabel('Place 1').selectOption('B')
    await guest.getByLabel('Place 2').selectOption('A')
    await guest.getByRole('button', { name: 'Send this ranking' }).click()
    await guest.getByText('Sent: you ranked the options B, A.').waitFor()

    // A counter at a level the plan does not have: which issue, and nothing recorded.
    const price = guest.getByLabel('Annual subscription fee (USD/year)')
    await price.fill('300000')
    await guest.getByRole('button', { name: 'Send the counter' }).click()
    await guest.getByRole('alert').filter({ hasText: 'Annual subscription fee' }).waitFor()
    expect(await dealRoomEvents(path)).toEqual(['bundle-chosen', 'bundles-ranked'])
    await price.fill('210000')
    await guest.getByLabel('Comment (optional)').fill('Our budget is fixed this year')
    await guest.getByRole('button', { name: 'Send the counter' }).click()
    await guest.getByText('Sent: you turned the offer down, with your counter.').waitFor()
    expect(await dealRoomEvents(path)).toEqual(['bundle-chosen', 'bundles-ranked', 'offer-rejected'])

    // The team's midgame, left open, shows what they answered as it arrives, and where from.
    await page
      .getByRole('status')
      .filter({ hasText: 'Calder Mutual Insurance turned our offer down in the deal room' })
      .waitFor()
    // Read again (the links' last use is read when the page opens).
    await page.reload()
    await page
      .getByRole('status')
      .filter({ hasText: 'Calder Mutual Insurance turned our offer down in the deal room' })
      .waitFor()
    await expect(page.getByText('from the deal room', { exact: true }).count()).resolves.toBe(3)
    const used = page.getByRole('region', { name: 'Share with them' }).getByRole('row', { name: /Their CFO/ })
    await expect(used.getByRole('cell').nth(1).textContent()).resolves.not.toBe('never')

    // Revoked: the page and the API open nothing.
    await page.getByRole('button', { name: 'Revoke Their CFO' }).click()
    await used.getByRole('cell', { name: 'revoked' }).waitFor()
    await expectNoRoom(guest, url)
    const token = new URL(url).pathname.split('/').at(-1) ?? ''
    expect((await fetch(`${suite.server.url}/api/deal-room/${token}`)).status).toBe(404)

    // An expired link opens nothing either.
    const expiresAt = new Date(Date.now() + 1000).toISOString()
    const made = await api(suite.server.url, owner, 'POST', `${path}/share-links`, { json: { expiresAt } })
    expect(made.status).toBe(201)
    const brief = ((await made.json()) as { url: string }).url
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 100))
    await expectNoRoom(guest, brief)

    // The team's own downloads: the offers sheet from the midgame, the brief (ours) from Prepare.
    const downloaded = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name }).click(),
      ])
      return readFileSync(await download.path(), 'utf8')
    }
    const offers = await downloaded('Offers sheet as Markdown')
    expect(offers).toContain('| Annual subscription fee (USD/year) |')
    expect(offers).not.toContain('Confidential')
    await page.goto(page.url().replace(/\/midgame$/, '/prepare'))
    const ours = await downloaded('Preparation brief as Markdown')
    expect(ours).toContain('Confidential: internal to Brightline Systems. Never send to the other side.')
  })

  it('lets the other side sign an alternative the team offers beside the agreement', async () => {
    const { id, path } = await importPlan(suite.server.url, owner, EXAMPLE)
    const measures = [{ metric: 'uptime', threshold: 99.9, reporting: 'monthly', remedy: 'service credits' }]
    for (const json of [
      { id: '01JH0000000000000000000011', type: 'offer-sent', bundles: [{ label: 'A', terms: RENEWAL_B }] },
      { id: '01JH0000000000000000000012', type: 'agreed', terms: RENEWAL_B, measures },
    ])
      expect((await api(suite.server.url, owner, 'POST', `${path}/events`, { json })).status).toBe(201)
    const status = (await (await api(suite.server.url, owner, 'GET', `${path}/status`)).json()) as {
      postSettlement: { terms: Record<string, string | number> }[]
    }
    const [first] = status.postSettlement
    if (!first) throw new Error('the example has no alternative beside this agreement')

    // The team offers them on the Close stage, and makes a link there.
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`/w/${owner.workspaceId}/n/${id}/close`)
    const before = page.getByRole('region', { name: 'Before you sign' })
    await before.getByRole('button', { name: 'Offer these before signing' }).click()
    await before.getByText('Offered beside the agreement, waiting for their signature').waitFor()
    await checkAccessibility(page, 'the close stage, alternatives offered')
    await screenshot(page, 'close-alternatives-offered')
    const share = page.getByRole('region', { name: 'Share with them' })
    await share.getByRole('button', { name: 'Create link' }).click()
    const url = await share.getByLabel('Link for them (shown once)').inputValue()

    // They open it, see the alternatives beside the agreed terms, and sign the first.
    const guest = (await suite.newPage()).page
    await guest.goto(url)
    const signing = guest.getByRole('region', { name: 'Before you sign' })
    await signing.getByRole('article', { name: 'Alternative 1' }).waitFor()
    // Only a signature is taken now: no form to answer the offer that led to the agreement.
    await expect(guest.getByRole('region', { name: 'Your answer' }).count()).resolves.toBe(0)
    await checkAccessibility(guest, 'the deal room before signing')
    await screenshot(guest, 'deal-room-signing')
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const seen = await guest.locator('body').innerText()
    for (const secret of ['reservation', 'BATNA', 'for us', 'U_us', 'draws'])
      expect(seen).not.toContain(secret)
    await signing.getByRole('button', { name: 'Sign alternative 1 instead' }).click()
    await guest.getByText('Signed: you signed alternative 1.').waitFor()
    // The room is closed now: the agreed terms are the ones signed, and nothing more to sign.
    await expect(guest.getByRole('region', { name: 'Before you sign' }).count()).resolves.toBe(0)
    const journal = (await (await api(suite.server.url, owner, 'GET', `${path}/events`)).json()) as {
      events: { event: Record<string, unknown> }[]
    }
    const signed = journal.events.at(-1)?.event
    expect(signed).toMatchObject({
      type: 'agreed',
      side: 'them',
      source: 'deal-room',
      terms: first.terms,
      measures,
    })

    // The team's Close stage, read again, shows the signed agreement and no alternatives.
    await page.reload()
    await page
      .getByRole('status')
      .filter({
        hasText:
          'Calder Mutual Insurance signed alternative 1 of those offered before signing in the deal room',
      })
      .waitFor()
    await page.getByRole('region', { name: 'Recorded agreement' }).waitFor()
    await page.getByRole('region', { name: 'Share with them' }).waitFor()
    await expect(page.getByRole('region', { name: 'Before you sign' }).count()).resolves.toBe(0)
  })
})
