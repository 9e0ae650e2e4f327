/**
 * Checks of the plan alone: is the preparation done (no placeholder left, a BATNA, a reservation, a
 * decision rule, an anchor with evidence), and does the method apply (more than one issue,
 * verifiable terms, time for discovery, a reachable reservation)?
 */
import { computeFrontier } from '../frontier/frontier'
import type { Plan } from '../model/plan'
import { formatPath } from '../model/problem'
import { placeholders } from '../plan/placeholders'
import { formatPoints } from '../scoring/figures'
import type { LintCheck } from './check'
import { RULES } from './rules'

/**
 * A share of 1 as a whole percent, `0.004` → `0%`: the tradeable check compares two shares roughly
 * ("only about 20%"), so it rounds where `formatShare` keeps a decimal below 1%.
 */
function formatWholePercent(share: number): string {
  return `${Math.round(share * 100)}%`
}

// Preparation.

/**
 * A starter's `<...>` blanks left in: `parley check` only warns (the plan is valid), but a plan
 * still holding one is unfinished, and its blanks would be read out as if they were words.
 */
export const unfilledPlaceholder: LintCheck<Plan> = {
  rule: RULES.placeholder,
  check: (plan, { planPlace }) =>
    placeholders(plan).map((blank) => ({
      place: planPlace(...blank.at),
      message: `${formatPath(blank.at)} still holds the placeholder ${blank.text}`,
    })),
}

export const noBatna: LintCheck<Plan> = {
  rule: RULES.noBatna,
  check: (plan, { planPlace }) =>
    plan.batna?.us
      ? []
      : [
          {
            place: planPlace('batna'),
            message: 'there is no BATNA for us: we do not know what walking away is worth',
          },
        ],
}

export const noReservation: LintCheck<Plan> = {
  rule: RULES.noReservation,
  check: (plan, { planPlace }) =>
    plan.reservation === undefined
      ? [{ place: planPlace('reservation'), message: 'there is no reservation point' }]
      : [],
}

export const reservationBelowBatna: LintCheck<Plan> = {
  rule: RULES.reservationBelowBatna,
  check: ({ reservation, batna }, { planPlace }) =>
    reservation !== undefined && batna?.us && reservation < batna.us.utility
      ? [
          {
            place: planPlace('reservation'),
            message: `the reservation (${formatPoints(reservation)}) is below our BATNA (${formatPoints(batna.us.utility)})`,
          },
        ]
      : [],
}

export const noDecisionRule: LintCheck<Plan> = {
  rule: RULES.noDecisionRule,
  check: ({ decisionRule }, { planPlace }) =>
    !decisionRule || (!decisionRule.statement && !decisionRule.require?.length)
      ? [{ place: planPlace('decisionRule'), message: 'there is no decision rule to judge offers by' }]
      : [],
}

export const anchorWithoutEvidence: LintCheck<Plan> = {
  rule: RULES.anchorWithoutEvidence,
  check: ({ anchor }, { planPlace }) =>
    anchor && !anchor.evidence?.length
      ? [{ place: planPlace('anchor'), message: `the anchor on ${anchor.issue} cites no evidence` }]
      : [],
}

/** Their BATNA this many points better than ours, with no plan to improve ours, is a weak position. */
const BATNA_GAP_POINTS = 15

export const batnaGap: LintCheck<Plan> = {
  rule: RULES.batnaGap,
  check: ({ batna }, { planPlace }) => {
    const us = batna?.us
    const them = batna?.them
    return us && them && them.utility - us.utility >= BATNA_GAP_POINTS && !us.improve
      ? [
          {
            place: planPlace('batna', 'us'),
            message: `their BATNA (${formatPoints(them.utility)}, estimated) is ${formatPoints(them.utility - us.utility)} points better than ours (${formatPoints(us.utility)}) and there is no plan to improve ours`,
          },
        ]
      : []
  },
}

export const tradeableNotCheap: LintCheck<Plan> = {
  rule: RULES.tradeableNotCheap,
  check: (_plan, { space, planPlace }) =>
    space.issues.flatMap((issue) => {
      const us = space.share.us[issue.index] ?? 0
      const them = space.share.them[issue.index] ?? 0
      return issue.tradeable && us >= them
        ? [
            {
              place: planPlace('issues', issue.index, 'tradeable'),
              message: `${issue.id} is flagged tradeable, but it weighs ${formatWholePercent(us)} for us and only about ${formatWholePercent(them)} for them`,
            },
          ]
        : []
    }),
}

// Applicability.

export const singleIssue: LintCheck<Plan> = {
  rule: RULES.singleIssue,
  check: (_plan, { space, planPlace }) =>
    space.issues.length === 1
      ? [
          {
            place: planPlace('issues'),
            message: 'the plan has a single issue: there is little value to create by trading across issues',
          },
        ]
      : [],
}

export const unverifiable: LintCheck<Plan> = {
  rule: RULES.unverifiable,
  check: ({ applicability }, { planPlace }) =>
    applicability?.verifiable === false
      ? [
          {
            place: planPlace('applicability', 'verifiable'),
            message: 'the terms can not be verified after signing, so misrepresentation is a real risk',
          },
        ]
      : [],
}

export const noTimeForDiscovery: LintCheck<Plan> = {
  rule: RULES.noTimeForDiscovery,
  check: ({ applicability }, { planPlace }) =>
    applicability?.timeForDiscovery === false
      ? [
          {
            place: planPlace('applicability', 'timeForDiscovery'),
            message: 'there is no time for discovery before offers are due',
          },
        ]
      : [],
}

export const applicabilityUnknown: LintCheck<Plan> = {
  rule: RULES.applicabilityUnknown,
  check: ({ applicability }, { planPlace }) =>
    applicability?.verifiable === undefined || applicability?.timeForDiscovery === undefined
      ? [
          {
            place: planPlace('applicability'),
            message: 'whether terms are verifiable and there is time for discovery is not answered yet',
          },
        ]
      : [],
}

export const unreachableReservation: LintCheck<Plan> = {
  rule: RULES.unreachableReservation,
  check: ({ reservation }, { space, requirements, planPlace }) => {
    if (reservation === undefined) return []
    const { rule, limits } = requirements()
    const frontier = computeFrontier(space, { constraints: [...rule, ...limits] })
    if (!frontier.ok) return []
    let best = Number.NEGATIVE_INFINITY
    for (let k = 0; k < frontier.frontier.size; k++) best = Math.max(best, frontier.frontier.us[k] ?? 0)
    return best < reservation - 1e-9
      ? [
          {
            place: planPlace('reservation'),
            message:
              frontier.frontier.size === 0
                ? 'no bundle meets the decision rule and our limits at all'
                : `the best bundle meeting the decision rule and our limits is worth ${formatPoints(best)}, below our reservation (${formatPoints(reservation)})`,
          },
        ]
      : []
  },
}
