/**
 * The iCalendar file of a cadence document: its one recurring event (RRULE with FREQ, INTERVAL and
 * COUNT), written and validated by the `ics` package. The file is stable: its UID is a hash of the
 * event, so writing it again updates the same calendar entry instead of adding a copy, and its
 * DTSTAMP is the `now` passed in.
 *
 * The model gives the first day, not an hour; the event starts at `startTime` (09:00 unless told)
 * in floating local time, so it sits at that hour wherever the calendar is.
 */
import { createHash } from 'node:crypto'
import { createEvent, type EventAttributes } from 'ics'
import type { CalendarEvent, ParleyDocument } from './model'

export interface IcsOptions {
  /** When the file is written (DTSTAMP). */
  now: Date
  /** The hour and minute of every occurrence, `HH:MM`; 09:00 when left out. */
  startTime?: string
}

export type IcsResult =
  | { ok: true; text: string }
  | { ok: false; error: { code: 'no-calendar' | 'invalid-event'; message: string; path: string } }

/** The RRULE value of a recurrence: `FREQ=WEEKLY;INTERVAL=2;COUNT=6` (no COUNT when it is open-ended). */
export function recurrenceRule(recurrence: CalendarEvent['recurrence']): string {
  const parts = [`FREQ=${recurrence.frequency}`, `INTERVAL=${recurrence.interval}`]
  if (recurrence.count !== null) parts.push(`COUNT=${recurrence.count}`)
  return parts.join(';')
}

function eventUid(event: CalendarEvent): string {
  const digest = createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 32)
  return `${digest}@parley`
}

/** The cadence document's event as iCalendar text, or why there is none. */
export function renderIcs(doc: ParleyDocument, options: IcsOptions): IcsResult {
  const event = doc.calendar
  if (!event) {
    return {
      ok: false,
      error: {
        code: 'no-calendar',
        message: `A ${doc.kind} document has no calendar event: only the cadence document has one.`,
        path: 'calendar',
      },
    }
  }
  const [year, month, day] = event.start.split('-').map(Number)
  const [hour, minute] = (options.startTime ?? '09:00').split(':').map(Number)
  // `timestamp` (DTSTAMP) is in the package's schema but not in its type declarations.
  const attributes: EventAttributes & { timestamp: number } = {
    uid: eventUid(event),
    productId: 'parley/documents',
    timestamp: options.now.getTime(),
    title: event.summary,
    description: event.description,
    start: [year ?? 0, month ?? 0, day ?? 0, hour ?? 9, minute ?? 0],
    startInputType: 'local',
    startOutputType: 'local',
    duration: { minutes: event.durationMinutes },
    recurrenceRule: recurrenceRule(event.recurrence),
  }
  const created = createEvent(attributes)
  if (created.error || !created.value) {
    return {
      ok: false,
      error: {
        code: 'invalid-event',
        message: `The calendar event is not valid iCalendar: ${created.error?.message ?? 'no output'}`,
        path: 'calendar',
      },
    }
  }
  return { ok: true, text: refold(created.value) }
}

/**
 * The text with every content line folded at 75 octets, as RFC 5545 asks (3.1). The `ics` package
 * folds at 75 characters, which Greek (2 octets each) and Chinese (3) overrun; a fold never cuts a
 * character in two.
 */
export function refold(text: string): string {
  const encoder = new TextEncoder()
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n')
  return lines
    .map((line) => {
      const parts: string[] = []
      let part = ''
      let octets = 0
      for (const character of line) {
        const size = encoder.encode(character).length
        // A continuation line starts with a space, which counts towards its 75.
        const limit = parts.length === 0 ? 75 : 74
        if (octets + size > limit) {
          parts.push(part)
          part = ''
          octets = 0
        }
        part += character
        octets += size
      }
      parts.push(part)
      return parts.join('\r\n ')
    })
    .join('\r\n')
}
