/**
 * Weights by ranking and the priorities chart in a real browser: issues reordered with the keyboard
 * alone change the derived weights at once, a swing question changes them again, and applying them
 * writes the weights (and keeps the ranking and the answer) in the saved plan; the chart draws the
 * plan with a table of the same numbers, suggests the corner's issue as a tradeable and offers the
 * workspace library's entry as a new issue.
 */
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, firstOwner, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  createFromTemplate,
  SCREENSHOTS,
  saveState,
  screenshot,
  signIn,
} from './browser'

const EMAIL = 'owner@example.com'

interface SavedPlan {
  issues: {
    id: string
    name: string
    unit: string
    us: { weight: number }
    them: { confidence?: string }
    tradeable?: boolean
  }[]
  elicitation?: { us?: { ranking?: string[]; tradeoffs?: { issues: string[]; answer: string }[] } }
}

/** The weight the ranking gives an issue: the first number cell of its row. */
function derived(ranking: Locator, issue: string) {
  return ranking
    .getByRole('row', { name: new RegExp(`\\b${issue}\\b`) })
    .getByRole('cell')
    .nth(1)
}

describe.runIf(browserAvailable)(
  'weights by ranking in the browser',
  { timeout: BROWSER_TEST_TIMEOUT },
  () => {
    const suite = browserSuite()
    let owner: Session

    beforeAll(async () => {
      owner = await firstOwner(suite.server, EMAIL)
      const added = await api(
        suite.server.url,
        owner,
        'POST',
        `/api/workspaces/${owner.workspaceId}/tradeables`,
        {
          json: {
            name: 'Training seats',
            unit: 'seats',
            contexts: ['sales'],
            costToUs: 'low',
            valueToThem: 'high',
          },
        },
      )
      expect(added.status).toBe(201)
    })

    it('derives weights from a ranking and a swing answer, writes them, and charts where trades are funded', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      await page.waitForURL(`**/w/${owner.workspaceId}`)
      const id = (await createFromTemplate(page, { title: 'Acme renewal 2027' })).split('/')[4]
      const record = `/api/workspaces/${owner.workspaceId}/negotiations/${id}`
      await saveState(page, 'All changes saved').waitFor()

      const section = page.getByRole('region', { name: /^Weights by ranking/ })
      const ranking = section.getByRole('table', { name: /^Issues by importance to us/ })
      // Six issues, heaviest first: price, term, uptime, payment, rollout, support.
      await expect(derived(ranking, 'Annual price').textContent()).resolves.toBe('41%')
      await expect(derived(ranking, 'Contract term').textContent()).resolves.toBe('24%')

      // With the keyboard alone: the term goes up to first place, and the focus stays with it.
      await section.getByRole('button', { name: 'Move Contract term up' }).focus()
      await page.keyboard.press('Enter')
      await expect(derived(ranking, 'Contract term').textContent()).resolves.toBe('41%')
      await expect(derived(ranking, 'Annual price').textContent()).resolves.toBe('24%')
      await section.getByText('Contract term is now 1st of 6').waitFor()
      await expect(
        page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { textContent: string } | null } })
              .document.activeElement?.textContent,
        ),
      ).resolves.toBe('Move Contract term down')

      // One swing question: moving the price matters more, so it goes back above the term.
      await section
        .getByText(
          'Would you rather move Contract term from 12 to 36 months or Annual price from 80,000 to 140,000 USD/year?',
        )
        .waitFor()
      await section.getByRole('button', { name: 'Move Annual price', exact: true }).click()
      await expect(derived(ranking, 'Annual price').textContent()).resolves.toBe('41%')
      await expect(derived(ranking, 'Contract term').textContent()).resolves.toBe('24%')
      await section.getByText('Annual price matters more than Contract term').waitFor()

      // Applying says what changes, then writes it; the saved plan has the weights and keeps the answers.
      await section.getByText('Payment terms: weight 10 → 10.3').waitFor()
      await section.getByRole('button', { name: 'Use these weights for us' }).click()
      await section.getByText('Our weights now follow the ranking').waitFor()

      // Our estimate of them is marked as such, with how sure we are of it.
      await section.getByRole('tab', { name: 'Them (our estimate)' }).click()
      await section.getByText('An estimate.').waitFor()
      await section.getByLabel('How sure we are of this estimate').selectOption('high')
      await saveState(page, 'All changes saved').waitFor()

      const afterApply = await api(suite.server.url, owner, 'GET', record)
      const plan = ((await afterApply.json()) as { plan: SavedPlan }).plan
      const weights = Object.fromEntries(plan.issues.map((issue) => [issue.id, issue.us.weight]))
      expect(weights).toEqual({
        price: 40.8,
        term: 24.2,
        sla: 15.8,
        payment: 10.3,
        rollout: 6.1,
        support: 2.8,
      })
      expect(plan.elicitation?.us?.ranking?.slice(0, 2)).toEqual(['term', 'price'])
      expect(plan.elicitation?.us?.tradeoffs).toEqual([{ issues: ['term', 'price'], answer: 'second' }])
      expect(plan.issues.map((issue) => issue.them.confidence)).toEqual(plan.issues.map(() => 'high'))

      // The chart, with the same numbers in a table; the rollout sits in the funding corner.
      const priorities = page.getByRole('region', { name: /^Priorities and tradeables/ })
      await priorities
        .getByRole('img', {
          name: /^Priorities chart of 6 issues.*where trades are funded\): Rollout to all sites\./,
        })
        .waitFor()
      const numbers = priorities.getByRole('table', { name: 'The numbers behind the chart' })
      const rollout = numbers.getByRole('row', { name: /Rollout to all sites/ })
      await expect(rollout.getByRole('cell').allTextContents()).resolves.toEqual([
        '6%',
        '25%',
        'Cheap for us, valuable for them',
        'no',
      ])
      await priorities.getByRole('button', { name: 'Flag Rollout to all sites as tradeable' }).click()
      await expect(rollout.getByRole('cell').last().textContent()).resolves.toBe('yes')
      await priorities.getByRole('button', { name: 'Add “Training seats” as an issue' }).click()
      await numbers.getByRole('row', { name: /Training seats/ }).waitFor()
      await saveState(page, 'All changes saved').waitFor()

      const afterChart = await api(suite.server.url, owner, 'GET', record)
      const charted = ((await afterChart.json()) as { plan: SavedPlan }).plan
      expect(charted.issues.find((issue) => issue.id === 'rollout')?.tradeable).toBe(true)
      // A tradeable from the library comes in flagged tradeable: that is why it is in the library.
      expect(charted.issues.at(-1)).toMatchObject({
        id: 'training_seats',
        name: 'Training seats',
        unit: 'seats',
        tradeable: true,
      })

      // Back to our side with the arrow keys, as tabs go.
      await section.getByRole('tab', { name: 'Them (our estimate)' }).focus()
      await page.keyboard.press('ArrowLeft')
      await expect(section.getByRole('tab', { name: 'Us' }).getAttribute('aria-selected')).resolves.toBe(
        'true',
      )
      // The new issue is not ranked yet: it shares the last place until someone moves it.
      await expect(
        ranking
          .getByRole('row', { name: /Training seats/ })
          .getByRole('cell')
          .first()
          .textContent(),
      ).resolves.toBe('7')

      await screenshot(page, 'prepare-elicitation')
      await section.screenshot({ path: join(SCREENSHOTS, 'prepare-elicitation-weights.png') })
      await priorities.screenshot({ path: join(SCREENSHOTS, 'prepare-elicitation-priorities.png') })
      await checkAccessibility(page, 'weights by ranking and the priorities chart')
    })
  },
)
