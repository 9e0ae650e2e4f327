/** The audit log of a workspace: who changed what, newest first (never secrets or plan contents). */
import { createRoute, z } from '@hono/zod-openapi'
import { access } from '../http/access'
import { type Api, errors, json, route } from '../http/api'
import { AuditListSchema, WorkspaceParams } from '../http/schemas'
import { MAX_STORED_INTEGER } from '../options'

export function auditRoutes(api: Api): void {
  route(
    api,
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/audit',
      tags: ['workspaces'],
      summary: 'Who changed what, newest first; page with ?before=SEQ',
      request: {
        params: WorkspaceParams,
        query: z.object({
          before: z.coerce.number().int().min(1).max(MAX_STORED_INTEGER).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: json(AuditListSchema, 'Entries'),
        ...errors(400, 401, 404),
      },
    }),
    async (c) => {
      const { workspaceId } = c.req.valid('param')
      const allowed = await access(c, workspaceId, 'viewer')
      if (!allowed.ok) return allowed.response
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
