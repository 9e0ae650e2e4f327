/**
 * A negotiation in the browser: one made from the sales template and walked through the six
 * stages of the method (a screenshot and an accessibility scan of each), one imported from a plan
 * file and downloaded back unchanged, an edit saved once when the server is slow, a failed save said
 * and tried again with the next change, and unsaved work that meets someone else's save: a
 * conflict to settle, never a silent overwrite.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RENEWAL_B } from '@parley/core/testing'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../parley'
import { api, firstOwner, importPlan, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  createFromTemplate,
  saveState,
  screenshot,
  signIn,
} from './browser'

const EXAMPLE = join(ROOT, 'examples/sales-saas-renewal.yaml')
const EXAMPLE_TITLE = 'Calder Mutual claims platform renewal and expansion, FY2027'
const EMAIL = 'owner@example.com'

const STAGES = [
  { slug: 'prepare', title: 'Prepare' },
  { slug: 'setup', title: 'Set up' },
  { slug: 'first-move', title: 'First move' },
  { slug: 'midgame', title: 'Midgame' },
  { slug: 'close', title: 'Close' },
  { slug: 'debrief', title: 'Debrief' },
] as const

/** The stage rail's link for a stage: its name starts with the stage's title. */
function stageLink(page: Page, title: string) {
  return page
    .getByRole('navigation', { name: 'Stages of the method' })
    .getByRole('link', { name: new RegExp(`^${title}`) })
}

describe.runIf(browserAvailable)('a negotiation in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const suite = browserSuite()
  let owner: Session

  beforeAll(async () => {
    owner = await firstOwner(suite.server, EMAIL)
  })

  it('is created from the sales template and shows each of the six stages', async () => {
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.waitForURL(`**/w/${owner.workspaceId}`)

    // Without a title the form asks for one, and creates nothing; the template's title is only
    // the field's placeholder.
    const titleField = page.getByLabel('Title', { exact: true })
    await expect(titleField.getAttribute('placeholder')).resolves.toBe('Customer subscription 2027')
    await expect(titleField.inputValue()).resolves.toBe('')
    await page.getByRole('button', { name: 'Create from the sales template' }).click()
    await page.getByText('Give the negotiation a title to create it').waitFor()
    await expect(titleField.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(titleField.evaluate((input) => input === input.ownerDocument.activeElement)).resolves.toBe(
      true,
    )
    expect(new URL(page.url()).pathname).toBe(`/w/${owner.workspaceId}`)
    await page.getByText('No negotiation yet.').waitFor()

    const base = await createFromTemplate(page, { title: 'Acme renewal 2027', other: 'Acme Corp' })
    expect(base).toMatch(new RegExp(`^/w/${owner.workspaceId}/n/[^/]+$`))
    await page.getByRole('heading', { level: 1, name: 'Acme renewal 2027' }).waitFor()
    await saveState(page, 'All changes saved').waitFor()
    await expect(page.getByText('Acme Corp').first().isVisible()).resolves.toBe(true)

    // The template's blanks are the fields' placeholders, never their values, nor in the plan stored.
    const approvalPath = page.getByLabel('Approval path')
    await expect(approvalPath.getAttribute('placeholder')).resolves.toBe('who signs, in which order')
    await expect(approvalPath.inputValue()).resolves.toBe('')
    const planFile = await api(
      suite.server.url,
      owner,
      'GET',
      `/api${base.replace('/w/', '/workspaces/').replace('/n/', '/negotiations/')}/plan?format=json`,
    )
    const stored = await planFile.text()
    expect(stored).not.toMatch(/<[^<>\s=]/)
    expect(JSON.parse(stored)).toMatchObject({
      title: 'Acme renewal 2027',
      parties: { them: { name: 'Acme Corp' } },
    })

    // The stage rail lists the six stages in the method's order, and marks the one shown.
    const rail = page.getByRole('navigation', { name: 'Stages of the method' }).getByRole('link')
    const names = await rail.allTextContents()
    expect(names).toHaveLength(6)
    expect(names.map((name, k) => name.startsWith(STAGES[k]?.title ?? '?'))).toEqual(STAGES.map(() => true))
    await expect(stageLink(page, 'Prepare').getAttribute('aria-current')).resolves.toBe('page')

    // Each stage at its own address, loaded afresh.
    for (const stage of STAGES) {
      await page.goto(`${base}/${stage.slug}`)
      await page.getByRole('heading', { level: 1, name: 'Acme renewal 2027' }).waitFor()
      await expect(stageLink(page, stage.title).getAttribute('aria-current')).resolves.toBe('page')
      await page
        .getByRole('complementary', { name: 'Coach' })
        .getByRole('heading', { name: 'Coach' })
        .waitFor()
      await saveState(page, 'All changes saved').waitFor()
      await screenshot(page, stage.slug)
      await checkAccessibility(page, `the ${stage.title} stage`)
    }

    // The rail moves between stages without a page load.
    await stageLink(page, 'Prepare').click()
    await page.waitForURL(`**${base}/prepare`)
    await expect(stageLink(page, 'Prepare').getAttribute('aria-current')).resolves.toBe('page')

    // The rail says where the negotiation stands, as the API's status does.
    const status = await api(
      suite.server.url,
      owner,
      'GET',
      `/api${base.replace('/w/', '/workspaces/').replace('/n/', '/negotiations/')}/status`,
    )
    const { stage: current } = (await status.json()) as { stage: string }
    const currentTitle = STAGES.find((stage) => stage.slug === current)?.title ?? current
    await expect(stageLink(page, currentTitle).textContent()).resolves.toContain('where you are')

    // Back to the list: the new negotiation is there with the same stage, by its name.
    await page.getByRole('link', { name: "Owner's workspace" }).click()
    await page.waitForURL(`**/w/${owner.workspaceId}`)
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Acme renewal 2027' }) })
    await row.getByRole('cell', { name: currentTitle, exact: true }).waitFor()
    await screenshot(page, 'negotiations')
    await checkAccessibility(page, 'the negotiations page')

    const listed = await api(
      suite.server.url,
      owner,
      'GET',
      `/api/workspaces/${owner.workspaceId}/negotiations`,
    )
    const { negotiations } = (await listed.json()) as { negotiations: { title: string; context: string }[] }
    expect(negotiations).toEqual([expect.objectContaining({ title: 'Acme renewal 2027', context: 'sales' })])
  })

  it('imports a plan file and downloads it back byte for byte, and after an edit with its comments', async () => {
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.waitForURL(`**/w/${owner.workspaceId}`)
    await page.getByLabel('Or import a plan file (.yaml or .json)').setInputFiles(EXAMPLE)
    await page.waitForURL(new RegExp(`/w/${owner.workspaceId}/n/[^/]+/[a-z-]+$`))
    await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor()
    await saveState(page, 'All changes saved').waitFor()

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download plan' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.yaml$/)
    const path = await download.path()
    expect(readFileSync(path).equals(readFileSync(EXAMPLE))).toBe(true)

    // Edited in the browser, the file comes back with that one value changed and every comment,
    // key and line around it as it was.
    await page.goto(page.url().replace(/\/[a-z-]+$/, '/prepare'))
    await page.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
    await page.getByLabel('Reservation: our walk-away utility (0–100)').fill('52')
    await saveState(page, 'All changes saved').waitFor()
    const [edited] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download plan' }).click(),
    ])
    const before = readFileSync(EXAMPLE, 'utf8').split('\n')
    const after = readFileSync(await edited.path(), 'utf8').split('\n')
    expect(after).toHaveLength(before.length)
    const changed = after.flatMap((line, k) => (line === before[k] ? [] : [[before[k], line]]))
    expect(changed).toEqual([['reservation: 48', 'reservation: 52']])
  })

  it('saves an edit once when the server is slower than the save delay: no conflict with itself', async () => {
    const { path } = await importPlan(suite.server.url, owner, EXAMPLE)
    const open = await suite.newPage()
    await signIn(open.page, EMAIL, OWNER_PASSWORD)
    // Every save of the plan answered 2 s late: longer than the 0.7 s the app waits after an edit.
    // The app once saved the same edit again while the first save was out, from the same version,
    // and the two conflicted ("Not saved: conflict") under a busy server.
    const saves: string[] = []
    await open.page.route(/\/api\/workspaces\/[^/]+\/negotiations\/[^/]+\/plan$/, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue()
      saves.push(route.request().headers()['if-match'] ?? '')
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await route.continue()
    })
    await open.page.goto(`${path.replace(/^\/api\/workspaces\/([^/]+)\/negotiations\//, '/w/$1/n/')}/prepare`)
    await saveState(open.page, 'All changes saved').waitFor()
    await open.page.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
    await open.page.getByLabel('Reservation: our walk-away utility (0–100)').fill('53')
    await saveState(open.page, 'Saving').waitFor()
    await saveState(open.page, 'All changes saved').waitFor()
    // Another edit after it is saved from the version the first save returned.
    await open.page.getByLabel('Reservation: our walk-away utility (0–100)').fill('54')
    await saveState(open.page, 'All changes saved').waitFor()
    expect(saves).toEqual(['"1"', '"2"'])
    const stored = await api(suite.server.url, owner, 'GET', path)
    expect(stored.headers.get('etag')).toBe('"3"')
    expect(((await stored.json()) as { plan: { reservation: number } }).plan.reservation).toBe(54)
  })

  it('says when a save failed and saves again with the next change, not over and over', async () => {
    const { path } = await importPlan(suite.server.url, owner, EXAMPLE)
    const open = await suite.newPage()
    await signIn(open.page, EMAIL, OWNER_PASSWORD)
    // The server fails every save until told otherwise. The app once retried the same save every
    // 0.7 s, and the notice that it failed showed for a moment only.
    let failing = true
    let saves = 0
    await open.page.route(/\/api\/workspaces\/[^/]+\/negotiations\/[^/]+\/plan$/, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue()
      saves++
      if (!failing) return route.continue()
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'the server failed' } }),
      })
    })
    await open.page.goto(`${path.replace(/^\/api\/workspaces\/([^/]+)\/negotiations\//, '/w/$1/n/')}/prepare`)
    await saveState(open.page, 'All changes saved').waitFor()
    await open.page.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
    const reservation = open.page.getByLabel('Reservation: our walk-away utility (0–100)')
    await reservation.fill('55')
    const notice = open.page.getByText(/Saving failed: .*they will be saved with the next change/)
    await notice.waitFor()
    // Three save delays later: still said, and tried once.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    await expect(notice.isVisible()).resolves.toBe(true)
    expect(saves).toBe(1)
    failing = false
    await reservation.fill('56')
    await saveState(open.page, 'All changes saved').waitFor()
    expect(saves).toBe(2)
    const stored = await api(suite.server.url, owner, 'GET', path)
    expect(((await stored.json()) as { plan: { reservation: number } }).plan.reservation).toBe(56)
  })

  // Three browsers and two conflicts: 28 s alone on a 2-core machine, so twice the usual allowance.
  it('turns unsaved work that meets a newer save into a conflict to settle, never an overwrite', {
    timeout: 2 * BROWSER_TEST_TIMEOUT,
  }, async () => {
    const { server } = suite
    const created = await api(
      server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/negotiations`,
      {
        yaml: readFileSync(EXAMPLE, 'utf8'),
      },
    )
    expect(created.status).toBe(201)
    const { id, plan } = (await created.json()) as { id: string; plan: Record<string, unknown> }
    const record = `/api/workspaces/${owner.workspaceId}/negotiations/${id}`
    const address = `/w/${owner.workspaceId}/n/${id}/prepare`

    // Work left in a browser that closed before it was saved: a draft of version 1 in local storage.
    const draftOf = (title: string) => ({
      cookies: [],
      origins: [
        {
          origin: server.url,
          localStorage: [
            {
              name: `parley:draft:${id}`,
              value: JSON.stringify({
                savedAt: '2027-01-04T09:30:00.000Z',
                plan: { ...plan, title },
                version: 1,
              }),
            },
          ],
        },
      ],
    })
    const mine = await suite.newPage({ storageState: draftOf('Renewal (mine)') })
    const alsoMine = await suite.newPage({ storageState: draftOf('Renewal (also mine)') })

    // Meanwhile the same owner, in another browser, changes the title: version 2.
    const other = await suite.newPage()
    await signIn(other.page, EMAIL, OWNER_PASSWORD)
    await other.page.goto(address)
    await saveState(other.page, 'All changes saved').waitFor()
    const put = await other.context.request.put(`${record}/plan`, {
      headers: { 'if-match': '"1"', origin: server.url },
      data: { ...plan, title: 'Renewal (theirs)' },
    })
    expect(put.status(), await put.text()).toBe(200)
    expect(put.headers().etag).toBe('"2"')

    // Restoring the old draft saves from version 1: a conflict, shown, with both ways out.
    await signIn(mine.page, EMAIL, OWNER_PASSWORD)
    await mine.page.goto(address)
    await mine.page.getByRole('heading', { level: 1, name: 'Renewal (theirs)' }).waitFor()
    await mine.page.getByText('were never saved').waitFor()
    await mine.page.getByRole('button', { name: 'Restore them' }).click()
    await saveState(mine.page, 'Not saved: conflict').waitFor()
    await mine.page.getByRole('heading', { level: 1, name: 'Renewal (mine)' }).waitFor()
    const alert = mine.page.getByRole('alert').filter({ hasText: 'Someone else saved this plan' })
    await alert.getByRole('button', { name: 'Reload theirs' }).waitFor()
    await alert.getByRole('button', { name: 'Keep mine' }).waitFor()
    await screenshot(mine.page, 'conflict')
    await checkAccessibility(mine.page, 'a negotiation with a save conflict')
    const stillTheirs = await api(server.url, owner, 'GET', record)
    expect(stillTheirs.headers.get('etag')).toBe('"2"')
    expect(((await stillTheirs.json()) as { title: string }).title).toBe('Renewal (theirs)')

    // "Reload theirs": their title, saved state, and the draft is gone for good.
    await alert.getByRole('button', { name: 'Reload theirs' }).click()
    await mine.page.getByRole('heading', { level: 1, name: 'Renewal (theirs)' }).waitFor()
    await saveState(mine.page, 'All changes saved').waitFor()
    await mine.page.reload()
    await saveState(mine.page, 'All changes saved').waitFor()
    await expect(mine.page.getByText('were never saved').count()).resolves.toBe(0)

    // "Keep mine": saved over theirs from the version now current, and the file keeps its comments.
    await signIn(alsoMine.page, EMAIL, OWNER_PASSWORD)
    await alsoMine.page.goto(address)
    await alsoMine.page.getByRole('button', { name: 'Restore them' }).click()
    await saveState(alsoMine.page, 'Not saved: conflict').waitFor()
    await alsoMine.page.getByRole('button', { name: 'Keep mine' }).click()
    await saveState(alsoMine.page, 'All changes saved').waitFor()
    await alsoMine.page.getByRole('heading', { level: 1, name: 'Renewal (also mine)' }).waitFor()
    const kept = await api(server.url, owner, 'GET', record)
    expect(kept.headers.get('etag')).toBe('"3"')
    expect(((await kept.json()) as { title: string }).title).toBe('Renewal (also mine)')
    const file = await (await api(server.url, owner, 'GET', `${record}/plan`)).text()
    expect(file).toContain('title: Renewal (also mine)')
    expect(file).toContain('# Worked example (sales)')

    // Typing while someone else saves: the save of what was typed meets their version, a conflict too.
    await mine.page.goto(address)
    await saveState(mine.page, 'All changes saved').waitFor()
    const current = (await (await api(server.url, owner, 'GET', record)).json()) as { plan: object }
    const meanwhile = await other.context.request.put(`${record}/plan`, {
      headers: { 'if-match': '"3"', origin: server.url },
      data: { ...current.plan, title: 'Renewal (meanwhile)' },
    })
    expect(meanwhile.status(), await meanwhile.text()).toBe(200)
    await mine.page.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
    await mine.page.getByLabel('Reservation: our walk-away utility (0–100)').fill('50')
    await saveState(mine.page, 'Not saved: conflict').waitFor()
    const after = await api(server.url, owner, 'GET', record)
    expect(((await after.json()) as { title: string }).title).toBe('Renewal (meanwhile)')
  })

  it('imports a plan with problems as a draft: problems in words, repaired in the app, then used as the plan', async () => {
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.waitForURL(`**/w/${owner.workspaceId}`)
    const valid = readFileSync(EXAMPLE, 'utf8')
    // Two problems a person makes: a negative weight, and an unquoted comma inside { }.
    const broken = valid
      .replace('us: { weight: 35, prefer: high }', 'us: { weight: -35, prefer: high }')
      .replace(/name: Annual subscription fee/, 'name: { text: Annual fee, per year }')
    expect(broken).not.toBe(valid)
    await page.getByLabel('Or import a plan file (.yaml or .json)').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(broken),
    })
    await page.getByRole('heading', { level: 1, name: 'Plan with problems' }).waitFor()
    await page.getByText('Nothing is computed from it until it is valid').waitFor()
    const problems = page.locator('.draft-problems li')
    await problems.first().waitFor()
    const listed = (await problems.allTextContents()).join('\n')
    // By issue and field in words, never the raw path.
    expect(listed).toMatch(/Issue "?[^"\n]+"? → /)
    expect(listed).not.toMatch(/issues\[\d+\]/)
    await screenshot(page, 'draft-with-problems')
    await checkAccessibility(page, 'a plan imported with problems')
    // A problem's link puts the cursor on its line in the plan's text.
    await page
      .getByRole('button', { name: /^Go to line \d+$/ })
      .first()
      .click()
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement
            .id,
      ),
    ).toBe('draft-text')

    // The list says it is a draft, and computes nothing from it.
    const list = await suite.newPage()
    await signIn(list.page, EMAIL, OWNER_PASSWORD)
    await list.page.getByText('Plan has problems (draft)').waitFor()

    // Repaired in the app: the draft saves as it is typed, then becomes the plan.
    await page.getByLabel('Plan (YAML)').fill(valid)
    await page.getByRole('heading', { name: 'No problems left' }).waitFor()
    await page.getByRole('button', { name: 'Use this plan' }).click()
    await page.waitForURL(/\/prepare$/)
    await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor()
    await saveState(page, 'All changes saved').waitFor()
  })

  it('says a draft typed as text is kept beside a valid plan, which the figures still come from, and repairs it', async () => {
    const { page, server } = suite
    const { id, path } = await importPlan(server.url, owner, EXAMPLE)
    const valid = readFileSync(EXAMPLE, 'utf8')
    // A draft saved through the API as text with a syntax error: the form cannot show it.
    const kept = await api(server.url, owner, 'PUT', `${path}/draft`, {
      json: {
        text: valid.replace('us: { weight: 35, prefer: high }', 'us: { weight: 35, prefer: high'),
        format: 'yaml',
      },
    })
    expect(kept.status, await kept.text()).toBe(200)
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`/w/${owner.workspaceId}/n/${id}/midgame`)
    const notice = page.getByText('is kept as text that this form cannot show')
    await notice.waitFor()
    await page
      .getByText('The figures come from the last valid plan (version 1), not from the draft.')
      .waitFor()
    await page.getByRole('link', { name: 'Repair the draft as text' }).click()
    await page.getByRole('heading', { level: 1, name: 'Plan with problems' }).waitFor()
    await page.getByText('Until then the figures come from the last valid plan.').waitFor()
    await page.getByLabel('Plan (YAML)').fill(valid.replace(EXAMPLE_TITLE, 'Repaired as text'))
    await page.getByRole('heading', { name: 'No problems left' }).waitFor()
    await page.getByRole('button', { name: 'Use this plan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Repaired as text' }).waitFor()
    await saveState(page, 'All changes saved').waitFor()
    const plan = await api(server.url, owner, 'GET', path)
    expect(plan.headers.get('etag')).toBe('"2"')
    expect((await api(server.url, owner, 'GET', `${path}/draft`)).status).toBe(404)
    await expect(page.getByText('is kept as text that this form cannot show').count()).resolves.toBe(0)
  })

  it('asks why our floor moved after the first offer, and saves the change with the reason', async () => {
    const { page, server } = suite
    const { id, path } = await importPlan(server.url, owner, EXAMPLE)
    const sent = await api(server.url, owner, 'POST', `${path}/events`, {
      json: {
        id: '01JF0000000000000000000F20',
        type: 'offer-sent',
        bundles: [{ label: 'A', terms: RENEWAL_B }],
      },
    })
    expect(sent.status, await sent.text()).toBe(201)
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.goto(`/w/${owner.workspaceId}/n/${id}/prepare`)
    await saveState(page, 'All changes saved').waitFor()
    await page.getByRole('button', { name: 'Show the reservation and aspiration' }).click()
    await page.getByLabel('Reservation: our walk-away utility (0–100)').fill('41')
    await saveState(page, 'Not saved: say why our floor moved').waitFor()
    await screenshot(page, 'floor-reason-asked')
    await checkAccessibility(page, 'a change of our floor waiting for its reason')
    const reason = 'Their budget was cut; approved by our VP'
    await page.getByLabel('Why our floor moved').fill(reason)
    await page.getByRole('button', { name: 'Save with this reason' }).click()
    await saveState(page, 'All changes saved').waitFor()
    const plan = (await (await api(server.url, owner, 'GET', path)).json()) as {
      plan: { reservation: number }
    }
    expect(plan.plan.reservation).toBe(41)
    const history = (await (await api(server.url, owner, 'GET', `${path}/floor-changes`)).json()) as {
      changes: { reason: string; fields: string[] }[]
    }
    expect(history.changes).toEqual([expect.objectContaining({ reason, fields: ['reservation'] })])
    // Beside the reservation, the team sees that the floor moved, and why.
    await page.getByText('Our floor moved after the first offer').waitFor()
    await page.getByRole('listitem').filter({ hasText: reason }).waitFor()
    await screenshot(page, 'floor-moved')
  })

  it('renames, names both sides, duplicates, archives, restores and deletes a negotiation', async () => {
    const { page } = suite
    await signIn(page, EMAIL, OWNER_PASSWORD)
    await page.waitForURL(`**/w/${owner.workspaceId}`)
    const base = await createFromTemplate(page, { title: 'Manage me', other: 'Someone' })
    await page.goto(`${base}/setup`)
    await page.getByLabel('Title', { exact: true }).fill('Harbor renewal 2027')
    await page.getByLabel('Our side', { exact: true }).fill('Brightline Systems')
    await page.getByLabel('Their side', { exact: true }).fill('Harbor Logistics')
    await page.getByRole('heading', { level: 1, name: 'Harbor renewal 2027' }).waitFor()
    await page.getByText('Brightline Systems and Harbor Logistics').waitFor()
    await saveState(page, 'All changes saved').waitFor()

    // Duplicate: the copy opens, titled as a copy.
    await page.getByText('Manage', { exact: true }).click()
    await page.getByRole('button', { name: 'Duplicate' }).click()
    await page.getByRole('heading', { level: 1, name: 'Copy of Harbor renewal 2027' }).waitFor()
    const copy = new URL(page.url()).pathname.replace(/\/[a-z-]+$/, '')
    expect(copy).not.toBe(base)

    // Archive the original: out of the list, in the archived list, restored from there.
    await page.goto(`${base}/setup`)
    await page.getByText('Manage', { exact: true }).click()
    await page.getByRole('button', { name: 'Archive' }).click()
    await page.waitForURL(`**/w/${owner.workspaceId}`)
    await page.getByRole('link', { name: 'Copy of Harbor renewal 2027' }).waitFor()
    expect(await page.getByRole('link', { name: 'Harbor renewal 2027', exact: true }).count()).toBe(0)
    await page.getByLabel('Show archived negotiations instead').check()
    await page.getByRole('button', { name: 'Restore Harbor renewal 2027' }).click()
    await page.getByText('No archived negotiation.').waitFor()
    await page.getByLabel('Show archived negotiations instead').uncheck()
    await page.getByRole('link', { name: 'Harbor renewal 2027', exact: true }).waitFor()

    // Delete the copy, confirmed: gone from the list.
    await page.goto(`${copy}/setup`)
    await page.getByText('Manage', { exact: true }).click()
    await page.getByRole('button', { name: 'Delete…' }).click()
    await page.getByRole('button', { name: 'Delete for good' }).click()
    await page.waitForURL(`**/w/${owner.workspaceId}`)
    await page.getByRole('link', { name: 'Harbor renewal 2027', exact: true }).waitFor()
    expect(await page.getByRole('link', { name: 'Copy of Harbor renewal 2027' }).count()).toBe(0)
    await checkAccessibility(page, 'the negotiations list after managing')
  })
})
