/**
 * The issues grid on the Prepare stage, in a browser: a weight changed with the keyboard alone
 * changes the MESO set and the frontier on the First move stage; a block pasted from a spreadsheet
 * fills and adds issues and says what it did; an invalid value shows core's message at its cell;
 * a viewer sees the same grid and can change nothing.
 */
import { starterPlan } from '@parley/core'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, firstOwner, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  saveState,
  screenshot,
  signIn,
} from './browser'

const EMAIL = 'owner@example.com'
const VIEWER = 'viewer@example.com'
const VIEWER_PASSWORD = 'a viewer of the plan'

function grid(page: Page) {
  return page.getByRole('table', { name: 'Issues', exact: true })
}

/** What First move shows that depends on the weights: the MESO bundles' values and the Nash point. */
async function firstMoveNumbers(page: Page, base: string): Promise<{ meso: string; nash: string }> {
  await page.goto(`${base}/first-move`)
  const meso = page.getByRole('table', { name: 'MESO bundles' })
  await meso.waitFor()
  const values = await meso.getByRole('row').filter({ hasText: 'Value to us' }).textContent()
  const frontier = page.locator('#frontier')
  await frontier.getByText('Terms of the bargaining points').click()
  const nash = await frontier.locator('dd').first().textContent()
  return { meso: values ?? '', nash: nash ?? '' }
}

/** Sends a paste of `text` to the focused element, as the browser does for Ctrl+V. */
async function pasteInto(page: Page, text: string) {
  await page.evaluate((data) => {
    // This file is type-checked without the DOM's types: the page's globals, as far as used here.
    const scope = globalThis as unknown as {
      DataTransfer: new () => { setData(format: string, data: string): void }
      ClipboardEvent: new (type: string, init: Record<string, unknown>) => unknown
      document: { activeElement: { dispatchEvent(event: unknown): boolean } | null }
    }
    const transfer = new scope.DataTransfer()
    transfer.setData('text/plain', data)
    scope.document.activeElement?.dispatchEvent(
      new scope.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  }, text)
}

/** Which cell of the grid has the focus: its row and cell, as the grid marks its controls. */
async function focusedCell(page: Page): Promise<string> {
  const focused = page.locator(':focus')
  return `${await focused.getAttribute('data-grid-row')}:${await focused.getAttribute('data-grid-cell')}`
}

/** The text a control is described by (its problems, its share), as a screen reader reads it. */
async function description(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean)
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

describe.runIf(browserAvailable)('the issues grid', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const suite = browserSuite()
  let owner: Session
  let base = ''

  beforeAll(async () => {
    owner = await firstOwner(suite.server, EMAIL)
    const plan = { ...starterPlan('sales'), title: 'Grid renewal 2027' }
    const created = await api(
      suite.server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/negotiations`,
      { json: plan },
    )
    const body = await created.text()
    expect(created.status, body).toBe(201)
    const { id } = JSON.parse(body) as { id: string }
    base = `/w/${owner.workspaceId}/n/${id}`
  })

  it('is edited with the keyboard, filled by pasting, and shows core’s messages at the cell', async () => {
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    const before = await firstMoveNumbers(page, base)

    await page.goto(`${base}/prepare`)
    const table = grid(page)
    await table.waitFor()
    await saveState(page, 'All changes saved').waitFor()

    // Typing over a weight, as in a spreadsheet: arrive, type, Enter keeps it and moves down.
    const price = table.getByLabel('Our weight for Annual price')
    await expect(price.inputValue()).resolves.toBe('40')
    await table.getByLabel('Name of issue 1').focus()
    for (const _ of ['unit', 'kind', 'min', 'max', 'step', 'weight']) await page.keyboard.press('ArrowRight')
    await expect(focusedCell(page)).resolves.toBe('0:usWeight')
    await page.keyboard.type('5')
    await page.keyboard.press('Enter')
    const term = table.getByLabel('Our weight for Contract term')
    await expect(focusedCell(page)).resolves.toBe('1:usWeight')
    await expect(price.inputValue()).resolves.toBe('5')
    // Our share of price follows: 5 of 65.
    await expect(description(page, price)).resolves.toBe('8% of our weights')

    // Escape puts back what was there before the edit.
    await page.keyboard.type('99')
    await expect(term.inputValue()).resolves.toBe('99')
    await page.keyboard.press('Escape')
    await expect(term.inputValue()).resolves.toBe('15')
    // Up again, to the weight just changed.
    await page.keyboard.press('ArrowUp')
    await expect(focusedCell(page)).resolves.toBe('0:usWeight')
    await saveState(page, 'All changes saved').waitFor()

    // The first move is worked out again from the new weights.
    const after = await firstMoveNumbers(page, base)
    expect(after.meso).not.toBe(before.meso)
    expect(after.nash).not.toBe(before.nash)

    // A block pasted from a spreadsheet, with a header row: fills one issue, adds one, says what it could not read.
    await page.goto(`${base}/prepare`)
    await table.waitFor()
    await table.getByLabel('Name of issue 1').focus()
    await pasteInto(
      page,
      [
        'Issue\tUnit\tOur weight\tTheir weight (est.)',
        'Contract term\tmonths\t22\t12',
        'Warranty\tyears\t6\t9',
        'Payment terms\t\tlots\t',
      ].join('\n'),
    )
    const report = page.getByText('Filled Contract term, Payment terms. Added Warranty.')
    await report.waitFor()
    await expect(report.textContent()).resolves.toContain("row 4, our weight: 'lots' is not a number")
    await expect(table.getByLabel('Our weight for Contract term').inputValue()).resolves.toBe('22')
    await expect(table.getByLabel('Their weight for Warranty (estimate)').inputValue()).resolves.toBe('9')
    await expect(table.getByLabel('Unit of Warranty').inputValue()).resolves.toBe('years')
    await saveState(page, 'All changes saved').waitFor()

    // An invalid value: core's message, as the command line words it, at the field.
    const support = table.getByLabel('Their weight for Support tier (estimate)')
    await support.focus()
    await page.keyboard.type('0')
    await page.keyboard.press('Enter')
    await expect(support.getAttribute('aria-invalid')).resolves.toBe('true')
    const described = await description(page, support)
    expect(described).toContain('must be greater than 0')
    await saveState(page, 'Draft saved (with problems)').waitFor()
    await screenshot(page, 'prepare-issues-grid-invalid')

    // Fixed again by typing a number.
    await support.focus()
    await page.keyboard.type('15')
    await page.keyboard.press('Enter')
    await expect(support.getAttribute('aria-invalid')).resolves.toBeNull()
    await saveState(page, 'All changes saved').waitFor()

    // Removing an issue says what else went with it (the decision rule names rollout), and can be undone.
    await table.getByRole('button', { name: 'Remove Rollout to all sites' }).click()
    const removed = page.getByText(
      'Removed Rollout to all sites, and with it 1 condition of the decision rule that named it.',
    )
    await removed.waitFor()
    await expect(table.getByLabel('Unit of Rollout to all sites').count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(table.getByLabel('Unit of Rollout to all sites').inputValue()).resolves.toBe('days')
    await saveState(page, 'All changes saved').waitFor()
    await screenshot(page, 'prepare-issues-grid')
    await checkAccessibility(page, 'the Prepare stage with the issues grid')

    // The server has what the grid shows.
    const saved = await api(
      suite.server.url,
      owner,
      'GET',
      `/api${base.replace('/w/', '/workspaces/').replace('/n/', '/negotiations/')}`,
    )
    const { plan } = (await saved.json()) as {
      plan: { issues: { id: string; unit: string; us: { weight: number }; them: { weight: number } }[] }
    }
    expect(plan.issues.find((issue) => issue.id === 'price')?.us.weight).toBe(5)
    expect(plan.issues.find((issue) => issue.id === 'term')?.us.weight).toBe(22)
    expect(plan.issues.find((issue) => issue.id === 'warranty')).toMatchObject({
      unit: 'years',
      us: { weight: 6 },
      them: { weight: 9 },
    })
  })

  it('is shown to a viewer as text they can not change', async () => {
    const invited = await api(
      suite.server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/invitations`,
      { json: { role: 'viewer' } },
    )
    const body = await invited.text()
    expect(invited.status, body).toBe(201)
    const { token } = JSON.parse(body) as { token: string }
    const accepted = await fetch(`${suite.server.url}/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.server.url },
      body: JSON.stringify({ email: VIEWER, name: 'Viewer', password: VIEWER_PASSWORD }),
    })
    expect(accepted.status, await accepted.text()).toBe(201)

    const { page } = suite
    await signIn(page, VIEWER, VIEWER_PASSWORD)
    await page.goto(`${base}/prepare`)
    const table = grid(page)
    await table.getByRole('rowheader', { name: /^Annual price/ }).waitFor()
    await expect(table.getByRole('textbox').count()).resolves.toBe(0)
    await expect(table.getByRole('checkbox').count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: 'Add issue' }).count()).resolves.toBe(0)
    await expect(table.textContent()).resolves.toContain('USD/year')
    await checkAccessibility(page, 'the Prepare stage as a viewer')
  })
})
