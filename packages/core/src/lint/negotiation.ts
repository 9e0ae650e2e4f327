/** Lints a negotiation as it stands: the plan, the journal, and every phrase the coach would have us say. */

import { thinBeliefs } from '../inference/beliefs'
import { inferPriorities, type Posterior } from '../inference/posterior'
import type { JournalEvent } from '../journal/events'
import { type NegotiationState, replay } from '../journal/replay'
import { type MesoBundle, meso } from '../meso/meso'
import { allFilledPhrases } from '../playbooks/coach'
import type { Space } from '../scoring/space'
import { type Finding, lint } from './lint'

export function lintNegotiation(
  space: Space,
  events: readonly JournalEvent[],
  /** The journal replayed, and what it taught (needed only once it holds one of their moves). */
  derived?: { state: NegotiationState; posterior?: Posterior },
): Finding[] {
  const state = derived?.state ?? replay(space, events)
  // Before any of their moves, what we believe of them is the plan's estimate exactly (not a sample
  // mean of the prior): no sampling needed, and the phrases read the figures status shows.
  const posterior =
    state.observations.length > 0
      ? (derived?.posterior ?? inferPriorities(space, state.observations))
      : undefined
  let proposed: MesoBundle[] = []
  if (state.offers.length === 0) {
    const learned =
      posterior && state.observations.length > 0 ? { beliefs: thinBeliefs(posterior.beliefs, 400) } : {}
    const result = meso(space, learned)
    if (result.ok) proposed = result.set.bundles
  }
  const weights = posterior
    ? space.issues.map((issue) => posterior.issues[issue.id]?.mean ?? 0)
    : Array.from(space.share.them)
  return lint({
    space,
    events,
    state,
    phrases: allFilledPhrases(space, state, weights, proposed),
    ...(posterior ? { posterior } : {}),
  })
}
