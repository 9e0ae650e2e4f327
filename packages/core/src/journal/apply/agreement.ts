/**
 * The close: the agreed terms become the bundle on the table (each agreed contingency's
 * consequence must be a level of the plan), and the debrief's answers are kept, later answers
 * replacing earlier ones to the same prompt.
 */
import type { PathProblem } from '../../model/problem'
import { termsOf } from '../../scoring/offer'
import { applyTerms, readBundle } from '../terms'
import type { EventHandler } from './handler'

export const agreed: EventHandler<'agreed'> = (space, state, event) => {
  const read = readBundle(space, event.terms, ['terms'])
  if (!read.ok) return read.errors
  const problems: PathProblem[] = []
  event.contingencies?.forEach((contingency, k) => {
    const consequence = applyTerms(
      space,
      read.offer,
      { [contingency.consequence.issue]: contingency.consequence.level },
      ['contingencies', k, 'consequence'],
    )
    if (!consequence.ok) problems.push(...consequence.errors)
  })
  if (problems.length > 0) return problems
  state.agreed = { eventId: event.id, event, offer: read.offer }
  state.table = {
    offer: read.offer,
    terms: termsOf(space, read.offer),
    source: 'agreement',
    eventId: event.id,
  }
  return []
}

export const debrief: EventHandler<'debrief'> = (_space, state, event) => {
  Object.assign(state.debrief, event.answers)
  return []
}
