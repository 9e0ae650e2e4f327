/**
 * The counterparty view a MESO sheet is built from, chosen once for the command line and the server:
 * the bundles of the latest offer when one was sent, else the set `parley meso` proposes now (the
 * same `mesoView` call, under what the journal has taught us), passed to the view as `proposed`.
 */
import { inferPriorities, type Posterior } from '../inference/posterior'
import type { NegotiationState } from '../journal/replay'
import { mesoView } from '../meso/view'
import type { Space } from '../scoring/space'
import { type CounterpartyView, counterpartyView } from '../sharing/counterparty-view'

export interface SheetView {
  view: CounterpartyView
  /** Where the bundles come from: the latest offer, the set MESO proposes now, or nowhere. */
  source: 'offer' | 'meso' | 'none'
  /** Why MESO proposes no set, when it does not (with no offer sent). */
  mesoFailure: string | null
}

/**
 * `learned`: the posterior from the journal, when the caller keeps one (pass it: it is the same
 * one `parley meso` and the server's MESO view use). Left out, it is inferred here whenever the
 * journal holds an event, as `parley meso` does.
 */
export function counterpartyViewForSheet(
  space: Space,
  state?: NegotiationState,
  learned?: Posterior,
): SheetView {
  if (state && state.offers.length > 0)
    return { view: counterpartyView(space, state), source: 'offer', mesoFailure: null }
  const posterior =
    learned ??
    (state && state.observations.length > 0 ? inferPriorities(space, state.observations) : undefined)
  const result = mesoView(space, {}, posterior, state)
  if (!result.ok)
    return { view: counterpartyView(space, state), source: 'none', mesoFailure: result.failure.message }
  // No name: MESO names a bundle after an issue id (`price-optimised`); the sheet says its emphasis.
  const proposed = result.set.bundles.map((bundle) => ({
    label: bundle.label,
    emphasis: bundle.emphasis,
    terms: bundle.terms,
  }))
  return { view: counterpartyView(space, state, proposed), source: 'meso', mesoFailure: null }
}
