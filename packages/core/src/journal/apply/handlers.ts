/**
 * The table of event handlers, one per event type. Notes change nothing but the record of what
 * happened; retractions are applied by `replay` before any event is, so here they change nothing.
 */
import { agreed, alternativesOffered, debrief } from './agreement'
import { concession } from './concessions'
import { contingencyAccepted, contingencyProposed } from './contingencies'
import type { EventHandlers } from './handler'
import { interestStated } from './interests'
import { bundleChosen, bundlesRanked, offerRejected, offerSent } from './offers'

export const EVENT_HANDLERS: EventHandlers = {
  'offer-sent': offerSent,
  'bundle-chosen': bundleChosen,
  'bundles-ranked': bundlesRanked,
  'offer-rejected': offerRejected,
  'interest-stated': interestStated,
  concession,
  'contingency-proposed': contingencyProposed,
  'contingency-accepted': contingencyAccepted,
  note: () => [],
  agreed,
  'alternatives-offered': alternativesOffered,
  debrief,
  retract: () => [],
}
