/**
 * The journal: each negotiation's append-only list of events, numbered 1, 2, 3, ... in the order
 * received, and idempotent by the client's event id. A retry with the same id and the same request
 * hash gets the stored event back; the same id with another body is a conflict. Appends to one
 * negotiation are serialised by locking its row (PostgreSQL) or by SQLite's single writer, so the
 * caller's `decide` sees the journal exactly as the new event will follow it.
 */
import { rowToNegotiation } from './negotiations'
import { prepare } from './prepared'
import type { EventRow } from './schema'
import type { Actor, AppendResult, EventAppend, EventDecision, Store, StoredEvent } from './store'
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

/** Most appends committed together in one transaction. */
export const GROUP_COMMIT_MAX = 64

interface PendingAppend {
  append: EventAppend
  actor: Actor
  resolve: (result: AppendResult) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown }

/**
 * Group commit. Appends that arrive while others are being committed wait, then commit together:
 * one transaction, one lock of the negotiation's row, one insert of all their events, one sync of
 * the log. Each is still decided on its own, in order, seeing the ones before it; one whose
 * decision fails is refused alone. Every append is answered only after the commit that holds it.
 * SQLite has a single writer, so all appends share one queue; on PostgreSQL each negotiation has
 * its own, and different negotiations commit side by side.
 */
export function journal(ctx: StoreContext): Pick<Store, 'listEvents' | 'appendEvent'> {
  const negotiationQuery = prepare(['workspaceId', 'id'], (v) =>
    forUpdate(
      ctx,
      ctx.db
        .selectFrom('negotiations')
        .selectAll()
        .where('id', '=', v.id)
        .where('workspace_id', '=', v.workspaceId),
    ),
  )
  const lastIdQuery = prepare(['negotiationId', 'seq'], (v) =>
    ctx.db
      .selectFrom('events')
      .select('id')
      .where('negotiation_id', '=', v.negotiationId)
      .where('seq', '=', v.seq as unknown as number),
  )
  const eventQuery = prepare(['negotiationId', 'id'], (v) =>
    ctx.db
      .selectFrom('events')
      .selectAll()
      .where('negotiation_id', '=', v.negotiationId)
      .where('id', '=', v.id),
  )
  const eventsQuery = prepare(['negotiationId'], (v) =>
    ctx.db.selectFrom('events').selectAll().where('negotiation_id', '=', v.negotiationId).orderBy('seq'),
  )
  const countQuery = prepare(['id', 'count', 'now'], (v) =>
    ctx.db
      .updateTable('negotiations')
      .set({ event_count: v.count as unknown as number, last_activity_at: v.now })
      .where('id', '=', v.id),
  )

  /** The appends to one negotiation in a batch, in order, inside the batch's transaction. */
  async function appendGroup(trx: Executor, group: readonly PendingAppend[]): Promise<Outcome[]> {
    const first = group[0]?.append
    if (!first) return []
    const row = await negotiationQuery.first(trx, { workspaceId: first.workspaceId, id: first.negotiationId })
    if (!row) return group.map(() => ({ ok: true, result: NOT_FOUND }))

    const ids = [...new Set(group.map((item) => item.append.eventId))]
    const known = new Map<string, EventRow>()
    const existing =
      ids.length === 1
        ? await eventQuery.rows(trx, { negotiationId: first.negotiationId, id: ids[0] })
        : await trx
            .selectFrom('events')
            .selectAll()
            .where('negotiation_id', '=', first.negotiationId)
            .where('id', 'in', ids)
            .execute()
    for (const event of existing) known.set(event.id, event)

    let count = Number(row.event_count)
    let lastId =
      count > 0
        ? ((await lastIdQuery.first(trx, { negotiationId: first.negotiationId, seq: count }))?.id ?? null)
        : null
    let stored: StoredEvent[] | undefined
    const added: EventRow[] = []
    const addedBy: (string | null)[] = []
    const now = ctx.now()
    const outcomes: Outcome[] = []
    for (const item of group) {
      const { append, actor } = item
      const prior = known.get(append.eventId)
      if (prior) {
        outcomes.push({ ok: true, result: replayOrConflict(prior, append.requestHash) })
        continue
      }
      let decision: EventDecision
      try {
        decision = await append.decide(
          { ...rowToNegotiation(row), eventCount: count },
          {
            count,
            lastId,
            load: async () => {
              stored ??= (await eventsQuery.rows(trx, { negotiationId: first.negotiationId })).map(rowToEvent)
              return [...stored, ...added.map(rowToEvent)]
            },
          },
        )
      } catch (error) {
        outcomes.push({ ok: false, error })
        continue
      }
      if (!decision.ok) {
        outcomes.push({ ok: true, result: { ok: false, code: 'rejected', decision } })
        continue
      }
      count += 1
      const event: EventRow = {
        negotiation_id: first.negotiationId,
        seq: count,
        id: append.eventId,
        body: decision.body,
        request_hash: append.requestHash,
        created_by: actor.userId ?? SYSTEM_AUTHOR,
        created_at: now,
      }
      added.push(event)
      addedBy.push(actor.userId)
      known.set(event.id, event)
      lastId = event.id
      outcomes.push({ ok: true, result: { ok: true, event: rowToEvent(event), replayed: false } })
    }
    if (added.length > 0) {
      await trx.insertInto('events').values(added).execute()
      await countQuery.run(trx, { id: first.negotiationId, count, now })
      await trx
        .insertInto('audit_log')
        .values(
          added.map((event, k) => ({
            workspace_id: first.workspaceId,
            user_id: addedBy[k] ?? null,
            action: 'event.append',
            target: `negotiation:${first.negotiationId}`,
            detail: JSON.stringify({ type: eventType(event.body), seq: event.seq }),
            at: now,
          })),
        )
        .execute()
    }
    return outcomes
  }

  /** One transaction for a batch: its appends grouped by negotiation, in the order they came. */
  async function commitBatch(batch: readonly PendingAppend[]): Promise<Outcome[]> {
    const groups = new Map<string, PendingAppend[]>()
    for (const item of batch) {
      const key = `${item.append.workspaceId}/${item.append.negotiationId}`
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
    const outcomes = new Map<PendingAppend, Outcome>()
    await ctx.db.transaction().execute(async (trx) => {
      for (const group of groups.values()) {
        const results = await appendGroup(trx, group)
        group.forEach((item, k) => {
          outcomes.set(
            item,
            results[k] ?? { ok: false, error: new Error('an append was lost from its batch') },
          )
        })
      }
    })
    return batch.map(
      (item) => outcomes.get(item) ?? { ok: false, error: new Error('an append was lost from its batch') },
    )
  }

  const queues = new Map<string, { items: PendingAppend[]; draining: boolean }>()

  async function drain(key: string): Promise<void> {
    const queue = queues.get(key)
    if (!queue || queue.draining) return
    queue.draining = true
    try {
      while (queue.items.length > 0) {
        const batch = queue.items.splice(0, GROUP_COMMIT_MAX)
        let outcomes: Outcome[]
        try {
          outcomes = await commitBatch(batch)
        } catch (error) {
          if (isUniqueViolation(error) && batch.length > 1) {
            // Another path stored one of these ids first (not possible under the row lock, but
            // answered anyway): commit them one by one, so each gets its replay or conflict.
            outcomes = []
            for (const item of batch) outcomes.push(await appendAlone(item))
          } else {
            // The commit failed: nothing of the batch was stored.
            for (const item of batch) item.reject(error)
            continue
          }
        }
        batch.forEach((item, k) => {
          const outcome = outcomes[k]
          if (outcome?.ok) item.resolve(outcome.result)
          else item.reject(outcome?.error)
        })
      }
    } finally {
      queue.draining = false
      if (queue.items.length === 0) queues.delete(key)
    }
  }

  async function appendAlone(item: PendingAppend): Promise<Outcome> {
    try {
      return (await commitBatch([item]))[0] ?? { ok: false, error: new Error('no outcome') }
    } catch (error) {
      if (!isUniqueViolation(error)) return { ok: false, error }
      const row = await eventQuery.first(ctx.db, {
        negotiationId: item.append.negotiationId,
        id: item.append.eventId,
      })
      return row ? { ok: true, result: replayOrConflict(row, item.append.requestHash) } : { ok: false, error }
    }
  }

  return {
    async listEvents(workspaceId, negotiationId, options = {}) {
      const negotiation = await ctx.read
        .selectFrom('negotiations')
        .select('id')
        .where('id', '=', negotiationId)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst()
      if (!negotiation) return null
      const { afterSeq } = options
      if (afterSeq === undefined) return (await eventsQuery.rows(ctx.read, { negotiationId })).map(rowToEvent)
      const rows = await ctx.read
        .selectFrom('events')
        .selectAll()
        .where('negotiation_id', '=', negotiationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .execute()
      return rows.map(rowToEvent)
    },

    appendEvent(append, actor) {
      const key = ctx.dialect === 'sqlite' ? '*' : `${append.workspaceId}/${append.negotiationId}`
      return new Promise<AppendResult>((resolve, reject) => {
        let queue = queues.get(key)
        if (!queue) {
          queue = { items: [], draining: false }
          queues.set(key, queue)
        }
        queue.items.push({ append, actor, resolve, reject })
        // Start after the requests that arrived with this one have queued too: better-sqlite3
        // works synchronously, so nothing else is read from the network while a batch commits.
        if (queue.items.length === 1) setImmediate(() => void drain(key))
      })
    },
  }
}
