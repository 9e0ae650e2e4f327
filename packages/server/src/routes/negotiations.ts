/**
 * Negotiations: the plan with its version. Create from a JSON plan or import a plan file; read
 * (with the version as ETag); download the file as its author wrote it; update only from the
 * current version (If-Match), so two people editing at once never overwrite each other unseen.
 */
import { z } from '@hono/zod-openapi'
import { PlanSchema, type Problem, planToJson, planToYaml } from '@parley/core'
import type { Negotiation, NegotiationSummary, Role } from '@parley/store'
import type { Context } from 'hono'
import { refusal } from '../http/access'
import { type Api, apiPart, errors, json } from '../http/api'
import { isYamlType, mediaType, shapeLimits } from '../http/body'
import type { AppEnv } from '../http/env'
import { fail, failWith, problemJson } from '../http/errors'
import {
  NegotiationListSchema,
  NegotiationParams,
  NegotiationSchema,
  NegotiationSummarySchema,
  WorkspaceParams,
} from '../http/schemas'
import { type PlanInput, readPlan } from '../plans'

/**
 * Declared optional so that a YAML body is not held to the JSON schema; a request with neither
 * is refused by the handler. JSON bodies are checked by the same schema as plan files.
 */
const planBody = {
  required: false,
  description: 'A plan as JSON, or a plan file as YAML; one of them is required',
  content: {
    'application/json': { schema: PlanSchema },
    'application/yaml': { schema: z.string().openapi({ description: 'A plan file in YAML' }) },
  },
}

/** What a summary answers with: the fields its schema documents, so the two can not drift apart. */
const SUMMARY_FIELDS = NegotiationSummarySchema.keyof().options
type SummaryJson = z.infer<typeof NegotiationSummarySchema>

function summaryJson(negotiation: NegotiationSummary): SummaryJson {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, negotiation[field]])) as SummaryJson
}

/**
 * The negotiation as JSON text. The stored plan is already JSON (written by the server), so it is
 * spliced in as it is rather than parsed and written again: reading a plan is the commonest request.
 */
function negotiationJson(negotiation: Negotiation, warnings: readonly Problem[] = []): string {
  const head = JSON.stringify({
    ...summaryJson(negotiation),
    format: negotiation.planFormat,
    warnings: warnings.map(problemJson),
  })
  return `${head.slice(0, -1)},"plan":${negotiation.planJson}}`
}

function sendNegotiation(c: Context<AppEnv>, text: string, status: 200 | 201 = 200): Response {
  c.header('Content-Type', 'application/json')
  return c.body(text, status)
}

export function etag(version: number): string {
  return `"${version}"`
}

/** `"3"`, `W/"3"` or `3`: the version a change was based on. */
export function ifMatchVersion(header: string | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  return match?.[1] ? Number(match[1]) : 'invalid'
}

/** The plan in the request: JSON, or a file in YAML (or JSON, for the import route). */
function planInput(c: Context<AppEnv>, file: boolean): PlanInput | undefined {
  const type = mediaType(c.req.header('content-type'))
  const text = c.get('bodyText')
  if (text === undefined) return undefined
  const limits = shapeLimits(c.get('services').options)
  if (isYamlType(type)) return { text, format: 'yaml', limits }
  return file ? { text, format: 'json', limits } : { value: c.get('body') }
}

const NO_PLAN =
  'send a plan: JSON (Content-Type: application/json) or a plan file (Content-Type: application/yaml)'

export function negotiationRoutes(api: Api): void {
  const negotiationApi = apiPart(api, 'negotiations')

  negotiationApi.forMembers(
    'viewer',
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations',
      summary: 'The negotiations of a workspace, most recently active first',
      request: { params: WorkspaceParams },
      responses: { 200: json(NegotiationListSchema, 'Negotiations'), ...errors(401, 404) },
    },
    async (c, { workspaceId }) => {
      const negotiations = await c.get('services').store.listNegotiations(workspaceId)
      return c.json({ negotiations: negotiations.map(summaryJson) })
    },
  )

  for (const file of [false, true]) {
    negotiationApi.forMembers(
      'editor',
      {
        method: 'post',
        path: file
          ? '/api/workspaces/{workspaceId}/negotiations/import'
          : '/api/workspaces/{workspaceId}/negotiations',
        summary: file
          ? 'Import a plan file (YAML or JSON): its text is kept, so a download gives it back as written'
          : 'Create a negotiation from a plan (JSON), or from a plan file sent as YAML',
        request: { params: WorkspaceParams, body: planBody },
        responses: {
          201: json(NegotiationSchema, 'Created; ETag is the version'),
          ...errors(400, 401, 403, 404, 413),
        },
      },
      async (c, { workspaceId, userId }) => {
        const input = planInput(c, file)
        if (!input) return fail(c, 'required', NO_PLAN)
        const read = readPlan(input)
        if (!read.ok) return failWith(c, read.errors.map(problemJson))
        const negotiation = await c.get('services').store.createNegotiation(
          {
            workspaceId,
            title: read.plan.title,
            context: read.plan.context,
            planJson: read.planJson,
            planText: read.planText,
            planFormat: read.planFormat,
          },
          { userId },
        )
        c.header('ETag', etag(negotiation.version))
        c.header('Location', `/api/workspaces/${workspaceId}/negotiations/${negotiation.id}`)
        return sendNegotiation(c, negotiationJson(negotiation, read.warnings), 201)
      },
    )
  }

  negotiationApi.route(
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}',
      summary: 'A negotiation with its plan; the ETag is the version to send back in If-Match',
      request: { params: NegotiationParams },
      responses: {
        200: json(NegotiationSchema, 'The negotiation'),
        304: { description: 'Unchanged since the version in If-None-Match' },
        ...errors(401, 404),
      },
    },
    async (c) => {
      const found = await findNegotiation(c, c.req.valid('param'), 'viewer')
      if (found instanceof Response) return found
      c.header('ETag', etag(found.version))
      // A client holding this version gets no body back.
      if (ifMatchVersion(c.req.header('if-none-match')) === found.version) return c.body(null, 304)
      return sendNegotiation(c, negotiationJson(found))
    },
  )

  negotiationApi.route(
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/plan',
      summary: 'Download the plan file: as its author wrote it, or converted with ?format=yaml|json',
      request: {
        params: NegotiationParams,
        query: z.object({ format: z.enum(['yaml', 'json']).optional() }),
      },
      responses: {
        200: {
          description: 'The plan file',
          content: { 'application/yaml': { schema: z.string() }, 'application/json': { schema: z.string() } },
        },
        ...errors(401, 404),
      },
    },
    async (c) => {
      const found = await findNegotiation(c, c.req.valid('param'), 'viewer')
      if (found instanceof Response) return found
      const format = c.req.valid('query').format ?? found.planFormat ?? 'yaml'
      const plan = JSON.parse(found.planJson) as unknown
      const text =
        found.planText !== null && found.planFormat === format
          ? found.planText
          : format === 'yaml'
            ? planToYaml(plan)
            : planToJson(plan)
      c.header('ETag', etag(found.version))
      c.header('Content-Disposition', `attachment; filename="${fileName(found.title)}.${format}"`)
      c.header(
        'Content-Type',
        format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8',
      )
      return c.body(text)
    },
  )

  negotiationApi.route(
    {
      method: 'put',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/plan',
      summary:
        'Replace the plan, from the version in If-Match: JSON is written back into the kept file (comments stay); a YAML file replaces it',
      request: {
        params: NegotiationParams,
        headers: z.object({
          'if-match': z.string().optional().openapi({ description: 'The ETag you read: "3"' }),
        }),
        body: planBody,
      },
      responses: {
        200: json(NegotiationSchema, 'Saved; ETag is the new version'),
        ...errors(400, 401, 403, 404, 409, 413, 428),
      },
    },
    async (c) => {
      const params = c.req.valid('param')
      const found = await findNegotiation(c, params, 'editor')
      if (found instanceof Response) return found
      const expected = ifMatchVersion(c.req.header('if-match'))
      if (expected === undefined)
        return fail(
          c,
          'version_required',
          `send If-Match with the version your change is based on (the ETag of GET; now ${etag(found.version)}), so a change made meanwhile is not overwritten`,
        )
      if (expected === 'invalid')
        return fail(c, 'invalid', 'If-Match must be a version such as "3"', 'If-Match')
      const input = planInput(c, false)
      if (!input) return fail(c, 'required', NO_PLAN)
      const read = readPlan(input, { text: found.planText, format: found.planFormat })
      if (!read.ok) return failWith(c, read.errors.map(problemJson))
      const identity = c.get('identity')
      const updated = await c.get('services').store.updatePlan(
        {
          workspaceId: params.workspaceId,
          negotiationId: params.negotiationId,
          expectedVersion: expected,
          title: read.plan.title,
          context: read.plan.context,
          planJson: read.planJson,
          planText: read.planText,
          planFormat: read.planFormat,
        },
        { userId: identity?.user.id ?? null },
      )
      if (!updated.ok) {
        if (updated.code === 'stale') {
          c.header('ETag', etag(updated.current))
          return fail(
            c,
            'stale_version',
            `the plan changed since version ${expected}: it is now version ${updated.current}; reload it, apply your change again and save`,
          )
        }
        return fail(c, 'not_found', `no negotiation ${params.negotiationId}`)
      }
      c.header('ETag', etag(updated.value.version))
      return sendNegotiation(c, negotiationJson(updated.value, read.warnings))
    },
  )

  negotiationApi.forMembers(
    'editor',
    {
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}',
      summary: 'Delete a negotiation and its journal',
      request: { params: NegotiationParams },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      const { negotiationId } = c.req.valid('param')
      const deleted = await c.get('services').store.deleteNegotiation(workspaceId, negotiationId, { userId })
      return deleted ? c.body(null, 204) : fail(c, 'not_found', `no negotiation ${negotiationId}`)
    },
  )
}

/** The negotiation behind the path, after checking the caller's role; a response when there is none. */
export async function findNegotiation(
  c: Context<AppEnv>,
  params: { workspaceId: string; negotiationId: string },
  minimum: Role,
): Promise<Negotiation | Response> {
  const identity = c.get('identity')
  if (!identity) return fail(c, 'unauthenticated', 'sign in first')
  const found = await c
    .get('services')
    .store.getNegotiationAs(params.workspaceId, params.negotiationId, identity.user.id)
  const refused = refusal(c, params.workspaceId, found.role, minimum)
  if (refused) return refused
  return found.negotiation ?? fail(c, 'not_found', `no negotiation ${params.negotiationId} in this workspace`)
}

function fileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
  return slug || 'plan'
}
