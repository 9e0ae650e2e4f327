/**
 * Negotiations: the plan with its version. Create from a JSON plan or import a plan file; read
 * (with the version as ETag); download the file as its author wrote it; update only from the
 * current version (If-Match), so two people editing at once never overwrite each other unseen.
 * A plan file imported with problems becomes a negotiation with only a draft (version 0), from
 * which nothing is computed until a valid plan is saved. Rename, archive, duplicate and delete.
 */
import { z } from '@hono/zod-openapi'
import { PlanSchema, type Problem, planToJson, planToYaml } from '@parley/core'
import type { Negotiation, NegotiationSummary, Role } from '@parley/store'
import type { Context } from 'hono'
import { checkFloorChange, FLOOR_REASON_MAX_LENGTH } from '../floor'
import { refusal } from '../http/access'
import { type Api, apiPart, errors, json } from '../http/api'
import { isYamlType, mediaType, shapeLimits } from '../http/body'
import type { AppEnv } from '../http/env'
import { fail, failWith, problemJson } from '../http/errors'
import {
  DraftProblemSchema,
  ImportedDraftSchema,
  NegotiationChangeSchema,
  NegotiationListSchema,
  NegotiationParams,
  NegotiationSchema,
  NegotiationSummarySchema,
  TITLE_MAX_LENGTH,
  WorkspaceParams,
} from '../http/schemas'
import {
  draftContext,
  draftTitle,
  hasPlan,
  isDraftable,
  isDraftSaved,
  keptDraft,
  PLAN_IS_DRAFT,
  type PlanInput,
  type PlannedNegotiation,
  readPlan,
  retitledDraft,
  retitledPlan,
} from '../plans'

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
  const fields = { ...negotiation, hasPlan: negotiation.version > 0 }
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, fields[field]])) as SummaryJson
}

/** A valid plan imported as a file answers as a negotiation, saying it is not a draft. */
const ImportedPlanSchema = NegotiationSchema.extend({
  draft: z.literal(false),
  problems: z.array(DraftProblemSchema).max(0),
})

/**
 * The negotiation as JSON text. The stored plan is already JSON (written by the server), so it is
 * spliced in as it is rather than parsed and written again: reading a plan is the commonest request.
 */
function negotiationJson(
  negotiation: PlannedNegotiation,
  warnings: readonly Problem[] = [],
  extra: Record<string, unknown> = {},
): string {
  const head = JSON.stringify({
    ...summaryJson(negotiation),
    format: negotiation.planFormat,
    warnings: warnings.map(problemJson),
    ...extra,
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

const UNTITLED = 'must not be empty: give the negotiation a title'

const NO_PLAN =
  'send a plan: JSON (Content-Type: application/json) or a plan file (Content-Type: application/yaml)'

export function negotiationRoutes(api: Api): void {
  const negotiationApi = apiPart(api, 'negotiations')

  negotiationApi.forMembers(
    'viewer',
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations',
      summary:
        'The negotiations of a workspace, most recently active first: those not archived, or with ?archived=true the archived ones',
      request: {
        params: WorkspaceParams,
        query: z.object({ archived: z.enum(['true', 'false']).optional() }),
      },
      responses: { 200: json(NegotiationListSchema, 'Negotiations'), ...errors(400, 401, 404) },
    },
    async (c, { workspaceId }) => {
      const archived = c.req.valid('query').archived === 'true'
      const negotiations = await c.get('services').store.listNegotiations(workspaceId, { archived })
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
          ? 'Import a plan file (YAML or JSON): its text is kept, so a download gives it back as written; a plan with problems is kept as a draft (version 0) to fix'
          : 'Create a negotiation from a plan (JSON), or from a plan file sent as YAML',
        request: { params: WorkspaceParams, body: planBody },
        responses: {
          201: file
            ? json(
                z.union([ImportedPlanSchema, ImportedDraftSchema]),
                'Created: a negotiation (ETag is the version), or, for a plan with problems, a draft with its problems (ETag "0")',
              )
            : json(NegotiationSchema, 'Created; ETag is the version'),
          ...errors(400, 401, 403, 404, 413),
        },
      },
      async (c, { workspaceId, userId }) => {
        const input = planInput(c, file)
        if (!input) return fail(c, 'required', NO_PLAN)
        const read = readPlan(input)
        if (file && input.text !== undefined && isDraftable(read)) {
          const draft = keptDraft(input.text, input.format ?? 'yaml', read)
          const negotiation = await c.get('services').store.createNegotiation(
            {
              workspaceId,
              title: draftTitle(read.value),
              context: draftContext(read.value),
              planJson: null,
              planText: null,
              planFormat: null,
              draft,
            },
            { userId },
          )
          c.header('ETag', etag(negotiation.version))
          c.header('Location', `/api/workspaces/${workspaceId}/negotiations/${negotiation.id}`)
          return c.json(
            {
              id: negotiation.id,
              title: negotiation.title,
              draft: true,
              version: 0,
              draftVersion: 1,
              ...(JSON.parse(draft.problems) as { problems: unknown[]; unlisted: number }),
            },
            201,
          )
        }
        if (!read.ok) return failWith(c, read.errors.map(problemJson))
        // The schema refuses an empty title; one of spaces only would list as a blank line.
        if (read.plan.title.trim() === '')
          return failWith(c, [{ code: 'too_small', path: 'title', message: UNTITLED }])
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
        const planned = { ...negotiation, planJson: read.planJson }
        return sendNegotiation(
          c,
          negotiationJson(planned, read.warnings, file ? { draft: false, problems: [] } : {}),
          201,
        )
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
        ...errors(401, 404, 409),
      },
    },
    async (c) => {
      const found = await findPlannedNegotiation(c, c.req.valid('param'), 'viewer')
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
        ...errors(401, 404, 409),
      },
    },
    async (c) => {
      const found = await findPlannedNegotiation(c, c.req.valid('param'), 'viewer')
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
        'Replace the plan, from the version in If-Match ("0" for a negotiation that has only a draft): JSON is written back into the kept file (comments stay); a YAML file replaces it; saving the text of the draft clears the draft',
      request: {
        params: NegotiationParams,
        headers: z.object({
          'if-match': z.string().optional().openapi({ description: 'The ETag you read: "3"' }),
        }),
        query: z.object({
          floorChangeReason: z.string().max(FLOOR_REASON_MAX_LENGTH).optional().openapi({
            description:
              'Why our floor moved: required (else 400 floor_change_reason_required) when the reservation or a limit changes after our first offer; audited with the fields that moved',
          }),
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
      const floor = await checkFloorChange(
        c.get('services'),
        found,
        read.plan,
        c.req.valid('query').floorChangeReason,
      )
      if (!floor.ok) return fail(c, floor.code, floor.message, 'floorChangeReason')
      const identity = c.get('identity')
      const draft = await c.get('services').store.getDraft(params.workspaceId, params.negotiationId)
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
          ...(draft && isDraftSaved(draft, input, read) ? { clearDraft: draft.version } : {}),
          ...(floor.floorChange ? { floorChange: floor.floorChange } : {}),
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
      return sendNegotiation(c, negotiationJson({ ...updated.value, planJson: read.planJson }, read.warnings))
    },
  )

  negotiationApi.forMembers(
    'editor',
    {
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}',
      summary: 'Delete a negotiation, its journal and its draft (audited)',
      request: { params: NegotiationParams },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      const { negotiationId } = c.req.valid('param')
      const deleted = await c.get('services').store.deleteNegotiation(workspaceId, negotiationId, { userId })
      return deleted ? c.body(null, 204) : fail(c, 'not_found', `no negotiation ${negotiationId}`)
    },
  )

  negotiationApi.forMembers(
    'editor',
    {
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}',
      summary: `Rename (the title is written into the plan and the draft too; no If-Match needed), archive or restore`,
      request: {
        params: NegotiationParams,
        body: { required: true, content: { 'application/json': { schema: NegotiationChangeSchema } } },
      },
      responses: {
        200: json(NegotiationSummarySchema, 'Changed'),
        ...errors(400, 401, 403, 404, 409),
      },
    },
    async (c, { workspaceId, userId }) => {
      const { negotiationId } = c.req.valid('param')
      const change = c.req.valid('json')
      const { store } = c.get('services')
      let summary: NegotiationSummary | null = null
      if (change.title !== undefined) {
        const renamed = await rename(c, { workspaceId, negotiationId, title: change.title, userId })
        if (renamed instanceof Response) return renamed
        summary = renamed
      }
      if (change.archived !== undefined)
        summary = await store.archiveNegotiation(workspaceId, negotiationId, change.archived, { userId })
      return summary ? c.json(summaryJson(summary)) : fail(c, 'not_found', `no negotiation ${negotiationId}`)
    },
  )

  negotiationApi.forMembers(
    'editor',
    {
      method: 'post',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/duplicate',
      summary:
        'Copy a negotiation: its plan and its draft, titled "Copy of ...", with an empty journal (audited)',
      request: { params: NegotiationParams },
      responses: {
        201: json(NegotiationSummarySchema, 'Created; ETag is the version'),
        ...errors(401, 403, 404),
      },
    },
    async (c, { workspaceId, userId }) => {
      const { negotiationId } = c.req.valid('param')
      const { store, options } = c.get('services')
      const source = await store.getNegotiation(workspaceId, negotiationId)
      if (!source) return fail(c, 'not_found', `no negotiation ${negotiationId} in this workspace`)
      const draft = await store.getDraft(workspaceId, negotiationId)
      const title = copyTitle(source.title)
      const plan = hasPlan(source) ? retitledPlan(source, title) : null
      const copy = await store.createNegotiation(
        {
          workspaceId,
          title,
          context: source.context,
          planJson: plan?.planJson ?? null,
          planText: plan?.planText ?? null,
          planFormat: plan ? source.planFormat : null,
          ...(draft ? { draft: retitledDraft(draft, title, shapeLimits(options)) } : {}),
          duplicateOf: source.id,
        },
        { userId },
      )
      c.header('ETag', etag(copy.version))
      c.header('Location', `/api/workspaces/${workspaceId}/negotiations/${copy.id}`)
      return c.json(summaryJson(copy), 201)
    },
  )
}

/** How many times a rename reads again after a save raced it, before saying so. */
const RENAME_ATTEMPTS = 3

/**
 * Renames: the title is written into the plan (and the draft) as well, so a later save of either
 * keeps it. No If-Match is asked of the caller: the change is made on the versions read here, and
 * made again on fresh ones when a save came in between.
 */
async function rename(
  c: Context<AppEnv>,
  target: { workspaceId: string; negotiationId: string; title: string; userId: string },
): Promise<NegotiationSummary | Response> {
  const { store, options } = c.get('services')
  const { workspaceId, negotiationId, title } = target
  for (let attempt = 0; attempt < RENAME_ATTEMPTS; attempt++) {
    const negotiation = await store.getNegotiation(workspaceId, negotiationId)
    if (!negotiation) break
    const draft = await store.getDraft(workspaceId, negotiationId)
    const renamed = await store.renameNegotiation(
      {
        workspaceId,
        negotiationId,
        title,
        expectedVersion: negotiation.version,
        plan: hasPlan(negotiation) ? retitledPlan(negotiation, title) : null,
        draft: draft
          ? { ...retitledDraft(draft, title, shapeLimits(options)), expectedVersion: draft.version }
          : null,
      },
      { userId: target.userId },
    )
    if (renamed.ok) return renamed.value
    if (renamed.code === 'not_found') break
    if (attempt === RENAME_ATTEMPTS - 1)
      return fail(
        c,
        'stale_version',
        'the plan or its draft kept changing while it was being renamed; rename it again',
      )
  }
  return fail(c, 'not_found', `no negotiation ${negotiationId} in this workspace`)
}

/** "Copy of" the title, within the longest title allowed. */
function copyTitle(title: string): string {
  const copy = `Copy of ${title}`
  return copy.length <= TITLE_MAX_LENGTH ? copy : `${copy.slice(0, TITLE_MAX_LENGTH - 1)}…`
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

/** As {@link findNegotiation}, for what needs a valid plan: a negotiation with only a draft is a 409. */
export async function findPlannedNegotiation(
  c: Context<AppEnv>,
  params: { workspaceId: string; negotiationId: string },
  minimum: Role,
): Promise<PlannedNegotiation | Response> {
  const found = await findNegotiation(c, params, minimum)
  if (found instanceof Response) return found
  return hasPlan(found) ? found : fail(c, 'plan_is_draft', PLAN_IS_DRAFT)
}

export function fileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
  return slug || 'plan'
}
