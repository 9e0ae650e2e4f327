/**
 * The close: the agreed terms become the bundle on the table (each agreed contingency's
 * consequence must be a level of the plan); alternatives offered beside the agreement before
 * signing are kept with it; and the debrief's answers are kept, later answers replacing earlier
 * ones to the same prompt.
 */
import { type PathProblem, pathError } from '../../model/problem'
import { termsOf } from '../../scoring/offer'
import { applyTerms, readBundle } from '../terms'
import type { EventHandler } from './handler'
import { readOfferedBundles } from './offers'

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

/**
 * Alternatives offered before signing: beside the agreement recorded, each a bundle of the plan
 * (labels unique). Whether each is at least as good for us is the admission's warning, not a refusal.
 */
export const alternativesOffered: EventHandler<'alternatives-offered'> = (space, state, event) => {
  const agreed = state.agreed
  if (!agreed)
    return [
      pathError(
        'nothing_agreed',
        [],
        'alternatives before signing are offered beside an agreement, and none is recorded: record the agreement first',
      ),
    ]
  // Unlabelled alternatives are 1, 2, 3... as status lists them.
  const { problems, bundles } = readOfferedBundles(
    space,
    event.bundles,
    (k) => String(k + 1),
    'these alternatives',
  )
  if (problems.length > 0) return problems
  state.alternativesOffered = {
    eventId: event.id,
    agreedEventId: agreed.eventId,
    agreed: agreed.offer,
    bundles,
  }
  return []
}

export const debrief: EventHandler<'debrief'> = (_space, state, event) => {
  Object.assign(state.debrief, event.answers)
  return []
}
