/**
 * Before signing: alternatives to the agreement that are at least as good for us and may be better
 * for them (a post-settlement settlement). They keep the agreement if they decline, so the offer
 * costs us nothing and can only move the deal toward their true frontier, which our estimate of
 * what they value can miss.
 *
 * The alternatives, at most `count`, each meeting the decision rule and our limits:
 * - first, the joint gain over the agreement under the current estimate (`jointGain`, as `status`
 *   shows it), when there is one;
 * - then the bundles most likely to be their best (`likelyBest`) among those worth at least the
 *   agreement's U_us to us, each raising the expected worth to them of the best of the agreement
 *   and the alternatives: a bundle no draw of the posterior prefers to what they already have is
 *   not offered. How much more one gives us is not capped: a bundle better for both is the point,
 *   and the bundle they would prefer often lies several points further along our side (on GENIUS's
 *   EnglandZimbabwe, capping it at MESO's 2-point tolerance left every dominated agreement as it was).
 * Figures for them are under the current estimate; `chance` is the posterior probability that the
 * alternative is worth more to them than the agreement.
 */
import type { Beliefs } from '../inference/beliefs'
import { utilityTable } from '../inference/beliefs'
import type { TheirValue } from '../inference/estimate'
import { TOLERANCE } from '../model/limits'
import type { CompiledConstraint } from '../scoring/constraints'
import { type Offer, offerFromLevels, readOffer, termsOf, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { theirUtility } from './concessions'
import { type JointGain, jointGain } from './joint-gain'
import { likelyBest, sameBundle } from './likely-best'
import type { TradeBundle } from './trade-advice'

export interface PostSettlementOption extends TradeBundle {
  /** What it adds over the agreement for each side, in points (theirs under the current estimate; ours at least 0). */
  gain: { us: number; them: number }
  /** The posterior probability that it is worth more to them than the agreement (0 to 1). */
  chance: number
}

export interface PostSettlementOptions {
  /** Alternatives at most (default 2: with the agreement, a set of three). */
  count?: number
  /** The joint gain over the agreement when the caller has computed it already (`status` has). */
  jointGain?: JointGain | null
}

export const POST_SETTLEMENT_DEFAULTS = { count: 2 } as const

export function postSettlement(
  space: Space,
  agreed: Offer,
  value: TheirValue,
  beliefs: Beliefs,
  constraints: readonly CompiledConstraint[],
  options: PostSettlementOptions = {},
): PostSettlementOption[] {
  const count = options.count ?? POST_SETTLEMENT_DEFAULTS.count
  if (count <= 0) return []
  const agreedLevels = Int32Array.from(agreed.levelIndex)
  // An agreement with a value between two levels of a range is not a bundle the search can compare
  // alternatives with: none are offered (status still shows the joint gain over it).
  if (agreedLevels.some((k) => k < 0)) return []
  const ours = utilityOf(space, agreed).us
  const alternatives: Int32Array[] = []
  const joint =
    options.jointGain !== undefined ? options.jointGain : jointGain(space, agreed, value, constraints)
  if (joint) alternatives.push(levelsOf(space, joint.terms))
  alternatives.push(
    ...likelyBest(space, beliefs, constraints, {
      head: [agreedLevels, ...alternatives],
      slots: count - alternatives.length,
      usLow: ours - TOLERANCE,
      usHigh: Number.POSITIVE_INFINITY,
      mustRaise: true,
    }),
  )
  const kept = alternatives.filter((levels) => !sameBundle(levels, agreedLevels)).slice(0, count)
  if (kept.length === 0) return []
  const [base, ...rows] = utilityTable(space, beliefs, [agreedLevels, ...kept]) as Float64Array[]
  const them = theirUtility(space, value, agreed)
  return kept.map((levels, k) => {
    const offer = offerFromLevels(space, levels)
    const us = utilityOf(space, offer).us
    const theirs = theirUtility(space, value, offer)
    const row = rows[k] as Float64Array
    let chance = 0
    for (let s = 0; s < row.length; s++)
      if ((row[s] ?? 0) > (base?.[s] ?? 0) + TOLERANCE) chance += beliefs.probability[s] ?? 0
    return {
      terms: termsOf(space, offer),
      utility: { us, them: theirs },
      gain: { us: us - ours, them: theirs - them },
      chance: Math.min(1, chance),
    }
  })
}

function levelsOf(space: Space, terms: TradeBundle['terms']): Int32Array {
  const read = readOffer(space, terms)
  if (!read.ok) throw new Error('a joint gain does not read back as a bundle of the plan')
  return Int32Array.from(read.offer.levelIndex)
}
