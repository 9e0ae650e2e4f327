/** Whether a round is still open: our latest offer sent and no answer of theirs recorded since. */
import type { NegotiationState } from '@parley/core'

/** Whether our latest offer is still waiting for their answer (a choice, a ranking or a rejection). */
export function awaitingAnswer(state: Pick<NegotiationState, 'applied' | 'offers'>): boolean {
  const latest = state.offers.at(-1)
  if (!latest) return false
  const at = state.applied.findIndex((event) => event.id === latest.eventId)
  return !state.applied
    .slice(at + 1)
    .some((event) => ANSWERS.includes(event.type as (typeof ANSWERS)[number]))
}

const ANSWERS = ['bundle-chosen', 'bundles-ranked', 'offer-rejected'] as const
