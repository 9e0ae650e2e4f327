/**
 * A concession: our give and their get, applied to the bundle on the table in that order, so the
 * concession log can value each half from where the table stood.
 */
import { pathError } from '../../model/problem'
import { termsOf } from '../../scoring/offer'
import { applyTerms } from '../terms'
import type { EventHandler } from './handler'

export const concession: EventHandler<'concession'> = (space, state, event) => {
  const table = state.table
  if (!table)
    return [
      pathError(
        'nothing_on_the_table',
        [],
        'a concession changes the bundle on the table, and there is none: record a single offer, their choice or their counter first',
      ),
    ]
  if (Object.keys(event.give).length === 0 && Object.keys(event.get).length === 0)
    return [pathError('empty_concession', ['give'], 'a concession needs a give, a get, or both')]
  const afterGive = applyTerms(space, table.offer, event.give, ['give'])
  if (!afterGive.ok) return afterGive.errors
  const after = applyTerms(space, afterGive.offer, event.get, ['get'])
  if (!after.ok) return after.errors
  state.concessions.push({
    eventId: event.id,
    round: event.round,
    at: event.at,
    give: event.give,
    get: event.get,
    ...(event.trigger !== undefined ? { trigger: event.trigger } : {}),
    before: table.offer,
    afterGive: afterGive.offer,
    after: after.offer,
  })
  state.table = {
    offer: after.offer,
    terms: termsOf(space, after.offer),
    source: 'concession',
    eventId: event.id,
  }
  return []
}
