/**
 * Before signing: alternatives to the agreement that are at least as good for us and may be better
 * for them (a post-settlement settlement). They keep the agreement if they decline, so the offer
 * costs us nothing and can only move the deal toward their true frontier, which our estimate of
 * what they value can miss.
 *
 * The alternatives, at most `count`, each meeting the decision rule and our limits:
 * - first, the joint gain over the agreement under the current estimate (`jointGain`, as `status`
 *   shows it), when there is one;
 * - then, among the bundles most likely to be their best (`likelyBest`) and the agreement's
 *   neighbours (`neighbours`), worth at least the agreement's U_us to us, those raising the expected
 *   worth to them of the best of the agreement and the alternatives: a bundle no draw of the
 *   posterior prefers to what they already have is not offered. How much more one gives us is not
 *   capped: a bundle better for both is the point, and the bundle they would prefer often lies
 *   several points further along our side (on GENIUS's EnglandZimbabwe, capping it at MESO's 2-point
 *   tolerance left every dominated agreement as it was).
 * Figures for them are under the current estimate; `chance` is the posterior probability that the
 * alternative is worth more to them than the agreement.
 */
import type { Beliefs } from '../inference/beliefs'
import { utilityTable } from '../inference/beliefs'
import { currentEstimate, type TheirValue } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import { TOLERANCE } from '../model/limits'
import type { Level, Terms } from '../model/plan'
import { type CompiledConstraint, constraintHolds, ruleAndLimits } from '../scoring/constraints'
import { type Offer, offerFromLevels, readOffer, termsOf, utilityOf } from '../scoring/offer'
import { type Space, scoreLevel } from '../scoring/space'
import { theirUtility } from './concessions'
import type { EventOf } from './events'
import { type JointGain, jointGain } from './joint-gain'
import { likelyBest, sameBundle } from './likely-best'
import { sameLevel } from './positions'
import type { AlternativesRecord, NegotiationState } from './replay'
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
      extra: neighbours(space, agreedLevels, ours, constraints).filter(
        mayServeThemBetter(space, beliefs, agreedLevels),
      ),
    }),
  )
  const kept = alternatives.filter((levels) => !sameBundle(levels, agreedLevels)).slice(0, count)
  return describeAlternatives(
    space,
    agreed,
    kept.map((levels) => offerFromLevels(space, levels)),
    value,
    beliefs,
  )
}

/** Each alternative with its figures beside the agreement: under the current estimate, and the draws' chance it is better for them. */
function describeAlternatives(
  space: Space,
  agreed: Offer,
  alternatives: readonly Offer[],
  value: TheirValue,
  beliefs: Beliefs,
): PostSettlementOption[] {
  if (alternatives.length === 0) return []
  const [base, ...rows] = themRows(space, beliefs, [agreed, ...alternatives])
  const ours = utilityOf(space, agreed).us
  const them = theirUtility(space, value, agreed)
  return alternatives.map((offer, k) => {
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

/**
 * Their utility of each offer under each draw. Offers of the plan's levels go through
 * `utilityTable`; a value between two levels of a range (an agreement or alternative typed by hand)
 * is scored as the plan scores it.
 */
function themRows(space: Space, beliefs: Beliefs, offers: readonly Offer[]): Float64Array[] {
  if (offers.every((offer) => offer.levelIndex.every((k) => k >= 0)))
    return utilityTable(
      space,
      beliefs,
      offers.map((offer) => offer.levelIndex),
    )
  return offers.map((offer) => {
    const scores = space.issues.map((issue) => {
      const k = offer.levelIndex[issue.index] ?? -1
      return k >= 0 ? (issue.score.them[k] ?? 0) : scoreLevel(issue, 'them', offer.values[issue.index] ?? 0)
    })
    return Float64Array.from(beliefs.samples, (w, s) => {
      const flips = beliefs.flipped?.[s]
      let total = 0
      for (let i = 0; i < scores.length; i++)
        total += (w[i] ?? 0) * (flips?.[i] ? 100 - (scores[i] ?? 0) : (scores[i] ?? 0))
      return total
    })
  })
}

/**
 * The alternatives beside `agreed` under what the journal has taught us: the current estimate of
 * `state` and `posterior`'s draws, with the decision rule and our limits. What `status` lists before
 * signing, the simulator's Parley method offers, and the rehearsal's debrief shows.
 */
export function alternativesBeside(
  space: Space,
  agreed: Offer,
  state: Pick<NegotiationState, 'observations'>,
  posterior: Posterior,
  options: PostSettlementOptions = {},
): PostSettlementOption[] {
  const estimate = currentEstimate(space, state, posterior)
  return postSettlement(space, agreed, estimate, posterior.beliefs, ruleAndLimits(space), options)
}

/**
 * The alternatives to offer before signing, as `status`, the coach, the web app's Close stage and
 * the deal room show them: at the close only (once an agreement is recorded, until the debrief
 * begins), under the current estimate and the posterior's draws. Once offered (an
 * `alternatives-offered` event beside the latest agreement), the ones offered, with today's figures,
 * until they sign. Once they have signed — the agreement as it was or one of the alternatives
 * (recorded as the latest agreement) — the step is done: none, rather than a new round of
 * alternatives to what they just chose. A corrected agreement that is none of them gets its own.
 */
export function alternativesBeforeSigning(
  space: Space,
  state: NegotiationState,
  posterior: Posterior,
  options: PostSettlementOptions = {},
): PostSettlementOption[] {
  const agreed = state.stage === 'close' ? state.agreed : undefined
  if (!agreed) return []
  const offered = pendingAlternatives(state)
  // Offered (recorded): while they have not signed, these are the alternatives, with today's figures.
  if (offered)
    return describeAlternatives(
      space,
      agreed.offer,
      offered.bundles.map((bundle) => bundle.offer),
      currentEstimate(space, state, posterior),
      posterior.beliefs,
    )
  const earlier = state.applied.filter((event) => event.type === 'agreed').at(-2)
  if (earlier?.type === 'agreed' && signedBeside(space, state, posterior, earlier, agreed.offer)) return []
  return alternativesBeside(space, agreed.offer, state, posterior, options)
}

/**
 * Whether an agreement recorded after `earlier` is what they signed beside it before signing (not
 * a correction, nor a second deal): `earlier`'s own terms or one of the alternatives offered beside
 * it (an `alternatives-offered` event), or, when none were recorded as offered, one of those
 * `alternativesBeside` lists for it under `posterior` — each worth at least `earlier` to us, so a
 * later agreement worth less is none of them and is not weighed.
 */
export function signedBeside(
  space: Space,
  state: NegotiationState,
  posterior: Posterior,
  earlier: EventOf<'agreed'>,
  later: Offer,
): boolean {
  const read = readOffer(space, earlier.terms)
  if (!read.ok) return false
  const offered = state.alternativesOffered
  if (offered?.agreedEventId === earlier.id)
    return (
      sameOffer(later, offered.agreed) || offered.bundles.some((bundle) => sameOffer(later, bundle.offer))
    )
  if (utilityOf(space, later).us < utilityOf(space, read.offer).us - TOLERANCE) return false
  const signed = Int32Array.from(later.levelIndex)
  return alternativesBeside(space, read.offer, state, posterior).some((option) =>
    sameBundle(levelsOf(space, option.terms), signed),
  )
}

/**
 * What they sign before signing, as the body of an `agreed` event: `terms` (the agreement's own, or
 * one of the alternatives offered beside it) with everything else the recorded agreement says —
 * contingencies, measures, change control, exit, governance and fairness story.
 */
export function signedAgreement(agreed: EventOf<'agreed'>, terms: Terms): Record<string, unknown> {
  const { contingencies, measures, changeControl, exit, governance, fairnessStory } = agreed
  return {
    type: 'agreed',
    terms: { ...terms },
    ...(contingencies ? { contingencies } : {}),
    ...(measures ? { measures } : {}),
    ...(changeControl !== undefined ? { changeControl } : {}),
    ...(exit !== undefined ? { exit } : {}),
    ...(governance ? { governance } : {}),
    ...(fairnessStory !== undefined ? { fairnessStory } : {}),
  }
}

/** The alternatives offered beside the latest agreement and not yet answered, if any. */
export function pendingAlternatives(state: NegotiationState): AlternativesRecord | undefined {
  const offered = state.alternativesOffered
  return offered && state.stage === 'close' && offered.agreedEventId === state.agreed?.eventId
    ? offered
    : undefined
}

function sameOffer(a: Offer, b: Offer): boolean {
  return a.values.every((value, i) => sameLevel(value, b.values[i]))
}

/** The level indices of a bundle this module made (a joint gain or an alternative): it reads back. */
function levelsOf(space: Space, terms: TradeBundle['terms']): Int32Array {
  const read = readOffer(space, terms)
  if (!read.ok) throw new Error('a bundle of the post-settlement does not read back as a bundle of the plan')
  return Int32Array.from(read.offer.levelIndex)
}

/**
 * Whether a bundle near `agreed` can be worth more to them than the agreement under some draw:
 * false when every issue it moves is one no draw reverses and moves to a level they score no
 * higher. Such a bundle is worth at most the agreement to them under every draw — to the last bit,
 * since each term of the sum is no larger and a rounded sum never falls when a term grows — so it
 * never raises the expected best of what they are offered and `likelyBest` would never choose it:
 * leaving it out of the candidates changes nothing but the time spent weighing it on every draw
 * (about half of the agreement's neighbours on the examples).
 */
export function mayServeThemBetter(
  space: Space,
  beliefs: Beliefs,
  agreed: Int32Array,
): (candidate: ArrayLike<number>) => boolean {
  const reversible = space.issues.map(
    (issue) => beliefs.flipped?.some((flips) => flips[issue.index] === 1) ?? false,
  )
  return (candidate) =>
    space.issues.some((issue) => {
      const from = agreed[issue.index] ?? 0
      const to = candidate[issue.index] ?? 0
      if (to === from) return false
      return reversible[issue.index] === true || (issue.score.them[to] ?? 0) > (issue.score.them[from] ?? 0)
    })
}

/**
 * The most neighbours weighed: two issues away only while the bundles one and two issues away are
 * at most this many, one issue away only while those are (each is weighed on every posterior draw).
 */
export const NEIGHBOUR_CAP = 1000

/**
 * The bundles one issue away from the agreement, and two issues away, within `NEIGHBOUR_CAP`, that
 * are worth at least `usLow` to us (to rounding) and meet the rule. The draws' best bundles are
 * where the posterior puts their gain; when the truth lies outside it, the gain is most often a
 * small trade next to the agreement (on GENIUS's EnglandZimbabwe, two of the three agreements a
 * truer frontier dominated had a bundle better for both one or two issues away).
 */
export function neighbours(
  space: Space,
  levels: Int32Array,
  usLow: number,
  constraints: readonly CompiledConstraint[],
): Int32Array[] {
  const found: Int32Array[] = []
  const issues = space.issues
  let single = 0
  let pairs = 0
  for (const issue of issues) {
    const moves = issue.levels.length - 1
    pairs += single * moves
    single += moves
  }
  if (single > NEIGHBOUR_CAP) return found
  const both = single + pairs <= NEIGHBOUR_CAP
  const gain = (i: number, k: number) => (issues[i]?.gain.us[k] ?? 0) / space.totalWeight.us
  let base = 0
  for (const issue of issues) base += gain(issue.index, levels[issue.index] ?? 0)
  // Worth too little to us is passed over before a bundle is made of it: most pairs are.
  const enough = (us: number) => us >= usLow - TOLERANCE
  const keep = (candidate: Int32Array) => {
    const values = issues.map((issue) => issue.levels[candidate[issue.index] ?? 0] as Level)
    if (constraints.every((c) => constraintHolds(c, values))) found.push(candidate)
  }
  for (let i = 0; i < issues.length; i++) {
    const li = levels[i] ?? 0
    const ni = issues[i]?.levels.length ?? 0
    for (let a = 0; a < ni; a++) {
      if (a === li) continue
      const ui = base - gain(i, li) + gain(i, a)
      const one = levels.slice()
      one[i] = a
      if (enough(ui)) keep(one)
      for (let j = i + 1; both && j < issues.length; j++) {
        const lj = levels[j] ?? 0
        const nj = issues[j]?.levels.length ?? 0
        for (let b = 0; b < nj; b++) {
          if (b === lj || !enough(ui - gain(j, lj) + gain(j, b))) continue
          const two = one.slice()
          two[j] = b
          keep(two)
        }
      }
    }
  }
  return found
}
