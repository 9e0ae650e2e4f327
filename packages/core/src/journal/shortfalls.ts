/**
 * Where a bundle falls short for us, measured against the plan: below our reservation, below our
 * BATNA, breaking one of our walk-away limits, breaking the decision rule agreed with them. One
 * judgement, worded one way, for the linter (over the whole journal) and for admitting an event
 * (the warnings `parley journal add`, the server and the web app's previews show as a move is
 * recorded), so a move is never judged one way when it is entered and another way when it is linted.
 */
import { listAnd, nounFor } from '../language/english'
import { compileRequirements, type Requirements } from '../scoring/constraints'
import { formatPoints } from '../scoring/figures'
import { type Offer, type RequirementCheck, scoreOffer } from '../scoring/offer'
import type { Space } from '../scoring/space'

export interface Shortfalls {
  /** What the bundle is worth to us, in points. */
  utility: number
  belowReservation: boolean
  /** Our BATNA's utility when the bundle is worth less than it. */
  belowBatna: number | undefined
  /** The decision rule's items it breaks. */
  brokenRule: RequirementCheck[]
  /** Our limits it breaks. */
  brokenLimits: RequirementCheck[]
}

/** Utilities are compared with this slack, as everywhere a bundle meets a threshold exactly. */
const SLACK = 1e-9

export function shortfallsOf(
  space: Space,
  offer: Offer,
  requirements: Requirements = compileRequirements(space),
): Shortfalls {
  const score = scoreOffer(space, offer, requirements)
  const { reservation, batna } = space.plan
  const us = score.utility.us
  const batnaUs = batna?.us?.utility
  return {
    utility: us,
    belowReservation: reservation !== undefined && us < reservation - SLACK,
    belowBatna: batnaUs !== undefined && us < batnaUs - SLACK ? batnaUs : undefined,
    brokenRule: score.ruleChecks.filter((check) => !check.met),
    brokenLimits: score.limitChecks.filter((check) => !check.met),
  }
}

/**
 * "bundle A is worth 41.0 to us, below our reservation and our BATNA (45.0)", or undefined when it
 * is worth at least both. The reservation's own figure is left out: these words reach the whole
 * team, and the reservation is the figure the method guards most.
 */
export function floorMessage(what: string, shortfalls: Shortfalls): string | undefined {
  const below = [
    shortfalls.belowReservation ? 'our reservation' : '',
    shortfalls.belowBatna !== undefined ? `our BATNA (${formatPoints(shortfalls.belowBatna)})` : '',
  ]
  if (below.every((item) => item === '')) return undefined
  return `${what} is worth ${formatPoints(shortfalls.utility)} to us, below ${listAnd(below)}`
}

/** "bundle A breaks the decision rule: rollout <= 60", or undefined when it meets every item. */
export function ruleMessage(what: string, shortfalls: Shortfalls): string | undefined {
  const { brokenRule } = shortfalls
  return brokenRule.length > 0
    ? `${what} breaks the decision rule agreed with them: ${listAnd(brokenRule.map((check) => check.text))}`
    : undefined
}

/** "bundle A breaks our limit price >= 100000", or undefined when it keeps to every limit. */
export function limitMessage(what: string, shortfalls: Shortfalls): string | undefined {
  const { brokenLimits } = shortfalls
  return brokenLimits.length > 0
    ? `${what} breaks our ${nounFor(brokenLimits.length, 'limit')} ${listAnd(brokenLimits.map((check) => check.text))}`
    : undefined
}
