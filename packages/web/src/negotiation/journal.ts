/**
 * A negotiation's journal in the browser: the events as the server stored them, and appending one.
 * Event ids are made here, before sending, so a retry after a lost answer carries the same id and
 * the server records the event once.
 */
import type { StoredEvent } from '@parley/server/contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { monotonicFactory } from 'ulid'
import { ApiError, type ApiProblem } from '../api/http'
import { appendEvent, listEvents, type NegotiationAt } from '../api/negotiations'

// The same ULID maker `parley journal add` uses (monotonic, so two moves in one millisecond still
// sort in the order they were made).
const ulid = monotonicFactory()

/**
 * How often an open negotiation asks for what others recorded since (a teammate's move, their
 * answer from the deal room): often enough to see it during a call, and only while the tab is seen.
 */
const POLL_MS = 5000

/** Tries after the first before giving up on a server that can not be reached or fails. */
const RETRIES = 4
const FIRST_WAIT_MS = 300

export type Appended = { ok: true } | { ok: false; problems: ApiProblem[] }

export interface JournalState {
  events: StoredEvent[]
  /** Shows the journal as read. */
  show(events: StoredEvent[]): void
  /** Appends an event; resolves to the problems when the server refused it. */
  append(event: Record<string, unknown>): Promise<Appended>
}

/**
 * `alongside`: asked for after new events are stored (recorded here or found by the poll) and before
 * they are shown; what it resolves to is applied in the same render as the events (the model fetches
 * the server's learner state this way, so the browser does not learn the new move itself).
 */
export function useJournal(
  at: NegotiationAt,
  alongside: (added: readonly StoredEvent[]) => Promise<(() => void) | undefined> = async () => undefined,
): JournalState {
  const [events, setEvents] = useState<StoredEvent[]>([])
  const read = useRef(false)
  const latest = useRef(0)
  latest.current = events.at(-1)?.seq ?? 0

  // New events from elsewhere join the journal as they are stored, so their answer from the deal
  // room shows on the midgame stage without a reload. Nothing is asked before the journal is read.
  useEffect(() => {
    const timer = setInterval(() => {
      if (!read.current || document.visibilityState !== 'visible') return
      listEvents(at, latest.current).then(
        async (fresh) => {
          if (fresh.length === 0) return
          const apply = await alongside(fresh)
          apply?.()
          setEvents((current) => {
            const known = new Set(current.map((entry) => entry.seq))
            const added = fresh.filter((entry) => !known.has(entry.seq))
            return added.length === 0 ? current : [...current, ...added]
          })
        },
        // A missed poll is asked again at the next one.
        () => undefined,
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [at, alongside])

  const append = useCallback(
    async (raw: Record<string, unknown>): Promise<Appended> => {
      const body = { id: ulid(), ...raw }
      // The same id on every try: the server records it once however many answers are lost.
      for (let attempt = 0; ; attempt++) {
        try {
          const stored = await appendEvent(at, body)
          const apply = await alongside([stored])
          apply?.()
          setEvents((current) =>
            current.some((entry) => entry.seq === stored.seq) ? current : [...current, stored],
          )
          return { ok: true }
        } catch (caught) {
          if (caught instanceof ApiError && caught.status !== 0 && caught.status < 500)
            return { ok: false, problems: caught.problems }
          if (attempt >= RETRIES) throw caught
          await new Promise((resolve) => setTimeout(resolve, FIRST_WAIT_MS * 2 ** attempt))
        }
      }
    },
    [at, alongside],
  )

  const show = useCallback((shown: StoredEvent[]) => {
    read.current = true
    setEvents(shown)
  }, [])

  return { events, show, append }
}
