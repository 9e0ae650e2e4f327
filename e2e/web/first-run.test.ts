/**
 * The first run in a browser, as a newcomer does it: the server prints a setup token, the app
 * sends them to /setup, they create the first owner and land in their workspace; then signing out
 * and in again, and a wrong password answered with the server's own words.
 */
import { describe, expect, it } from 'vitest'
import {
  BROWSER_TEST_TIMEOUT,
  browserAvailable,
  browserSuite,
  checkAccessibility,
  screenshot,
  signIn,
} from './browser'

const EMAIL = 'ann@example.com'
const PASSWORD = 'correct horse battery'

describe.runIf(browserAvailable)('first run in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const suite = browserSuite()

  it('creates the first owner with the printed token, signs out and in again', async () => {
    const { page, server } = suite
    const token = server.setupToken
    expect(token, `no setup token printed:\n${server.output()}`).toMatch(/^psu_/)

    // A newcomer opens the address the server printed, and is sent to the setup page.
    await page.goto('/')
    await page.waitForURL('**/setup', { timeout: 5_000 }).catch(() => undefined)
    expect(new URL(page.url()).pathname, 'a server with no account yet sends / to the setup page').toBe(
      '/setup',
    )
    await page.getByRole('heading', { name: 'Create the first owner' }).waitFor()
    await screenshot(page, 'setup-first-owner')
    await checkAccessibility(page, 'the setup page')
    await page.getByLabel('Setup token').fill('psu_not-the-printed-one')
    await page.getByLabel('Your name').fill('Ann Example')
    await page.getByLabel('Email', { exact: true }).fill(EMAIL)
    await page.getByLabel('Password (at least 12 characters)').fill(PASSWORD)
    const create = page.getByRole('button', { name: 'Create the first owner' })
    await create.click()
    // A mistyped token: the server's message under the field it is about.
    await page.getByText('this setup token is not the one printed when the server first started').waitFor()
    await expect(page.getByLabel('Setup token').getAttribute('aria-invalid')).resolves.toBe('true')
    await page.getByLabel('Setup token').fill(token ?? '')
    await create.click()

    // The workspace's negotiations page, empty.
    await page.waitForURL(/\/w\/[^/]+$/)
    await page.getByRole('heading', { name: 'Negotiations' }).waitFor()
    await page.getByText('No negotiation yet.').waitFor()
    await expect(page.getByRole('navigation', { name: 'Account' }).textContent()).resolves.toContain(
      'Ann Example',
    )
    const workspace = new URL(page.url()).pathname

    // Signing out leads to the sign-in page, and nothing of the workspace is reachable any more.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/login')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await page.goto(workspace)
    await page.waitForURL('**/login')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await screenshot(page, 'sign-in')
    await checkAccessibility(page, 'the sign-in page')

    // A wrong password: the server's message, and still on the sign-in page.
    await page.getByLabel('Email', { exact: true }).fill(EMAIL)
    await page.getByLabel('Password', { exact: true }).fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').filter({ hasText: 'the email or the password is not right' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    await checkAccessibility(page, 'the sign-in page with an error')

    await signIn(page, EMAIL, PASSWORD)
    await page.waitForURL(`**${workspace}`)
    await page.getByRole('heading', { name: 'Negotiations' }).waitFor()
  })

  it('says setup is done once the first owner exists (after the test above)', async () => {
    const { page, server } = suite
    await page.goto('/')
    await page.waitForURL('**/login')
    await page.goto('/setup')
    await page.getByLabel('Setup token').fill(server.setupToken ?? '')
    await page.getByLabel('Your name').fill('Bob')
    await page.getByLabel('Email', { exact: true }).fill('bob@example.com')
    await page.getByLabel('Password (at least 12 characters)').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create the first owner' }).click()
    await page.getByRole('alert').filter({ hasText: 'this server already has its first owner' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/setup')
  })
})
