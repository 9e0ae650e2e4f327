/**
 * The sales example (a SaaS renewal) compiled for tests, with a journal built the way the pages
 * build it: the tests of the trading screens run against the plan the browser checks use too.
 */
import {
  compileSpace,
  completeEvent,
  type JournalEvent,
  negotiation,
  nextRound,
  parsePlanText,
  readEvent,
  replay,
  type Space,
} from '@parley/core'
import salesYaml from '../../../../../examples/sales-saas-renewal.yaml?raw'

export function salesSpace(): Space {
  const parsed = parsePlanText(salesYaml, { format: 'yaml', file: 'sales-saas-renewal.yaml' })
  if (!parsed.ok) throw new Error('the sales example no longer parses')
  return compileSpace(parsed.plan)
}

/** Events completed and read as the server would, with ids and times that follow each other. */
export function journalOf(space: Space, bodies: readonly Record<string, unknown>[]): JournalEvent[] {
  const events: JournalEvent[] = []
  bodies.forEach((body, k) => {
    const state = replay(space, events)
    const completed = completeEvent(body, {
      id: `01J0000000000000000000${String(k).padStart(4, '0')}`,
      at: new Date(Date.UTC(2026, 9, 1, 9, k)).toISOString(),
      round: nextRound(state, body.type as JournalEvent['type']),
      planVersion: 1,
    })
    const read = readEvent(completed)
    if (!read.ok) throw new Error(`event ${k} does not read: ${read.errors.map((e) => e.message).join('; ')}`)
    events.push(read.event)
  })
  return events
}

export { negotiation }
