/**
 * Accounts: the one-time setup of the first owner, signing in and out, the signed-in user's
 * profile and password, and their API tokens for scripts. A new password closes every other way
 * into the account (other sessions, every API token), and the answer says how many were closed.
 */
import { z } from '@hono/zod-openapi'
import type { PasswordChange, User } from '@parley/store'
import type { Context } from 'hono'
import { notCrossSite, requireUserAt } from '../auth/identity'
import { type PasswordHolder, passwordProblem } from '../auth/password-policy'
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords'
import { limitAttempts, loginKey } from '../auth/rate-limits'
import { newSecret, secretHash } from '../auth/secrets'
import { clearSessionCookie, startSession } from '../auth/sessions'
import { type Api, apiPart, errors, json, jsonBody } from '../http/api'
import type { AppEnv } from '../http/env'
import { fail, failWith } from '../http/errors'
import {
  ApiTokenInputSchema,
  ApiTokenListSchema,
  JoinedSchema,
  LoginSchema,
  MeSchema,
  NewApiTokenSchema,
  ProfileChangeSchema,
  ProfileSchema,
  SetupSchema,
  SetupStateSchema,
  SignedInSchema,
} from '../http/schemas'

export { PasswordChangeSchema, TOKEN_MAX_DAYS } from '../http/schemas'

export function userJson(user: User) {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }
}

const crossSite = 'this request comes from another site (Origin check)'

export function passwordChangeJson(change: PasswordChange) {
  const { at, via, sessionsEnded, tokensRevoked } = change
  return { at, via, sessionsEnded, tokensRevoked }
}

/**
 * The answer when a chosen password breaks the policy (too short, common, easy to guess), at the
 * field it was typed in; undefined when it may be used.
 */
export function refuseWeakPassword(
  c: Context<AppEnv>,
  password: string,
  holder: PasswordHolder,
  path: string,
): Response | undefined {
  const problem = passwordProblem(password, holder)
  return problem ? failWith(c, [{ code: problem.code, message: problem.message, path }]) : undefined
}

export function accountRoutes(api: Api): void {
  const accountApi = apiPart(api, 'accounts')

  accountApi.route(
    {
      method: 'get',
      path: '/api/setup',
      summary: 'Whether this server still needs its first owner',
      responses: { 200: json(SetupStateSchema, 'Setup state') },
    },
    async (c) => c.json({ needed: (await c.get('services').store.countUsers()) === 0 }),
  )

  accountApi.route(
    {
      method: 'post',
      path: '/api/setup',
      summary: 'Create the first owner with the setup token printed at first start',
      request: { body: jsonBody(SetupSchema) },
      responses: { 201: json(JoinedSchema, 'Owner created and signed in'), ...errors(400, 403, 409, 429) },
    },
    async (c) => {
      if (!notCrossSite(c)) return fail(c, 'cross_site', crossSite)
      const { store, options } = c.get('services')
      const input = c.req.valid('json')
      const weak = refuseWeakPassword(c, input.password, input, 'password')
      if (weak) return weak
      const passwordHash = await hashPassword(input.password, options.password)
      const claimed = await store.claimSetup({
        tokenHash: secretHash(input.token),
        email: input.email,
        name: input.name,
        passwordHash,
        workspaceName: input.workspace ?? `${input.name}'s workspace`,
      })
      if (!claimed.ok)
        return claimed.code === 'setup_done'
          ? fail(
              c,
              'setup_done',
              'this server already has its first owner; sign in, or ask an owner for an invitation',
            )
          : fail(
              c,
              'bad_setup_token',
              'this setup token is not the one printed when the server first started',
              'token',
            )
      await startSession(c, claimed.value.user.id)
      return c.json(
        { user: userJson(claimed.value.user), workspace: { ...claimed.value.workspace, role: 'owner' } },
        201,
      )
    },
  )

  accountApi.route(
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in; sets the session cookie',
      request: { body: jsonBody(LoginSchema) },
      responses: { 200: json(SignedInSchema, 'Signed in'), ...errors(400, 401, 403, 429) },
    },
    async (c) => {
      if (!notCrossSite(c)) return fail(c, 'cross_site', crossSite)
      const { store, options } = c.get('services')
      const { email, password } = c.req.valid('json')
      // The count per address ran before the body was read (see auth/rate-limits.ts); this one
      // needs the email, and is per email *from this address*, so nobody else can use it up.
      const limited = await limitAttempts(
        c,
        [{ key: loginKey(c, email), limit: options.loginLimit.perEmailAndAddress }],
        options.loginLimit.windowMs,
        'sign-in attempts for this email',
      )
      if (limited) return limited
      const user = await store.findUserByEmail(email)
      const check = await verifyPassword(
        password,
        user?.passwordHash ?? (await decoyHash(options.password)),
        options.password,
      )
      if (!user || !check.ok) return fail(c, 'bad_credentials', 'the email or the password is not right')
      if (check.outdated)
        await store.updateUser(
          user.id,
          { passwordHash: await hashPassword(password, options.password) },
          { userId: user.id },
        )
      await store.clearRateLimit(loginKey(c, email))
      await startSession(c, user.id)
      return c.json({ user: userJson(user) })
    },
  )

  accountApi.route(
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out: ends this session',
      responses: { 204: { description: 'Signed out' } },
    },
    async (c) => {
      const identity = c.get('identity')
      if (identity?.sessionHash) await c.get('services').store.deleteSession(identity.sessionHash)
      clearSessionCookie(c, c.get('services').options)
      return c.body(null, 204)
    },
  )

  requireUserAt(api, '/api/me')

  accountApi.route(
    {
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in user, their workspaces, and when and how their password was last set',
      responses: { 200: json(MeSchema, 'The user'), ...errors(401) },
    },
    async (c) => {
      const { store } = c.get('services')
      const { user } = c.get('identity') ?? raise()
      const workspaces = await store.listWorkspaces(user.id)
      const stored = await store.getUserWithPassword(user.id)
      const passwordChange =
        stored?.passwordChangedAt && stored.passwordChangedVia
          ? { at: stored.passwordChangedAt, via: stored.passwordChangedVia }
          : null
      return c.json({ user: userJson(user), workspaces, passwordChange })
    },
  )

  accountApi.route(
    {
      method: 'patch',
      path: '/api/me',
      summary:
        'Change your name or password (the current password is required for a new one). A new password ends your other sessions (this one stays) and revokes all your API tokens; `passwordChange` says how many',
      request: { body: jsonBody(ProfileSchema) },
      responses: { 200: json(ProfileChangeSchema, 'Updated'), ...errors(400, 401, 403) },
    },
    async (c) => {
      const { store, options, now } = c.get('services')
      const identity = c.get('identity') ?? raise()
      const { user } = identity
      const input = c.req.valid('json')
      let passwordHash: string | undefined
      if (input.password) {
        const stored = await store.getUserWithPassword(user.id)
        const check = stored
          ? await verifyPassword(input.password.current, stored.passwordHash, options.password)
          : undefined
        if (!check?.ok)
          return fail(c, 'wrong_password', 'the current password is not right', 'password.current')
        const account = { email: user.email, name: input.name ?? user.name }
        const weak = refuseWeakPassword(c, input.password.new, account, 'password.new')
        if (weak) return weak
        passwordHash = await hashPassword(input.password.new, options.password)
      }
      const updated =
        input.name !== undefined
          ? await store.updateUser(user.id, { name: input.name }, { userId: user.id })
          : user
      if (!passwordHash) return c.json({ user: userJson(updated ?? user) })
      const change = await store.changePassword(
        {
          userId: user.id,
          passwordHash,
          via: 'self',
          now: now().toISOString(),
          // A browser keeps the session it changed the password in; a script's token goes with the rest.
          ...(identity.sessionHash ? { keepSessionHash: identity.sessionHash } : {}),
        },
        { userId: user.id },
      )
      if (!change) return fail(c, 'unauthenticated', 'this account no longer exists')
      return c.json({ user: userJson(change.user), passwordChange: passwordChangeJson(change) })
    },
  )

  accountApi.route(
    {
      method: 'get',
      path: '/api/me/tokens',
      summary: 'Your API tokens (never their secrets)',
      responses: { 200: json(ApiTokenListSchema, 'Tokens'), ...errors(401) },
    },
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const tokens = await c.get('services').store.listApiTokens(user.id)
      return c.json({
        tokens: tokens.map(({ id, name, createdAt, lastUsedAt, expiresAt }) => ({
          id,
          name,
          createdAt,
          lastUsedAt,
          expiresAt,
        })),
      })
    },
  )

  accountApi.route(
    {
      method: 'post',
      path: '/api/me/tokens',
      summary:
        'Create an API token for scripts, lasting for ever or a number of days; its secret is shown once',
      request: { body: jsonBody(ApiTokenInputSchema) },
      responses: { 201: json(NewApiTokenSchema, 'The token, with its secret'), ...errors(400, 401, 403) },
    },
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const { store, now } = c.get('services')
      const input = c.req.valid('json')
      const secret = newSecret('apiToken')
      const expiresAt =
        input.expiresInDays === undefined
          ? null
          : new Date(now().getTime() + input.expiresInDays * 86_400_000).toISOString()
      const token = await store.createApiToken(
        { tokenHash: secretHash(secret), userId: user.id, name: input.name, expiresAt },
        { userId: user.id },
      )
      return c.json(
        {
          id: token.id,
          name: token.name,
          createdAt: token.createdAt,
          lastUsedAt: null,
          expiresAt: token.expiresAt,
          token: secret,
        },
        201,
      )
    },
  )

  accountApi.route(
    {
      method: 'delete',
      path: '/api/me/tokens/{tokenId}',
      summary: 'Revoke an API token',
      request: { params: z.object({ tokenId: z.string().min(1).max(100) }) },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 404) },
    },
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const { tokenId } = c.req.valid('param')
      const deleted = await c.get('services').store.deleteApiToken(user.id, tokenId, { userId: user.id })
      return deleted ? c.body(null, 204) : fail(c, 'not_found', `you have no API token ${tokenId}`)
    },
  )
}

/** For handlers behind `requireUser`: the identity is there, or the middleware order is a bug. */
export function raise(): never {
  throw new Error('a route behind requireUser ran without an identity')
}
