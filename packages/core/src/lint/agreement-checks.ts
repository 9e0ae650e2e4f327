/**
 * Checks of the agreement: governance written in (a review cadence, change control, an exit),
 * contingencies that are measured and were proposed openly, and a deal worth at least our BATNA.
 */
import type { Contingency } from '../journal/events'
import type { AgreedRecord } from '../journal/replay'
import { formatPoints } from '../scoring/figures'
import { utilityOf } from '../scoring/offer'
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
      !event.governance?.reviewCadence && 'a review cadence',
      !event.changeControl && 'change control',
      !event.exit && 'an exit',
    ].filter(Boolean)
    return missing.length > 0
      ? [{ place: eventPlace(eventId), message: `the agreement has no ${missing.join(', no ')}` }]
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

export const unmeasuredAgreement: LintCheck<AgreedRecord> = {
  rule: RULES.unmeasurable,
  check: ({ eventId, event }, { eventPlace }) =>
    (event.contingencies?.length ?? 0) > 0 && !event.measures?.length
      ? [
          {
            place: eventPlace(eventId, 'measures'),
            message: 'the agreement has contingencies but no measures (metric, threshold, reporting, remedy)',
          },
        ]
      : [],
}

export const agreementBelowBatna: LintCheck<AgreedRecord> = {
  rule: RULES.agreementBelowBatna,
  check: (agreed, { space, plan, eventPlace }) => {
    const batna = plan.batna?.us
    const value = utilityOf(space, agreed.offer).us
    return batna && value < batna.utility - 1e-9
      ? [
          {
            place: eventPlace(agreed.eventId, 'terms'),
            message: `the agreement is worth ${formatPoints(value)} to us, below our BATNA (${formatPoints(batna.utility)})`,
          },
        ]
      : []
  },
}
