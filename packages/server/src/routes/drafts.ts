/**
 * Drafts: the latest text of a negotiation's plan, valid or not, kept beside the last valid plan and
 * shared with the team, so one field with a problem never loses the other edits. Any text within the
 * plan size limit is kept, with its problems; `valid` says whether `PUT .../plan` would take it as it
 * is (saving it there is the client's step, and clears the draft). Versions are compare-and-set
 * through If-Match, as the plan's are; a stale one is a 412.
 */
import { z } from '@hono/zod-openapi'
import type { Draft } from '@parley/store'
import { type Api, apiPart, errors, json } from '../http/api'
import { isYamlType, mediaType, shapeLimits } from '../http/body'
import { fail } from '../http/errors'
import { DraftInputSchema, DraftSavedSchema, DraftSchema, NegotiationParams } from '../http/schemas'
import { draftJson, readDraft } from '../plans'
import { etag, findNegotiation, ifMatchVersion } from './negotiations'

function draftSavedJson(draft: Draft) {
  const { text: _, ...saved } = draftJson(draft)
  return saved
}

export function draftRoutes(api: Api): void {
  const draftApi = apiPart(api, 'negotiations')
  const path = '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/draft'

  draftApi.route(
    {
      method: 'get',
      path,
      summary: 'The latest draft of the plan with its problems; ETag is its version (404 no_draft: none)',
      request: { params: NegotiationParams },
      responses: { 200: json(DraftSchema, 'The draft'), ...errors(401, 404) },
    },
    async (c) => {
      const params = c.req.valid('param')
      const found = await findNegotiation(c, params, 'viewer')
      if (found instanceof Response) return found
      const draft = await c.get('services').store.getDraft(params.workspaceId, params.negotiationId)
      if (!draft)
        return fail(
          c,
          'no_draft',
          'this negotiation has no draft: none was saved, or it was saved as the plan since',
        )
      c.header('ETag', etag(draft.version))
      return c.json(draftJson(draft))
    },
  )

  draftApi.route(
    {
      method: 'put',
      path,
      summary:
        'Save a draft of the plan: any text within the plan size limit, valid or not, as a YAML body or as JSON { text, format }; If-Match with the draft version it was based on, required when a draft exists',
      request: {
        params: NegotiationParams,
        headers: z.object({
          'if-match': z.string().optional().openapi({ description: 'The draft ETag you read: "3"' }),
        }),
        body: {
          required: false,
          description: 'The draft: JSON { text, format }, or the text itself as YAML',
          content: {
            'application/json': { schema: DraftInputSchema },
            'application/yaml': { schema: z.string().openapi({ description: 'A plan file in YAML' }) },
          },
        },
      },
      responses: {
        200: json(DraftSavedSchema, 'Saved; ETag is the new draft version'),
        ...errors(400, 401, 403, 404, 412, 413, 428),
      },
    },
    async (c) => {
      const params = c.req.valid('param')
      const found = await findNegotiation(c, params, 'editor')
      if (found instanceof Response) return found
      const expected = ifMatchVersion(c.req.header('if-match'))
      if (expected === 'invalid')
        return fail(c, 'invalid', 'If-Match must be a draft version such as "3"', 'If-Match')
      const body = isYamlType(mediaType(c.req.header('content-type')))
        ? { text: c.get('bodyText') ?? '', format: 'yaml' as const }
        : DraftInputSchema.safeParse(c.get('body'))
      const input = 'success' in body ? (body.success ? body.data : undefined) : body
      if (!input)
        return fail(
          c,
          'required',
          'send the draft: JSON { "text", "format": "yaml" | "json" }, or its text with Content-Type: application/yaml',
        )
      const { store, options } = c.get('services')
      const kept = readDraft(input.text, input.format, shapeLimits(options))
      if (!kept.ok) return fail(c, 'too_large', kept.message)
      const saved = await store.saveDraft(
        {
          ...kept.draft,
          workspaceId: params.workspaceId,
          negotiationId: params.negotiationId,
          expectedVersion: expected,
        },
        { userId: c.get('identity')?.user.id ?? null },
      )
      if (saved.ok) {
        c.header('ETag', etag(saved.value.version))
        return c.json(draftSavedJson(saved.value))
      }
      if (saved.code === 'not_found') return fail(c, 'not_found', `no negotiation ${params.negotiationId}`)
      c.header('ETag', etag(saved.current))
      if (saved.code === 'version_required')
        return fail(
          c,
          'version_required',
          `send If-Match with the draft version your text is based on (the ETag of GET .../draft; now ${etag(saved.current)}), so a draft saved meanwhile is not overwritten`,
        )
      return fail(
        c,
        'stale_draft',
        `the draft changed since version ${expected}: it is now version ${saved.current}; reload it, apply your change again and save`,
      )
    },
  )
}
