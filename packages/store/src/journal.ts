/**
 * The journal: each negotiation's append-only list of events, numbered 1, 2, 3, ... in the order
 * received, and idempotent by the client's event id. A retry with the same id and the same request
 * hash gets the stored event back; the same id with another body is a conflict. Appends to one
 * negotiation are serialised by locking its row (PostgreSQL) or by SQLite's single writer, so the
 * caller's `decide` sees the journal exactly as the new event will follow it.
 */
import { writeAudit } from './audit'
import { rowToNegotiation } from './negotiations'
import type { EventRow } from './schema'
import type { AppendResult, Store, StoredEvent } from './store'
import { type Executor, forUpdate, isUniqueViolation, type StoreContext, SYSTEM_AUTHOR } from './transactions'

export function rowToEvent(row: EventRow): StoredEvent {
  return {
    negotiationId: row.negotiation_id,
    seq: row.seq,
    id: row.id,
    body: row.body,
    requestHash: row.request_hash,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

/** The event's `type`, for the audit log; the body itself stays out of it. */
function eventType(body: string): string | null {
  try {
    const value: unknown = JSON.parse(body)
    if (typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string') {
      return value.type
    }
  } catch {
    // A body that is not JSON is the caller's business; the audit entry just has no type.
  }
  return null
}

async function findEvent(db: Executor, negotiationId: string, id: string): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where('id', '=', id)
    .executeTakeFirst()
}

function replayOrConflict(row: EventRow, requestHash: string): AppendResult {
  const event = rowToEvent(row)
  if (row.request_hash === requestHash) return { ok: true, event, replayed: true }
  return {
    ok: false,
    code: 'id_conflict',
    message: `Event ${row.id} was already recorded with a different body.`,
    event,
  }
}

const NOT_FOUND = { ok: false, code: 'not_found', message: 'No such negotiation in this workspace.' } as const

export function journal(ctx: StoreContext): Pick<Store, 'listEvents' | 'appendEvent'> {
  return {
    async listEvents(workspaceId, negotiationId, options = {}) {
      const negotiation = await ctx.db
        .selectFrom('negotiations')
        .select('id')
        .where('id', '=', negotiationId)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst()
      if (!negotiation) return null
      const { afterSeq } = options
      const rows = await ctx.db
        .selectFrom('events')
        .selectAll()
        .where('negotiation_id', '=', negotiationId)
        .$if(afterSeq !== undefined, (query) => query.where('seq', '>', afterSeq ?? 0))
        .orderBy('seq')
        .execute()
      return rows.map(rowToEvent)
    },

    async appendEvent(append, actor) {
      try {
        return await ctx.db.transaction().execute(async (trx): Promise<AppendResult> => {
          const row = await forUpdate(
            ctx,
            trx
              .selectFrom('negotiations')
              .selectAll()
              .where('id', '=', append.negotiationId)
              .where('workspace_id', '=', append.workspaceId),
          ).executeTakeFirst()
          if (!row) return NOT_FOUND

          const existing = await findEvent(trx, append.negotiationId, append.eventId)
          if (existing) return replayOrConflict(existing, append.requestHash)

          const rows = await trx
            .selectFrom('events')
            .selectAll()
            .where('negotiation_id', '=', append.negotiationId)
            .orderBy('seq')
            .execute()
          const events = rows.map(rowToEvent)
          const decision = append.decide(rowToNegotiation(row), events)
          if (!decision.ok) return { ok: false, code: 'rejected', decision }

          const now = ctx.now()
          const event: EventRow = {
            negotiation_id: append.negotiationId,
            seq: (events.at(-1)?.seq ?? 0) + 1,
            id: append.eventId,
            body: decision.body,
            request_hash: append.requestHash,
            created_by: actor.userId ?? SYSTEM_AUTHOR,
            created_at: now,
          }
          await trx.insertInto('events').values(event).execute()
          await trx
            .updateTable('negotiations')
            .set((eb) => ({ event_count: eb('event_count', '+', 1), last_activity_at: now }))
            .where('id', '=', append.negotiationId)
            .execute()
          await writeAudit(ctx, trx, {
            workspaceId: append.workspaceId,
            userId: actor.userId,
            action: 'event.append',
            target: `negotiation:${append.negotiationId}`,
            detail: { type: eventType(event.body), seq: event.seq },
          })
          return { ok: true, event: rowToEvent(event), replayed: false }
        })
      } catch (error) {
        // The row lock makes this unreachable in one database, but if another path ever inserts
        // the same id first, the answer is still a replay or a conflict, never an error.
        if (!isUniqueViolation(error)) throw error
        const row = await findEvent(ctx.db, append.negotiationId, append.eventId)
        if (!row) throw error
        return replayOrConflict(row, append.requestHash)
      }
    },
  }
}
