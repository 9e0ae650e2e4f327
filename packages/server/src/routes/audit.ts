/** The audit log of a workspace: who changed what, newest first (never secrets or plan contents). */
import { z } from '@hono/zod-openapi'
import { type Api, apiPart, errors, json } from '../http/api'
import { AuditListSchema, WorkspaceParams } from '../http/schemas'
import { MAX_STORED_INTEGER } from '../options'

export function auditRoutes(api: Api): void {
  const workspaceApi = apiPart(api, 'workspaces')

  workspaceApi.forMembers(
    'viewer',
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/audit',
      summary: 'Who changed what, newest first; page with ?before=SEQ',
      request: {
        params: WorkspaceParams,
        query: z.object({
          before: z.coerce.number().int().min(1).max(MAX_STORED_INTEGER).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: { 200: json(AuditListSchema, 'Entries'), ...errors(400, 401, 404) },
    },
    async (c, { workspaceId }) => {
      const query = c.req.valid('query')
      const entries = await c.get('services').store.listAudit(workspaceId, {
        ...(query.before !== undefined ? { before: query.before } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      })
      return c.json({
        entries: entries.map(({ seq, userId, action, target, detail, at }) => ({
          seq,
          userId,
          action,
          target,
          detail: detail === null ? null : (JSON.parse(detail) as unknown),
          at,
        })),
      })
    },
  )
}
