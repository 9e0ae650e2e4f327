/**
 * The team's side of the deal room: making a share link for one negotiation (its secret shown
 * once, only its hash kept), listing the links with when the other side last used them, and
 * revoking one at once. Editors and owners make and revoke; any member sees the list. Each is
 * audited. The other side's routes are in deal-room.ts.
 */

import type { ShareLink } from '@parley/store'
import { expectedOrigin } from '../auth/identity'
import { newSecret, secretHash } from '../auth/secrets'
import { type Api, apiPart, errors, json, jsonBody } from '../http/api'
import {
  NewShareLinkSchema,
  ShareLinkInputSchema,
  ShareLinkListSchema,
  ShareLinkParams,
} from '../http/deal-room-schemas'
import { fail } from '../http/errors'
import { NegotiationParams } from '../http/schemas'
import { findNegotiation, findPlannedNegotiation } from './negotiations'

const DAY_MS = 24 * 60 * 60 * 1000

function shareLinkJson(link: ShareLink, now: string) {
  return {
    id: link.id,
    label: link.label,
    createdAt: link.createdAt,
    createdBy: link.createdBy,
    expiresAt: link.expiresAt,
    lastUsedAt: link.lastUsedAt,
    revoked: link.revokedAt !== null,
    expired: link.expiresAt !== null && link.expiresAt <= now,
  }
}

export function shareLinkRoutes(api: Api): void {
  const dealRoomApi = apiPart(api, 'deal room')
  const path = '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/share-links'

  dealRoomApi.route(
    {
      method: 'post',
      path,
      summary:
        'Make a share link for the other side (editors and owners; audited): the token and the address are shown once, only the hash is kept',
      request: { params: NegotiationParams, body: jsonBody(ShareLinkInputSchema) },
      responses: { 201: json(NewShareLinkSchema, 'Made'), ...errors(400, 401, 403, 404, 409) },
    },
    async (c) => {
      const params = c.req.valid('param')
      const input = c.req.valid('json')
      const found = await findPlannedNegotiation(c, params, 'editor')
      if (found instanceof Response) return found
      const { store, now } = c.get('services')
      const time = now()
      if (input.expiresAt !== undefined && input.expiresInDays !== undefined)
        return fail(c, 'invalid', 'send expiresAt or expiresInDays, not both', 'expiresInDays')
      let expiresAt: string | null = null
      if (input.expiresInDays !== undefined)
        expiresAt = new Date(time.getTime() + input.expiresInDays * DAY_MS).toISOString()
      if (input.expiresAt !== undefined) {
        const at = Date.parse(input.expiresAt)
        if (at <= time.getTime())
          return fail(c, 'invalid', 'must be in the future: the link would never work', 'expiresAt')
        if (at > time.getTime() + 365 * DAY_MS)
          return fail(c, 'invalid', 'must be within a year: make a new link after that', 'expiresAt')
        expiresAt = new Date(at).toISOString()
      }
      const token = newSecret('shareLink')
      const identity = c.get('identity')
      if (!identity) return fail(c, 'unauthenticated', 'sign in first')
      const link = await store.createShareLink(
        {
          workspaceId: params.workspaceId,
          negotiationId: params.negotiationId,
          tokenHash: secretHash(token),
          label: input.label?.trim() ?? '',
          expiresAt,
        },
        { userId: identity.user.id },
      )
      if (!link) return fail(c, 'not_found', `no negotiation ${params.negotiationId} in this workspace`)
      return c.json(
        {
          id: link.id,
          url: `${expectedOrigin(c)}/d/${token}`,
          token,
          label: link.label,
          expiresAt: link.expiresAt,
        },
        201,
      )
    },
  )

  dealRoomApi.route(
    {
      method: 'get',
      path,
      summary:
        "The negotiation's share links, newest first, with when the other side last used each (never a token)",
      request: { params: NegotiationParams },
      responses: { 200: json(ShareLinkListSchema, 'The links'), ...errors(401, 404) },
    },
    async (c) => {
      const params = c.req.valid('param')
      const found = await findNegotiation(c, params, 'viewer')
      if (found instanceof Response) return found
      const { store, now } = c.get('services')
      const links = await store.listShareLinks(params.workspaceId, params.negotiationId)
      const time = now().toISOString()
      return c.json({ links: links.map((link) => shareLinkJson(link, time)) })
    },
  )

  dealRoomApi.route(
    {
      method: 'delete',
      path: `${path}/{linkId}`,
      summary: 'Revoke a share link at once (editors and owners; audited): it answers 404 from then on',
      request: { params: ShareLinkParams },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
    },
    async (c) => {
      const params = c.req.valid('param')
      const found = await findNegotiation(c, params, 'editor')
      if (found instanceof Response) return found
      const identity = c.get('identity')
      const revoked = await c
        .get('services')
        .store.revokeShareLink(params.workspaceId, params.negotiationId, params.linkId, {
          userId: identity?.user.id ?? null,
        })
      return revoked
        ? c.body(null, 204)
        : fail(c, 'not_found', `no share link ${params.linkId} on this negotiation (or revoked already)`)
    },
  )
}
