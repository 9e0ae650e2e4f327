import { readFileSync } from 'node:fs'
import {
  bundleWarnings,
  type CurrentEstimate,
  coach,
  compileSpace,
  debriefView,
  estimateLabel,
  frontierView,
  type JournalEvent,
  learnerStateOf,
  type MesoSet,
  mesoView,
  negotiationStatus,
  negotiationWarnings,
  type Plan,
  parsePlanText,
  negotiation as replayNegotiation,
} from '@parley/core'
import { testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { createApp } from './app'
import { harness, ORIGIN, PASSWORD, sessionCookie, setupOwner, suiteTeam } from './testing/harness'

const EXAMPLE = readFileSync(new URL('../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const backends = await testBackends()

let counter = 0
/** A fresh ULID-shaped id per call. */
function eventId(): string {
  counter++
  return `01JD${String(counter).padStart(22, '0')}`
}

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'the API on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend)

    const base = () => `/api/workspaces/${t.workspaceId}`
    async function createNegotiation(): Promise<string> {
      const reply = await h.call('POST', `${base()}/negotiations`, {
        as: { token: t.editor.token },
        raw: { text: EXAMPLE, type: 'application/yaml' },
      })
      expect(reply.status).toBe(201)
      return reply.body.id as string
    }

    describe('without signing in', () => {
      it('answers health and the OpenAPI document, with every path written in full', async () => {
        const health = await h.call('GET', '/api/health')
        expect(health.status).toBe(200)
        expect(health.body).toMatchObject({ status: 'ok', database: backend.dialect })
        const doc = await h.call('GET', '/api/openapi.json')
        expect(doc.status).toBe(200)
        const paths = Object.keys(doc.body.paths)
        expect(paths.length).toBeGreaterThan(30)
        for (const path of paths) expect(path.startsWith('/api/')).toBe(true)
        expect(paths).toContain('/api/workspaces/{workspaceId}/negotiations/{negotiationId}/events')
        expect(doc.body.components.securitySchemes).toHaveProperty('token')
      })

      it('refuses everything else with 401 and a message', async () => {
        for (const path of ['/api/me', '/api/workspaces', `${base()}/negotiations`]) {
          const reply = await h.call('GET', path)
          expect(reply.status).toBe(401)
          expect(reply.body.error.code).toBe('unauthenticated')
        }
      })

      it('says 503 on health when the database does not answer', async () => {
        const database = await backend.create()
        const logged: unknown[] = []
        const app = createApp({ store: database.store, logError: (error) => logged.push(error) })
        expect((await app.request('/api/health')).status).toBe(200)
        await database.store.close()
        const down = await app.request('/api/health')
        expect(down.status).toBe(503)
        expect(((await down.json()) as { error: { code: string } }).error.code).toBe('database_unavailable')
        expect(logged).toHaveLength(1)
        await database.drop()
      })

      it('sends security headers on answers and refusals alike, and never lets them be cached', async () => {
        for (const path of ['/api/nothing-here', '/api/me']) {
          const refused = await h.call('GET', path)
          expect(refused.status).toBeGreaterThanOrEqual(400)
          expect(refused.headers.get('x-frame-options')).toBe('DENY')
          expect(refused.headers.get('cache-control')).toBe('no-store')
        }
        const reply = await h.call('GET', '/api/health')
        expect(reply.headers.get('x-content-type-options')).toBe('nosniff')
        expect(reply.headers.get('x-frame-options')).toBe('DENY')
        expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'")
        expect(reply.headers.get('cache-control')).toBe('no-store')
      })
    })

    describe('setup and signing in', () => {
      it('takes the first owner only once, and only with the setup token', async () => {
        expect((await h.call('GET', '/api/setup')).body).toEqual({ needed: false })
        const again = await h.call('POST', '/api/setup', {
          json: { token: 'psu_whatever', email: 'x@example.com', name: 'X', password: PASSWORD },
        })
        expect(again.status).toBe(409)
        expect(again.body.error.code).toBe('setup_done')
      })

      it('refuses a wrong setup token on a fresh server', async () => {
        const fresh = await harness(backend)
        try {
          expect((await fresh.call('GET', '/api/setup')).body).toEqual({ needed: true })
          await fresh.store.setSetting('setup_token_hash', 'f'.repeat(64))
          const wrong = await fresh.call('POST', '/api/setup', {
            json: { token: 'psu_not-the-token', email: 'x@example.com', name: 'X', password: PASSWORD },
          })
          expect(wrong.status).toBe(403)
          expect(wrong.body.error).toMatchObject({ code: 'bad_token', path: 'token' })
          const owner = await setupOwner(fresh)
          const cookie = (
            await fresh.call('POST', '/api/auth/login', {
              json: { email: owner.email, password: PASSWORD },
            })
          ).headers.get('set-cookie')
          expect(cookie).toMatch(/HttpOnly/)
          expect(cookie).toMatch(/SameSite=Lax/)
        } finally {
          await fresh.drop()
        }
      })

      it('signs in and out; a wrong password is a 401 that does not say which part was wrong', async () => {
        const wrong = await h.call('POST', '/api/auth/login', {
          json: { email: t.viewer.email, password: 'nope nope nope' },
        })
        expect(wrong.status).toBe(401)
        const unknown = await h.call('POST', '/api/auth/login', {
          json: { email: 'nobody@example.com', password: PASSWORD },
        })
        expect(unknown.status).toBe(401)
        expect(unknown.body.error.message).toBe(wrong.body.error.message)
        const ok = await h.call('POST', '/api/auth/login', {
          json: { email: t.viewer.email, password: PASSWORD },
        })
        expect(ok.status).toBe(200)
        const cookie = sessionCookie(ok)
        expect((await h.call('GET', '/api/me', { as: { cookie } })).body.user.email).toBe(t.viewer.email)
        expect((await h.call('POST', '/api/auth/logout', { as: { cookie } })).status).toBe(204)
        expect((await h.call('GET', '/api/me', { as: { cookie } })).status).toBe(401)
      })

      it('limits sign-in attempts per email, shared through the database, and lets them through after the window', async () => {
        const email = t.editor.email
        const attempts = []
        for (let k = 0; k < 11; k++)
          attempts.push(
            await h.call('POST', '/api/auth/login', { json: { email, password: 'wrong password' } }),
          )
        expect(attempts.slice(0, 10).every((reply) => reply.status === 401)).toBe(true)
        expect(attempts[10]?.status).toBe(429)
        expect(Number(attempts[10]?.headers.get('retry-after'))).toBeGreaterThan(0)
        // Even the right password waits out the window.
        expect(
          (await h.call('POST', '/api/auth/login', { json: { email, password: PASSWORD } })).status,
        ).toBe(429)
        h.clock.advance(16 * 60_000)
        expect(
          (await h.call('POST', '/api/auth/login', { json: { email, password: PASSWORD } })).status,
        ).toBe(200)
      })

      it('refuses a revoked or made-up API token with 401 rather than treating it as anonymous', async () => {
        const made = await h.call('POST', '/api/me/tokens', {
          as: { token: t.viewer.token },
          json: { name: 'ci' },
        })
        const listed = await h.call('GET', '/api/me/tokens', { as: { token: made.body.token } })
        expect(listed.body.tokens.map((token: { name: string }) => token.name)).toContain('ci')
        expect(JSON.stringify(listed.body)).not.toContain(made.body.token)
        expect(
          (await h.call('DELETE', `/api/me/tokens/${made.body.id}`, { as: { token: t.viewer.token } }))
            .status,
        ).toBe(204)
        const revoked = await h.call('GET', '/api/me', { as: { token: made.body.token } })
        expect(revoked.status).toBe(401)
        expect(revoked.body.error.code).toBe('bad_token')
        expect(
          (
            await h.call('GET', '/api/me', {
              headers: { authorization: 'Bearer pat_made-up-token-xxxxxxxxxxxxxxxx' },
            })
          ).status,
        ).toBe(401)
        expect((await h.call('GET', '/api/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401)
      })

      it('changes a password only with the current one', async () => {
        const member = t.viewer
        const wrong = await h.call('PATCH', '/api/me', {
          as: { token: member.token },
          json: { password: { current: 'not it at all', new: 'a brand new password' } },
        })
        expect(wrong.status).toBe(403)
        expect(wrong.body.error.path).toBe('password.current')
        const short = await h.call('PATCH', '/api/me', {
          as: { token: member.token },
          json: { password: { current: PASSWORD, new: 'short' } },
        })
        expect(short.status).toBe(400)
        expect(short.body.error.path).toBe('password.new')
        const renamed = await h.call('PATCH', '/api/me', {
          as: { token: member.token },
          json: { name: 'Vic Viewer' },
        })
        expect(renamed.body.user.name).toBe('Vic Viewer')
      })
    })

    describe('cross-site request forgery', () => {
      it('refuses a cookie request that changes data without our Origin, and lets tokens through without one', async () => {
        const path = '/api/workspaces'
        const noOrigin = await h.call('POST', path, {
          as: { cookie: t.owner.cookie },
          json: { name: 'X' },
          headers: { origin: 'https://evil.example' },
        })
        expect(noOrigin.status).toBe(403)
        expect(noOrigin.body.error.code).toBe('cross_site')
        const response = await h.app.request(path, {
          method: 'POST',
          headers: { cookie: t.owner.cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'X' }),
        })
        expect(response.status).toBe(403)
        const sameSite = await h.call('POST', path, {
          as: { cookie: t.owner.cookie },
          json: { name: 'Same site' },
        })
        expect(sameSite.status).toBe(201)
        const token = await h.call('POST', path, { as: { token: t.owner.token }, json: { name: 'Script' } })
        expect(token.status).toBe(201)
        // Sign-in from another site is refused too (login CSRF).
        const login = await h.call('POST', '/api/auth/login', {
          json: { email: t.owner.email, password: PASSWORD },
          headers: { origin: 'https://evil.example' },
        })
        expect(login.status).toBe(403)
      })
    })

    describe('members, invitations and password resets', () => {
      it('invitation links are one-time and expire', async () => {
        const made = await h.call('POST', `${base()}/invitations`, {
          as: { token: t.owner.token },
          json: { role: 'viewer' },
        })
        expect(made.status).toBe(201)
        expect(made.body.url).toBe(`${ORIGIN}/join/${made.body.token}`)
        const preview = await h.call('GET', `/api/invitations/${made.body.token}`)
        expect(preview.body).toMatchObject({
          role: 'viewer',
          workspace: { id: t.workspaceId, name: 'Deals' },
        })
        const accept = (email: string) =>
          h.call('POST', `/api/invitations/${made.body.token}/accept`, {
            json: { email, name: 'Newcomer', password: PASSWORD },
          })
        expect((await accept('newcomer@example.com')).status).toBe(201)
        const reused = await accept('second@example.com')
        expect(reused.status).toBe(410)
        expect(reused.body.error.code).toBe('used')

        const late = await h.call('POST', `${base()}/invitations`, {
          as: { token: t.owner.token },
          json: { role: 'editor' },
        })
        h.clock.advance(8 * 24 * 3_600_000)
        expect((await h.call('GET', `/api/invitations/${late.body.token}`)).status).toBe(410)
        const expired = await h.call('POST', `/api/invitations/${late.body.token}/accept`, {
          json: { email: 'late@example.com', name: 'Late', password: PASSWORD },
        })
        expect(expired.body.error.code).toBe('expired')

        const revoked = await h.call('POST', `${base()}/invitations`, {
          as: { token: t.owner.token },
          json: { role: 'editor' },
        })
        expect(
          (
            await h.call('DELETE', `${base()}/invitations/${revoked.body.invitation.id}`, {
              as: { token: t.owner.token },
            })
          ).status,
        ).toBe(204)
        expect((await h.call('GET', `/api/invitations/${revoked.body.token}`)).status).toBe(404)
        expect(
          (await h.call('GET', '/api/invitations/pin_never-issued-xxxxxxxxxxxxxxxxxxxxxxx')).status,
        ).toBe(404)
      })

      it('a signed-in person joins with an invitation as themselves; an existing email can not make a second account', async () => {
        const made = await h.call('POST', `${base()}/invitations`, {
          as: { token: t.owner.token },
          json: { role: 'editor' },
        })
        const taken = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
          json: { email: t.outsider.email, name: 'Again', password: PASSWORD },
        })
        expect(taken.status).toBe(409)
        expect(taken.body.error.code).toBe('email_taken')
        const joined = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
          as: { token: t.outsider.token },
        })
        expect(joined.status).toBe(201)
        expect(joined.body.workspace.role).toBe('editor')
        expect((await h.call('GET', base(), { as: { token: t.outsider.token } })).body.role).toBe('editor')
        // Leave again so the team is as it was.
        expect(
          (await h.call('DELETE', `${base()}/members/${t.outsider.id}`, { as: { token: t.owner.token } }))
            .status,
        ).toBe(204)
        expect((await h.call('GET', base(), { as: { token: t.outsider.token } })).status).toBe(404)
      })

      it('a reset link sets a new password once and ends the old sessions', async () => {
        const member = await h.call('POST', `${base()}/invitations`, {
          as: { token: t.owner.token },
          json: { role: 'viewer' },
        })
        const joined = await h.call('POST', `/api/invitations/${member.body.token}/accept`, {
          json: { email: 'forgetful@example.com', name: 'Forgetful', password: PASSWORD },
        })
        const oldCookie = sessionCookie(joined)
        const reset = await h.call('POST', `${base()}/members/${joined.body.user.id}/password-reset`, {
          as: { token: t.owner.token },
        })
        expect(reset.status).toBe(201)
        expect(reset.body.url).toBe(`${ORIGIN}/reset/${reset.body.token}`)
        const check = await h.call('GET', `/api/password-resets/${reset.body.token}`)
        expect(check.body).toMatchObject({ ok: true, email: 'forgetful@example.com' })
        const used = await h.call('POST', `/api/password-resets/${reset.body.token}`, {
          json: { password: 'a new password entirely' },
        })
        expect(used.status).toBe(200)
        expect((await h.call('GET', '/api/me', { as: { cookie: oldCookie } })).status).toBe(401)
        expect((await h.call('GET', '/api/me', { as: { cookie: sessionCookie(used) } })).status).toBe(200)
        const again = await h.call('POST', `/api/password-resets/${reset.body.token}`, {
          json: { password: 'yet another password' },
        })
        expect(again.status).toBe(410)
        expect((await h.call('GET', `/api/password-resets/${reset.body.token}`)).body.error.code).toBe('used')
        const login = (password: string) =>
          h.call('POST', '/api/auth/login', { json: { email: 'forgetful@example.com', password } })
        expect((await login(PASSWORD)).status).toBe(401)
        expect((await login('a new password entirely')).status).toBe(200)
        // Only owners make reset links, and only for members.
        expect(
          (
            await h.call('POST', `${base()}/members/${t.owner.id}/password-reset`, {
              as: { token: t.editor.token },
            })
          ).status,
        ).toBe(403)
        expect(
          (
            await h.call('POST', `${base()}/members/${t.outsider.id}/password-reset`, {
              as: { token: t.owner.token },
            })
          ).status,
        ).toBe(404)
      })

      it('the last owner can neither step down nor leave', async () => {
        const demote = await h.call('PATCH', `${base()}/members/${t.owner.id}`, {
          as: { token: t.owner.token },
          json: { role: 'editor' },
        })
        expect(demote.status).toBe(409)
        expect(demote.body.error.code).toBe('last_owner')
        const leave = await h.call('DELETE', `${base()}/members/${t.owner.id}`, {
          as: { token: t.owner.token },
        })
        expect(leave.status).toBe(409)
        const members = await h.call('GET', `${base()}/members`, { as: { token: t.viewer.token } })
        expect(members.body.members.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1)
      })
    })

    describe('negotiations', () => {
      it('keeps the plan file as written, and versions every change', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}`
        const read = await h.call('GET', path, { as: { token: t.viewer.token } })
        expect(read.headers.get('etag')).toBe('"1"')
        const unchanged = await h.call('GET', path, {
          as: { token: t.viewer.token },
          headers: { 'if-none-match': '"1"' },
        })
        expect(unchanged.status).toBe(304)
        expect(unchanged.text).toBe('')
        expect(read.body).toMatchObject({
          title: expect.stringContaining('Calder'),
          context: 'sales',
          version: 1,
          format: 'yaml',
        })
        const file = await h.call('GET', `${path}/plan`, { as: { token: t.viewer.token } })
        expect(file.text).toBe(EXAMPLE)
        expect(file.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.yaml"/)
        const asJson = await h.call('GET', `${path}/plan?format=json`, { as: { token: t.viewer.token } })
        expect(JSON.parse(asJson.text)).toEqual(read.body.plan)

        const plan = read.body.plan as Plan
        plan.issues[0]!.us.weight = 30
        const saved = await h.call('PUT', `${path}/plan`, {
          as: { token: t.editor.token },
          json: plan,
          headers: { 'if-match': '"1"' },
        })
        expect(saved.status).toBe(200)
        expect(saved.headers.get('etag')).toBe('"2"')
        const edited = (await h.call('GET', `${path}/plan`, { as: { token: t.viewer.token } })).text
        // The JSON edit went into the kept file: comments and layout stay, one line differs.
        const before = EXAMPLE.split('\n')
        const after = edited.split('\n')
        expect(after.filter((line, k) => line !== before[k])).toEqual([
          '    us: { weight: 30, prefer: high }',
        ])
      })

      it('refuses an update without If-Match (428) or from a stale version (409)', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}/plan`
        const plan = (await h.call('GET', `${base()}/negotiations/${id}`, { as: { token: t.editor.token } }))
          .body.plan
        const missing = await h.call('PUT', path, { as: { token: t.editor.token }, json: plan })
        expect(missing.status).toBe(428)
        expect(
          (
            await h.call('PUT', path, {
              as: { token: t.editor.token },
              json: plan,
              headers: { 'if-match': '"1"' },
            })
          ).status,
        ).toBe(200)
        const stale = await h.call('PUT', path, {
          as: { token: t.editor.token },
          json: plan,
          headers: { 'if-match': '"1"' },
        })
        expect(stale.status).toBe(409)
        expect(stale.body.error.code).toBe('stale_version')
        expect(stale.headers.get('etag')).toBe('"2"')
        const bad = await h.call('PUT', path, {
          as: { token: t.editor.token },
          json: plan,
          headers: { 'if-match': 'yesterday' },
        })
        expect(bad.status).toBe(400)
      })

      it('lets exactly one of two concurrent updates from the same version win', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}/plan`
        const plan = (await h.call('GET', `${base()}/negotiations/${id}`, { as: { token: t.editor.token } }))
          .body.plan
        const mine = { ...plan, title: 'Mine' }
        const theirs = { ...plan, title: 'Theirs' }
        const replies = await Promise.all([
          h.call('PUT', path, { as: { token: t.editor.token }, json: mine, headers: { 'if-match': '"1"' } }),
          h.call('PUT', path, { as: { token: t.owner.token }, json: theirs, headers: { 'if-match': '"1"' } }),
        ])
        expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409])
        const winner = replies.find((reply) => reply.status === 200)
        const now = await h.call('GET', `${base()}/negotiations/${id}`, { as: { token: t.viewer.token } })
        expect(now.body.version).toBe(2)
        expect(now.body.title).toBe(winner?.body.title)
      })

      it('reports a bad plan with paths (and lines for a file) the way `parley check` does', async () => {
        const broken = EXAMPLE.replace(
          'us: { weight: 35, prefer: high }',
          'us: { weight: -35, prefer: high }',
        )
        const reply = await h.call('POST', `${base()}/negotiations`, {
          as: { token: t.editor.token },
          raw: { text: broken, type: 'application/yaml' },
        })
        expect(reply.status).toBe(400)
        const expected = parsePlanText(broken, { format: 'yaml' })
        expect(expected.ok).toBe(false)
        const first = expected.ok ? undefined : expected.errors[0]
        expect(reply.body.error).toMatchObject({ path: first?.path, line: first?.line })
        expect(reply.body.error.path).toBe('issues[0].us.weight')

        const plan = parsePlanText(EXAMPLE, { format: 'yaml' })
        const json = JSON.parse(JSON.stringify(plan.ok ? plan.plan : {}))
        json.issues[1].us.weight = 'heavy'
        json.issuse = []
        const jsonReply = await h.call('POST', `${base()}/negotiations`, {
          as: { token: t.editor.token },
          json,
        })
        expect(jsonReply.status).toBe(400)
        const paths = jsonReply.body.error.problems.map((problem: { path: string }) => problem.path)
        expect(paths).toContain('issues[1].us.weight')
        expect(JSON.stringify(jsonReply.body)).toContain("did you mean 'issues'")
        const empty = await h.call('POST', `${base()}/negotiations`, { as: { token: t.editor.token } })
        expect(empty.status).toBe(400)
      })
    })

    describe('the journal', () => {
      it('appends idempotently by the client id: a retry answers the same, a different body is a 409', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}/events`
        const event = { id: eventId(), type: 'interest-stated', text: 'budget certainty for two years' }
        const first = await h.call('POST', path, { as: { token: t.editor.token }, json: event })
        expect(first.status).toBe(201)
        expect(first.body.seq).toBe(1)
        expect(first.body.event).toMatchObject({ ...event, side: 'them', planVersion: 1 })
        // The same event with its keys in another order is the same request.
        const retry = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { text: event.text, type: event.type, id: event.id },
        })
        expect(retry.status).toBe(201)
        expect(retry.body).toEqual(first.body)
        expect(retry.headers.get('parley-replayed')).toBe('true')
        const conflict = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { ...event, text: 'other' },
        })
        expect(conflict.status).toBe(409)
        expect(conflict.body.error).toMatchObject({ code: 'id_conflict', path: 'id' })
        const noId = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { type: 'note', text: 'x' },
        })
        expect(noId.status).toBe(400)
        expect(noId.body.error).toMatchObject({ code: 'id_required', path: 'id' })
        const badId = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { id: 'seven', type: 'note' },
        })
        expect(badId.status).toBe(400)
        const list = await h.call('GET', path, { as: { token: t.viewer.token } })
        expect(list.body.events).toHaveLength(1)
      })

      it('checks each event against the plan and the journal as `parley journal add` does', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}/events`
        const typo = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { id: eventId(), type: 'ofer-sent' },
        })
        expect(typo.status).toBe(400)
        expect(typo.body.error.message).toContain("did you mean 'offer-sent'")
        const early = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { id: eventId(), type: 'bundle-chosen', label: 'A' },
        })
        expect(early.status).toBe(400)
        expect(early.body.error.path).toBe('label')
        const unknownIssue = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { id: eventId(), type: 'offer-sent', bundles: [{ terms: { prise: 200000 } }] },
        })
        expect(unknownIssue.status).toBe(400)
        expect(unknownIssue.body.error.path).toContain('prise')
        const nothingOnTheTable = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { id: eventId(), type: 'concession', give: { price: 200000 }, get: { term: 36 } },
        })
        expect(nothingOnTheTable.status).toBe(400)
        expect(nothingOnTheTable.body.error.code).toBe('nothing_on_the_table')
        expect((await h.call('GET', path, { as: { token: t.viewer.token } })).body.events).toHaveLength(0)
      })

      it('lists what came after a sequence number, and gives the journal as the JSON Lines file', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}/events`
        for (const text of ['one', 'two', 'three'])
          await h.call('POST', path, {
            as: { token: t.editor.token },
            json: { id: eventId(), type: 'note', text },
          })
        const after = await h.call('GET', `${path}?after=1`, { as: { token: t.viewer.token } })
        expect(after.body.events.map((e: { seq: number }) => e.seq)).toEqual([2, 3])
        const jsonl = await h.call('GET', `${path}?format=jsonl`, { as: { token: t.viewer.token } })
        const lines = jsonl.text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
        expect(lines.map((line: { text: string }) => line.text)).toEqual(['one', 'two', 'three'])
        const badAfter = await h.call('GET', `${path}?after=-3`, { as: { token: t.viewer.token } })
        expect(badAfter.status).toBe(400)
        expect(badAfter.body.error.path).toBe('after')
      })
    })

    describe('computed views', () => {
      it('give the same results as core (and so as the commands), learning from the journal', async () => {
        const id = await createNegotiation()
        const path = `${base()}/negotiations/${id}`
        const offer = await h.call('GET', `${path}/meso`, { as: { token: t.viewer.token } })
        expect(offer.status).toBe(200)
        const bundles = offer.body.bundles as {
          label: string
          name: string
          terms: Record<string, unknown>
        }[]
        const sent = await h.call('POST', `${path}/events`, {
          as: { token: t.editor.token },
          json: {
            id: eventId(),
            type: 'offer-sent',
            bundles: bundles.map(({ name, terms }) => ({ name, terms })),
          },
        })
        expect(sent.status).toBe(201)
        const chose = await h.call('POST', `${path}/events`, {
          as: { token: t.editor.token },
          json: { id: eventId(), type: 'bundle-chosen', label: 'B' },
        })
        expect(chose.status).toBe(201)

        const parsed = parsePlanText(EXAMPLE, { format: 'yaml' })
        if (!parsed.ok) throw new Error('example does not parse')
        const space = compileSpace(parsed.plan)
        const events = (
          await h.call('GET', `${path}/events`, { as: { token: t.viewer.token } })
        ).body.events.map((entry: { event: JournalEvent }) => entry.event) as JournalEvent[]
        const derived = replayNegotiation(space, events)
        const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

        const status = await h.call('GET', `${path}/status`, { as: { token: t.viewer.token } })
        expect(status.body).toEqual(
          roundTrip({
            ...negotiationStatus(space, events, derived),
            warnings: negotiationWarnings(space, derived),
            version: 1,
          }),
        )
        // With the warnings: a set was sent, then their answer moved our estimate of what it is worth.
        expect((status.body.warnings as { code: string }[]).map((w) => w.code)).toContain(
          'sent_figures_changed',
        )
        const warned = (result: { set: MesoSet; estimate: CurrentEstimate }) =>
          bundleWarnings(space, result.estimate, result.set.bundles)
        // After their pick, the default target gives what core gives; at a target high enough for us
        // that no set is worth their pick to them (the next-set rule), the server refuses as core
        // does, and answers at the target core suggests.
        const learned = await h.call('GET', `${path}/meso`, { as: { token: t.viewer.token } })
        const atDefault = mesoView(space, {}, derived.posterior, derived.state)
        expect(learned.status).toBe(atDefault.ok ? 200 : 422)
        if (atDefault.ok)
          expect(learned.body).toEqual(
            roundTrip({
              ...atDefault.view,
              warnings: warned(atDefault),
              learned: true,
            }),
          )
        const high = Array.from({ length: 40 }, (_, k) => 95 - k).find((target) => {
          const result = mesoView(space, { target }, derived.posterior, derived.state)
          return (
            !result.ok &&
            result.failure.code === 'below-their-pick' &&
            typeof result.failure.suggestedTarget === 'number'
          )
        })
        expect(high).toBeTypeOf('number')
        const refused = await h.call('GET', `${path}/meso?target=${high}`, { as: { token: t.viewer.token } })
        const below = mesoView(space, { target: high as number }, derived.posterior, derived.state)
        if (below.ok) throw new Error('unreachable')
        expect(refused.status).toBe(422)
        expect(refused.body.error.code).toBe('below-their-pick')
        const target = below.failure.suggestedTarget
        expect(target).toBeTypeOf('number')
        const meso = await h.call('GET', `${path}/meso?target=${target}`, { as: { token: t.viewer.token } })
        const expected = mesoView(space, { target: target as number }, derived.posterior, derived.state)
        expect(expected.ok).toBe(true)
        if (!expected.ok) throw new Error('unreachable')
        expect(meso.body).toEqual(
          roundTrip({
            ...expected.view,
            warnings: warned(expected),
            learned: true,
          }),
        )
        const frontier = await h.call('GET', `${path}/frontier?rule=true`, { as: { token: t.viewer.token } })
        const expectedFrontier = frontierView(space, { rule: true })
        // On the plan's estimate, and saying so, as `parley frontier --json` does.
        expect(frontier.body).toEqual(
          roundTrip({ ...(expectedFrontier.ok ? expectedFrontier.view : {}), estimate: estimateLabel(0) }),
        )
        const coached = await h.call('GET', `${path}/coach?stage=midgame`, { as: { token: t.viewer.token } })
        expect(coached.body).toEqual(roundTrip(coach(space, events, { stage: 'midgame' }, derived)))
        const debrief = await h.call('GET', `${path}/debrief`, { as: { token: t.viewer.token } })
        expect(debrief.body).toEqual(roundTrip(debriefView(space, derived.state, derived.posterior)))
        // What was learned, as bytes the web app resumes from: the same posterior as learning every move.
        const state = await h.app.request(`${path}/learned`, {
          headers: { authorization: `Bearer ${t.viewer.token}` },
        })
        expect(state.status).toBe(200)
        expect(state.headers.get('content-type')).toBe('application/vnd.parley.learner-state')
        const kept = learnerStateOf(new Uint8Array(await state.arrayBuffer()))
        const record = await h.call('GET', path, { as: { token: t.viewer.token } })
        expect(kept?.kept).toEqual({
          version: record.body.version,
          eventCount: events.length,
          lastEventId: expect.any(String),
        })
        expect(kept?.state.observed).toBe(derived.state.observations.length)
        const resumed = replayNegotiation(space, events, undefined, kept?.state)
        expect(resumed.posterior).toEqual(derived.posterior)
        const lint = await h.call('GET', `${path}/lint`, { as: { token: t.viewer.token } })
        expect(Array.isArray(lint.body.findings)).toBe(true)
        const sarif = await h.call('GET', `${path}/lint?format=sarif`, { as: { token: t.viewer.token } })
        expect(sarif.body.version).toBe('2.1.0')
        const badStage = await h.call('GET', `${path}/coach?stage=lunch`, { as: { token: t.viewer.token } })
        expect(badStage.status).toBe(400)
        expect(badStage.body.error.path).toBe('stage')
        const badCount = await h.call('GET', `${path}/meso?count=7`, { as: { token: t.viewer.token } })
        expect(badCount.status).toBe(400)
      })

      it('says why there is no MESO set, with a 422', async () => {
        const id = await createNegotiation()
        const reply = await h.call('GET', `${base()}/negotiations/${id}/meso?target=99&tolerance=0.1`, {
          as: { token: t.viewer.token },
        })
        expect(reply.status).toBe(422)
        expect(reply.body.error.message.length).toBeGreaterThan(20)
        // Nothing of theirs recorded: nothing learned to send, and no compute worker asked.
        const learned = await h.call('GET', `${base()}/negotiations/${id}/learned`, {
          as: { token: t.viewer.token },
        })
        expect(learned.status).toBe(204)
        expect(learned.text).toBe('')
      })
    })

    describe('the tradeables library and the audit log', () => {
      it('keeps tradeables per workspace', async () => {
        const path = `${base()}/tradeables`
        const added = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: {
            name: 'Case study',
            description: 'A reference they can publish',
            costToUs: 'low',
            valueToThem: 'high',
            contexts: ['sales'],
          },
        })
        expect(added.status).toBe(201)
        const changed = await h.call('PUT', `${path}/${added.body.id}`, {
          as: { token: t.editor.token },
          json: { name: 'Case study and webinar', costToUs: 'low', valueToThem: 'high' },
        })
        expect(changed.body.name).toBe('Case study and webinar')
        const unknown = await h.call('POST', path, {
          as: { token: t.editor.token },
          json: { name: 'X', colour: 'red' },
        })
        expect(unknown.status).toBe(400)
        expect(unknown.body.error.path).toBe('colour')
        expect((await h.call('GET', path, { as: { token: t.viewer.token } })).body.tradeables).toHaveLength(1)
        expect(
          (
            await h.call('GET', `/api/workspaces/${t.outsider.workspaceId}/tradeables`, {
              as: { token: t.outsider.token },
            })
          ).body.tradeables,
        ).toHaveLength(0)
        expect(
          (await h.call('DELETE', `${path}/${added.body.id}`, { as: { token: t.editor.token } })).status,
        ).toBe(204)
      })

      it('records who changed what, without plan contents or secrets', async () => {
        const id = await createNegotiation()
        const plan = (await h.call('GET', `${base()}/negotiations/${id}`, { as: { token: t.editor.token } }))
          .body.plan
        await h.call('PUT', `${base()}/negotiations/${id}/plan`, {
          as: { token: t.editor.token },
          json: plan,
          headers: { 'if-match': '"1"' },
        })
        const audit = await h.call('GET', `${base()}/audit`, { as: { token: t.viewer.token } })
        expect(audit.status).toBe(200)
        const update = audit.body.entries.find(
          (entry: { action: string; target: string }) =>
            entry.action === 'negotiation.update' && entry.target?.includes(id),
        )
        expect(update).toMatchObject({ userId: t.editor.id })
        const text = JSON.stringify(audit.body)
        expect(text).not.toContain('Vantora')
        expect(text).not.toContain('pat_')
        expect(text).not.toContain('190000')
      })
    })
  },
)
