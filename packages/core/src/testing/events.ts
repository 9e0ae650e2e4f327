/** Journal events for tests, with the bookkeeping fields filled in. */
import type { JournalEvent } from '../journal/events'

let counter = 0

/** A valid ULID-shaped id, distinct per call. */
export function testId(): string {
  counter++
  return `01J${String(counter).padStart(23, '0')}`
}

export function event<T extends JournalEvent['type']>(
  type: T,
  fields: Record<string, unknown>,
  round = 1,
): JournalEvent {
  return {
    id: testId(),
    at: '2026-11-25T10:00:00.000Z',
    side: [
      'bundle-chosen',
      'bundles-ranked',
      'offer-rejected',
      'interest-stated',
      'contingency-accepted',
    ].includes(type)
      ? 'them'
      : 'us',
    round,
    planVersion: 'test',
    type,
    ...fields,
  } as JournalEvent
}
