/**
 * The linter's table: every check of every rule, in passes over the plan, the text meant for them,
 * the journal and the agreement. The order here is the order of the findings; a rule may check
 * several things in different passes (a contingency, and an agreement, can each be unmeasurable).
 */
import { concessionLog } from '../journal/concessions'
import {
  agreementBelowBatna,
  agreementBelowReservation,
  agreementWithoutMeasures,
  contingencyKey,
  hiddenTerm,
  noFairnessStory,
  noGovernance,
  secondAgreement,
  unmeasurableAgreedContingency,
} from './agreement-checks'
import { type LintPass, lintPass } from './check'
import {
  anchorBeforeDiscovery,
  approvalBlocked,
  gift,
  notEquivalent,
  offerBelowReservation,
  offerBreaksRule,
  oneWayRun,
  tooManyBundles,
  unmeasurableContingency,
} from './journal-checks'
import {
  anchorWithoutEvidence,
  applicabilityUnknown,
  batnaGap,
  noBatna,
  noDecisionRule,
  noReservation,
  noTimeForDiscovery,
  reservationBelowBatna,
  singleIssue,
  tradeableNotCheap,
  unfilledPlaceholder,
  unreachableReservation,
  unverifiable,
} from './plan-checks'
import { internalEvidence, pressure, privateFigure, textsForThem, winWin } from './text-checks'

export const LINT_PASSES: readonly LintPass[] = [
  lintPass({
    name: 'preparation',
    subjects: ({ plan }) => [plan],
    checks: [
      unfilledPlaceholder,
      noBatna,
      noReservation,
      reservationBelowBatna,
      noDecisionRule,
      anchorWithoutEvidence,
      batnaGap,
      tradeableNotCheap,
    ],
  }),
  lintPass({
    name: 'applicability',
    subjects: ({ plan }) => [plan],
    checks: [singleIssue, unverifiable, noTimeForDiscovery, applicabilityUnknown, unreachableReservation],
  }),
  lintPass({
    name: 'each text meant for them',
    subjects: ({ input }) => textsForThem(input),
    checks: [privateFigure, internalEvidence, winWin, pressure],
  }),
  lintPass({
    name: 'discovery',
    subjects: ({ state }) => (state ? [state] : []),
    checks: [anchorBeforeDiscovery],
  }),
  lintPass({
    name: 'each offer',
    subjects: ({ state }) => state?.offers ?? [],
    checks: [tooManyBundles, notEquivalent, offerBreaksRule, offerBelowReservation],
  }),
  lintPass({
    name: 'the latest offer',
    subjects: ({ state }) => state?.offers.slice(-1) ?? [],
    checks: [approvalBlocked],
  }),
  lintPass({
    name: 'each concession',
    subjects: ({ space, state }) => (state ? concessionLog(space, state.concessions, space.share.them) : []),
    checks: [gift, oneWayRun],
  }),
  lintPass({
    name: 'each contingency proposed',
    subjects: ({ state }) => state?.contingencies ?? [],
    checks: [unmeasurableContingency],
  }),
  lintPass({
    name: 'the agreement',
    subjects: ({ state }) => (state?.agreed ? [state.agreed] : []),
    checks: [noGovernance, noFairnessStory],
  }),
  lintPass({
    name: 'each contingency agreed',
    subjects: ({ state }) => {
      const agreed = state?.agreed
      if (!agreed) return []
      const proposed = new Set(state.contingencies.map((record) => contingencyKey(record.contingency)))
      return (agreed.event.contingencies ?? []).map((contingency, index) => ({
        agreed,
        contingency,
        index,
        proposed,
      }))
    },
    checks: [unmeasurableAgreedContingency, hiddenTerm],
  }),
  lintPass({
    name: 'the agreement as signed',
    subjects: ({ state }) => (state?.agreed ? [state.agreed] : []),
    checks: [agreementWithoutMeasures, agreementBelowBatna, agreementBelowReservation],
  }),
  lintPass({
    name: 'every agreement recorded',
    subjects: ({ state }) => (state ? [state] : []),
    checks: [secondAgreement],
  }),
]
