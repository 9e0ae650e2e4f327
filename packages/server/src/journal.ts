/**
 * A new journal event, decided under the negotiation's lock: completed with what the client need
 * not send (time, side, round, plan version), read by core's event schemas and checked against the
 * journal so far, exactly as `parley journal add` checks it.
 */

import { createHash } from 'node:crypto'
import {
  canonicalJson,
  checkNewEvent,
  completeEvent,
  EventIdSchema,
  formatPath,
  isEventType,
  type JournalEvent,
  LIMITS,
  type NegotiationState,
  nextRound,
  type PathProblem,
  readEvent,
  replay,
  stateAfter,
} from '@parley/core'
import type { EventDecision, JournalSoFar, Negotiation, StoredEvent } from '@parley/store'
import type { ProblemJson } from './http/errors'
import type { Memo } from './memo'
import { spaceOf } from './plans'

/** SHA-256 of the event as sent, with keys in a fixed order, so a retry matches however it is serialised. */
export function requestHash(raw: unknown): string {
  return createHash('sha256').update(canonicalJson(raw)).digest('hex')
}

export type EventIdCheck = { ok: true; id: string } | { ok: false; problem: ProblemJson }

/** Appends are idempotent by the client's id, so an event without one (or with a malformed one) is refused first. */
export function eventIdOf(raw: unknown): EventIdCheck {
  const id =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { id?: unknown }).id : undefined
  if (id === undefined)
    return {
      ok: false,
      problem: {
        code: 'id_required',
        message:
          'is required: make a ULID or UUID for each event before sending it, and send the same id on a retry, so the event is never recorded twice',
        path: 'id',
      },
    }
  const parsed = EventIdSchema.safeParse(id)
  if (!parsed.success)
    return {
      ok: false,
      problem: { code: 'invalid_id', message: 'must be a ULID (26 characters) or a UUID', path: 'id' },
    }
  return { ok: true, id: parsed.data }
}

export function storedEvents(stored: readonly StoredEvent[]): JournalEvent[] {
  return stored.map((event) => JSON.parse(event.body) as JournalEvent)
}

/** The journal of a negotiation as replayed: its events and the state they lead to. */
interface ReplayedJournal {
  events: JournalEvent[]
  state: NegotiationState
}

/**
 * Where a journal's replay is remembered: the plan version, the number of events and the id of the
 * last one name a journal exactly (it is append-only), so the key can not match another journal,
 * on this instance or after another instance appended.
 */
function journalKey(negotiation: Negotiation, count: number, lastId: string | null): string {
  return `journal:${negotiation.id}@${negotiation.version}#${count}:${lastId ?? ''}`
}

export async function decideEvent(
  memo: Memo,
  raw: Record<string, unknown>,
  negotiation: Negotiation,
  journal: JournalSoFar,
  now: Date,
): Promise<EventDecision> {
  if (journal.count >= LIMITS.journalEvents)
    return {
      ok: false,
      code: 'journal_full',
      message: `this journal holds ${LIMITS.journalEvents} events, the most allowed; start a new negotiation for what follows`,
      path: '',
    }
  const space = spaceOf(memo, negotiation)
  const key = journalKey(negotiation, journal.count, journal.lastId)
  let replayed = memo.peek<ReplayedJournal>(key)
  if (!replayed) {
    const events = storedEvents(await journal.load())
    replayed = { events, state: replay(space, events) }
    memo.set(key, replayed)
  }
  const completed = completeEvent(raw, {
    id: String(raw.id),
    at: now.toISOString(),
    round: isEventType(raw.type) ? nextRound(replayed.state, raw.type) : 0,
    planVersion: negotiation.version,
  })
  const read = readEvent(completed)
  if (!read.ok) return refuse(read.errors)
  const { event } = read
  // A retraction changes the past: check it against the whole journal. Anything else follows from
  // the state so far, so an append costs the same however long the journal is.
  if (event.type === 'retract') {
    const problems = checkNewEvent(space, replayed.events, event).filter((p) => p.severity === 'error')
    return problems.length > 0 ? refuse(problems) : { ok: true, body: JSON.stringify(event) }
  }
  const next = stateAfter(space, replayed.state, event)
  const problems = next.problems.filter((problem) => problem.severity === 'error')
  if (problems.length > 0) return refuse(problems)
  // Remembered under the key the journal will have if this event is stored; if it is not, nothing
  // will ever ask for that key.
  memo.set(journalKey(negotiation, journal.count + 1, event.id), {
    events: [...replayed.events, event],
    state: next.state,
  } satisfies ReplayedJournal)
  return { ok: true, body: JSON.stringify(event) }
}

function refuse(problems: readonly PathProblem[]): EventDecision {
  const list = problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    path: formatPath(problem.at),
  }))
  const first = list[0] ?? { code: 'invalid', message: 'is not a valid event', path: '' }
  return { ok: false, code: first.code, message: first.message, path: first.path, detail: list }
}
