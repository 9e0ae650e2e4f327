/**
 * A concession: our give and their get, applied to the bundle on the table in that order. What it
 * is worth is measured from where each side last stood, not from the table (after their counter
 * the table is theirs): our give from our latest position, their get from theirs. The issues it
 * names then stand where it left the table: for us on both halves (we moved, or took what we
 * asked for), for them on the get (what they moved to).
 */
import { pathError } from '../../model/problem'
import { termsOf } from '../../scoring/offer'
import { positionOf, withPosition } from '../positions'
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
  // The levels were checked just above, so laying them over the positions can not fail.
  const ourPosition = withPosition(space, table.offer, state.ourPosition)
  const theirPosition = withPosition(space, table.offer, state.theirPosition)
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
    ourPosition,
    ourPositionAfterGive: withPosition(space, ourPosition, event.give),
    theirPosition,
    theirPositionAfterGet: withPosition(space, theirPosition, event.get),
  })
  state.table = {
    offer: after.offer,
    terms: termsOf(space, after.offer),
    source: 'concession',
    eventId: event.id,
  }
  const named = [...Object.keys(event.give), ...Object.keys(event.get)]
  state.ourPosition = { ...state.ourPosition, ...positionOf(space, after.offer, named) }
  state.ourPositionFrom = 'our last concession'
  state.theirPosition = {
    ...state.theirPosition,
    ...positionOf(space, after.offer, Object.keys(event.get)),
  }
  return []
}
