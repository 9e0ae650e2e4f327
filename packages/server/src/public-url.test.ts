/**
 * With PARLEY_PUBLIC_URL set (the `publicUrl` option), links and the cross-site check are built from
 * it alone: a forged Host (or X-Forwarded-Host, even behind a trusted proxy) changes neither the
 * links the server hands out nor the origin it accepts. Without it they follow the request, which
 * is why `parley serve` warns when other machines can reach it.
 */
import { SETUP_TOKEN_SETTING } from '@parley/store'
import { testBackends } from '@parley/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newSecret, secretHash } from './auth/secrets'
import { type Harness, harness, PASSWORD, type Reply } from './testing/harness'

const PUBLIC = 'https://parley.example.com'
const FORGED = 'http://evil.example'
const backends = await testBackends()

/** The session cookie a reply set, under its name (`__Host-` prefixed when served over HTTPS). */
function cookieOf(reply: Reply): string {
  const match = /((?:__Host-)?parley_session=[^;]+)/.exec(reply.headers.get('set-cookie') ?? '')
  if (!match?.[1]) throw new Error(`no session cookie in ${reply.text}`)
  return match[1]
}

/** The first owner, signed in with a session cookie and an API token, made from the given origin. */
async function owner(h: Harness, origin: string) {
  const token = newSecret('setup')
  await h.store.setSetting(SETUP_TOKEN_SETTING, secretHash(token))
  const setup = await h.call('POST', `${origin}/api/setup`, {
    json: { token, email: 'owner@example.com', name: 'Olive Owner', password: PASSWORD, workspace: 'Deals' },
    headers: { origin },
  })
  expect(setup.status).toBe(201)
  const cookie = cookieOf(setup)
  const made = await h.call('POST', `${origin}/api/me/tokens`, {
    as: { cookie },
    json: { name: 'tests' },
    headers: { origin },
  })
  expect(made.status).toBe(201)
  return { cookie, token: made.body.token as string, workspaceId: setup.body.workspace.id as string }
}

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'links and the origin check on %s',
  (_, backend) => {
    describe('with a public address set', () => {
      let h: Harness
      let signedIn: Awaited<ReturnType<typeof owner>>
      beforeAll(async () => {
        h = await harness(backend, { publicUrl: PUBLIC, trustProxy: true })
        signedIn = await owner(h, PUBLIC)
      })
      afterAll(async () => {
        await h.drop()
      })

      const forgedHeaders = {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
      }

      it('builds invitation and reset links from it, whatever Host the request names', async () => {
        const invited = await h.call('POST', `${FORGED}/api/workspaces/${signedIn.workspaceId}/invitations`, {
          as: { token: signedIn.token },
          json: { role: 'viewer', email: 'vic@example.com' },
          headers: forgedHeaders,
        })
        expect(invited.status).toBe(201)
        expect(invited.body.url).toMatch(new RegExp(`^${PUBLIC}/join/`))
        expect(invited.text).not.toContain('evil.example')

        const accepted = await h.call('POST', `${FORGED}/api/invitations/${invited.body.token}/accept`, {
          json: { email: 'vic@example.com', name: 'Vic', password: PASSWORD },
          headers: { ...forgedHeaders, origin: PUBLIC },
        })
        expect(accepted.status).toBe(201)
        const reset = await h.call(
          'POST',
          `${FORGED}/api/workspaces/${signedIn.workspaceId}/members/${accepted.body.user.id}/password-reset`,
          { as: { token: signedIn.token }, headers: forgedHeaders },
        )
        expect(reset.status).toBe(201)
        expect(reset.body.url).toMatch(new RegExp(`^${PUBLIC}/reset/`))
      })

      it('accepts a browser change only from its own origin, not from the one the request names', async () => {
        const forged = await h.call('POST', `${FORGED}/api/workspaces`, {
          as: { cookie: signedIn.cookie },
          json: { name: 'Elsewhere' },
          headers: { ...forgedHeaders, origin: FORGED },
        })
        expect(forged.status).toBe(403)
        expect(forged.body.error.code).toBe('cross_site')
        const own = await h.call('POST', `${FORGED}/api/workspaces`, {
          as: { cookie: signedIn.cookie },
          json: { name: 'Elsewhere' },
          headers: { ...forgedHeaders, origin: PUBLIC },
        })
        expect(own.status).toBe(201)
      })
    })

    describe('without one', () => {
      let h: Harness
      beforeAll(async () => {
        h = await harness(backend)
      })
      afterAll(async () => {
        await h.drop()
      })

      it('follows the address each request names (what the start-up warning is about)', async () => {
        const signedIn = await owner(h, FORGED)
        const invited = await h.call('POST', `${FORGED}/api/workspaces/${signedIn.workspaceId}/invitations`, {
          as: { token: signedIn.token },
          json: { role: 'viewer' },
        })
        expect(invited.status).toBe(201)
        expect(invited.body.url).toMatch(new RegExp(`^${FORGED}/join/`))
      })
    })
  },
)
