/**
 * The linter's rules: the method's pitfalls and its do/avoid checklist, each with an id, a
 * severity and the corrective action (or the line to use instead).
 *
 * Severities. An error is what the method forbids, and `parley lint` exits 3 on one: a private
 * figure in text meant for them; an unfinished plan (a placeholder still in it); a bundle offered
 * that breaks the decision rule agreed with them (the rule is the promise every option passes), that
 * is worth less to us than our reservation or BATNA, or that breaks our limits; an agreement worth
 * less to us than our reservation or BATNA, or breaking our limits. A warning is a pitfall a person
 * may have reasons for (a gift, no measures, no fairness story, a second agreement, missing
 * governance). A note (info) is a question still open or a flag worth a second look.
 */
export type LintSeverity = 'error' | 'warning' | 'info'

export interface LintRule {
  id: string
  severity: LintSeverity
  /** What the rule checks, in one line. */
  summary: string
  /** What to do instead. */
  fix: string
}

const rule = (id: string, severity: LintSeverity, summary: string, fix: string): LintRule => ({
  id,
  severity,
  summary,
  fix,
})

export const RULES = {
  noBatna: rule(
    'no-batna',
    'warning',
    'no BATNA for us',
    'Write down what you will do without a deal, what it costs and what it is worth in points; keep improving it in parallel.',
  ),
  noReservation: rule(
    'no-reservation',
    'warning',
    'no reservation point',
    'Decide the worst deal you would accept, relative to your BATNA, before the first call, and keep it to yourself.',
  ),
  reservationBelowBatna: rule(
    'reservation-below-batna',
    'warning',
    'reservation below our BATNA',
    'Raise the reservation to at least the BATNA: a deal worth less than walking away is not worth signing.',
  ),
  noDecisionRule: rule(
    'no-decision-rule',
    'warning',
    'no decision rule',
    'Agree with them how offers will be judged (total cost in 12 months, time to value, a safety standard) and write it as the decision rule.',
  ),
  privateFigure: rule(
    'private-figure-in-shared-text',
    'error',
    'a reservation, BATNA or limit figure in text meant for them',
    'Take the figure out; share the rationale and the range, never the floor: "Comparable deals run from X to Y because ...".',
  ),
  internalEvidence: rule(
    'internal-evidence-in-shared-text',
    'error',
    'an internal source (evidence marked shareable: false) cited in text meant for them',
    'Take the claim and the source out; cite shareable evidence instead, or, if the source may be shown to them after all, remove `shareable: false`.',
  ),
  winWin: rule(
    'win-win-without-numbers',
    'warning',
    '"win-win" language with no numbers, benchmarks or standards behind it',
    'Replace the claim with the numbers: the benchmark range, the service levels, the cost logic.',
  ),
  gift: rule(
    'gift',
    'warning',
    'a concession with no reciprocal ask',
    'Pair every give with a get: "If we move on X, we need Y."',
  ),
  oneWayRun: rule(
    'one-way-run',
    'warning',
    'a run of one-way concessions',
    'Stop conceding; make the next move conditional, or pause and revisit the standard.',
  ),
  tooManyBundles: rule(
    'too-many-bundles',
    'warning',
    'more than three bundles on the table',
    'Offer two or three bundles tied to a clear rule; more options bring decision fatigue.',
  ),
  notEquivalent: rule(
    'bundles-not-equivalent',
    'warning',
    'bundles in one offer that are not worth the same to us',
    'Keep every bundle of a set within a few points of the same value to us (parley meso does), so their choice reveals their priorities and costs us nothing.',
  ),
  offerBelowReservation: rule(
    'offer-below-reservation',
    'error',
    'a bundle offered below our reservation or BATNA, or breaking our limits',
    'Withdraw or correct the bundle; nothing we offer should be worth less to us than our reservation or BATNA, or break a walk-away limit.',
  ),
  offerBreaksRule: rule(
    'offer-breaks-rule',
    'error',
    'a bundle offered that breaks the decision rule agreed with them',
    'Withdraw or correct the bundle: every option we bring must pass the test both sides agreed (parley meso proposes only bundles that do). If the rule itself has changed, agree the new rule with them and write it into the plan.',
  ),
  unmeasurable: rule(
    'unmeasurable-term',
    'warning',
    'a contingency or term with no measurement, threshold or remedy',
    'Define the metric, who measures and reports it, the threshold and the remedy; add audit or data-access rights if needed.',
  ),
  noGovernance: rule(
    'no-governance',
    'warning',
    'an agreement without a review cadence, change control or exit',
    'Write the review cadence, the change-control process and the exit (an off-ramp on repeated breaches) into the agreement now.',
  ),
  agreementBelowBatna: rule(
    'agreement-below-batna',
    'error',
    'an agreement worth less to us than our BATNA',
    'Do not sign: walking away (our BATNA) is worth more. Reopen the terms or take the alternative.',
  ),
  agreementBelowReservation: rule(
    'agreement-below-reservation',
    'error',
    'an agreement worth less to us than our reservation, or breaking our limits',
    'Do not sign as it stands: it is worse than the worst deal we decided to accept. Reopen the terms, or revisit the reservation with whoever owns it before signing.',
  ),
  agreementWithoutMeasures: rule(
    'agreement-without-measures',
    'warning',
    'an agreement with no measurable terms',
    'Add measures: for each promise that matters, the metric, the threshold, who reports it and when, and the remedy when it is missed.',
  ),
  noFairnessStory: rule(
    'no-fairness-story',
    'warning',
    'an agreement with no fairness story',
    'Write the two or three sentences each side can tell its own people about why the deal is fair (the standard, the trades, what each side got); the web app drafts one from the journal.',
  ),
  secondAgreement: rule(
    'second-agreement',
    'warning',
    'a second agreement recorded after the first (not what they signed before signing: the agreement as it was, or one of the alternatives offered beside it)',
    'If one was recorded by mistake, retract it (a retract event); if the deal was reopened, record what changed as concessions or contingencies so the journal tells the story.',
  ),
  anchorWithoutEvidence: rule(
    'anchor-without-evidence',
    'warning',
    'an anchor with no evidence behind it',
    'Tie the anchor to benchmarks or cost drivers in the evidence pack, and cite them in its two-line rationale.',
  ),
  anchorBeforeDiscovery: rule(
    'anchor-before-discovery',
    'warning',
    'an offer or anchor sent before any discovery was recorded',
    'Ask discovery questions first and record what they say (interest-stated); anchors follow discovery.',
  ),
  batnaGap: rule(
    'batna-gap',
    'warning',
    'their estimated BATNA is far better than ours, with no plan to improve ours',
    'Improve our alternative in parallel (write how under batna.us.improve), add issues to trade, use contingent terms, and control the timing.',
  ),
  pressure: rule(
    'pressure-tactic',
    'warning',
    'pressure tactics in text meant for them (ethics guardrail)',
    'Drop the pressure; use a relationship-safe pause instead: "We cannot meet that under the standard we agreed; let us revisit after ...".',
  ),
  hiddenTerm: rule(
    'hidden-term',
    'warning',
    'a term in the agreement that was never put on the table (ethics guardrail)',
    'Raise every term openly before signing: no hidden liabilities, no surprises in the final text.',
  ),
  singleIssue: rule(
    'single-issue',
    'warning',
    'only one issue: little value to create',
    'Add issues that matter to either side (payment terms, timing, scope, service levels), or use a distributive approach with fixed standards.',
  ),
  unverifiable: rule(
    'unverifiable-terms',
    'warning',
    'terms that can not be verified while misrepresentation risk is high',
    'Add verification (audit rights, third-party measurement, holdbacks) or narrow the deal to what can be checked.',
  ),
  noTimeForDiscovery: rule(
    'no-time-for-discovery',
    'warning',
    'no time for discovery',
    'Narrow the scope to what can be agreed now, and revisit discovery for the rest later.',
  ),
  placeholder: rule(
    'unfilled-placeholder',
    'error',
    'a text of the plan still holding a <...> placeholder',
    'Replace the placeholder with the real text (a name, a description, a source), or delete the field if it does not apply.',
  ),
  applicabilityUnknown: rule(
    'applicability-unknown',
    'info',
    'not yet answered whether terms are verifiable and there is time for discovery',
    'Answer applicability.verifiable and applicability.timeForDiscovery in the plan.',
  ),
  unreachableReservation: rule(
    'unreachable-reservation',
    'warning',
    'no bundle meeting the decision rule and our limits reaches our reservation',
    'Revisit the reservation, the limits or the rule, or add issues: as planned, no deal can be acceptable.',
  ),
  tradeableNotCheap: rule(
    'tradeable-not-cheap',
    'info',
    'an issue flagged tradeable that is not cheaper for us than it is valuable to them',
    'Check the flag and the weights: a tradeable should cost us little and matter to them.',
  ),
  approvalBlocked: rule(
    'approval-blocked',
    'warning',
    'a bundle offered that their approvers are unlikely to sign',
    'Reshape the bundle within their approval limits, or offer a face-saving variant their approver can report as a win (parley coach).',
  ),
} as const satisfies Record<string, LintRule>

export type RuleKey = keyof typeof RULES
