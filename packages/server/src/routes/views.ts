/**
 * Computed views of a negotiation: the frontier, the MESO set, the status, the coach, the linter and
 * the debrief. The same core functions answer the commands' `--json`, so the API gives the same
 * results. Each result is kept per plan version and journal length (see memo.ts).
 */
import { createRoute, z } from '@hono/zod-openapi'
import {
  coach,
  debriefView,
  findingsJson,
  frontierView,
  lintNegotiation,
  locateFindings,
  mesoView,
  negotiationStatus,
  readSource,
  negotiation as replayNegotiation,
  STAGES,
  sarifLog,
} from '@parley/core'
import type { Negotiation } from '@parley/store'
import type { Context } from 'hono'
import { type Api, errors, json, route } from '../http/api'
import type { AppEnv } from '../http/env'
import { NegotiationParams } from '../http/schemas'
import { storedEvents } from '../journal'
import { spaceOf } from '../plans'
import { VERSION } from '../version'
import { findNegotiation } from './negotiations'

/** The plan, its journal, and what replaying it teaches, computed once per version and journal length. */
async function loadNegotiation(c: Context<AppEnv>, params: { workspaceId: string; negotiationId: string }) {
  const found = await findNegotiation(c, params, 'viewer')
  if (found instanceof Response) return found
  const { store, memo } = c.get('services')
  const stored = (await store.listEvents(params.workspaceId, params.negotiationId)) ?? []
  const key = `${found.id}@${found.version}:${stored.length}`
  const space = spaceOf(memo, found)
  const events = memo.get(`events:${key}`, () => storedEvents(stored))
  const derived = memo.get(`replay:${key}`, () => replayNegotiation(space, events))
  return { negotiation: found, space, events, derived, key }
}

const anyJson = (description: string) => json(z.record(z.string(), z.unknown()), description)
const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1')

export function viewRoutes(api: Api): void {
  const base = '/api/workspaces/{workspaceId}/negotiations/{negotiationId}'

  route(
    api,
    createRoute({
      method: 'get',
      path: `${base}/frontier`,
      tags: ['views'],
      summary: 'The Pareto frontier, bargaining points and zone of agreement (as `parley frontier --json`)',
      request: {
        params: NegotiationParams,
        query: z.object({ rule: flag, epsilon: z.coerce.number().positive().max(100).optional() }),
      },
      responses: {
        200: anyJson('The frontier'),
        ...errors(400, 401, 404),
        422: anyJson('Too large for the exact frontier'),
      },
    }),
    async (c) => {
      const loaded = await loadNegotiation(c, c.req.valid('param'))
      if (loaded instanceof Response) return loaded
      const { rule, epsilon } = c.req.valid('query')
      const result = c
        .get('services')
        .memo.get(`frontier:${loaded.negotiation.id}@${loaded.negotiation.version}:${rule}:${epsilon}`, () =>
          frontierView(
            loaded.space,
            { rule, ...(epsilon !== undefined ? { epsilon } : {}) },
            (e) => `ask again with ?epsilon=${e}`,
          ),
        )
      if (!result.ok)
        return c.json({ error: { code: result.code, message: result.message, path: '' }, ...result }, 422)
      return c.json(result.view)
    },
  )

  route(
    api,
    createRoute({
      method: 'get',
      path: `${base}/meso`,
      tags: ['views'],
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
      responses: {
        200: anyJson('The MESO set'),
        ...errors(400, 401, 404),
        422: anyJson('No MESO set meets the request'),
      },
    }),
    async (c) => {
      const loaded = await loadNegotiation(c, c.req.valid('param'))
      if (loaded instanceof Response) return loaded
      const query = c.req.valid('query')
      const learned = loaded.events.length > 0 ? loaded.derived.posterior : undefined
      const result = c
        .get('services')
        .memo.get(`meso:${loaded.key}:${query.count}:${query.target}:${query.tolerance}`, () =>
          mesoView(
            loaded.space,
            {
              ...(query.count !== undefined ? { count: query.count } : {}),
              ...(query.target !== undefined ? { target: query.target } : {}),
              ...(query.tolerance !== undefined ? { tolerance: query.tolerance } : {}),
            },
            learned,
          ),
        )
      if (!result.ok)
        return c.json(
          { error: { code: result.failure.code, message: result.failure.message, path: '' }, ...result.view },
          422,
        )
      return c.json({ ...result.view, learned: learned !== undefined })
    },
  )

  route(
    api,
    createRoute({
      method: 'get',
      path: `${base}/status`,
      tags: ['views'],
      summary: 'Where the negotiation stands (as `parley status --json`)',
      request: { params: NegotiationParams },
      responses: { 200: anyJson('The status'), ...errors(401, 404) },
    }),
    async (c) => {
      const loaded = await loadNegotiation(c, c.req.valid('param'))
      if (loaded instanceof Response) return loaded
      const status = c
        .get('services')
        .memo.get(`status:${loaded.key}`, () =>
          negotiationStatus(loaded.space, loaded.events, loaded.derived),
        )
      return c.json({ ...status, version: loaded.negotiation.version })
    },
  )

  route(
    api,
    createRoute({
      method: 'get',
      path: `${base}/coach`,
      tags: ['views'],
      summary: 'The playbook for the current stage, or ?stage=... (as `parley coach --json`)',
      request: { params: NegotiationParams, query: z.object({ stage: z.enum(STAGES).optional() }) },
      responses: { 200: anyJson('The coach'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const loaded = await loadNegotiation(c, c.req.valid('param'))
      if (loaded instanceof Response) return loaded
      const { stage } = c.req.valid('query')
      const report = c
        .get('services')
        .memo.get(`coach:${loaded.key}:${stage}`, () =>
          coach(loaded.space, loaded.events, stage ? { stage } : {}, loaded.derived),
        )
      return c.json(report)
    },
  )

  route(
    api,
    createRoute({
      method: 'get',
      path: `${base}/lint`,
      tags: ['views'],
      summary:
        "The method's pitfalls in the plan, the journal and the phrases (as `parley lint --format json|sarif`)",
      request: {
        params: NegotiationParams,
        query: z.object({ format: z.enum(['json', 'sarif']).optional() }),
      },
      responses: { 200: anyJson('Findings'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const loaded = await loadNegotiation(c, c.req.valid('param'))
      if (loaded instanceof Response) return loaded
      const findings = c
        .get('services')
        .memo.get(`lint:${loaded.key}`, () =>
          locate(loaded.negotiation, lintNegotiation(loaded.space, loaded.events, loaded.derived)),
        )
      if (c.req.valid('query').format === 'sarif') return c.json(sarifLog(findings, { version: VERSION }))
      return c.json(findingsJson(findings))
    },
  )

  route(
    api,
    createRoute({
      method: 'get',
      path: `${base}/debrief`,
      tags: ['views'],
      summary:
        'The debrief prompts with the answers recorded, and the figures of the outcome (as `parley debrief --json`)',
      request: { params: NegotiationParams },
      responses: { 200: anyJson('The debrief'), ...errors(401, 404) },
    }),
    async (c) => {
      const loaded = await loadNegotiation(c, c.req.valid('param'))
      if (loaded instanceof Response) return loaded
      const { state, posterior } = loaded.derived
      return c.json(
        c
          .get('services')
          .memo.get(`debrief:${loaded.key}`, () => debriefView(loaded.space, state, posterior)),
      )
    },
  )
}

/** Findings placed in the kept plan file when there is one (lines and columns), else by path. */
function locate(negotiation: Negotiation, findings: Parameters<typeof locateFindings>[0]) {
  const format = negotiation.planFormat ?? 'json'
  const source = negotiation.planText !== null ? readSource(negotiation.planText, format) : undefined
  return locateFindings(findings, {
    plan: { name: `plan.${format}`, ...(source ? { source } : {}) },
    journal: { name: 'journal' },
  })
}
