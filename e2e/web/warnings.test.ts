/**
 * The warnings a negotiator needs, in the browser where the decision is made, each in the words the
 * command line gives for the same plan and journal (core words both): value left on the table and a
 * level beyond our anchor before a MESO set is sent; a trade that costs them, while it is weighed and
 * once recorded; an estimate moved far on thin evidence; and why the figures of our latest offer
 * changed after their answer. And the words around them: plain by default on every stage (no
 * utilities, bits, L1, MESO ids, issue ids or command-line words), the exact terms only behind
 * "Show the maths", a choice the browser keeps.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
  settled,
  signIn,
} from './browser'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const EMAIL = 'owner@example.com'
/** Bundle B of the renewal example, as core's tests use it. */
const B = { ...RENEWAL_B }
/** Our set of two, and their choice of A: the moves the plain-words tests start from. */
const SENT_AND_CHOSEN = [
  {
    type: 'offer-sent',
    bundles: [
      { label: 'A', terms: B },
      { label: 'B', terms: { ...B, price: 250000, term: 24 } },
    ],
  },
  { type: 'bundle-chosen', label: 'A' },
]

interface Warned {
  code: string
  message: string
}

/** The warnings the command line gives for the plan and these moves (`status --json`). */
function statusWarnings(moves: object[]): Warned[] {
  const folder = temporaryFolder()
  const journal = join(folder, 'journal.jsonl')
  const lines = moves.map((move, k) => ({
    id: `01JW${String(k).padStart(22, '0')}`,
    at: '2026-12-05T10:00:00.000Z',
    round: 1,
    planVersion: 1,
    side: ['bundle-chosen', 'bundles-ranked', 'interest-stated'].includes((move as { type: string }).type)
      ? 'them'
      : 'us',
    ...move,
  }))
  writeFileSync(journal, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`)
  const run = parley(['status', EXAMPLE, '--journal', journal, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return (JSON.parse(run.stdout) as { warnings: Warned[] }).warnings
}

/** The warning items shown under the list labelled `label`. */
async function shown(page: Page, label: string): Promise<string[]> {
  const list = page.getByRole('region', { name: label })
  return (await list.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
}

describe.runIf(browserAvailable)('warnings a negotiator needs', { timeout: BROWSER_TEST_TIMEOUT * 3 }, () => {
  const suite = browserSuite()
  let owner: Session

  beforeAll(async () => {
    owner = await firstOwner(suite.server, EMAIL)
  })

  /** The example imported afresh with these moves recorded; the negotiation's page address. */
  async function negotiationWith(moves: object[]): Promise<string> {
    const { path } = await importPlan(suite.server.url, owner, EXAMPLE)
    for (const [k, move] of moves.entries()) {
      const id = `01JW${String(k).padStart(22, '0')}`
      const recorded = await api(suite.server.url, owner, 'POST', `${path}/events`, { json: { id, ...move } })
      expect(recorded.status, await recorded.text()).toBe(201)
    }
    return path.replace(/^\/api\/workspaces\/([^/]+)\/negotiations\//, '/w/$1/n/')
  }

  it('before a MESO set is sent: value left on the table, with the better bundle, and a level beyond our anchor', async () => {
    const base = await negotiationWith([])
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`${base}/first-move`)
    await page.locator('caption', { hasText: 'MESO bundles' }).waitFor()
    const cli = parley(['meso', EXAMPLE, '--json'])
    const expected = (JSON.parse(cli.stdout) as { warnings: Warned[] }).warnings
    expect(expected.map((w) => w.code)).toContain('left_on_table')
    expect(expected.map((w) => w.code)).toContain('beyond_anchor')
    await page.getByRole('region', { name: 'Before you send this set' }).waitFor()
    const items = await shown(page, 'Before you send this set')
    expect(items).toHaveLength(expected.length)
    for (const [k, warning] of expected.entries()) expect(items[k]).toContain(warning.message)
    expect(items.find((item) => item.includes('on the table for them'))).toMatch(
      /Instead: Annual subscription fee/,
    )
    await checkAccessibility(page, 'the First move stage with warnings before sending')
  })

  it('a trade that costs them: while it is weighed, and once recorded', async () => {
    const moves = [{ type: 'offer-sent', bundles: [{ label: 'B', terms: B }] }]
    const base = await negotiationWith(moves)
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`${base}/midgame`)
    await page.getByLabel('We give: Go-live for all claims teams').selectOption('45')
    await page.getByLabel('We get: Service credit cap').selectOption('5')
    await page.getByLabel('We get: Renewal price cap').selectOption('7')
    await page.getByRole('region', { name: 'Before you propose this trade' }).waitFor()
    const weighed = await shown(page, 'Before you propose this trade')
    expect(weighed).toHaveLength(1)
    expect(weighed[0]).toContain('expect a no')
    await page.getByRole('button', { name: 'Record concession' }).click()
    await page.getByRole('region', { name: 'About the trades recorded' }).waitFor()
    const recorded = await shown(page, 'About the trades recorded')
    const expected = statusWarnings([
      ...moves,
      { type: 'concession', give: { rollout: 45 }, get: { credits: 5, uplift: 7 } },
    ]).filter((w) => w.code === 'trade_costs_them')
    expect(expected).toHaveLength(1)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toContain(expected[0]?.message)
    expect(weighed[0]).toContain(expected[0]?.message)
  })

  it('an estimate moved far on one stated interest, and why the figures of our latest offer changed', async () => {
    const moves = [
      {
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: { ...B, price: 250000, credits: 5 } },
          { label: 'B', terms: B },
          { label: 'C', terms: { ...B, billing: 'annual-upfront', uplift: 0 } },
        ],
      },
      {
        type: 'interest-stated',
        text: 'the uplift cap and credits matter far more than the fee',
        relative: [
          { issue: 'uplift', over: 'price', factor: 3 },
          { issue: 'credits', over: 'price', factor: 3 },
        ],
      },
    ]
    const base = await negotiationWith(moves)
    const expected = statusWarnings(moves)
    const thin = expected.filter((w) => w.code === 'thin_evidence')
    const changed = expected.filter((w) => w.code === 'sent_figures_changed')
    expect(thin.length).toBeGreaterThan(0)
    expect(changed.length).toBeGreaterThan(0)
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`${base}/midgame`)
    await page.getByRole('region', { name: 'How much our estimate rests on' }).waitFor()
    const thinShown = await shown(page, 'How much our estimate rests on')
    expect(thinShown).toHaveLength(thin.length)
    for (const [k, warning] of thin.entries()) expect(thinShown[k]).toContain(warning.message)
    const changedShown = await shown(page, 'Why the figures of our latest offer changed')
    expect(changedShown).toHaveLength(changed.length)
    for (const [k, warning] of changed.entries()) expect(changedShown[k]).toContain(warning.message)
    await checkAccessibility(page, 'the Midgame stage with warnings')
  })

  it('shows no engine word on any stage by default, and the exact terms with the maths', async () => {
    const moves = [...SENT_AND_CHOSEN, { type: 'agreed', terms: { ...B, support: 'enterprise', term: 36 } }]
    const base = await negotiationWith(moves)
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    // Utilities, Nash, bits, L1, seeds, core's MESO names and `(est., …)`, issue and stage ids,
    // command-line flags and commands: the words of the engine and of `parley`, not of a salesperson.
    const issueIds = ['price', 'rollout', 'billing', 'support', 'credits', 'term', 'uplift'].join('|')
    const engineWords = new RegExp(
      [
        String.raw`\bU_(us|them)\b`,
        String.raw`\bNash\b`,
        String.raw`\bbits\b`,
        String.raw`\bL1\b`,
        String.raw`\bseeds?\b`,
        String.raw`\best\.`,
        String.raw`\b[a-z_]+-optimised\b`,
        String.raw`\b[a-z]+_[a-z_]+\b`,
        String.raw`\bid (${issueIds})\b`,
        String.raw`\b(${issueIds}) (>=|<=|=|<|>|in) `,
        String.raw`\bfirst-move\b`,
        String.raw`(^|\s)--[a-z]`,
        String.raw`\bcore['’]s\b`,
        String.raw`\bparley [a-z]`,
        String.raw`\bcommand line['’]s\b`,
        String.raw`\bPareto\b`,
        String.raw`\bDisagreement point\b`,
      ].join('|'),
      'g',
    )
    const stages = ['prepare', 'setup', 'first-move', 'midgame', 'close', 'debrief']
    const seenWith = async (stage: string) => {
      await page.goto(`${base}/${stage}`)
      await page.locator('h2').first().waitFor()
      await settled(page)
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
      return page.locator('body').innerText()
    }
    for (const stage of stages) {
      const seen = await seenWith(stage)
      const at = seen.search(engineWords)
      expect(
        seen.match(engineWords) ?? [],
        `${stage}: …${seen.slice(Math.max(0, at - 120), at + 60)}…`,
      ).toEqual([])
    }
    // The rehearsal, once opened on the Midgame stage: no seed, no generator's name.
    await seenWith('midgame')
    const rehearsal = page.locator('.rehearsal')
    await rehearsal.getByRole('button', { name: 'Rehearse' }).click()
    await rehearsal.getByRole('button', { name: 'Start the rehearsal' }).waitFor()
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const rehearsalText = await rehearsal.innerText()
    expect(rehearsalText.match(engineWords) ?? []).toEqual([])
    expect(rehearsalText).not.toMatch(/\bSeed\b|\bperturbed\b|\breordered\b/)
    // Playing them, the question about priorities is answered by choosing issues by name, not typing ids.
    await rehearsal.getByLabel('You play').selectOption('them')
    await rehearsal.getByRole('button', { name: 'Start the rehearsal' }).click()
    await rehearsal.getByText('What matters most to you, most important first').waitFor()
    await rehearsal.getByLabel('1st priority').selectOption({ label: 'Go-live for all claims teams' })
    await rehearsal.getByLabel('2nd priority').selectOption({ label: 'Annual subscription fee' })
    await rehearsal.getByRole('button', { name: 'Answer', exact: true }).click()
    await rehearsal
      .getByText('You said what matters most: Go-live for all claims teams, Annual subscription fee.')
      .waitFor()

    // The plain words stand where the exact ones were.
    const firstMove = await seenWith('first-move')
    expect(firstMove).toMatch(/A: led by Annual subscription fee/)
    const debrief = await seenWith('debrief')
    expect(debrief).toMatch(
      /The agreement: worth \d+ of 100 to us, worth \d+ of 100 to them \(our estimate after 1 move\)/,
    )
    // The issues whose share moved most, each by its name (which ones depends on what was learned).
    expect(debrief).toMatch(
      /\n(Annual subscription fee|Go-live for all claims teams|Billing schedule|Support tier|Service credit cap|Contract term|Renewal price cap): estimated \d+%, learned \d+%/,
    )

    // With the maths shown, the exact terms are there for an expert, as the command line prints them.
    await page.getByLabel('Show the maths').check()
    const exact: Record<string, RegExp[]> = {
      prepare: [/\bid price\b/, /As in the plan file: price >= 190000/],
      setup: [/As in the plan file: rollout <= 60/],
      'first-move': [/\bA: price-optimised\b/, /\bNash\b/],
      midgame: [/\(est\., learned from 1 move\)/],
      debrief: [
        /Agreement: U_us [\d.]+, U_them [\d.]+ \(est\., learned from 1 move\)/,
        /\(L1 [\d.]+\)/,
        /parley debrief/,
      ],
    }
    for (const [stage, patterns] of Object.entries(exact)) {
      let seen = await seenWith(stage)
      // Our limits are sealed until revealed on purpose (a shared screen must not show them).
      const reveal = page.getByRole('button', { name: 'Show our walk-away limits' })
      if ((await reveal.count()) > 0) {
        await reveal.click()
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
        seen = await page.locator('body').innerText()
      }
      for (const pattern of patterns) expect(seen, stage).toMatch(pattern)
    }
    await seenWith('midgame')
    await rehearsal.getByRole('button', { name: 'Rehearse' }).click()
    await rehearsal.getByLabel('Seed').waitFor()
    await page.getByLabel('Show the maths').uncheck()
  })

  it('words figures plainly, and shows the maths only when asked, remembered on the next visit', async () => {
    const moves = SENT_AND_CHOSEN
    const base = await negotiationWith(moves)
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    const engineWords = /\bbits\b|\bseed\b|U_us|U_them|Nash|first-move|core['’]s default/g
    for (const stage of ['first-move', 'midgame', 'debrief']) {
      await page.goto(`${base}/${stage}`)
      await page.locator('h2').first().waitFor()
      await settled(page)
      // What a reader sees (closed sections and hidden text excluded), not the DOM's text.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
      const seen = await page.locator('main').innerText()
      expect(
        seen.match(engineWords) ?? [],
        `${stage}: ${seen.slice(Math.max(0, seen.search(engineWords) - 120), seen.search(engineWords) + 60)}`,
      ).toEqual([])
    }
    await page.goto(`${base}/midgame`)
    await page.getByText(/We learned (a lot|some|a little|nothing new) from their last move/).waitFor()
    await page.getByLabel('Show the maths').check()
    await page
      .getByText(
        /Their last move taught us [\d.]+ bits; all their moves [\d.]+ bits \(\d+ samples, seed \d+\)/,
      )
      .waitFor()
    await page.reload()
    await expect.poll(() => page.getByLabel('Show the maths').isChecked()).toBe(true)
    await page.getByText(/Their last move taught us [\d.]+ bits/).waitFor()
    await page.getByLabel('Show the maths').uncheck()
    await page.getByText(/We learned (a lot|some|a little|nothing new) from their last move/).waitFor()
  })
})
