/**
 * One's own account, on every backend: a new password by the current one closes every other way
 * in (other sessions, every API token) and says how many it closed, is audited in each workspace
 * of the account and told by GET /api/me; the password policy holds at setup and at a change; API
 * tokens may expire, and an expired one says so and when.
 */

import { testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { newSecret, secretHash } from '../auth/secrets'
import { harness, ORIGIN, PASSWORD, sessionCookie, suiteTeam } from '../testing/harness'

const backends = await testBackends()
const DAY = 86_400_000

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'your account on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend)

    const signIn = async (email: string, password = PASSWORD) => {
      const reply = await h.call('POST', '/api/auth/login', {
        json: { email, password },
        headers: { origin: ORIGIN },
      })
      expect(reply.status, reply.text).toBe(200)
      return sessionCookie(reply)
    }
    const newToken = async (cookie: string, json: Record<string, unknown> = { name: 'script' }) => {
      const reply = await h.call('POST', '/api/me/tokens', { as: { cookie }, json })
      expect(reply.status, reply.text).toBe(201)
      return reply.body
    }

    it('changes a password in one session: the others end, every token is revoked, and the answer counts them', async () => {
      // The editor also belongs to a workspace of the outsider's.
      const made = await h.call('POST', `/api/workspaces/${t.outsider.workspaceId}/invitations`, {
        as: { token: t.outsider.token },
        json: { role: 'viewer', email: t.editor.email },
      })
      await h.call('POST', `/api/invitations/${made.body.token}/accept`, { as: { token: t.editor.token } })
      const here = await signIn(t.editor.email)
      const elsewhere = await signIn(t.editor.email)
      const laptop = await newToken(here, { name: 'laptop' })

      const changed = await h.call('PATCH', '/api/me', {
        as: { cookie: here },
        json: { password: { current: PASSWORD, new: 'juniper lantern quietly hums' } },
      })
      expect(changed.status, changed.text).toBe(200)
      // The harness's first session (from the invitation), the one elsewhere; the harness's token and the laptop's.
      expect(changed.body.passwordChange).toEqual({
        at: h.clock.now.toISOString(),
        via: 'self',
        sessionsEnded: 2,
        tokensRevoked: 2,
      })
      expect((await h.call('GET', '/api/me', { as: { cookie: here } })).status).toBe(200)
      for (const cookie of [elsewhere, t.editor.cookie])
        expect((await h.call('GET', '/api/me', { as: { cookie } })).status).toBe(401)
      for (const token of [laptop.token, t.editor.token])
        expect((await h.call('GET', '/api/me', { as: { token } })).body.error.code).toBe('bad_token')
      expect((await h.call('GET', '/api/me/tokens', { as: { cookie: here } })).body.tokens).toEqual([])
      expect((await h.call('GET', '/api/me', { as: { cookie: here } })).body.passwordChange).toEqual({
        at: h.clock.now.toISOString(),
        via: 'self',
      })
      // In the audit log of both workspaces the editor belongs to.
      for (const [workspaceId, reader] of [
        [t.workspaceId, t.owner.token],
        [t.outsider.workspaceId, t.outsider.token],
      ] as const) {
        const [entry] = (
          await h.call('GET', `/api/workspaces/${workspaceId}/audit`, { as: { token: reader } })
        ).body.entries
        expect(entry).toMatchObject({
          action: 'password.change',
          userId: t.editor.id,
          target: `user:${t.editor.id}`,
          detail: { via: 'self', sessionsEnded: 2, tokensRevoked: 2 },
        })
      }
      // The team goes on with the new password and a new token.
      t.editor.cookie = here
      t.editor.token = (await newToken(here, { name: 'tests' })).token
      await h.call('PATCH', '/api/me', {
        as: { cookie: here },
        json: { password: { current: 'juniper lantern quietly hums', new: PASSWORD } },
      })
      t.editor.token = (await newToken(here, { name: 'tests' })).token
    })

    it('changes a password with a token: every session ends, and that token too', async () => {
      const cookie = await signIn(t.viewer.email)
      const changed = await h.call('PATCH', '/api/me', {
        as: { token: t.viewer.token },
        json: { password: { current: PASSWORD, new: 'copper meadow drifting east' } },
      })
      expect(changed.body.passwordChange).toMatchObject({ sessionsEnded: 2, tokensRevoked: 1 })
      expect((await h.call('GET', '/api/me', { as: { token: t.viewer.token } })).status).toBe(401)
      expect((await h.call('GET', '/api/me', { as: { cookie } })).status).toBe(401)
      const again = await signIn(t.viewer.email, 'copper meadow drifting east')
      await h.call('PATCH', '/api/me', {
        as: { cookie: again },
        json: { password: { current: 'copper meadow drifting east', new: PASSWORD } },
      })
      t.viewer.cookie = again
      t.viewer.token = (await newToken(again, { name: 'tests' })).token
    })

    it('holds a new password to the policy, at the field it was typed in, and changes nothing when refused', async () => {
      const attempt = (password: string) =>
        h.call('PATCH', '/api/me', {
          as: { token: t.owner.token },
          json: { name: 'Olive Renamed', password: { current: PASSWORD, new: password } },
        })
      const short = await attempt('password12')
      expect(short.status).toBe(400)
      expect(short.body.error.path).toBe('password.new')
      const common = await attempt('password1234')
      expect(common.body.error).toMatchObject({ code: 'weak_password', path: 'password.new' })
      expect(common.body.error.message).toContain('commonly used password')
      const own = await attempt('olive renamed')
      expect(own.body.error.message).toContain('contains your name or email address')
      const me = await h.call('GET', '/api/me', { as: { token: t.owner.token } })
      expect(me.body.user.name).toBe('Olive Owner')
      expect(me.body.passwordChange).toBeNull()
    })

    it('holds the first owner to the policy at setup', async () => {
      const fresh = await harness(backend)
      try {
        const token = newSecret('setup')
        await fresh.store.setSetting('setup_token_hash', secretHash(token))
        const setup = (password: string) =>
          fresh.call('POST', '/api/setup', {
            json: { token, email: 'first@example.com', name: 'First Person', password },
            headers: { origin: ORIGIN },
          })
        const weak = await setup('password12')
        expect(weak.status).toBe(400)
        expect(weak.body.error.path).toBe('password')
        const common = await setup('1234567890ab')
        expect(common.body.error).toMatchObject({ code: 'weak_password', path: 'password' })
        expect(common.body.error.message).toMatch(/^password: is too easy to guess|^password: is .*common/)
        expect((await setup(PASSWORD)).status).toBe(201)
      } finally {
        await fresh.drop()
      }
    })

    it('makes API tokens that expire, lists when, and refuses an expired one saying when it expired', async () => {
      const cookie = await signIn(t.owner.email)
      const week = await newToken(cookie, { name: 'for a week', expiresInDays: 7 })
      const expiresAt = new Date(h.clock.now.getTime() + 7 * DAY).toISOString()
      expect(week).toMatchObject({ name: 'for a week', expiresAt })
      const forever = await newToken(cookie, { name: 'for ever' })
      expect(forever.expiresAt).toBeNull()
      const listed = (await h.call('GET', '/api/me/tokens', { as: { cookie } })).body.tokens
      expect(listed.find((token: { id: string }) => token.id === week.id)).toEqual({
        id: week.id,
        name: 'for a week',
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt,
      })
      expect((await h.call('GET', '/api/me', { as: { token: week.token } })).status).toBe(200)

      for (const days of [0, 366, 1.5, '7'])
        expect(
          (
            await h.call('POST', '/api/me/tokens', {
              as: { cookie },
              json: { name: 'x', expiresInDays: days },
            })
          ).body.error.path,
        ).toBe('expiresInDays')

      const unknown = await h.call('POST', '/api/me/tokens', {
        as: { cookie },
        json: { name: 'x', expiresAt: '2030-01-01T00:00:00.000Z' },
      })
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.path).toBe('expiresAt')

      h.clock.advance(7 * DAY)
      const expired = await h.call('GET', '/api/me', { as: { token: week.token } })
      expect(expired.status).toBe(401)
      expect(expired.body.error.code).toBe('bad_token')
      expect(expired.body.error.message).toBe(
        `this API token expired at ${expiresAt}; make a new one (POST /api/me/tokens, or on your account page)`,
      )
      expect((await h.call('GET', '/api/me', { as: { token: forever.token } })).status).toBe(200)
      // An expired token can still be seen and revoked by its owner.
      expect(
        (await h.call('DELETE', `/api/me/tokens/${week.id}`, { as: { token: forever.token } })).status,
      ).toBe(204)
    })

    it('documents the changed routes in the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/openapi.json')).body
      const schemas = doc.components.schemas
      expect(schemas.ApiToken.properties).toHaveProperty('expiresAt')
      expect(schemas.ApiTokenInput.properties.expiresInDays).toMatchObject({ minimum: 1, maximum: 365 })
      expect(schemas.PasswordChange.properties.via.enum).toEqual(['self', 'reset-link', 'machine'])
      const me = doc.paths['/api/me'].get.responses['200'].content['application/json'].schema
      expect(me.properties).toHaveProperty('passwordChange')
      expect(doc.paths['/api/password-resets/{token}'].get.responses).toHaveProperty('403')
    })
  },
)
