/**
 * The API's route table: each route is declared once with zod schemas, which both validate the
 * request and write the OpenAPI document. Invalid input is described with core's problem messages,
 * so the API and the command line word the same mistake the same way.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler, z } from '@hono/zod-openapi'
import { schemaProblems } from '@parley/core'
import type { Role } from '@parley/store'
import type { Context } from 'hono'
import { MAX_LISTED_PROBLEMS } from '../options'
import { access, type Member } from './access'
import type { AppEnv } from './env'
import { ERROR_CODES, type ErrorStatus } from './error-codes'
import { errorBody, failWith, pathProblemJson } from './errors'

export type Api = OpenAPIHono<AppEnv>

export function createApi(): Api {
  return new OpenAPIHono<AppEnv>()
}

type ZodIssue = z.core.$ZodIssue

/**
 * The issues to describe, at most `budget` problems' worth (an unknown-fields issue is one problem
 * per field), and how many problems the rest hold: those are counted, never described, so no
 * "did you mean" hint is worked out for a problem the answer will not list.
 */
export function firstIssues(
  issues: readonly ZodIssue[],
  budget: number,
): { issues: ZodIssue[]; unlisted: number } {
  const kept: ZodIssue[] = []
  let used = 0
  let unlisted = 0
  for (const issue of issues) {
    const size = issue.code === 'unrecognized_keys' ? issue.keys.length : 1
    const room = budget - used
    if (room <= 0) unlisted += size
    else if (issue.code === 'unrecognized_keys' && size > room) {
      kept.push({ ...issue, keys: issue.keys.slice(0, room) })
      unlisted += size - room
      used = budget
    } else {
      kept.push(issue)
      used += size
    }
  }
  return { issues: kept, unlisted }
}

/** Answers a request that failed its schema, with the route's body schema at hand for "did you mean" hints. */
function invalidInput(bodySchema: z.ZodType | undefined) {
  return (
    result: { target: string; success: boolean; error?: { issues: ZodIssue[] } },
    c: Context<AppEnv>,
  ): Response | undefined => {
    if (result.success || !result.error) return undefined
    const schema = result.target === 'json' && bodySchema ? bodySchema : z.any()
    const { issues, unlisted } = firstIssues(result.error.issues, MAX_LISTED_PROBLEMS)
    const problems = schemaProblems(issues, rawInput(c, result.target), schema).map(pathProblemJson)
    const label =
      result.target === 'json' ? undefined : `${result.target === 'param' ? 'path' : result.target} parameter`
    return failWith(c, problems, { unlisted, ...(label ? { label } : {}) })
  }
}

function rawInput(c: Context<AppEnv>, target: string): unknown {
  switch (target) {
    case 'json':
      return c.get('body')
    case 'query':
      return c.req.query()
    case 'param':
      return c.req.param()
    default:
      return undefined
  }
}

/** A request to a route, typed by the route's declaration. */
export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0]

/**
 * A route as createRoute declares it, less its tag: the part of the API it belongs to gives it that.
 * The path is a type of its own so that its parameters stay known to the handler.
 */
export type Declaration<P extends string> = Omit<RouteConfig, 'path' | 'tags'> & { path: P }

/** What the path of a route for the members of a workspace names. */
type WorkspaceParams = z.ZodType<{ workspaceId: string }>

/** The routes of one part of the API, all listed under its tag in the document. */
export interface ApiPart {
  /** Declares a route and registers its handler. */
  route<P extends string, R extends Declaration<P>>(
    config: R,
    handler: (c: RouteContext<R>) => Promise<Response>,
  ): void
  /**
   * Declares a route whose path names a workspace, for its members whose role is at least
   * `minimum`: anyone else is answered as `access` answers them, and the handler does not run.
   */
  forMembers<P extends string, R extends Declaration<P> & { request: { params: WorkspaceParams } }>(
    minimum: Role,
    config: R,
    handler: (c: RouteContext<R>, member: Member) => Promise<Response>,
  ): void
}

/**
 * The routes of one part of the API, listed under `tag` in the document. Handlers return plain
 * responses (errors in our own shape) rather than the typed responses of the declared schemas: the
 * schemas document, the handlers answer.
 */
export function apiPart(api: Api, tag: string): ApiPart {
  return {
    route(config, handler) {
      register(api, { tags: [tag], ...config }, handler)
    },
    forMembers(minimum, config, handler) {
      register(api, { tags: [tag], ...config }, async (c: Context<AppEnv>) => {
        // Validated before the handler runs, by parameters that hold a workspaceId (see the type).
        const { workspaceId } = c.req.valid('param' as never) as { workspaceId: string }
        const allowed = await access(c, workspaceId, minimum)
        if (!allowed.ok) return allowed.response
        return handler(c as never, { workspaceId, userId: allowed.userId, role: allowed.role })
      })
    },
  }
}

/** Registers a route, with the route's body schema at hand for "did you mean" hints. */
function register(api: Api, config: RouteConfig, handler: unknown): void {
  const content = config.request?.body?.content as Record<string, { schema?: unknown }> | undefined
  const bodySchema = content?.['application/json']?.schema as z.ZodType | undefined
  api.openapi(config, handler as never, invalidInput(bodySchema) as never)
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid' }),
      message: z.string().openapi({ example: 'issues[2].us.weight: must be greater than 0' }),
      path: z.string().openapi({ example: 'issues[2].us.weight' }),
      problems: z
        .array(
          z.object({
            code: z.string(),
            message: z.string(),
            path: z.string(),
            line: z.number().int().optional(),
            column: z.number().int().optional(),
          }),
        )
        .optional()
        .openapi({ description: `The problems, when there are several: the first ${MAX_LISTED_PROBLEMS}` }),
      unlisted: z
        .number()
        .int()
        .optional()
        .openapi({ description: 'How many more problems were found than are listed' }),
    }),
  })
  .openapi('Error')

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
})

/** What a status means in the document: the codes of error-codes.ts answered with it, and what each says. */
function meaningOf(status: ErrorStatus): string {
  return Object.entries(ERROR_CODES)
    .filter(([, answer]) => answer.status === status)
    .map(([name, answer]) => `\`${'code' in answer ? answer.code : name}\`: ${answer.meaning}`)
    .join('; ')
}

/** The error answers a route can give, for the document, one per status of the table. */
export const ERRORS = {
  400: errorResponse(meaningOf(400)),
  401: errorResponse(meaningOf(401)),
  403: errorResponse(meaningOf(403)),
  404: errorResponse(meaningOf(404)),
  408: errorResponse(meaningOf(408)),
  409: errorResponse(meaningOf(409)),
  410: errorResponse(meaningOf(410)),
  412: errorResponse(meaningOf(412)),
  413: errorResponse(meaningOf(413)),
  415: errorResponse(meaningOf(415)),
  422: errorResponse(meaningOf(422)),
  428: errorResponse(meaningOf(428)),
  429: errorResponse(meaningOf(429)),
  500: errorResponse(meaningOf(500)),
  503: errorResponse(meaningOf(503)),
} as const satisfies Record<ErrorStatus, ReturnType<typeof errorResponse>>

export function errors<K extends keyof typeof ERRORS>(...codes: K[]): Pick<typeof ERRORS, K> {
  return Object.fromEntries(codes.map((code) => [code, ERRORS[code]])) as Pick<typeof ERRORS, K>
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

export { errorBody }
