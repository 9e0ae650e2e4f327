/**
 * The workspace's tradeables library: things that cost us little and are worth more to the other
 * side, and lessons from debriefs. Later plans in the workspace are offered them as suggestions.
 */
import { z } from '@hono/zod-openapi'
import type { Tradeable } from '@parley/store'
import { type Api, apiPart, errors, json, jsonBody } from '../http/api'
import { fail } from '../http/errors'
import { TradeableInputSchema, TradeableListSchema, TradeableSchema, WorkspaceParams } from '../http/schemas'

/** Most entries in one workspace's library. */
export const MAX_TRADEABLES = 2000

const TradeableParams = WorkspaceParams.extend({
  tradeableId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'tradeableId', in: 'path' } }),
})

function tradeableJson(tradeable: Tradeable) {
  return {
    ...(JSON.parse(tradeable.body) as Record<string, unknown>),
    id: tradeable.id,
    createdBy: tradeable.createdBy,
    createdAt: tradeable.createdAt,
    updatedAt: tradeable.updatedAt,
  }
}

export function tradeableRoutes(api: Api): void {
  const base = '/api/workspaces/{workspaceId}/tradeables'
  const libraryApi = apiPart(api, 'tradeables')

  libraryApi.forMembers(
    'viewer',
    {
      method: 'get',
      path: base,
      summary: "The workspace's tradeables library",
      request: { params: WorkspaceParams },
      responses: { 200: json(TradeableListSchema, 'The library'), ...errors(401, 404) },
    },
    async (c, { workspaceId }) => {
      const tradeables = await c.get('services').store.listTradeables(workspaceId)
      return c.json({ tradeables: tradeables.map(tradeableJson) })
    },
  )

  libraryApi.forMembers(
    'editor',
    {
      method: 'post',
      path: base,
      summary: 'Add a tradeable or a lesson to the library',
      request: { params: WorkspaceParams, body: jsonBody(TradeableInputSchema) },
      responses: { 201: json(TradeableSchema, 'Added'), ...errors(400, 401, 403, 404, 409) },
    },
    async (c, { workspaceId, userId }) => {
      const { store } = c.get('services')
      if ((await store.listTradeables(workspaceId)).length >= MAX_TRADEABLES)
        return fail(
          c,
          'library_full',
          `the library holds ${MAX_TRADEABLES} entries, the most allowed; remove some first`,
        )
      const input = c.req.valid('json')
      const tradeable = await store.createTradeable(
        { workspaceId, name: input.name, body: JSON.stringify(input) },
        { userId },
      )
      return c.json(tradeableJson(tradeable), 201)
    },
  )

  libraryApi.forMembers(
    'editor',
    {
      method: 'put',
      path: `${base}/{tradeableId}`,
      summary: 'Replace an entry of the library',
      request: { params: TradeableParams, body: jsonBody(TradeableInputSchema) },
      responses: { 200: json(TradeableSchema, 'Replaced'), ...errors(400, 401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      const { tradeableId } = c.req.valid('param')
      const input = c.req.valid('json')
      const tradeable = await c
        .get('services')
        .store.updateTradeable(
          { workspaceId, id: tradeableId, name: input.name, body: JSON.stringify(input) },
          { userId },
        )
      return tradeable
        ? c.json(tradeableJson(tradeable))
        : fail(c, 'not_found', `no tradeable ${tradeableId} in this workspace`)
    },
  )

  libraryApi.forMembers(
    'editor',
    {
      method: 'delete',
      path: `${base}/{tradeableId}`,
      summary: 'Remove an entry from the library',
      request: { params: TradeableParams },
      responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      const { tradeableId } = c.req.valid('param')
      const deleted = await c.get('services').store.deleteTradeable(workspaceId, tradeableId, { userId })
      return deleted
        ? c.body(null, 204)
        : fail(c, 'not_found', `no tradeable ${tradeableId} in this workspace`)
    },
  )
}
