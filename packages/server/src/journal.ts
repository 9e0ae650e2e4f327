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
  nextRound,
  readEvent,
  replay,
} from '@parley/core'
import type { EventDecision, Negotiation, StoredEvent } from '@parley/store'
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

export function decideEvent(
  memo: Memo,
  raw: Record<string, unknown>,
  negotiation: Negotiation,
  stored: readonly StoredEvent[],
  now: Date,
): EventDecision {
  if (stored.length >= LIMITS.journalEvents)
    return {
      ok: false,
      code: 'journal_full',
      message: `this journal holds ${LIMITS.journalEvents} events, the most allowed; start a new negotiation for what follows`,
      path: '',
    }
  const space = spaceOf(memo, negotiation)
  const events = storedEvents(stored)
  const state = replay(space, events)
  const completed = completeEvent(raw, {
    id: String(raw.id),
    at: now.toISOString(),
    round: isEventType(raw.type) ? nextRound(state, raw.type) : 0,
    planVersion: negotiation.version,
  })
  const read = readEvent(completed)
  const problems = read.ok ? checkNewEvent(space, events, read.event) : read.errors
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (!read.ok || errors.length > 0) {
    const list = errors.map((problem) => ({
      code: problem.code,
      message: problem.message,
      path: formatPath(problem.at),
    }))
    const first = list[0] ?? { code: 'invalid', message: 'is not a valid event', path: '' }
    return { ok: false, code: first.code, message: first.message, path: first.path, detail: list }
  }
  return { ok: true, body: JSON.stringify(read.event) }
}
