/**
 * Our floor — the reservation and the walk-away limits — once an offer has gone out. Moving it then
 * is the drift under pressure the method warns against, so a change must come with a reason that the
 * team can see later; before the first offer the plan is still being prepared and changes freely.
 */
import type { Plan } from '../model/plan'
import type { NegotiationState } from './replay'

export type FloorField = 'reservation' | 'limits'

/** The parts of our floor that differ between two versions of the plan. */
export function floorFieldsChanged(before: Plan, after: Plan): FloorField[] {
  const changed: FloorField[] = []
  if ((before.reservation ?? null) !== (after.reservation ?? null)) changed.push('reservation')
  if (JSON.stringify(before.limits ?? []) !== JSON.stringify(after.limits ?? [])) changed.push('limits')
  return changed
}

/** Whether a change to our floor needs a reason: an offer of ours has gone out (and was not retracted). */
export function floorIsSealed(state: Pick<NegotiationState, 'offers'>): boolean {
  return state.offers.length > 0
}
