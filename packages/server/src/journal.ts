/**
 * A new journal event, decided under the negotiation's lock by core's `admitEvent` (completed with
 * what the client need not send, read by the event schemas, checked against the journal so far),
 * the same admission `parley journal add` and the web app's previews use.
 */

import { createHash } from 'node:crypto'
import {
  admitEvent,
  canonicalJson,
  EventIdSchema,
  formatPath,
  type JournalEvent,
  LIMITS,
  type PathProblem,
  type ReplayedJournal,
  replay,
} from '@parley/core'
import type { EventDecision, JournalSoFar, Negotiation, StoredEvent } from '@parley/store'
import type { ProblemJson } from './http/errors'
import type { Memo } from './memo'
import { hasPlan, PLAN_IS_DRAFT, type PlannedNegotiation, spaceOf } from './plans'

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

/**
 * Where a journal's replay is remembered: the plan version, the number of events and the id of the
 * last one name a journal exactly (it is append-only), so the key can not match another journal,
 * on this instance or after another instance appended.
 */
function journalKey(negotiation: Negotiation, count: number, lastId: string | null): string {
  return `journal:${negotiation.id}@${negotiation.version}#${count}:${lastId ?? ''}`
}

/** The journal so far with the state it replays to, remembered so an append replays nothing. */
export async function replayedJournal(
  memo: Memo,
  negotiation: PlannedNegotiation,
  journal: JournalSoFar,
): Promise<ReplayedJournal> {
  const key = journalKey(negotiation, journal.count, journal.lastId)
  let replayed = memo.peek<ReplayedJournal>(key)
  if (!replayed) {
    const events = storedEvents(await journal.load())
    replayed = { events, state: replay(spaceOf(memo, negotiation), events) }
    memo.set(key, replayed)
  }
  return replayed
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
  // Checked by the route before; a plan once valid never goes back to a draft, so this is a guard.
  if (!hasPlan(negotiation)) return { ok: false, code: 'plan_is_draft', message: PLAN_IS_DRAFT, path: '' }
  const space = spaceOf(memo, negotiation)
  const replayed = await replayedJournal(memo, negotiation, journal)
  // Core's admission, over the remembered replay: a retraction is checked against the whole
  // journal, anything else applied to the state so far, so an append replays nothing.
  const admitted = admitEvent(space, replayed, raw, {
    id: String(raw.id),
    at: now.toISOString(),
    planVersion: negotiation.version,
  })
  if (!admitted.ok) return refuse(admitted.problems)
  const { event } = admitted
  // Remembered under the key the journal will have if this event is stored; if it is not, nothing
  // will ever ask for that key.
  memo.set(journalKey(negotiation, journal.count + 1, event.id), {
    events: [...replayed.events, event],
    state: admitted.state,
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
