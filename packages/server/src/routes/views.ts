/**
 * Computed views of a negotiation: the frontier, the MESO set, the status, the coach, the linter and
 * the debrief, as the commands' `--json` gives them. They are computed in the compute pool's worker
 * threads (compute/pool.ts) under a work budget and a deadline, never on the thread that answers
 * requests; a view that needs more answers 422 with what to change. Each answer is kept per plan
 * version, journal and normalised query (see compute/requests.ts), so asking again costs nothing.
 */
import { z } from '@hono/zod-openapi'
import { MIN_EPSILON, STAGES } from '@parley/core'
import type { Context } from 'hono'
import { smallerOrLocal } from '../compute/advice'
import type { ComputeRefusal } from '../compute/pool'
import {
  type NegotiationInput,
  normaliseQuery,
  readsJournal,
  type ViewAnswer,
  type ViewQuery,
  viewKey,
} from '../compute/requests'
import { type Api, apiPart, errors, json } from '../http/api'
import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import { NegotiationParams } from '../http/schemas'
import type { PlannedNegotiation } from '../plans'
import { VERSION } from '../version'
import { findPlannedNegotiation } from './negotiations'

/** The learner's state as the web app reads it (core's `learnerStateBytes`). */
export const LEARNER_STATE_MEDIA_TYPE = 'application/vnd.parley.learner-state'

/** Computes (or recalls) a view of the negotiation in the path, and answers with it. */
async function answerView(
  c: Context<AppEnv>,
  params: { workspaceId: string; negotiationId: string },
  asked: ViewQuery,
): Promise<Response> {
  const found = await findPlannedNegotiation(c, params, 'viewer')
  if (found instanceof Response) return found
  const answer = await computedView(c, found, asked)
  if (answer instanceof Response) return answer
  c.header('Content-Type', 'application/json')
  return c.body(answer.json, answer.status)
}

/**
 * A view of a negotiation already found and authorised (by a member's role, or by a deal room's
 * link): computed in the pool, or recalled; a refusal of the pool as its response.
 */
export async function computedView(
  c: Context<AppEnv>,
  found: PlannedNegotiation,
  asked: ViewQuery,
): Promise<ViewAnswer | Response> {
  const params = { workspaceId: found.workspaceId, negotiationId: found.id }
  const { store, memo, compute } = c.get('services')
  const query = normaliseQuery(asked)
  const stored = readsJournal(query.view)
    ? ((await store.listEvents(params.workspaceId, params.negotiationId)) ?? [])
    : []
  const negotiation: NegotiationInput = {
    id: found.id,
    version: found.version,
    planJson: found.planJson,
    planText: found.planText,
    planFormat: found.planFormat,
    eventsJson: `[${stored.map((event) => event.body).join(',')}]`,
    eventCount: stored.length,
    lastEventId: stored.at(-1)?.id ?? null,
  }
  const key = viewKey(negotiation, query)
  let answer = memo.peek<ViewAnswer>(key)
  if (!answer) {
    const outcome = await compute.view(params.workspaceId, key, {
      negotiation,
      query,
      serverVersion: VERSION,
    })
    if (!outcome.ok) return refuse(c, outcome, query)
    answer = outcome.answer
    memo.set(key, answer)
  }
  return answer
}

/** The pool's refusals, in words that say what to do. */
function refuse(c: Context<AppEnv>, refusal: ComputeRefusal, query: ViewQuery): Response {
  const instead = smallerOrLocal(query.view)
  switch (refusal.reason) {
    case 'deadline':
      return fail(
        c,
        'over_deadline',
        `this view took longer than ${refusal.limitMs / 1000} s, the most this server gives one request; ${instead}`,
      )
    case 'memory':
      return fail(
        c,
        'over_memory',
        `this view needs more than ${refusal.limitMb} MiB of memory, the most this server gives one request; ${instead}`,
      )
    case 'workspace_busy':
      c.header('Retry-After', '1')
      return fail(
        c,
        'workspace_busy',
        `this workspace already has ${refusal.limit} views being computed, the most it may have at once; ask again when one has answered`,
      )
    case 'server_busy':
      c.header('Retry-After', '2')
      return fail(c, 'server_busy', 'the server is busy computing other views; ask again in a few seconds')
  }
}

const anyJson = (description: string) => json(z.record(z.string(), z.unknown()), description)
const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1')

/** The answers every view may give besides its own: too much work, too busy. */
const computeErrors = {
  422: anyJson(
    'More work, time or memory than the server gives one request (`over_budget`, `over_deadline`, `over_memory`), with what to change; or, for the frontier and MESO, no answer exists (the message says why)',
  ),
  429: anyJson('This workspace has as many views being computed as it may (Retry-After)'),
  503: anyJson('The server is busy computing other views (Retry-After)'),
}

export function viewRoutes(api: Api): void {
  const viewApi = apiPart(api, 'views')
  const base = '/api/workspaces/{workspaceId}/negotiations/{negotiationId}'

  viewApi.route(
    {
      method: 'get',
      path: `${base}/frontier`,
      summary: 'The Pareto frontier, bargaining points and zone of agreement (as `parley frontier --json`)',
      request: {
        params: NegotiationParams,
        query: z.object({
          rule: flag,
          epsilon: z.coerce
            .number()
            .min(MIN_EPSILON, {
              message: `must be at least ${MIN_EPSILON} points (leave it out for the exact frontier)`,
            })
            .max(100)
            .optional(),
        }),
      },
      responses: { 200: anyJson('The frontier'), ...errors(400, 401, 404, 409), ...computeErrors },
    },
    async (c) => {
      const { rule, epsilon } = c.req.valid('query')
      return answerView(c, c.req.valid('param'), {
        view: 'frontier',
        rule,
        ...(epsilon !== undefined ? { epsilon } : {}),
      })
    },
  )

  viewApi.route(
    {
      method: 'get',
      path: `${base}/meso`,
      summary:
        'Two or three bundles worth the same to us (as `parley meso --json`), chosen under what the journal taught',
      request: {
        params: NegotiationParams,
        query: z.object({
          count: z.coerce.number().int().min(2).max(3).optional(),
          target: z.coerce.number().min(-1000).max(1000).optional(),
          tolerance: z.coerce.number().positive().max(100).optional(),
        }),
      },
      responses: { 200: anyJson('The MESO set'), ...errors(400, 401, 404, 409), ...computeErrors },
    },
    async (c) => {
      const { count, target, tolerance } = c.req.valid('query')
      return answerView(c, c.req.valid('param'), {
        view: 'meso',
        ...(count !== undefined ? { count } : {}),
        ...(target !== undefined ? { target } : {}),
        ...(tolerance !== undefined ? { tolerance } : {}),
      })
    },
  )

  viewApi.route(
    {
      method: 'get',
      path: `${base}/learned`,
      summary:
        "What the journal taught about the other side, as the learner's state to resume from (the web app's: it learns only moves added since, with the same figures)",
      description: `The sampler's state after the journal's moves (\`${LEARNER_STATE_MEDIA_TYPE}\`: a 4-byte little-endian length, a JSON header of that length naming the plan \`version\`, \`eventCount\` and \`lastEventId\` it was learned on under \`kept\`, then the samples as raw numbers). It holds our estimate of what they value, so members only; never in the deal room.`,
      request: { params: NegotiationParams },
      responses: {
        200: {
          description: "The learner's state",
          content: { [LEARNER_STATE_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        204: { description: 'The journal holds no move of theirs: nothing learned yet' },
        ...errors(401, 404, 409),
        ...computeErrors,
      },
    },
    async (c) => {
      const found = await findPlannedNegotiation(c, c.req.valid('param'), 'viewer')
      if (found instanceof Response) return found
      // Only their moves teach anything: without one there is nothing to send (and no worker to start).
      const stored = (await c.get('services').store.listEvents(found.workspaceId, found.id)) ?? []
      if (!stored.some((event) => (JSON.parse(event.body) as { side?: unknown }).side === 'them'))
        return c.body(null, 204)
      const answer = await computedView(c, found, { view: 'learned' })
      if (answer instanceof Response) return answer
      if (!answer.bytes) throw new Error('the learned view gave no bytes')
      c.header('Content-Type', LEARNER_STATE_MEDIA_TYPE)
      return c.body(new Uint8Array(answer.bytes), 200)
    },
  )

  viewApi.route(
    {
      method: 'get',
      path: `${base}/status`,
      summary: 'Where the negotiation stands (as `parley status --json`)',
      request: { params: NegotiationParams },
      responses: { 200: anyJson('The status'), ...errors(401, 404, 409), ...computeErrors },
    },
    async (c) => answerView(c, c.req.valid('param'), { view: 'status' }),
  )

  viewApi.route(
    {
      method: 'get',
      path: `${base}/coach`,
      summary: 'The playbook for the current stage, or ?stage=... (as `parley coach --json`)',
      request: { params: NegotiationParams, query: z.object({ stage: z.enum(STAGES).optional() }) },
      responses: { 200: anyJson('The coach'), ...errors(400, 401, 404, 409), ...computeErrors },
    },
    async (c) => {
      const { stage } = c.req.valid('query')
      return answerView(c, c.req.valid('param'), { view: 'coach', ...(stage ? { stage } : {}) })
    },
  )

  viewApi.route(
    {
      method: 'get',
      path: `${base}/lint`,
      summary:
        "The method's pitfalls in the plan, the journal and the phrases (as `parley lint --format json|sarif`)",
      request: {
        params: NegotiationParams,
        query: z.object({ format: z.enum(['json', 'sarif']).optional() }),
      },
      responses: { 200: anyJson('Findings'), ...errors(400, 401, 404, 409), ...computeErrors },
    },
    async (c) =>
      answerView(c, c.req.valid('param'), { view: 'lint', format: c.req.valid('query').format ?? 'json' }),
  )

  viewApi.route(
    {
      method: 'get',
      path: `${base}/debrief`,
      summary:
        'The debrief prompts with the answers recorded, and the figures of the outcome (as `parley debrief --json`)',
      request: { params: NegotiationParams },
      responses: { 200: anyJson('The debrief'), ...errors(401, 404, 409), ...computeErrors },
    },
    async (c) => answerView(c, c.req.valid('param'), { view: 'debrief' }),
  )
}
