/**
 * The journal: list the events, or append one. Appends are idempotent by the client's event id:
 * a retry with the same id and body answers as the first time without recording a second event;
 * the same id with a different body is a 409; an event without an id is a 400.
 */
import { z } from '@hono/zod-openapi'
import { EVENT_TYPES, LIMITS } from '@parley/core'
import type { AppendResult, StoredEvent } from '@parley/store'
import type { Context } from 'hono'
import { type Api, apiPart, errors, json } from '../http/api'
import { fail, failWith } from '../http/errors'
import { JournalSchema, NegotiationParams, StoredEventSchema } from '../http/schemas'
import { decideEvent, eventIdOf, requestHash } from '../journal'
import { MAX_STORED_INTEGER } from '../options'
import { findNegotiation, findPlannedNegotiation } from './negotiations'

/**
 * A refused append as the API answers it: the event's problems listed with their paths (core's
 * messages, which name each issue by its name), or why the journal took nothing.
 */
export function refusedEvent(
  c: Context,
  result: Exclude<AppendResult, { ok: true }>,
  eventId: string,
  notFound: string,
): Response {
  switch (result.code) {
    case 'not_found':
      return fail(c, 'not_found', notFound)
    case 'id_conflict':
      return fail(
        c,
        'id_conflict',
        `event ${eventId} is already in the journal with a different body; a retry must send the same event, a new event needs a new id`,
        'id',
      )
    default: {
      const { decision } = result
      if (decision.code === 'journal_full') return fail(c, 'journal_full', decision.message, decision.path)
      if (decision.code === 'plan_is_draft') return fail(c, 'plan_is_draft', decision.message)
      if (decision.code === 'stale_offer') return fail(c, 'stale_offer', decision.message, decision.path)
      if (decision.code === 'negotiation_closed' || decision.code === 'nothing_to_sign')
        return fail(c, decision.code, decision.message, decision.path)
      const list = Array.isArray(decision.detail)
        ? (decision.detail as { code: string; message: string; path: string }[])
        : []
      return failWith(
        c,
        list.length > 0 ? list : [{ code: decision.code, message: decision.message, path: decision.path }],
      )
    }
  }
}

export function storedJson(event: StoredEvent) {
  return {
    seq: event.seq,
    createdBy: event.createdBy,
    createdAt: event.createdAt,
    event: JSON.parse(event.body) as Record<string, unknown>,
  }
}

const EventBodySchema = z
  .looseObject({
    // Checked by core's event schemas in the handler, for the same messages as `parley journal add`.
    id: z.unknown().optional().openapi({
      type: 'string',
      description: 'A ULID or UUID made by the client; send the same on a retry',
    }),
    type: z
      .unknown()
      .optional()
      .openapi({ type: 'string', enum: [...EVENT_TYPES] }),
  })
  .openapi('JournalEventInput', {
    description:
      'A journal event as `parley journal add` takes it (see the journal event types); time, side, round and plan version are filled in when missing',
  })

export function journalRoutes(api: Api): void {
  const journalApi = apiPart(api, 'journal')

  journalApi.route(
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/events',
      summary:
        'The journal in order; ?after=SEQ for what came since; ?format=jsonl for the file `parley` reads',
      request: {
        params: NegotiationParams,
        query: z.object({
          after: z.coerce.number().int().min(0).max(MAX_STORED_INTEGER).optional(),
          format: z.enum(['json', 'jsonl']).optional(),
        }),
      },
      responses: { 200: json(JournalSchema, 'Events'), ...errors(400, 401, 404) },
    },
    async (c) => {
      const params = c.req.valid('param')
      const query = c.req.valid('query')
      const found = await findNegotiation(c, params, 'viewer')
      if (found instanceof Response) return found
      const events =
        (await c
          .get('services')
          .store.listEvents(
            params.workspaceId,
            params.negotiationId,
            query.after !== undefined ? { afterSeq: query.after } : {},
          )) ?? []
      if (query.format === 'jsonl') {
        c.header('Content-Type', 'application/x-ndjson; charset=utf-8')
        return c.body(events.map((event) => `${event.body}\n`).join(''))
      }
      return c.json({ version: found.version, events: events.map(storedJson) })
    },
  )

  journalApi.route(
    {
      method: 'post',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/events',
      summary: 'Append an event (idempotent by its id)',
      request: {
        params: NegotiationParams,
        body: { required: true, content: { 'application/json': { schema: EventBodySchema } } },
      },
      responses: {
        201: json(StoredEventSchema, 'Recorded (or recorded before, for a retry: the same answer)'),
        ...errors(400, 401, 403, 404, 409, 413),
      },
    },
    async (c) => {
      const params = c.req.valid('param')
      const raw = c.get('body') as Record<string, unknown>
      const size = c.get('bodyText')?.length ?? 0
      if (size > LIMITS.eventBytes)
        return fail(
          c,
          'too_large',
          `an event may be at most ${LIMITS.eventBytes / 1024} KiB of JSON; this one is ${size} bytes`,
        )
      const id = eventIdOf(raw)
      if (!id.ok) return failWith(c, [id.problem])
      // Only the deal room marks a move as the other side's own answer (routes/deal-room.ts).
      if (raw.source !== undefined)
        return failWith(c, [
          {
            code: 'source_not_allowed',
            message:
              'is set by the server alone, on an answer the other side gave through a share link; leave it out',
            path: 'source',
          },
        ])
      const found = await findPlannedNegotiation(c, params, 'editor')
      if (found instanceof Response) return found
      const { store, now, memo } = c.get('services')
      const time = now()
      const result = await store.appendEvent(
        {
          workspaceId: params.workspaceId,
          negotiationId: params.negotiationId,
          eventId: id.id,
          requestHash: requestHash(raw),
          decide: (negotiation, stored) => decideEvent(memo, raw, negotiation, stored, time),
        },
        { userId: c.get('identity')?.user.id ?? null },
      )
      if (result.ok) {
        if (result.replayed) c.header('Parley-Replayed', 'true')
        c.header(
          'Location',
          `/api/workspaces/${params.workspaceId}/negotiations/${params.negotiationId}/events/${result.event.seq}`,
        )
        return c.json(storedJson(result.event), 201)
      }
      return refusedEvent(c, result, id.id, `no negotiation ${params.negotiationId} in this workspace`)
    },
  )
}
