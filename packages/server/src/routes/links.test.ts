/**
 * The one-time links against takeover, on every backend: an owner's reset link may reach only an
 * account every one of whose workspaces that owner owns (checked when made and again when used),
 * a reset closes every other way into the account and is written to each of its workspaces' audit
 * logs, and an invitation that names an email admits nobody else.
 */
import { testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { invite, type Member, ORIGIN, PASSWORD, sessionCookie, suiteTeam } from '../testing/harness'

const backends = await testBackends()
const NEW_PASSWORD = 'violet tractor sings softly'

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'reset links and invitations on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend)

    const ws = (id = t.workspaceId) => `/api/workspaces/${id}`
    const signIn = (email: string, password: string) =>
      h.call('POST', '/api/auth/login', { json: { email, password }, headers: { origin: ORIGIN } })
    const makeReset = (workspaceId: string, userId: string, as = t.owner) =>
      h.call('POST', `${ws(workspaceId)}/members/${userId}/password-reset`, { as: { token: as.token } })
    const useReset = (token: string, password = NEW_PASSWORD) =>
      h.call('POST', `/api/password-resets/${token}`, { json: { password }, headers: { origin: ORIGIN } })
    /** Someone already signed in joins a workspace by an invitation from one of its owners. */
    async function joinAsSelf(owner: Member, workspaceId: string, member: Member, role = 'viewer') {
      const made = await h.call('POST', `${ws(workspaceId)}/invitations`, {
        as: { token: owner.token },
        json: { role },
      })
      const joined = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
        as: { token: member.token },
      })
      expect(joined.status, joined.text).toBe(201)
    }
    async function auditOf(workspaceId: string, as: Member) {
      const reply = await h.call('GET', `${ws(workspaceId)}/audit`, { as: { token: as.token } })
      expect(reply.status).toBe(200)
      return reply.body.entries as {
        action: string
        target: string | null
        userId: string | null
        detail: Record<string, unknown> | null
      }[]
    }

    it('refuses an owner a reset link for someone who also belongs to a workspace they do not own', async () => {
      // The outsider has a workspace of their own, and joins the owner's.
      await joinAsSelf(t.owner, t.workspaceId, t.outsider, 'editor')
      const refused = await makeReset(t.workspaceId, t.outsider.id)
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('reset_not_allowed')
      expect(refused.body.error.message).toContain('also belongs to another workspace')
      expect(refused.body.error.message).toContain(`parley user password --email ${t.outsider.email}`)
      // Nothing was made, and the account is as it was.
      expect((await auditOf(t.workspaceId, t.owner)).map((entry) => entry.action)).not.toContain(
        'password_reset.create',
      )
      expect((await signIn(t.outsider.email, PASSWORD)).status).toBe(200)
      expect((await h.call('GET', '/api/me', { as: { token: t.outsider.token } })).status).toBe(200)
      // Back to the team as it was.
      await h.call('DELETE', `${ws()}/members/${t.outsider.id}`, { as: { token: t.outsider.token } })
    })

    it('lets an owner reset a member of only their workspace: every session ends, every token is revoked', async () => {
      const member = await invite(h, t.owner, t.workspaceId, 'viewer', 'only-here@example.com')
      const secondSession = sessionCookie(await signIn(member.email, PASSWORD))
      const made = await makeReset(t.workspaceId, member.id)
      expect(made.status).toBe(201)
      const preview = await h.call('GET', `/api/password-resets/${made.body.token}`)
      expect(preview.body).toMatchObject({ ok: true, email: member.email })

      const used = await useReset(made.body.token)
      expect(used.status).toBe(200)
      expect(used.body.passwordChange).toEqual({
        at: h.clock.now.toISOString(),
        via: 'reset-link',
        sessionsEnded: 2,
        tokensRevoked: 1,
      })
      for (const cookie of [member.cookie, secondSession])
        expect((await h.call('GET', '/api/me', { as: { cookie } })).status).toBe(401)
      const revoked = await h.call('GET', '/api/me', { as: { token: member.token } })
      expect(revoked.status).toBe(401)
      expect(revoked.body.error.code).toBe('bad_token')
      // The person who used the link is signed in, and the app can tell how the password was set.
      const me = await h.call('GET', '/api/me', { as: { cookie: sessionCookie(used) } })
      expect(me.body.passwordChange).toEqual({ at: h.clock.now.toISOString(), via: 'reset-link' })
      expect((await signIn(member.email, PASSWORD)).status).toBe(401)
      expect((await signIn(member.email, NEW_PASSWORD)).status).toBe(200)

      const [change] = await auditOf(t.workspaceId, t.owner)
      expect(change).toMatchObject({
        action: 'password.change',
        target: `user:${member.id}`,
        userId: member.id,
        detail: { via: 'reset-link', sessionsEnded: 2, tokensRevoked: 1, linkMadeBy: t.owner.id },
      })
    })

    it('writes a reset to the audit log of every workspace of the account', async () => {
      const second = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        json: { name: 'Second' },
      })
      const member = await invite(h, t.owner, t.workspaceId, 'editor', 'in-two@example.com')
      await joinAsSelf(t.owner, second.body.id, member)
      const made = await makeReset(second.body.id, member.id)
      expect(made.status).toBe(201)
      expect((await useReset(made.body.token)).status).toBe(200)
      for (const workspaceId of [t.workspaceId, second.body.id]) {
        const entries = await auditOf(workspaceId, t.owner)
        expect(
          entries.filter(
            (entry) => entry.action === 'password.change' && entry.target === `user:${member.id}`,
          ),
          `the audit log of ${workspaceId}`,
        ).toHaveLength(1)
      }
      // Every member of each workspace reads it, not only its owners.
      expect((await auditOf(t.workspaceId, t.viewer)).map((entry) => entry.target)).toContain(
        `user:${member.id}`,
      )
    })

    it('refuses a link made while allowed once the member has joined another workspace', async () => {
      const member = await invite(h, t.owner, t.workspaceId, 'viewer', 'joins-later@example.com')
      const made = await makeReset(t.workspaceId, member.id)
      expect(made.status).toBe(201)
      await joinAsSelf(t.outsider, t.outsider.workspaceId, member)

      const preview = await h.call('GET', `/api/password-resets/${made.body.token}`)
      expect(preview.status).toBe(403)
      expect(preview.body.error.code).toBe('reset_not_allowed')
      const used = await useReset(made.body.token)
      expect(used.status).toBe(403)
      expect(used.body.error).toMatchObject({ code: 'reset_not_allowed' })
      expect(used.body.error.message).toContain('can no longer be used')
      expect(used.body.error.message).toContain(`parley user password --email ${member.email}`)
      expect(used.headers.get('set-cookie')).toBeNull()
      // The password, the sessions and the tokens are untouched.
      expect((await signIn(member.email, PASSWORD)).status).toBe(200)
      expect((await h.call('GET', '/api/me', { as: { token: member.token } })).status).toBe(200)
      expect((await h.call('GET', '/api/me', { as: { cookie: member.cookie } })).status).toBe(200)
      // Once they leave that workspace, the link works again (it was never used).
      await h.call('DELETE', `${ws(t.outsider.workspaceId)}/members/${member.id}`, {
        as: { token: member.token },
      })
      expect((await useReset(made.body.token)).status).toBe(200)
    })

    it('holds reset links to the password policy', async () => {
      const member = await invite(h, t.owner, t.workspaceId, 'viewer', 'weak-reset@example.com')
      const made = await makeReset(t.workspaceId, member.id)
      const weak = await useReset(made.body.token, 'password1234')
      expect(weak.status).toBe(400)
      expect(weak.body.error).toMatchObject({ code: 'weak_password', path: 'password' })
      expect(weak.body.error.message).toMatch(/^password: is too close to a commonly used password/)
      const short = await useReset(made.body.token, 'password12')
      expect(short.status).toBe(400)
      expect(short.body.error.path).toBe('password')
      expect(short.body.error.message).toContain('at least 12 characters')
      const own = await useReset(made.body.token, 'weak-reset@example.com')
      expect(own.body.error.message).toContain('contains your name or email address')
      // Refusals do not use up the link.
      expect((await useReset(made.body.token)).status).toBe(200)
    })

    it('admits only the email an invitation names, naming neither address when it refuses', async () => {
      const made = await h.call('POST', `${ws()}/invitations`, {
        as: { token: t.owner.token },
        json: { role: 'viewer', email: 'Invited@Example.com' },
      })
      const token = made.body.token as string
      expect((await h.call('GET', `/api/invitations/${token}`)).body.email).toBe('invited@example.com')
      const accept = (json?: unknown, as?: { token: string }) =>
        h.call('POST', `/api/invitations/${token}/accept`, {
          ...(as ? { as } : {}),
          ...(json ? { json } : {}),
          headers: { origin: ORIGIN },
        })

      const stranger = await accept({ email: 'stranger@example.com', name: 'Stranger', password: PASSWORD })
      expect(stranger.status).toBe(403)
      expect(stranger.body.error).toMatchObject({ code: 'wrong_email', path: 'email' })
      expect(stranger.body.error.message).toContain('this invitation is for another email address')
      expect(stranger.text).not.toContain('invited@example.com')
      expect(stranger.text).not.toContain('stranger@example.com')
      // A signed-in person whose account has another email is refused too.
      const signedIn = await accept(undefined, { token: t.outsider.token })
      expect(signedIn.status).toBe(403)
      expect(signedIn.body.error.code).toBe('wrong_email')
      expect(signedIn.text).not.toContain(t.outsider.email)
      // The invitation is still open for the right person, in any case.
      const right = await accept({ email: 'INVITED@example.com', name: 'Invited', password: PASSWORD })
      expect(right.status).toBe(201)
      expect(right.body.user.email).toBe('invited@example.com')

      // A person who already has the named account joins as themselves.
      const forViewer = await h.call('POST', `${ws(t.outsider.workspaceId)}/invitations`, {
        as: { token: t.outsider.token },
        json: { role: 'viewer', email: t.viewer.email },
      })
      const joined = await h.call('POST', `/api/invitations/${forViewer.body.token}/accept`, {
        as: { token: t.viewer.token },
      })
      expect(joined.status).toBe(201)
    })

    it('holds a new person accepting an invitation to the password policy', async () => {
      const made = await h.call('POST', `${ws()}/invitations`, {
        as: { token: t.owner.token },
        json: { role: 'viewer' },
      })
      const weak = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
        json: { email: 'newbie@example.com', name: 'Newbie', password: 'password12' },
        headers: { origin: ORIGIN },
      })
      expect(weak.status).toBe(400)
      expect(weak.body.error.path).toBe('password')
      const common = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
        json: { email: 'newbie@example.com', name: 'Newbie', password: 'iloveyou1234' },
        headers: { origin: ORIGIN },
      })
      expect(common.body.error).toMatchObject({ code: 'weak_password', path: 'password' })
      expect(common.body.error.message).toContain('commonly used password')
    })
  },
)
