/**
 * Preparing and setting up a negotiation in the browser: our BATNA and reservation saved as typed
 * (and an impossible reservation refused with core's message, unsaved), a stakeholder, an evidence
 * item cited by the anchor, a condition of the decision rule, and a tradeable from the workspace
 * library taken in as an issue; each checked through the API, with a screenshot and an
 * accessibility scan of both stages.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from '../parley'
import { api, firstOwner, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  createFromTemplate,
  saveState,
  screenshot,
  signIn,
  WAIT,
} from './browser'

const EMAIL = 'owner@example.com'

interface PlanRecord {
  plan: {
    batna?: { us?: { utility?: number } }
    reservation?: number
    parties: { them: { stakeholders?: { name: string }[] } }
    evidence?: { claim: string; range?: number[]; issue?: string }[]
    anchor?: { evidence?: number[] }
    decisionRule?: { require?: unknown[] }
    issues: { id: string; name: string; unit: string; tradeable?: boolean }[]
  }
}

function region(page: Page, name: string) {
  return page.getByRole('region', { name: new RegExp(`^${name}`) })
}

describe.runIf(browserAvailable)(
  'preparing and setting up in the browser',
  { timeout: BROWSER_TEST_TIMEOUT },
  () => {
    const suite = browserSuite()
    let owner: Session
    /** The negotiation's address, from the first test, for the viewer's visit. */
    let base = ''

    beforeAll(async () => {
      owner = await firstOwner(suite.server, EMAIL)
    })

    it('saves the BATNA, the map, the evidence, the anchor, the rule and the scope as they are edited', async () => {
      const { page, server } = suite
      const library = `/api/workspaces/${owner.workspaceId}/tradeables`
      const entries = [
        {
          name: 'Onboarding workshops',
          unit: 'sessions',
          costToUs: 'low',
          valueToThem: 'high',
          contexts: ['sales'],
        },
        {
          name: 'Lead with rollout',
          lesson: 'They moved on price once rollout was settled.',
          contexts: ['sales'],
        },
      ]
      for (const entry of entries)
        expect((await api(server.url, owner, 'POST', library, { json: entry })).status).toBe(201)

      await signIn(page, EMAIL, OWNER_PASSWORD)
      await page.waitForURL(`**/w/${owner.workspaceId}`)
      base = await createFromTemplate(page, { title: 'Acme renewal 2027', other: 'Acme Corp' })
      const id = base.split('/')[4]
      const record = `/api/workspaces/${owner.workspaceId}/negotiations/${id}`
      const saved = async () =>
        ((await (await api(server.url, owner, 'GET', record)).json()) as PlanRecord).plan
      await saveState(page, 'All changes saved').waitFor()

      // Our BATNA and the reservation, saved as typed.
      const batna = region(page, 'Our BATNA and reservation')
      await batna
        .getByRole('group', { name: 'Our BATNA' })
        .getByLabel('Worth to us (utility points, 0–100)')
        .fill('45')
      // Our floor is sealed until revealed on purpose, so a screen shared in a call does not show it.
      const reservation = batna.getByLabel('Reservation: our walk-away utility (0–100)')
      await expect(reservation.count()).resolves.toBe(0)
      await batna
        .getByText('Our walk-away limits: hidden so a shared screen does not show our floor.')
        .waitFor()
      await batna
        .getByText('The reservation and aspiration: hidden so a shared screen does not show our floor.')
        .waitFor()
      await batna.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
      await reservation.fill('60')
      await expect.poll(async () => (await saved()).reservation, { timeout: WAIT }).toBe(60)
      // The next view of the page seals it again: a reveal is for one moment, not a setting.
      await saveState(page, 'All changes saved').waitFor()
      await page.goto(`${base}/setup`)
      await page.locator('h2').first().waitFor()
      await page.goto(`${base}/prepare`)
      await batna.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
      await expect(reservation.inputValue()).resolves.toBe('60')
      await saveState(page, 'All changes saved').waitFor()
      expect((await saved()).batna?.us?.utility).toBe(45)

      // A reservation no utility can be: core's message under the field. The plan keeps its last valid
      // version (every figure comes from it), while the edit is kept as the team's draft, so the next
      // edit (a stakeholder) is not held back by it.
      await reservation.fill('150')
      // The message is the one `parley check` gives for the same plan.
      const folder = temporaryFolder()
      const file = join(folder, 'plan.json')
      writeFileSync(file, JSON.stringify({ ...(await saved()), reservation: 150 }))
      const check = parley(['check', file, '--json'])
      const { errors } = JSON.parse(check.stdout) as { errors: { path: string; message: string }[] }
      const cli = errors.find((error) => error.path === 'reservation')
      expect(cli?.message).toBe('must be at most 100, not 150')
      await batna.getByText(cli?.message ?? '?', { exact: true }).waitFor()
      await expect(reservation.getAttribute('aria-invalid')).resolves.toBe('true')
      await saveState(page, 'Draft saved (with problems), shared with your team').waitFor()
      // Every error is also listed under the header, at its field in words, whether or not a field shows it.
      await page.getByText('One problem keeps the figures from following your edits').click()
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Reservation (walk-away): must be at most 100, not 150' })
        .waitFor()
      await page.getByText('The figures come from the last valid plan (version').first().waitFor()
      expect((await saved()).reservation).toBe(60)

      // A stakeholder while the reservation is still wrong: the new name field has the focus.
      const map = region(page, 'Counterparty map')
      await map.getByRole('button', { name: 'Add a stakeholder' }).click()
      await page.keyboard.type('Priya Raman')
      await map.getByRole('group', { name: 'Priya Raman' }).getByLabel('Role').fill('Procurement lead')
      const draft = async () => {
        const answer = await api(server.url, owner, 'GET', `${record}/draft`)
        return answer.status === 200 ? ((await answer.json()) as { text: string; valid: boolean }) : undefined
      }
      await expect
        .poll(async () => (await draft())?.text ?? '', { timeout: WAIT })
        .toContain('Procurement lead')
      const kept = JSON.parse((await draft())?.text ?? '{}') as PlanRecord['plan']
      expect(kept.reservation).toBe(150)
      expect(kept.parties.them.stakeholders?.map((person) => person.name)).toContain('Priya Raman')
      expect((await saved()).parties.them.stakeholders?.map((person) => person.name) ?? []).not.toContain(
        'Priya Raman',
      )

      // The team sees the draft: another editor's browser opens it in the form, problems and all.
      const other = await suite.newPage()
      await signIn(other.page, EMAIL, OWNER_PASSWORD)
      await other.page.goto(`${base}/prepare`)
      await other.page.getByText("Your team's draft of this plan (1 problem").waitFor()
      await expect(
        region(other.page, 'Our BATNA and reservation')
          .getByLabel('Reservation: our walk-away utility (0–100)')
          .inputValue(),
      ).resolves.toBe('150')
      await region(other.page, 'Counterparty map').getByRole('group', { name: 'Priya Raman' }).waitFor()
      await other.context.close()

      // Fixed: saved as the plan with both edits, and the draft is gone.
      await reservation.fill('58')
      await expect.poll(async () => (await saved()).reservation, { timeout: WAIT }).toBe(58)
      await saveState(page, 'All changes saved').waitFor()
      await expect(
        page.getByText('One problem keeps the figures from following your edits').count(),
      ).resolves.toBe(0)
      expect((await saved()).parties.them.stakeholders?.map((person) => person.name)).toContain('Priya Raman')
      expect(await draft()).toBeUndefined()

      // An evidence item, cited by the anchor (the template lists none: its benchmark is only the
      // first claim's placeholder).
      const pack = region(page, 'Evidence')
      await pack.getByRole('button', { name: 'Add evidence' }).click()
      const item = pack.getByRole('group', { name: /^Evidence 1/ })
      await expect(item.getByLabel('Claim').getAttribute('placeholder')).resolves.toMatch(
        /^benchmark, e\.g\./,
      )
      await item.getByLabel('Claim').fill('Analyst range for 300 seats')
      await item.getByLabel('Low end').fill('100000')
      await item.getByLabel('High end').fill('130000')
      await region(page, 'Anchor')
        .getByLabel('Cites evidence 1: Analyst range for 300 seats (100,000–130,000)')
        .check()
      await expect.poll(async () => (await saved()).anchor?.evidence, { timeout: WAIT }).toEqual([0])
      expect((await saved()).evidence?.[0]).toEqual({
        claim: 'Analyst range for 300 seats',
        range: [100000, 130000],
      })
      await expect(pack.getByRole('group', { name: /^Evidence 1/ }).textContent()).resolves.toContain(
        'cited by the anchor',
      )
      // Which issue its range speaks to, where the unit alone does not say: a numeric issue, saved by id.
      const speaksTo = item.getByLabel('Issue it speaks to')
      const first = await speaksTo.locator('option').nth(1).getAttribute('value')
      await speaksTo.selectOption({ index: 1 })
      await expect.poll(async () => (await saved()).evidence?.[0]?.issue, { timeout: WAIT }).toBe(first)
      await speaksTo.selectOption({ index: 0 })
      await expect.poll(async () => (await saved()).evidence?.[0]?.issue, { timeout: WAIT }).toBeUndefined()
      await saveState(page, 'All changes saved').waitFor()
      await screenshot(page, 'prepare-sections')
      await checkAccessibility(page, 'the Prepare stage with its sections')

      // Removing an item leaves the others' fields as they were, even what is still being typed.
      await pack.getByRole('button', { name: 'Add evidence' }).click()
      const second = pack.getByRole('group', { name: /^Evidence 2/ })
      await second.getByLabel('Claim').fill('Renewal uplift survey')
      await second.getByLabel('Low end').fill('about 5')
      await pack
        .getByRole('group', { name: /^Evidence 1/ })
        .getByRole('button', { name: /^Remove/ })
        .click()
      const moved = pack.getByRole('group', { name: /^Evidence 1/ })
      await expect(moved.getByLabel('Claim').inputValue()).resolves.toBe('Renewal uplift survey')
      await expect(moved.getByLabel('Low end').inputValue()).resolves.toBe('about 5')
      // The anchor no longer cites the item removed.
      await expect.poll(async () => (await saved()).anchor?.evidence ?? [], { timeout: WAIT }).toEqual([])

      // Set up: another condition of the decision rule, on the support tier.
      await page
        .getByRole('navigation', { name: 'Stages of the method' })
        .getByRole('link', { name: /^Set up/ })
        .click()
      const rule = region(page, 'Decision rule')
      await rule.getByRole('button', { name: 'Add a condition on one issue' }).click()
      const condition = rule.getByRole('group', { name: 'Condition 2' })
      await condition.getByLabel('Issue').selectOption({ label: 'Support tier' })
      await condition.getByLabel('standard').uncheck()
      await expect
        .poll(async () => (await saved()).decisionRule?.require?.[1], { timeout: WAIT })
        .toEqual({ issue: 'support', op: 'in', value: ['premium', 'enterprise'] })
      // Rollout within 60 days (3 of 7 levels) and 2 of the 3 support tiers: 9,828 × 3/7 × 2/3.
      await rule.getByText('2,808 of 9,828 possible bundles meet the rule (29%)').waitFor()

      // The library's tradeable, taken in as an issue; its lesson is suggested too.
      const scope = region(page, 'Scope of tradeables')
      await scope.getByText('They moved on price once rollout was settled.').waitFor()
      await scope.getByRole('button', { name: 'Add “Onboarding workshops” as an issue' }).click()
      await expect(scope.getByLabel('Tradeable: Onboarding workshops').isChecked()).resolves.toBe(true)
      await expect
        .poll(async () => (await saved()).issues.find((issue) => issue.name === 'Onboarding workshops'), {
          timeout: WAIT,
        })
        .toMatchObject({ id: 'onboarding_workshops', unit: 'sessions', tradeable: true })
      await saveState(page, 'All changes saved').waitFor()
      await screenshot(page, 'setup-sections')
      await checkAccessibility(page, 'the Set up stage')
    })

    it('shows a viewer every section, with nothing to change', async () => {
      const { page } = suite
      await signIn(page, EMAIL, OWNER_PASSWORD)
      await page.goto(`/w/${owner.workspaceId}/members`)
      await page.getByLabel('Role', { exact: true }).selectOption('viewer')
      await page.getByRole('button', { name: 'Create invitation link' }).click()
      const link = await page.getByLabel('Invitation link').inputValue()
      const viewer = await suite.newPage()
      await viewer.page.goto(link)
      await viewer.page.getByLabel('Your name').fill('Vera Viewer')
      await viewer.page.getByLabel('Email').fill('viewer@example.com')
      await viewer.page.getByLabel('Password (at least 12 characters)').fill('another long password')
      await viewer.page.getByRole('button', { name: /^Join/ }).click()
      await viewer.page.getByRole('button', { name: 'Sign out' }).waitFor()

      const sections = {
        prepare: ['Our BATNA and reservation', 'Counterparty map', 'Evidence', 'Anchor'],
        setup: ['Decision rule', 'Scope of tradeables'],
      }
      for (const [slug, names] of Object.entries(sections)) {
        await viewer.page.goto(`${base}/${slug}`)
        await viewer.page.getByText('read only (viewer)').waitFor()
        for (const name of names) {
          const section = region(viewer.page, name)
          await section.waitFor()
          // Our floor is sealed until revealed (a button that only shows): revealed, it is read only too.
          const reveal = section.locator('button.reveal', { hasText: /^Show / })
          while ((await reveal.count()) > 0) await reveal.first().click()
          if (name === 'Our BATNA and reservation') {
            await section.getByLabel('Reservation: our walk-away utility (0–100)').waitFor()
          }
          const editable = section.locator(
            'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not(.reveal)',
          )
          await expect(editable.count(), `controls a viewer could use in ${name}`).resolves.toBe(0)
        }
      }
      // What was entered is there to read.
      await region(viewer.page, 'Scope of tradeables')
        .getByText('They moved on price once rollout was settled.')
        .waitFor()
      await expect(
        region(viewer.page, 'Decision rule')
          .getByRole('group', { name: 'Condition 2' })
          .getByLabel('Issue')
          .inputValue(),
      ).resolves.toBe('support')
    })
  },
)
