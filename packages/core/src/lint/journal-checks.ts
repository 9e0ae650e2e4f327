/**
 * Checks of the moves so far: discovery before the first offer, offers of two or three bundles
 * worth the same to us, none below our floor and none breaking the decision rule, bundles their
 * approvers can sign, no gifts or runs of one-way concessions, and contingencies someone can measure.
 */
import type { ConcessionLine } from '../journal/concessions'
import type { ContingencyRecord, NegotiationState, OfferRecord } from '../journal/replay'
import { floorMessage, limitMessage, ruleMessage, shortfallsOf } from '../journal/shortfalls'
import { count, listAnd } from '../language/english'
import { approvalBlocks } from '../scoring/approval'
import { formatPoints } from '../scoring/figures'
import { utilityOf } from '../scoring/offer'
import type { LintCheck } from './check'
import { RULES } from './rules'

// Discovery.

export const anchorBeforeDiscovery: LintCheck<NegotiationState> = {
  rule: RULES.anchorBeforeDiscovery,
  check: (state, { eventIndex, eventPlace }) => {
    const firstOffer = state.applied.find((event) => event.type === 'offer-sent')
    const firstInterest = state.applied.find((event) => event.type === 'interest-stated')
    if (!firstOffer) return []
    if (firstInterest && (eventIndex(firstInterest.id) ?? 0) <= (eventIndex(firstOffer.id) ?? 0)) return []
    return [
      {
        place: eventPlace(firstOffer.id),
        message: 'an offer went out before any of their interests was recorded',
      },
    ]
  },
}

// Offers.

/** The method's MESO sets hold two or three bundles: more bring decision fatigue. */
const MOST_BUNDLES = 3
/** Bundles of one offer further apart for us than this many points are not equivalent. */
const EQUIVALENT_WITHIN_POINTS = 4

export const tooManyBundles: LintCheck<OfferRecord> = {
  rule: RULES.tooManyBundles,
  check: (offer, { eventPlace }) =>
    offer.bundles.length > MOST_BUNDLES
      ? [
          {
            place: eventPlace(offer.eventId, 'bundles'),
            message: `${count(offer.bundles.length, 'bundle')} in one offer`,
          },
        ]
      : [],
}

export const notEquivalent: LintCheck<OfferRecord> = {
  rule: RULES.notEquivalent,
  check: (offer, { space, eventPlace }) => {
    const values = offer.bundles.map((bundle) => utilityOf(space, bundle.offer).us)
    const low = Math.min(...values)
    const high = Math.max(...values)
    return values.length >= 2 && high - low > EQUIVALENT_WITHIN_POINTS
      ? [
          {
            place: eventPlace(offer.eventId, 'bundles'),
            message: `the bundles range from ${formatPoints(low)} to ${formatPoints(high)} for us; their choice would cost us up to ${formatPoints(high - low)} points`,
          },
        ]
      : []
  },
}

/**
 * Each bundle below our reservation or BATNA, or breaking one of our limits (both findings, when it
 * does both). Worded by `journal/shortfalls.ts`, as `parley journal add` warns when the offer is recorded.
 */
export const offerBelowReservation: LintCheck<OfferRecord> = {
  rule: RULES.offerBelowReservation,
  check: (offer, { space, requirements, eventPlace }) =>
    offer.bundles.flatMap((bundle, k) => {
      const shortfalls = shortfallsOf(space, bundle.offer, requirements())
      const what = `bundle ${bundle.label}`
      return [floorMessage(what, shortfalls), limitMessage(what, shortfalls)]
        .filter((message) => message !== undefined)
        .map((message) => ({ place: eventPlace(offer.eventId, 'bundles', k), message }))
    }),
}

/** Each bundle that breaks an item of the decision rule: the rule is the promise every option passes. */
export const offerBreaksRule: LintCheck<OfferRecord> = {
  rule: RULES.offerBreaksRule,
  check: (offer, { space, requirements, eventPlace }) =>
    offer.bundles.flatMap((bundle, k) => {
      const message = ruleMessage(`bundle ${bundle.label}`, shortfallsOf(space, bundle.offer, requirements()))
      return message ? [{ place: eventPlace(offer.eventId, 'bundles', k), message }] : []
    }),
}

/** Checked on the latest offer only: earlier ones are history. */
export const approvalBlocked: LintCheck<OfferRecord> = {
  rule: RULES.approvalBlocked,
  check: (offer, { space, eventPlace }) =>
    offer.bundles.flatMap((bundle, k) =>
      approvalBlocks(space, bundle.offer).map((block) => ({
        place: eventPlace(offer.eventId, 'bundles', k),
        message: `bundle ${bundle.label} is likely to be blocked: the ${block.approver} signs only ${block.limit}`,
      })),
    ),
}

// Concessions.

export const gift: LintCheck<ConcessionLine> = {
  rule: RULES.gift,
  check: (line, { eventPlace }) =>
    line.flags.includes('gift')
      ? [
          {
            place: eventPlace(line.eventId, 'get'),
            message: `we gave ${listAnd(Object.keys(line.give))} and asked nothing in return`,
          },
        ]
      : [],
}

export const oneWayRun: LintCheck<ConcessionLine> = {
  rule: RULES.oneWayRun,
  check: (line, { eventPlace }) =>
    line.flags.includes('one_way_run')
      ? [{ place: eventPlace(line.eventId), message: 'another one-way concession in a row' }]
      : [],
}

// Contingencies.

export const unmeasurableContingency: LintCheck<ContingencyRecord> = {
  rule: RULES.unmeasurable,
  check: ({ eventId, contingency }, { eventPlace }) =>
    contingency.measurement?.source && contingency.measurement?.reporting
      ? []
      : [
          {
            place: eventPlace(eventId, 'contingency', 'measurement'),
            message: `nobody has said how "${contingency.metric}" is measured and reported`,
          },
        ],
}
