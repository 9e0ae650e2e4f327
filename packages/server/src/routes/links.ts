/**
 * The one-time links, used without signing in: accepting an invitation (a new person sets a name
 * and password; a signed-in person just joins; an invitation that names an email admits only that
 * email) and setting a new password from a reset link (refused when the account has since joined a
 * workspace the link's maker does not own: see the recovery rule in store/password-resets.ts).
 * Their POSTs are counted per address before their bodies are read (auth/rate-limits.ts).
 */
import type { Context } from 'hono'
import { notCrossSite, sameOrigin } from '../auth/identity'
import { hashPassword } from '../auth/passwords'
import { limitAttempts, linkCounter } from '../auth/rate-limits'
import { isSecretOf, secretHash } from '../auth/secrets'
import { startSession } from '../auth/sessions'
import { type Api, apiPart, errors, json, jsonBody } from '../http/api'
import type { AppEnv } from '../http/env'
import type { ErrorCode } from '../http/error-codes'
import { fail } from '../http/errors'
import {
  AcceptSchema,
  InvitationPreviewSchema,
  JoinedSchema,
  NewPasswordSchema,
  PasswordResetDoneSchema,
  PasswordResetStateSchema,
  TokenParams,
} from '../http/schemas'
import { passwordChangeJson, refuseWeakPassword, userJson } from './accounts'

const GONE = {
  used: 'this link has been used already; ask the owner for a new one',
  expired: 'this link has expired; ask the owner for a new one',
  invalid: 'this link is not valid (revoked, or never issued)',
} as const

/** The store's reasons a link can not be used, as the API's codes. */
const GONE_CODE = { used: 'used', expired: 'expired', invalid: 'invalid_link' } as const satisfies Record<
  keyof typeof GONE,
  ErrorCode
>

/** The same count as the POSTs: looking a link up is a guess at it too. */
async function limitLinks(c: Context<AppEnv>): Promise<Response | undefined> {
  const { key, limit, windowMs, what } = linkCounter(c)
  return limitAttempts(c, [{ key, limit }], windowMs, what)
}

const WRONG_EMAIL =
  'this invitation is for another email address; ask the owner who made it for an invitation for yours'

/** Why a reset link may not be used, and who can help: the recovery rule refused it. */
function resetNotAllowed(email: string | undefined): string {
  return `this reset link can no longer be used: the account also belongs to a workspace whose owners did not make it. An administrator of the server machine can set a new password with \`parley user password --email ${email ?? '<the email>'}\``
}

export function linkRoutes(api: Api): void {
  const invitationApi = apiPart(api, 'invitations')
  const accountApi = apiPart(api, 'accounts')

  invitationApi.route(
    {
      method: 'get',
      path: '/api/invitations/{token}',
      summary: 'What an invitation link is for (workspace, role), before accepting it',
      request: { params: TokenParams },
      responses: { 200: json(InvitationPreviewSchema, 'The invitation'), ...errors(404, 410, 429) },
    },
    async (c) => {
      const limited = await limitLinks(c)
      if (limited) return limited
      const { store, now } = c.get('services')
      const { token } = c.req.valid('param')
      const invitation = isSecretOf('invitation', token)
        ? await store.findInvitation(secretHash(token))
        : null
      if (!invitation || invitation.revokedAt) return fail(c, GONE_CODE.invalid, GONE.invalid)
      if (invitation.acceptedAt) return fail(c, 'used', GONE.used)
      if (invitation.expiresAt <= now().toISOString()) return fail(c, 'expired', GONE.expired)
      const workspace = await store.getWorkspace(invitation.workspaceId)
      if (!workspace) return fail(c, GONE_CODE.invalid, GONE.invalid)
      return c.json({
        workspace: { id: workspace.id, name: workspace.name },
        role: invitation.role,
        email: invitation.email,
        expiresAt: invitation.expiresAt,
      })
    },
  )

  invitationApi.route(
    {
      method: 'post',
      path: '/api/invitations/{token}/accept',
      summary:
        'Accept an invitation: a new person sends email, name and password; a signed-in person sends nothing. An invitation that names an email admits only that email (403 otherwise)',
      request: { params: TokenParams, body: { content: { 'application/json': { schema: AcceptSchema } } } },
      responses: { 201: json(JoinedSchema, 'Joined'), ...errors(400, 403, 404, 409, 410, 429) },
    },
    async (c) => {
      const identity = c.get('identity')
      if (identity ? identity.via === 'session' && !sameOrigin(c) : !notCrossSite(c))
        return fail(c, 'cross_site', 'this request comes from another site (Origin check)')
      const { store, options, now } = c.get('services')
      const { token } = c.req.valid('param')
      const body = (c.get('body') ?? {}) as { email?: string; name?: string; password?: string }
      const input = AcceptSchema.parse(body)
      let person: { userId: string } | { email: string; name: string; passwordHash: string }
      if (identity) person = { userId: identity.user.id }
      else {
        const missing = (['email', 'name', 'password'] as const).find((field) => input[field] === undefined)
        if (missing)
          return fail(
            c,
            'required',
            `is required to create your account (or sign in first to join as yourself)`,
            missing,
          )
        const newcomer = { email: input.email as string, name: input.name as string }
        const weak = refuseWeakPassword(c, input.password as string, newcomer, 'password')
        if (weak) return weak
        person = { ...newcomer, passwordHash: await hashPassword(input.password as string, options.password) }
      }
      const accepted = isSecretOf('invitation', token)
        ? await store.acceptInvitation({ tokenHash: secretHash(token), now: now().toISOString(), ...person })
        : ({ ok: false, code: 'invalid', message: '' } as const)
      if (!accepted.ok) {
        if (accepted.code === 'email_taken')
          return fail(
            c,
            'email_taken',
            'an account with this email exists; sign in first, then accept the invitation',
            'email',
          )
        if (accepted.code === 'wrong_email')
          return fail(c, 'wrong_email', WRONG_EMAIL, identity ? '' : 'email')
        return fail(c, GONE_CODE[accepted.code], GONE[accepted.code])
      }
      if (!identity) await startSession(c, accepted.value.user.id)
      return c.json(
        {
          user: userJson(accepted.value.user),
          workspace: { ...accepted.value.workspace, role: accepted.value.role },
        },
        201,
      )
    },
  )

  accountApi.route(
    {
      method: 'get',
      path: '/api/password-resets/{token}',
      summary: 'Whether a password-reset link can still be used',
      request: { params: TokenParams },
      responses: { 200: json(PasswordResetStateSchema, 'Usable'), ...errors(403, 404, 410, 429) },
    },
    async (c) => {
      const limited = await limitLinks(c)
      if (limited) return limited
      const { token } = c.req.valid('param')
      const { store, now } = c.get('services')
      const reset = isSecretOf('passwordReset', token)
        ? await store.findPasswordReset(secretHash(token))
        : null
      if (!reset) return fail(c, GONE_CODE.invalid, GONE.invalid)
      if (reset.usedAt) return fail(c, 'used', GONE.used)
      if (reset.expiresAt <= now().toISOString()) return fail(c, 'expired', GONE.expired)
      const user = await store.getUser(reset.userId)
      if (!reset.allowed) return fail(c, 'reset_not_allowed', resetNotAllowed(user?.email))
      return c.json({ ok: true, email: user?.email ?? null, expiresAt: reset.expiresAt })
    },
  )

  accountApi.route(
    {
      method: 'post',
      path: '/api/password-resets/{token}',
      summary:
        'Set a new password with a reset link; ends every session and revokes every API token of the account, then signs in. Refused (403) when the account belongs to a workspace the maker of the link does not own',
      request: { params: TokenParams, body: jsonBody(NewPasswordSchema) },
      responses: {
        200: json(PasswordResetDoneSchema, 'Password set, signed in'),
        ...errors(400, 403, 404, 410, 429),
      },
    },
    async (c) => {
      if (!notCrossSite(c))
        return fail(c, 'cross_site', 'this request comes from another site (Origin check)')
      const { store, options, now } = c.get('services')
      const { token } = c.req.valid('param')
      const tokenHash = isSecretOf('passwordReset', token) ? secretHash(token) : undefined
      const reset = tokenHash ? await store.findPasswordReset(tokenHash) : null
      const user = reset ? await store.getUser(reset.userId) : null
      if (!tokenHash || !reset || !user) return fail(c, GONE_CODE.invalid, GONE.invalid)
      // A link that can not be used says so before any word about the password chosen.
      if (reset.usedAt) return fail(c, 'used', GONE.used)
      if (reset.expiresAt <= now().toISOString()) return fail(c, 'expired', GONE.expired)
      if (!reset.allowed) return fail(c, 'reset_not_allowed', resetNotAllowed(user.email))
      const { password } = c.req.valid('json')
      const weak = refuseWeakPassword(c, password, user, 'password')
      if (weak) return weak
      // The link's state and the recovery rule are checked again, under lock, as it is used.
      const used = await store.consumePasswordReset({
        tokenHash,
        passwordHash: await hashPassword(password, options.password),
        now: now().toISOString(),
      })
      if (!used.ok) {
        if (used.code === 'reset_not_allowed')
          return fail(c, 'reset_not_allowed', resetNotAllowed(user.email))
        return fail(c, GONE_CODE[used.code], GONE[used.code])
      }
      await startSession(c, used.value.user.id)
      return c.json({ user: userJson(used.value.user), passwordChange: passwordChangeJson(used.value) })
    },
  )
}
