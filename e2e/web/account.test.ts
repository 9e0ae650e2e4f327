/**
 * One's own account in the browser: joining by an invitation that names an email (the email fixed,
 * a common password refused in the server's words), then on the account page a new name, API
 * tokens made with an expiry, copied once and revoked, and a new password that signs out the other
 * sessions and revokes the tokens, saying how many. Then the notice after a password set by a reset
 * link someone else used, until it is dismissed; and an owner refused a reset link for a member who
 * belongs to a workspace of their own. Each page is scanned for accessibility.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { api, firstOwner, OWNER_PASSWORD, type Session } from '../server'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  screenshot,
  signIn,
} from './browser'

const OWNER = 'owner@example.com'

describe.runIf(browserAvailable)('your account in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const suite = browserSuite()
  let owner: Session

  beforeAll(async () => {
    owner = await firstOwner(suite.server, OWNER)
  })

  /** An invitation link from the owner, for one email. */
  async function invitationFor(email: string): Promise<string> {
    const made = await api(
      suite.server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/invitations`,
      {
        json: { role: 'editor', email },
      },
    )
    expect(made.status).toBe(201)
    return ((await made.json()) as { url: string }).url
  }

  /** Signs in over HTTP (another browser, say): the session's cookie. */
  async function signInElsewhere(email: string, password: string): Promise<string> {
    const reply = await fetch(`${suite.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.server.url },
      body: JSON.stringify({ email, password }),
    })
    expect(reply.status).toBe(200)
    return (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  }

  const me = (headers: Record<string, string>) => fetch(`${suite.server.url}/api/me`, { headers })

  it('joins with the invited email, then changes name, tokens and password on the account page', async () => {
    const { page } = suite
    await page.goto(await invitationFor('mia@example.com'))
    const email = page.getByLabel('Email', { exact: true })
    await expect(email.inputValue()).resolves.toBe('mia@example.com')
    await expect(email.getAttribute('readonly')).resolves.not.toBeNull()
    await page.getByText('This invitation is for this address only.').waitFor()
    await page.getByLabel('Your name').fill('Mia Member')
    const password = page.getByLabel('Password (at least 12 characters)')
    await password.fill('password1234')
    await page.getByRole('button', { name: /^Join/ }).click()
    await page.getByText(/^is too close to a commonly used password/).waitFor()
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true')
    await checkAccessibility(page, 'the join page with a refused password')
    await password.fill('correct horse battery')
    await page.getByRole('button', { name: /^Join/ }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()

    // The account page, from the header.
    await page.getByRole('link', { name: 'Your account' }).click()
    await page.waitForURL('**/account')
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor()
    await page.getByText('You have no API token.').waitFor()
    await checkAccessibility(page, 'the account page')

    await page.getByLabel('Name', { exact: true }).fill('Mia Martins')
    await page.getByRole('button', { name: 'Save name' }).click()
    await page.getByText('Your name is saved.').waitFor()
    await expect(page.getByRole('navigation', { name: 'Account' }).textContent()).resolves.toContain(
      'Mia Martins',
    )

    // A token for a month: its secret once, working; another one revoked.
    await page.getByLabel('Token name').fill('nightly export')
    await page.getByLabel('Expires').selectOption('30')
    await page.getByRole('button', { name: 'Create token' }).click()
    const secret = await page.getByLabel('The secret of “nightly export”').inputValue()
    expect(secret).toMatch(/^pat_/)
    await page.getByText('Shown only this once: copy it now.').waitFor()
    const tokens = page.getByRole('table', { name: 'Your API tokens' })
    const row = tokens.getByRole('row', { name: /nightly export/ })
    await row.waitFor()
    // Created, last used (never yet), expires: a date, not "Never".
    const expires = row.getByRole('cell').nth(2)
    await expect(expires.locator('time').count()).resolves.toBe(1)
    await expect(expires.textContent()).resolves.not.toContain('Never')
    expect((await me({ authorization: `Bearer ${secret}` })).status).toBe(200)

    await page.getByLabel('Token name').fill('old script')
    await page.getByLabel('Expires').selectOption('never')
    await page.getByRole('button', { name: 'Create token' }).click()
    const old = await page.getByLabel('The secret of “old script”').inputValue()
    await page.getByRole('button', { name: 'Revoke the token old script' }).click()
    await page.getByText('The token “old script” is revoked').waitFor()
    // The list is read again after the message shows: wait for the row to go, then count.
    await tokens.getByRole('row', { name: /old script/ }).waitFor({ state: 'detached' })
    await expect(tokens.getByRole('row', { name: /old script/ }).count()).resolves.toBe(0)
    expect((await me({ authorization: `Bearer ${old}` })).status).toBe(401)
    await screenshot(page, 'account-page')

    // A new password: signed in elsewhere too, that session ends; the month's token is revoked.
    const elsewhere = await signInElsewhere('mia@example.com', 'correct horse battery')
    await page.getByLabel('Current password').fill('not my password')
    await page.getByLabel('New password (at least 12 characters)').fill('juniper lantern quietly hums')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('the current password is not right').waitFor()
    await page.getByLabel('Current password').fill('correct horse battery')
    await page.getByLabel('New password (at least 12 characters)').fill('iloveyou1234')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText(/^is a commonly used password|^is too close to a commonly used password/).waitFor()
    await checkAccessibility(page, 'the account page with a refused password')
    await page.getByLabel('New password (at least 12 characters)').fill('juniper lantern quietly hums')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page
      .getByRole('status')
      .filter({
        hasText: 'Your password was changed: 1 other session was signed out and 1 API token was revoked.',
      })
      .waitFor()
    expect((await me({ cookie: elsewhere })).status).toBe(401)
    expect((await me({ authorization: `Bearer ${secret}` })).status).toBe(401)
    await page.getByText('You have no API token.').waitFor()
    // This browser made the change: no notice about it here, now or after a reload.
    await page.reload()
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor()
    await expect(page.getByRole('region', { name: 'Your password was changed' }).count()).resolves.toBe(0)
  })

  it('tells a member whose password was set with a reset link, until they dismiss it', async () => {
    const link = await invitationFor('rex@example.com')
    const accepted = await fetch(`${suite.server.url}/api/invitations/${link.split('/join/')[1]}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.server.url },
      body: JSON.stringify({
        email: 'rex@example.com',
        name: 'Rex Reader',
        password: 'correct horse battery',
      }),
    })
    expect(accepted.status).toBe(201)
    const rexId = ((await accepted.json()) as { user: { id: string } }).user.id

    const { page } = suite
    await signIn(page, 'rex@example.com', 'correct horse battery')
    const notice = page.getByRole('region', { name: 'Your password was changed' })
    await expect(notice.count()).resolves.toBe(0)

    // The owner makes a reset link, and someone holding it sets a new password in another browser.
    const reset = await api(
      suite.server.url,
      owner,
      'POST',
      `/api/workspaces/${owner.workspaceId}/members/${rexId}/password-reset`,
    )
    expect(reset.status).toBe(201)
    const holder = await suite.newPage()
    await holder.page.goto(((await reset.json()) as { url: string }).url)
    await holder.page.getByText('Setting a new password signs out every session of this account').waitFor()
    await holder.page.getByLabel('New password (at least 12 characters)').fill('saffron window eleven')
    await holder.page.getByRole('button', { name: 'Set a new password' }).click()
    await holder.page.getByRole('button', { name: 'Sign out' }).waitFor()
    // Whoever used the link set it there: no notice in that browser.
    await expect(
      holder.page.getByRole('region', { name: 'Your password was changed' }).count(),
    ).resolves.toBe(0)

    // Rex's own browser was signed out; signing in again shows what happened.
    await page.reload()
    await page.waitForURL('**/login')
    await signIn(page, 'rex@example.com', 'saffron window eleven')
    await notice.waitFor()
    await expect(notice.textContent()).resolves.toContain(
      'Your password was set with a password-reset link on',
    )
    await screenshot(page, 'password-changed-notice')
    await checkAccessibility(page, 'a page with the password notice')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice.count()).resolves.toBe(0)
    await page.reload()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await page.getByRole('link', { name: 'Your account' }).waitFor()
    await expect(notice.count()).resolves.toBe(0)
  })

  it('refuses an owner a reset link for a member with a workspace of their own, saying who can help', async () => {
    const link = await invitationFor('sam@example.com')
    const accepted = await fetch(`${suite.server.url}/api/invitations/${link.split('/join/')[1]}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.server.url },
      body: JSON.stringify({ email: 'sam@example.com', name: 'Sam Solo', password: 'correct horse battery' }),
    })
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const own = await fetch(`${suite.server.url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.server.url, cookie },
      body: JSON.stringify({ name: "Sam's own" }),
    })
    expect(own.status).toBe(201)

    const { page } = suite
    await signIn(page, OWNER, OWNER_PASSWORD)
    await page.goto(`/w/${owner.workspaceId}/members`)
    await page.getByRole('button', { name: 'Password-reset link for Sam Solo' }).click()
    await page.getByText(/Sam Solo also belongs to another workspace, which you do not own/).waitFor()
    await page.getByText(/parley user password --email sam@example.com/).waitFor()
    await expect(page.getByLabel('Reset link for Sam Solo').count()).resolves.toBe(0)
    await checkAccessibility(page, 'the members page with a refused reset link')
  })
})
