/**
 * The other side's routes: the deal room, reached with a share link's token and nothing else (no
 * session, no cookie, no account). It reads one negotiation's counterparty view and records their
 * answers to the latest offer, and their signature beside the alternatives offered before signing;
 * it reaches no other negotiation, no private field, and writes nothing but those answers. An unknown, revoked or expired token all get the same 404, so a
 * link's state is not told to whoever guesses it. Uses are counted per address and per link.
 */

import { z } from '@hono/zod-openapi'
import { COUNTERPARTY_DOCUMENT_KINDS } from '@parley/core'
import type { ShareLink } from '@parley/store'
import type { Context } from 'hono'
import { clientAddress, limitAttempts } from '../auth/rate-limits'
import { isSecretOf, secretHash } from '../auth/secrets'
import { type Answer, dealRoomRead, decideAnswer, missingField } from '../deal-room'
import { type Api, apiPart, errors, json, jsonBody } from '../http/api'
import {
  ANSWER_MAX_BYTES,
  AnswerInputSchema,
  DealRoomSchema,
  RecordedAnswerSchema,
} from '../http/deal-room-schemas'
import type { AppEnv } from '../http/env'
import { fail, failWith } from '../http/errors'
import { TokenParams } from '../http/schemas'
import { requestHash } from '../journal'
import { hasPlan, type PlannedNegotiation } from '../plans'
import { DocumentQuery, documentResponse } from './documents'
import { refusedEvent } from './journal'

/** The one answer for every link that does not open the room, whatever the reason. */
const NO_ROOM =
  'this link does not open a deal room: it may have been revoked or have expired. Ask the team that sent it for a new one'

type Room = { link: ShareLink; negotiation: PlannedNegotiation }

/**
 * The link behind the token and its negotiation, after counting the use; a response when it is
 * over a limit or does not open the room.
 */
async function openRoom(c: Context<AppEnv>, token: string): Promise<Room | Response> {
  const { store, now, options } = c.get('services')
  const { perAddress, perLink, windowMs } = options.dealRoomLimit
  const hash = secretHash(token)
  // A POST was counted per address before its body was read (auth/rate-limits.ts).
  const keys = [
    ...(c.req.method === 'POST' ? [] : [{ key: `deal-room:${clientAddress(c)}`, limit: perAddress }]),
    { key: `deal-room-link:${hash}`, limit: perLink },
  ]
  const limited = await limitAttempts(c, keys, windowMs, 'uses of deal-room links')
  if (limited) return limited
  const time = now().toISOString()
  const link = isSecretOf('shareLink', token) ? await store.findShareLink(hash) : null
  if (!link || link.revokedAt !== null || (link.expiresAt !== null && link.expiresAt <= time))
    return fail(c, 'not_found', NO_ROOM)
  const negotiation = await store.getNegotiation(link.workspaceId, link.negotiationId)
  if (!negotiation || !hasPlan(negotiation)) return fail(c, 'not_found', NO_ROOM)
  await store.touchShareLink(link.id, time)
  return { link, negotiation }
}

export function dealRoomRoutes(api: Api): void {
  const dealRoomApi = apiPart(api, 'deal room')

  // Before the route's schema reads the body: an answer larger than any the room takes is refused
  // for its size alone.
  api.use('/api/deal-room/*', async (c, next) => {
    const size = c.get('bodyText')?.length ?? 0
    if (c.req.method === 'POST' && size > ANSWER_MAX_BYTES)
      return fail(
        c,
        'too_large',
        `an answer may be at most ${ANSWER_MAX_BYTES / 1024} KiB of JSON; this one is ${size} bytes`,
      )
    return next()
  })

  dealRoomApi.route(
    {
      method: 'get',
      path: '/api/deal-room/{token}/documents/{kind}',
      summary:
        'A document for the other side (the MESO sheet, and after the close the term sheet, fairness story and review cadence), built only from the counterparty view, as md, html, pdf, docx, csv or ics',
      security: [],
      request: {
        params: TokenParams.extend({ kind: z.enum(COUNTERPARTY_DOCUMENT_KINDS) }),
        query: DocumentQuery,
      },
      responses: {
        200: { description: 'The document as a file (Content-Disposition: attachment)' },
        ...errors(404, 429),
        422: json(
          z.record(z.string(), z.unknown()),
          'The document can not be made yet (the message says why)',
        ),
      },
    },
    async (c) => {
      const { token, kind } = c.req.valid('param')
      const room = await openRoom(c, token)
      if (room instanceof Response) return room
      return documentResponse(c, room.negotiation, kind, c.req.valid('query').format)
    },
  )

  dealRoomApi.route(
    {
      method: 'get',
      path: '/api/deal-room/{token}',
      summary:
        'The deal room, for the other side with a share link (no account): the counterparty view of the negotiation and the latest offer to answer',
      security: [],
      request: { params: TokenParams },
      responses: { 200: json(DealRoomSchema, 'The room'), ...errors(404, 429) },
    },
    async (c) => {
      const room = await openRoom(c, c.req.valid('param').token)
      if (room instanceof Response) return room
      const { store, memo } = c.get('services')
      const stored = (await store.listEvents(room.link.workspaceId, room.link.negotiationId)) ?? []
      c.header('Cache-Control', 'no-store')
      return c.json(dealRoomRead(memo, room.negotiation, stored))
    },
  )

  dealRoomApi.route(
    {
      method: 'post',
      path: '/api/deal-room/{token}/answers',
      summary:
        'Answer the latest offer through a share link: choose a bundle, rank them, or reject with a counter; once the terms are agreed and alternatives are offered beside them, sign the agreement or one of the alternatives. Idempotent by answerId (a retry answers 200 with the event recorded the first time). 409 when a newer offer (or newer alternatives) is on the table, or nothing takes this answer',
      security: [],
      request: { params: TokenParams, body: jsonBody(AnswerInputSchema) },
      responses: {
        201: json(RecordedAnswerSchema, 'Recorded'),
        200: json(RecordedAnswerSchema, 'Recorded before, by a request with this answerId'),
        ...errors(400, 404, 409, 413, 429),
      },
    },
    async (c) => {
      const room = await openRoom(c, c.req.valid('param').token)
      if (room instanceof Response) return room
      const answer: Answer = c.req.valid('json')
      const missing = missingField(answer)
      if (missing) return failWith(c, [{ code: 'required', ...missing }])
      const { store, memo, now } = c.get('services')
      const time = now()
      const { link } = room
      const result = await store.appendEvent(
        {
          workspaceId: link.workspaceId,
          negotiationId: link.negotiationId,
          eventId: answer.answerId,
          requestHash: requestHash({ deal: link.id, answer }),
          decide: (negotiation, journal) =>
            hasPlan(negotiation)
              ? decideAnswer(memo, answer, negotiation, journal, time)
              : { ok: false, code: 'plan_is_draft', message: NO_ROOM, path: '' },
        },
        { userId: null },
      )
      if (result.ok)
        return c.json(
          {
            event: JSON.parse(result.event.body) as Record<string, unknown>,
            recordedAt: result.event.createdAt,
          },
          result.replayed ? 200 : 201,
        )
      if (result.code === 'id_conflict')
        return fail(
          c,
          'id_conflict',
          'this answer was recorded before with other content; make a new answer to send another',
          'answerId',
        )
      return refusedEvent(c, result, answer.answerId, NO_ROOM)
    },
  )
}
