/**
 * Every warning a negotiator needs at this point of the negotiation, under one current estimate:
 * for the bundles about to be sent, what they leave on the table and where they go beyond our
 * anchor, evidence or their approvers' limits; for the journal, trades that cost them more than
 * they give, an estimate that moved far on few moves, and bundles sent whose figures changed.
 * Each kind is its own module; this only gathers them, in that order.
 */
import { type CurrentEstimate, currentEstimate, estimateAfter } from '../inference/estimate'
import type { Observation } from '../inference/observation'
import type { Posterior } from '../inference/posterior'
import type { NegotiationState } from '../journal/replay'
import type { Space } from '../scoring/space'
import { beyondOurRange } from './beyond-our-range'
import { tradesCostingThem } from './costly-trade'
import { sentFiguresChanged } from './figures-changed'
import { leftOnTable } from './left-on-table'
import { thinEvidence } from './thin-evidence'
import type { BundleToSend, NegotiatorWarning } from './warning'

export interface WarningOptions {
  /** Bundles about to be sent (a MESO set or a single offer): checked for value left on the table and levels beyond our range. */
  toSend?: readonly BundleToSend[]
  /**
   * The posterior behind `estimate`: adds each moved share's 80% interval, and gives the estimate
   * when each bundle was sent from the shares it kept per move (no learning again).
   */
  posterior?: Posterior
  /** The estimate learned from the first observations, for callers that keep them (see `sentFiguresChanged`). */
  estimateWith?: (observations: readonly Observation[]) => CurrentEstimate
}

/**
 * The warnings, under `estimate` (the current estimate: `currentEstimate(space, state, posterior)`),
 * for the bundles in `options.toSend` and the journal's state.
 */
export function negotiatorWarnings(
  space: Space,
  state: Pick<NegotiationState, 'applied' | 'offers' | 'observations' | 'concessions'>,
  estimate: CurrentEstimate,
  options: WarningOptions = {},
): NegotiatorWarning[] {
  return [
    ...bundleWarnings(space, estimate, options.toSend ?? []),
    ...journalWarnings(space, state, estimate, options),
  ]
}

/** Before bundles are sent: value they leave on the table for them, and levels beyond our range. */
export function bundleWarnings(
  space: Space,
  estimate: CurrentEstimate,
  toSend: readonly BundleToSend[],
): NegotiatorWarning[] {
  return [...leftOnTable(space, estimate, toSend), ...beyondOurRange(space, toSend)]
}

/**
 * The journal's warnings for a replayed negotiation, under its current estimate: what `parley
 * status`, the server's status view and the web app's midgame all show.
 */
export function negotiationWarnings(
  space: Space,
  negotiation: { state: NegotiationState; posterior: Posterior },
): NegotiatorWarning[] {
  const { state, posterior } = negotiation
  return journalWarnings(space, state, currentEstimate(space, state, posterior), { posterior })
}

/** About the journal: trades that cost them, an estimate moved on thin evidence, sent figures that changed. */
export function journalWarnings(
  space: Space,
  state: Pick<NegotiationState, 'applied' | 'offers' | 'observations' | 'concessions'>,
  estimate: CurrentEstimate,
  options: Omit<WarningOptions, 'toSend'> = {},
): NegotiatorWarning[] {
  const { posterior } = options
  return [
    ...tradesCostingThem(space, state.concessions, estimate),
    ...thinEvidence(space, estimate, posterior),
    ...sentFiguresChanged(
      space,
      state,
      estimate,
      options.estimateWith ??
        (posterior && posterior.moves.length === estimate.moves
          ? (observations) => estimateAfter(space, posterior, observations.length)
          : undefined),
    ),
  ]
}
