/**
 * The trade advice as the trading screens write it: what accepting a one-sided counter would give
 * away, the trade the reality test proposes instead, and a joint gain in sight over the table — the
 * same figures `parley status` prints, through core's formatters. For our side only: every line
 * quotes our points.
 */
import { formatPoints, formatSigned, giveawayInWords, type JointGain, type RealityItem } from '@parley/core'
import { type IssueLabel, termsText } from './terms-text'

/** `Accepting it gives away 13.1 of our points for nothing (against our last offer).`, or nothing. */
export function giveawayText(item: RealityItem): string | undefined {
  return item.giveaway === undefined
    ? undefined
    : `Accepting it gives away ${giveawayInWords(item.giveaway, item.givenBack, true)}.`
}

/** `Propose instead: 69.9 to us, 61.8 to them (est., learned from 1 move) — Annual subscription fee …`, or nothing. */
export function proposalText(
  issues: readonly IssueLabel[],
  item: RealityItem,
  estimate: string,
): string | undefined {
  const proposal = item.proposal
  if (!proposal) return undefined
  return `Propose instead: ${formatPoints(proposal.utility.us)} to us, ${formatPoints(proposal.utility.them)} to them (${estimate}) — ${termsText(issues, proposal.terms)}`
}

/** `+3.9 for us, +3.5 for them (est., learned from 1 move)`: what the joint gain adds over the table. */
export function jointGainText(gain: JointGain, estimate: string): string {
  return `${formatSigned(gain.gain.us)} for us, ${formatSigned(gain.gain.them)} for them (${estimate})`
}
