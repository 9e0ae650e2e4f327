/**
 * Accounts: the one-time setup of the first owner, signing in and out, the signed-in user's
 * profile, and their API tokens for scripts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { User } from '@parley/store'
import { notCrossSite, requireUser } from '../auth/identity'
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords'
import { clientAddress, limitAttempts } from '../auth/rate-limits'
import { newSecret, secretHash } from '../auth/secrets'
import { clearSessionCookie, startSession } from '../auth/sessions'
import { type Api, errors, json, jsonBody, route } from '../http/api'
import { fail } from '../http/errors'
import {
  LoginSchema,
  NameSchema,
  ProfileSchema,
  SetupSchema,
  UserSchema,
  WorkspaceSchema,
} from '../http/schemas'

export function userJson(user: User) {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }
}

const crossSite = 'this request comes from another site (Origin check)'

export function accountRoutes(api: Api): void {
  route(
    api,
    createRoute({
      method: 'get',
      path: '/api/setup',
      tags: ['accounts'],
      summary: 'Whether this server still needs its first owner',
      responses: { 200: json(z.object({ needed: z.boolean() }), 'Setup state') },
    }),
    async (c) => c.json({ needed: (await c.get('services').store.countUsers()) === 0 }),
  )

  route(
    api,
    createRoute({
      method: 'post',
      path: '/api/setup',
      tags: ['accounts'],
      summary: 'Create the first owner with the setup token printed at first start',
      request: { body: jsonBody(SetupSchema) },
      responses: {
        201: json(z.object({ user: UserSchema, workspace: WorkspaceSchema }), 'Owner created and signed in'),
        ...errors(400, 403, 409, 429),
      },
    }),
    async (c) => {
      if (!notCrossSite(c)) return fail(c, 403, 'cross_site', crossSite)
      const { store, options } = c.get('services')
      const limited = await limitAttempts(
        c,
        [{ key: `links:${clientAddress(c)}`, limit: options.linkLimit.perAddress }],
        options.linkLimit.windowMs,
        'setup attempts',
      )
      if (limited) return limited
      const input = c.req.valid('json')
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
              409,
              'setup_done',
              'this server already has its first owner; sign in, or ask an owner for an invitation',
            )
          : fail(
              c,
              403,
              'bad_token',
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

  route(
    api,
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['accounts'],
      summary: 'Sign in; sets the session cookie',
      request: { body: jsonBody(LoginSchema) },
      responses: { 200: json(z.object({ user: UserSchema }), 'Signed in'), ...errors(400, 401, 403, 429) },
    }),
    async (c) => {
      if (!notCrossSite(c)) return fail(c, 403, 'cross_site', crossSite)
      const { store, options } = c.get('services')
      const { email, password } = c.req.valid('json')
      const limit = options.loginLimit
      const limited = await limitAttempts(
        c,
        [
          { key: `login-address:${clientAddress(c)}`, limit: limit.perAddress },
          { key: `login-email:${email.toLowerCase()}`, limit: limit.perEmail },
        ],
        limit.windowMs,
        'sign-in attempts',
      )
      if (limited) return limited
      const user = await store.findUserByEmail(email)
      const check = await verifyPassword(
        password,
        user?.passwordHash ?? (await decoyHash(options.password)),
        options.password,
      )
      if (!user || !check.ok) return fail(c, 401, 'bad_credentials', 'the email or the password is not right')
      if (check.outdated)
        await store.updateUser(
          user.id,
          { passwordHash: await hashPassword(password, options.password) },
          { userId: user.id },
        )
      await store.clearRateLimit(`login-email:${email.toLowerCase()}`)
      await startSession(c, user.id)
      return c.json({ user: userJson(user) })
    },
  )

  route(
    api,
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['accounts'],
      summary: 'Sign out: ends this session',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const identity = c.get('identity')
      if (identity?.sessionHash) await c.get('services').store.deleteSession(identity.sessionHash)
      clearSessionCookie(c, c.get('services').options)
      return c.body(null, 204)
    },
  )

  api.use('/api/me', requireUser)
  api.use('/api/me/*', requireUser)

  route(
    api,
    createRoute({
      method: 'get',
      path: '/api/me',
      tags: ['accounts'],
      summary: 'The signed-in user and their workspaces',
      responses: {
        200: json(z.object({ user: UserSchema, workspaces: z.array(WorkspaceSchema) }), 'The user'),
        ...errors(401),
      },
    }),
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const workspaces = await c.get('services').store.listWorkspaces(user.id)
      return c.json({ user: userJson(user), workspaces })
    },
  )

  route(
    api,
    createRoute({
      method: 'patch',
      path: '/api/me',
      tags: ['accounts'],
      summary: 'Change your name or password (the current password is required for a new one)',
      request: { body: jsonBody(ProfileSchema) },
      responses: { 200: json(z.object({ user: UserSchema }), 'Updated'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { store, options } = c.get('services')
      const { user } = c.get('identity') ?? raise()
      const input = c.req.valid('json')
      let passwordHash: string | undefined
      if (input.password) {
        const stored = await store.getUserWithPassword(user.id)
        const check = stored
          ? await verifyPassword(input.password.current, stored.passwordHash, options.password)
          : undefined
        if (!check?.ok)
          return fail(c, 403, 'bad_credentials', 'the current password is not right', 'password.current')
        passwordHash = await hashPassword(input.password.new, options.password)
      }
      const updated = await store.updateUser(
        user.id,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(passwordHash ? { passwordHash } : {}),
        },
        { userId: user.id },
      )
      return c.json({ user: userJson(updated ?? user) })
    },
  )

  const TokenSchema = z
    .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
    .openapi('ApiToken')

  route(
    api,
    createRoute({
      method: 'get',
      path: '/api/me/tokens',
      tags: ['accounts'],
      summary: 'Your API tokens (never their secrets)',
      responses: { 200: json(z.object({ tokens: z.array(TokenSchema) }), 'Tokens'), ...errors(401) },
    }),
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const tokens = await c.get('services').store.listApiTokens(user.id)
      return c.json({
        tokens: tokens.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt })),
      })
    },
  )

  route(
    api,
    createRoute({
      method: 'post',
      path: '/api/me/tokens',
      tags: ['accounts'],
      summary: 'Create an API token for scripts; its secret is shown once',
      request: { body: jsonBody(NameSchema) },
      responses: {
        201: json(TokenSchema.extend({ token: z.string() }), 'The token, with its secret'),
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const secret = newSecret('apiToken')
      const token = await c
        .get('services')
        .store.createApiToken(
          { tokenHash: secretHash(secret), userId: user.id, name: c.req.valid('json').name },
          { userId: user.id },
        )
      return c.json(
        { id: token.id, name: token.name, createdAt: token.createdAt, lastUsedAt: null, token: secret },
        201,
      )
    },
  )

  route(
    api,
    createRoute({
      method: 'delete',
      path: '/api/me/tokens/{tokenId}',
      tags: ['accounts'],
      summary: 'Revoke an API token',
      request: { params: z.object({ tokenId: z.string().min(1).max(100) }) },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 404) },
    }),
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const { tokenId } = c.req.valid('param')
      const deleted = await c.get('services').store.deleteApiToken(user.id, tokenId, { userId: user.id })
      return deleted ? c.body(null, 204) : fail(c, 404, 'not_found', `you have no API token ${tokenId}`)
    },
  )
}

/** For handlers behind `requireUser`: the identity is there, or the middleware order is a bug. */
export function raise(): never {
  throw new Error('a route behind requireUser ran without an identity')
}
