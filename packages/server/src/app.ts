/**
 * The HTTP application: middleware in the order the guarantees need (security headers; the
 * per-address counts of the anonymous routes; the body read and checked before anything else looks
 * at it; who is asking; then the routes), the routes, and the OpenAPI document generated from them.
 * Holds no state of its own between requests: everything shared lives in the store, so several
 * instances can serve one PostgreSQL.
 */
import { z } from '@hono/zod-openapi'
import type { Store } from '@parley/store'
import { HTTPException } from 'hono/http-exception'
import { identify } from './auth/identity'
import { limitAnonymousPosts } from './auth/rate-limits'
import { createComputePool } from './compute/pool'
import { type Api, apiPart, createApi, ErrorSchema, json } from './http/api'
import { readBody } from './http/body'
import { compressAnswers } from './http/compression'
import type { Services } from './http/env'
import { fail } from './http/errors'
import { apiHeaders } from './http/headers'
import { checkUrlText } from './http/url-text'
import { createMemo } from './memo'
import { type ServerOverrides, serverOptions } from './options'
import { accountRoutes } from './routes/accounts'
import { auditRoutes } from './routes/audit'
import { dealRoomRoutes } from './routes/deal-room'
import { documentRoutes } from './routes/documents'
import { draftRoutes } from './routes/drafts'
import { floorChangeRoutes } from './routes/floor-changes'
import { journalRoutes } from './routes/journal'
import { linkRoutes } from './routes/links'
import { negotiationRoutes } from './routes/negotiations'
import { shareLinkRoutes } from './routes/share-links'
import { tradeableRoutes } from './routes/tradeables'
import { viewRoutes } from './routes/views'
import { workspaceRoutes } from './routes/workspaces'
import { VERSION } from './version'
import { webApp } from './web'

export interface AppDependencies {
  store: Store
  options?: ServerOverrides
  now?: () => Date
  /** Where unexpected errors are reported (stderr by default). */
  logError?: (error: unknown) => void
}

/** The application, and how to stop the worker threads it computes views in. */
export type App = Api & { close(): Promise<void> }

export function createApp(dependencies: AppDependencies): App {
  const options = serverOptions(dependencies.options)
  const services: Services = {
    store: dependencies.store,
    options,
    now: dependencies.now ?? (() => new Date()),
    memo: createMemo(options.viewCacheEntries),
    compute: createComputePool(options.compute),
  }
  const logError = dependencies.logError ?? ((error: unknown) => console.error(error))
  const api = createApi()
  const serverApi = apiPart(api, 'server')

  api.use('/api/*', apiHeaders())
  api.use('/api/*', compressAnswers())
  api.use('/api/*', async (c, next) => {
    c.set('services', services)
    await next()
  })
  // Paths and query strings that no backend could store as they are (`%00`) go no further.
  api.use('/api/*', checkUrlText())
  // Before the body is read: a flood of anonymous requests is refused for the price of a counter.
  api.use('/api/*', limitAnonymousPosts())
  api.use('/api/*', readBody(options))
  api.use('/api/*', identify())

  serverApi.route(
    {
      method: 'get',
      path: '/api/health',
      summary:
        'Whether this instance can serve: it answers and its database does (for load balancers; no sign-in)',
      responses: {
        200: json(
          z.object({
            status: z.literal('ok'),
            version: z.string(),
            database: z.enum(['sqlite', 'postgres']),
          }),
          'Up',
        ),
        503: json(ErrorSchema, 'The database does not answer'),
      },
    },
    async (c) => {
      try {
        await services.store.ping()
      } catch (error) {
        logError(error)
        return fail(c, 'database_unavailable', `the ${services.store.dialect} database does not answer`)
      }
      return c.json({ status: 'ok' as const, version: VERSION, database: services.store.dialect })
    },
  )

  accountRoutes(api)
  linkRoutes(api)
  workspaceRoutes(api)
  negotiationRoutes(api)
  draftRoutes(api)
  floorChangeRoutes(api)
  journalRoutes(api)
  viewRoutes(api)
  documentRoutes(api)
  tradeableRoutes(api)
  auditRoutes(api)
  shareLinkRoutes(api)
  dealRoomRoutes(api)

  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'parley_session',
    description:
      'The browser session, set by POST /api/auth/login; named `__Host-parley_session` when served over HTTPS',
  })
  api.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/me/tokens (pat_...)',
  })
  api.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: VERSION,
      description:
        'Workspaces, negotiations (plans and journals) and their computed views. Errors are `{ "error": { "code", "message", "path" } }`. Sign in with a session cookie (browsers) or a bearer API token (scripts); only health, this document, sign-in, setup, the invitation and password-reset links and the deal room (share links for the other side, under /api/deal-room) work without.',
    },
    security: [{ session: [] }, { token: [] }],
  })

  const app = webApp(options.webRoot, { serveSourceMaps: options.serveSourceMaps })
  api.get('*', (c, next) => (c.req.path.startsWith('/api/') || c.req.path === '/api' ? next() : app(c)))

  api.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? fail(c, 'not_found', `no route ${c.req.method} ${c.req.path}; see /api/openapi.json`)
      : fail(c, 'not_found', `nothing at ${c.req.path}`),
  )
  api.onError((error, c) => {
    // Refusals raised inside the framework — a body of a type the route does not read (415), or
    // one its validator can not parse (400) — are answered as ours are, but not with their
    // message: it can carry a library's internal text.
    if (error instanceof HTTPException && error.status < 500) {
      return error.status === 415
        ? fail(c, 'unsupported_media_type', 'this route takes JSON (Content-Type: application/json)')
        : fail(c, 'invalid', 'the request is not valid; see /api/openapi.json for what this route takes')
    }
    logError(error)
    return fail(c, 'internal', 'the server failed to answer this request; it has been logged')
  })
  return Object.assign(api, { close: () => services.compute.close() })
}
