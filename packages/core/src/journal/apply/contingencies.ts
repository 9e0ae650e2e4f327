/**
 * Contingencies: proposed against the bundle on the table (or the agreement, once there is one),
 * each under an id of its own, and accepted by naming that id or the event that proposed it. What a
 * contingency trades for (its `exchange`) is part of the deal once it is accepted: the exchange
 * moves the bundle on the table, so every recap after it quotes the terms as they now stand. Once
 * there is an agreement, its terms are what was agreed, and an acceptance changes nothing there.
 */
import { pathError } from '../../model/problem'
import { termsOf } from '../../scoring/offer'
import { positionOf } from '../positions'
import { applyTerms } from '../terms'
import type { EventHandler } from './handler'

export const contingencyProposed: EventHandler<'contingency-proposed'> = (space, state, event) => {
  const { contingency } = event
  const issue = space.byId.get(contingency.consequence.issue)
  if (!issue)
    return [
      pathError(
        'unknown_issue',
        ['contingency', 'consequence', 'issue'],
        `unknown issue '${contingency.consequence.issue}'`,
      ),
    ]
  const base = state.agreed?.offer ?? state.table?.offer
  if (!base)
    return [
      pathError(
        'nothing_on_the_table',
        [],
        'a contingency attaches to the bundle on the table, and there is none yet',
      ),
    ]
  const consequence = applyTerms(space, base, { [issue.id]: contingency.consequence.level }, [
    'contingency',
    'consequence',
    'level',
  ])
  if (!consequence.ok)
    return consequence.errors.map((error) => ({ ...error, at: ['contingency', 'consequence', 'level'] }))
  if (event.exchange) {
    const exchanged = applyTerms(space, base, event.exchange, ['exchange'])
    if (!exchanged.ok) return exchanged.errors
  }
  const key = contingency.id ?? event.id
  if (state.contingencies.some((record) => (record.contingency.id ?? record.eventId) === key))
    return [
      pathError(
        'duplicate_contingency',
        ['contingency', 'id'],
        `a contingency '${key}' was already proposed`,
      ),
    ]
  state.contingencies.push({
    eventId: event.id,
    contingency,
    base,
    ...(event.exchange ? { exchange: event.exchange } : {}),
    accepted: false,
  })
  return []
}

export const contingencyAccepted: EventHandler<'contingency-accepted'> = (space, state, event) => {
  const record = state.contingencies.find(
    (item) => item.eventId === event.target || item.contingency.id === event.target,
  )
  if (!record)
    return [
      pathError('unknown_contingency', ['target'], `no proposed contingency has the id '${event.target}'`),
    ]
  if (record.exchange && state.table && !state.agreed) {
    const moved = applyTerms(space, state.table.offer, record.exchange, ['target'])
    if (!moved.ok) return moved.errors
    state.table = {
      offer: moved.offer,
      terms: termsOf(space, moved.offer),
      source: 'contingency',
      eventId: event.id,
    }
    // Both sides accepted the exchange: on its issues, that is where each now stands.
    const exchanged = positionOf(space, moved.offer, Object.keys(record.exchange))
    state.ourPosition = { ...state.ourPosition, ...exchanged }
    state.ourPositionFrom = 'the accepted exchange'
    state.theirPosition = { ...state.theirPosition, ...exchanged }
  }
  record.accepted = true
  return []
}
