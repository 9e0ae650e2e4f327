/**
 * Checks of the agreement: governance written in (a review cadence, change control, an exit),
 * measurable terms and a fairness story, contingencies that are measured and were proposed openly,
 * a deal worth at least our reservation and BATNA within our limits, and only one agreement.
 */
import { inferPriorities } from '../inference/posterior'
import type { Contingency } from '../journal/events'
import { signedBeside } from '../journal/post-settlement'
import type { AgreedRecord, NegotiationState } from '../journal/replay'
import { floorMessage, limitMessage, shortfallsOf } from '../journal/shortfalls'
import { count, listOr } from '../language/english'
import { formatPoints } from '../scoring/figures'
import { readOffer } from '../scoring/offer'
import type { LintCheck } from './check'
import { RULES } from './rules'

/** One contingency of the agreement, with what was proposed before it. */
export interface AgreedContingency {
  agreed: AgreedRecord
  contingency: Contingency
  /** Its position in the agreement's contingencies. */
  index: number
  /** The proposed contingencies, each as `contingencyKey` gives it. */
  proposed: ReadonlySet<string>
}

/** A contingency is the one proposed when it has the same metric and the same consequence. */
export function contingencyKey(contingency: Contingency): string {
  return JSON.stringify([contingency.metric, contingency.consequence])
}

export const noGovernance: LintCheck<AgreedRecord> = {
  rule: RULES.noGovernance,
  check: ({ eventId, event }, { eventPlace }) => {
    const missing = [
      event.governance?.reviewCadence ? '' : 'review cadence',
      event.changeControl ? '' : 'change control',
      event.exit ? '' : 'exit',
    ].filter((item) => item !== '')
    return missing.length > 0
      ? [{ place: eventPlace(eventId), message: `the agreement has no ${listOr(missing)}` }]
      : []
  },
}

export const unmeasurableAgreedContingency: LintCheck<AgreedContingency> = {
  rule: RULES.unmeasurable,
  check: ({ agreed, contingency, index }, { eventPlace }) =>
    !contingency.measurement?.source || !contingency.measurement?.reporting
      ? [
          {
            place: eventPlace(agreed.eventId, 'contingencies', index),
            message: `the agreed contingency on "${contingency.metric}" has no measurement or reporting`,
          },
        ]
      : [],
}

export const hiddenTerm: LintCheck<AgreedContingency> = {
  rule: RULES.hiddenTerm,
  check: ({ agreed, contingency, index, proposed }, { eventPlace }) =>
    proposed.has(contingencyKey(contingency))
      ? []
      : [
          {
            place: eventPlace(agreed.eventId, 'contingencies', index),
            message: `the contingency on "${contingency.metric}" appears in the agreement but was never proposed`,
          },
        ],
}

/** Measures are what makes an agreement checkable: with none, neither side can tell whether it is kept. */
export const agreementWithoutMeasures: LintCheck<AgreedRecord> = {
  rule: RULES.agreementWithoutMeasures,
  check: ({ eventId, event }, { eventPlace }) => {
    if ((event.measures?.length ?? 0) > 0) return []
    const contingencies = event.contingencies?.length ?? 0
    return [
      {
        place: eventPlace(eventId, 'measures'),
        message:
          contingencies > 0
            ? `the agreement has ${count(contingencies, 'contingency')} but no measures (metric, threshold, reporting, remedy)`
            : 'the agreement has no measures (metric, threshold, reporting, remedy): nothing says how either side will know it is kept',
      },
    ]
  },
}

export const noFairnessStory: LintCheck<AgreedRecord> = {
  rule: RULES.noFairnessStory,
  check: ({ eventId, event }, { eventPlace }) =>
    event.fairnessStory?.trim()
      ? []
      : [
          {
            place: eventPlace(eventId, 'fairnessStory'),
            message: 'the agreement has no fairness story for either side to tell its own people',
          },
        ],
}

export const agreementBelowBatna: LintCheck<AgreedRecord> = {
  rule: RULES.agreementBelowBatna,
  check: (agreed, { space, requirements, eventPlace }) => {
    const shortfalls = shortfallsOf(space, agreed.offer, requirements())
    return shortfalls.belowBatna !== undefined
      ? [
          {
            place: eventPlace(agreed.eventId, 'terms'),
            message: `the agreement is worth ${formatPoints(shortfalls.utility)} to us, below our BATNA (${formatPoints(shortfalls.belowBatna)})`,
          },
        ]
      : []
  },
}

/**
 * Below our reservation (when it is not below our BATNA too: that finding says more), or breaking
 * our limits. Worded by `journal/shortfalls.ts`, as `parley journal add` warns when it is recorded.
 */
export const agreementBelowReservation: LintCheck<AgreedRecord> = {
  rule: RULES.agreementBelowReservation,
  check: (agreed, { space, requirements, eventPlace }) => {
    const shortfalls = shortfallsOf(space, agreed.offer, requirements())
    const floor = shortfalls.belowBatna === undefined ? floorMessage('the agreement', shortfalls) : undefined
    return [floor, limitMessage('the agreement', shortfalls)]
      .filter((message) => message !== undefined)
      .map((message) => ({ place: eventPlace(agreed.eventId, 'terms'), message }))
  },
}

/**
 * Every agreement after the first that still counts (a retracted one does not): replay keeps the
 * latest, so the terms agreed before were silently replaced. Not what they signed before signing
 * (`signedBeside`: the agreement as it was, or one of the alternatives offered beside it): that
 * replacement is the method's post-settlement step.
 */
export const secondAgreement: LintCheck<NegotiationState> = {
  rule: RULES.secondAgreement,
  check: (state, { space, input, eventIndex, eventPlace }) => {
    const agreements = state.applied.filter((event) => event.type === 'agreed')
    if (agreements.length < 2) return []
    let posterior = input.posterior
    const learned = () => {
      posterior ??= inferPriorities(space, state.observations)
      return posterior
    }
    return agreements.slice(1).flatMap((event, k) => {
      const earlier = agreements[k]
      const read = readOffer(space, event.terms)
      if (earlier && read.ok && signedBeside(space, state, learned(), earlier, read.offer)) return []
      return [
        {
          place: eventPlace(event.id),
          message: `a second agreement: it replaces the one recorded at event ${(eventIndex(earlier?.id ?? '') ?? 0) + 1}`,
        },
      ]
    })
  },
}
