/**
 * The history of our floor: each time the reservation or a limit moved after the first offer, when,
 * by whom, which fields and why (from the audit log; the values themselves stay in the plan).
 */
import { type Api, apiPart, errors, json } from '../http/api'
import type { FloorChanges } from '../http/contract'
import { FloorChangesSchema, NegotiationParams } from '../http/schemas'
import { findNegotiation } from './negotiations'

/** Enough for any negotiation's history: a floor that moved this often is the story itself. */
const FLOOR_HISTORY_MAX = 1000

export function floorChangeRoutes(api: Api): void {
  apiPart(api, 'negotiations').route(
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/floor-changes',
      summary:
        'When our floor (the reservation or a limit) moved after the first offer: when, by whom, which fields and why, newest first',
      request: { params: NegotiationParams },
      responses: { 200: json(FloorChangesSchema, 'The changes'), ...errors(401, 404) },
    },
    async (c) => {
      const params = c.req.valid('param')
      const found = await findNegotiation(c, params, 'viewer')
      if (found instanceof Response) return found
      const entries = await c.get('services').store.listAudit(params.workspaceId, {
        target: `negotiation:${params.negotiationId}`,
        action: 'negotiation.floor_change',
        limit: FLOOR_HISTORY_MAX,
      })
      return c.json({
        changes: entries.map((entry) => {
          const detail = JSON.parse(entry.detail ?? '{}') as Omit<
            FloorChanges['changes'][number],
            'at' | 'userId'
          >
          return { at: entry.at, userId: entry.userId, ...detail }
        }),
      })
    },
  )
}
