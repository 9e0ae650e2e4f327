/**
 * Joint gains in sight: a bundle better for both sides than the one on the table, under the
 * current estimate of what they value. Chosen on the exact frontier under that estimate (bundles
 * meeting the decision rule and our limits) as the point maximising the product of both sides'
 * gains over the table, among points that gain each side more than `JOINT_GAIN_MIN` points (a gain
 * that reads +0.0 is not worth a call). None when nothing is on the table or the table is already
 * on the frontier (within that margin).
 */
import { currentEstimate, type TheirValue } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import { TOLERANCE } from '../model/limits'
import { type CompiledConstraint, ruleAndLimits } from '../scoring/constraints'
import { type Offer, offerFromLevels, termsOf, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { theirUtility } from './concessions'
import { estimatedFrontier, frontierLevels } from './estimated-frontier'
import type { NegotiationState } from './replay'
import type { TradeBundle } from './trade-advice'

/** Each side must gain more than this many points for a bundle to count (the figures show one decimal). */
export const JOINT_GAIN_MIN = 0.05

export interface JointGain extends TradeBundle {
  /** What it adds over the table for each side, in points (theirs under the current estimate). */
  gain: { us: number; them: number }
}

export function jointGain(
  space: Space,
  table: Offer,
  value: TheirValue,
  constraints: readonly CompiledConstraint[],
): JointGain | null {
  const frontier = estimatedFrontier(space, value, constraints)
  if (!frontier) return null
  const base = { us: utilityOf(space, table).us, them: theirUtility(space, value, table) }
  let best: JointGain | null = null
  let bestProduct = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++) {
    // A cheap screen on the frontier's own figures, then the exact figures status shows.
    if ((frontier.us[k] ?? 0) <= base.us + JOINT_GAIN_MIN - TOLERANCE) continue
    if ((frontier.them[k] ?? 0) <= base.them + JOINT_GAIN_MIN - TOLERANCE) continue
    const offer = offerFromLevels(space, frontierLevels(frontier, k))
    const us = utilityOf(space, offer).us
    const them = theirUtility(space, value, offer)
    const gain = { us: us - base.us, them: them - base.them }
    if (gain.us <= JOINT_GAIN_MIN || gain.them <= JOINT_GAIN_MIN) continue
    const product = gain.us * gain.them
    if (product > bestProduct) {
      bestProduct = product
      best = { terms: termsOf(space, offer), utility: { us, them }, gain }
    }
  }
  return best
}

/**
 * The joint gain `status` shows: over the table, under the current estimate (the plan's exactly
 * until the journal holds one of their moves), within the decision rule and our limits.
 */
export function jointGainInSight(
  space: Space,
  state: NegotiationState,
  posterior?: Posterior,
): JointGain | null {
  if (!state.table) return null
  return jointGain(space, state.table.offer, currentEstimate(space, state, posterior), ruleAndLimits(space))
}
