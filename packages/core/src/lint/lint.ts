/**
 * The linter: checks a plan, its journal and every phrase Parley would have us say against the
 * method's pitfalls. Findings name their place — a path in the plan, an event of the journal, or
 * a phrase — for the command line to turn into file positions and SARIF locations.
 */

import { computeFrontier } from '../frontier/frontier'
import { concessionLog } from '../journal/concessions'
import type { JournalEvent } from '../journal/events'
import type { NegotiationState } from '../journal/replay'
import type { PathSegment } from '../model/problem'
import { approvalBlocks } from '../playbooks/approval'
import type { FilledPhrase } from '../playbooks/phrases'
import { compileRequirements } from '../scoring/constraints'
import { scoreOffer, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { type PrivateFigure, privateFigureMatcher } from '../sharing/private-figures'
import { type LintRule, type LintSeverity, RULES } from './rules'

export type FindingPlace =
  | { document: 'plan'; at: readonly PathSegment[] }
  | { document: 'journal'; event: number; eventId: string; at: readonly PathSegment[] }
  | { document: 'phrase'; phraseId: string }

export interface Finding {
  id: string
  severity: LintSeverity
  place: FindingPlace
  message: string
  fix: string
}

export interface LintInput {
  space: Space
  /** The journal's events and their replay (both optional: a plan alone lints too). */
  events?: readonly JournalEvent[]
  state?: NegotiationState
  /** Every filled phrase Parley would have us say. */
  phrases?: readonly FilledPhrase[]
}

const f = (value: number) => value.toFixed(1)

function finding(rule: LintRule, place: FindingPlace, message: string): Finding {
  return { id: rule.id, severity: rule.severity, place, message, fix: rule.fix }
}

interface SharedText {
  text: string
  place: FindingPlace
}

/** Text meant for them: the shareable text of the plan and the journal, and every filled phrase. */
export function textsForThem(input: LintInput): SharedText[] {
  const { plan } = input.space
  const texts: SharedText[] = []
  const add = (text: string | undefined | null, place: FindingPlace) => {
    if (text) texts.push({ text, place })
  }
  add(plan.decisionRule?.statement, { document: 'plan', at: ['decisionRule', 'statement'] })
  add(plan.anchor?.rationale, { document: 'plan', at: ['anchor', 'rationale'] })
  plan.evidence?.forEach((item, k) => {
    add(item.claim, { document: 'plan', at: ['evidence', k, 'claim'] })
  })
  input.events?.forEach((event, index) => {
    const place = (at: PathSegment[]): FindingPlace => ({
      document: 'journal',
      event: index,
      eventId: event.id,
      at,
    })
    if (event.type === 'offer-sent') {
      event.bundles.forEach((bundle, k) => {
        add(bundle.name, place(['bundles', k, 'name']))
      })
    }
    if (event.type === 'contingency-proposed') add(event.contingency.text, place(['contingency', 'text']))
    if (event.type === 'agreed') {
      add(event.fairnessStory, place(['fairnessStory']))
      add(event.changeControl, place(['changeControl']))
      add(event.exit, place(['exit']))
      add(event.governance?.reviewCadence, place(['governance', 'reviewCadence']))
      add(event.governance?.dataAccess, place(['governance', 'dataAccess']))
      add(event.governance?.escalation, place(['governance', 'escalation']))
      event.measures?.forEach((measure, k) => {
        add(measure.reporting, place(['measures', k, 'reporting']))
        add(measure.remedy, place(['measures', k, 'remedy']))
      })
      event.contingencies?.forEach((contingency, k) => {
        add(contingency.text, place(['contingencies', k, 'text']))
      })
    }
  })
  for (const phrase of input.phrases ?? []) add(phrase.text, { document: 'phrase', phraseId: phrase.id })
  return texts
}

/**
 * Our key private figures: the reservation, the aspiration, our BATNA (utility, cost, description)
 * and our limits — the numbers whose disclosure weakens our claiming. (Our estimate of their BATNA
 * is private too, but saying it costs us little, and as a utility it is a round number that
 * collides with published figures such as award weights; the allow-listed view keeps it out of
 * everything Parley renders anyway.)
 */
function keyFigures(space: Space): PrivateFigure[] {
  const { plan } = space
  const figures: PrivateFigure[] = []
  if (plan.reservation !== undefined) figures.push({ field: 'reservation', value: plan.reservation })
  if (plan.aspiration !== undefined) figures.push({ field: 'aspiration', value: plan.aspiration })
  const batna = plan.batna?.us
  if (batna) {
    figures.push({ field: 'BATNA utility', value: batna.utility })
    if (typeof batna.cost === 'number') figures.push({ field: 'BATNA cost', value: batna.cost })
    if (batna.description && batna.description.length >= 12)
      figures.push({ field: 'BATNA', value: batna.description })
  }
  for (const limit of plan.limits ?? []) {
    for (const value of Array.isArray(limit.value) ? limit.value : [limit.value]) {
      if (typeof value === 'number')
        figures.push({ field: `walk-away limit on ${limit.issue ?? 'a sum'}`, value })
    }
  }
  return figures
}

/**
 * Numbers that are shareable anyway (levels, evidence, anchor, rule values, terms on the table),
 * and our own issue weights when the decision rule publishes them (a procurement's award weights:
 * "price 40, reliability 40, support 20"): their appearing in text is no leak.
 */
function shareableNumbers(space: Space, events: readonly JournalEvent[]): Set<number> {
  const numbers = new Set<number>()
  const statement = space.plan.decisionRule?.statement ?? ''
  for (const issue of space.plan.issues) {
    if (new RegExp(`(?<![\\w.,])${issue.us.weight}(?![\\w]|[.,]\\d)`).test(statement))
      numbers.add(issue.us.weight)
  }
  for (const issue of space.issues)
    for (const level of issue.levels) if (typeof level === 'number') numbers.add(level)
  for (const item of space.plan.evidence ?? [])
    if (item.range) for (const bound of item.range) numbers.add(bound)
  if (space.plan.anchor) {
    numbers.add(space.plan.anchor.low)
    numbers.add(space.plan.anchor.high)
  }
  for (const constraint of space.plan.decisionRule?.require ?? []) {
    for (const value of Array.isArray(constraint.value) ? constraint.value : [constraint.value])
      if (typeof value === 'number') numbers.add(value)
  }
  for (const event of events) {
    const termSets =
      event.type === 'offer-sent'
        ? event.bundles.map((bundle) => bundle.terms)
        : event.type === 'agreed'
          ? [event.terms]
          : event.type === 'offer-rejected' && event.counter
            ? [event.counter.terms]
            : []
    for (const terms of termSets)
      for (const value of Object.values(terms)) if (typeof value === 'number') numbers.add(value)
  }
  return numbers
}

const WIN_WIN = /\b(win[- ]?win|mutually beneficial|everybody wins|everyone wins|both sides win)\b/i
const PRESSURE =
  /\b(final offer|take it or leave it|today only|offer expires|expires (today|tonight|at)|last chance|now or never|non[- ]negotiable|exploding offer)\b/i

export function lint(input: LintInput): Finding[] {
  const { space } = input
  const { plan } = space
  const events = input.events ?? []
  const findings: Finding[] = []
  const planPlace = (...at: PathSegment[]): FindingPlace => ({ document: 'plan', at })

  // Preparation.
  const batnaUs = plan.batna?.us
  if (!batnaUs)
    findings.push(
      finding(
        RULES.noBatna,
        planPlace('batna'),
        'there is no BATNA for us: we do not know what walking away is worth',
      ),
    )
  if (plan.reservation === undefined)
    findings.push(finding(RULES.noReservation, planPlace('reservation'), 'there is no reservation point'))
  else if (batnaUs && plan.reservation < batnaUs.utility) {
    findings.push(
      finding(
        RULES.reservationBelowBatna,
        planPlace('reservation'),
        `the reservation (${f(plan.reservation)}) is below our BATNA (${f(batnaUs.utility)})`,
      ),
    )
  }
  if (!plan.decisionRule || (!plan.decisionRule.statement && !plan.decisionRule.require?.length)) {
    findings.push(
      finding(
        RULES.noDecisionRule,
        planPlace('decisionRule'),
        'there is no decision rule to judge offers by',
      ),
    )
  }
  if (plan.anchor && !plan.anchor.evidence?.length) {
    findings.push(
      finding(
        RULES.anchorWithoutEvidence,
        planPlace('anchor'),
        `the anchor on ${plan.anchor.issue} cites no evidence`,
      ),
    )
  }
  const batnaThem = plan.batna?.them
  if (batnaUs && batnaThem && batnaThem.utility - batnaUs.utility >= 15 && !batnaUs.improve) {
    findings.push(
      finding(
        RULES.batnaGap,
        planPlace('batna', 'us'),
        `their BATNA (${f(batnaThem.utility)}, estimated) is ${f(batnaThem.utility - batnaUs.utility)} points better than ours (${f(batnaUs.utility)}) and there is no plan to improve ours`,
      ),
    )
  }
  space.issues.forEach((issue) => {
    if (issue.tradeable && (space.share.us[issue.index] ?? 0) >= (space.share.them[issue.index] ?? 0)) {
      findings.push(
        finding(
          RULES.tradeableNotCheap,
          planPlace('issues', issue.index, 'tradeable'),
          `${issue.id} is flagged tradeable, but it weighs ${Math.round((space.share.us[issue.index] ?? 0) * 100)}% for us and only about ${Math.round((space.share.them[issue.index] ?? 0) * 100)}% for them`,
        ),
      )
    }
  })

  // Applicability.
  if (space.issues.length === 1) {
    findings.push(
      finding(
        RULES.singleIssue,
        planPlace('issues'),
        'the plan has a single issue: there is little value to create by trading across issues',
      ),
    )
  }
  if (plan.applicability?.verifiable === false) {
    findings.push(
      finding(
        RULES.unverifiable,
        planPlace('applicability', 'verifiable'),
        'the terms can not be verified after signing, so misrepresentation is a real risk',
      ),
    )
  }
  if (plan.applicability?.timeForDiscovery === false) {
    findings.push(
      finding(
        RULES.noTimeForDiscovery,
        planPlace('applicability', 'timeForDiscovery'),
        'there is no time for discovery before offers are due',
      ),
    )
  }
  if (plan.applicability?.verifiable === undefined || plan.applicability?.timeForDiscovery === undefined) {
    findings.push(
      finding(
        RULES.applicabilityUnknown,
        planPlace('applicability'),
        'whether terms are verifiable and there is time for discovery is not answered yet',
      ),
    )
  }
  if (plan.reservation !== undefined) {
    const requirements = compileRequirements(space)
    const frontier = computeFrontier(space, { constraints: [...requirements.rule, ...requirements.limits] })
    if (frontier.ok) {
      let best = Number.NEGATIVE_INFINITY
      for (let k = 0; k < frontier.frontier.size; k++) best = Math.max(best, frontier.frontier.us[k] ?? 0)
      if (best < plan.reservation - 1e-9) {
        findings.push(
          finding(
            RULES.unreachableReservation,
            planPlace('reservation'),
            frontier.frontier.size === 0
              ? 'no bundle meets the decision rule and our limits at all'
              : `the best bundle meeting the decision rule and our limits is worth ${f(best)}, below our reservation (${f(plan.reservation)})`,
          ),
        )
      }
    }
  }

  // Text meant for them.
  const matchFigures = privateFigureMatcher(keyFigures(space), {
    ignoreNumbers: shareableNumbers(space, events),
  })
  for (const { text, place } of textsForThem(input)) {
    for (const match of matchFigures(text)) {
      findings.push(
        finding(
          RULES.privateFigure,
          place,
          `"${match.found}" is our ${match.figure.field}: it must not appear in text meant for them`,
        ),
      )
    }
    if (WIN_WIN.test(text) && !/\d/.test(text)) {
      findings.push(finding(RULES.winWin, place, `"${WIN_WIN.exec(text)?.[0]}" with no numbers behind it`))
    }
    const pressure = PRESSURE.exec(text)
    if (pressure)
      findings.push(finding(RULES.pressure, place, `"${pressure[0]}" pressures rather than persuades`))
  }

  // The journal.
  const state = input.state
  if (state) {
    const requirements = compileRequirements(space)
    const index = new Map(events.map((event, k) => [event.id, k]))
    const eventPlace = (eventId: string, ...at: PathSegment[]): FindingPlace => ({
      document: 'journal',
      event: index.get(eventId) ?? 0,
      eventId,
      at,
    })
    const firstOffer = state.applied.find((event) => event.type === 'offer-sent')
    const firstInterest = state.applied.find((event) => event.type === 'interest-stated')
    if (
      firstOffer &&
      (!firstInterest || (index.get(firstInterest.id) ?? 0) > (index.get(firstOffer.id) ?? 0))
    ) {
      findings.push(
        finding(
          RULES.anchorBeforeDiscovery,
          eventPlace(firstOffer.id),
          'an offer went out before any of their interests was recorded',
        ),
      )
    }
    for (const offer of state.offers) {
      if (offer.bundles.length > 3) {
        findings.push(
          finding(
            RULES.tooManyBundles,
            eventPlace(offer.eventId, 'bundles'),
            `${offer.bundles.length} bundles in one offer`,
          ),
        )
      }
      const values = offer.bundles.map((bundle) => utilityOf(space, bundle.offer).us)
      if (values.length >= 2 && Math.max(...values) - Math.min(...values) > 4) {
        findings.push(
          finding(
            RULES.notEquivalent,
            eventPlace(offer.eventId, 'bundles'),
            `the bundles range from ${f(Math.min(...values))} to ${f(Math.max(...values))} for us; their choice would cost us up to ${f(Math.max(...values) - Math.min(...values))} points`,
          ),
        )
      }
      offer.bundles.forEach((bundle, k) => {
        const score = scoreOffer(space, bundle.offer, requirements)
        if (plan.reservation !== undefined && score.utility.us < plan.reservation - 1e-9) {
          findings.push(
            finding(
              RULES.offerBelowReservation,
              eventPlace(offer.eventId, 'bundles', k),
              `bundle ${bundle.label} is worth ${f(score.utility.us)} to us, below our reservation`,
            ),
          )
        }
        const broken = score.limitChecks.filter((check) => !check.met)
        if (broken.length > 0) {
          findings.push(
            finding(
              RULES.offerBelowReservation,
              eventPlace(offer.eventId, 'bundles', k),
              `bundle ${bundle.label} breaks our limit ${broken.map((check) => check.text).join('; ')}`,
            ),
          )
        }
      })
    }
    const latest = state.offers.at(-1)
    latest?.bundles.forEach((bundle, k) => {
      for (const block of approvalBlocks(space, bundle.offer)) {
        findings.push(
          finding(
            RULES.approvalBlocked,
            eventPlace(latest.eventId, 'bundles', k),
            `bundle ${bundle.label} is likely to be blocked: the ${block.approver} signs only ${block.limit}`,
          ),
        )
      }
    })
    const log = concessionLog(space, state.concessions, space.share.them)
    log.forEach((line) => {
      if (line.flags.includes('gift'))
        findings.push(
          finding(
            RULES.gift,
            eventPlace(line.eventId, 'get'),
            `we gave ${Object.keys(line.give).join(', ')} and asked nothing in return`,
          ),
        )
      if (line.flags.includes('one_way_run'))
        findings.push(
          finding(RULES.oneWayRun, eventPlace(line.eventId), 'another one-way concession in a row'),
        )
    })
    const proposed = new Set(
      state.contingencies.map((record) =>
        JSON.stringify([record.contingency.metric, record.contingency.consequence]),
      ),
    )
    for (const record of state.contingencies) {
      const measured = record.contingency.measurement?.source && record.contingency.measurement?.reporting
      if (!measured) {
        findings.push(
          finding(
            RULES.unmeasurable,
            eventPlace(record.eventId, 'contingency', 'measurement'),
            `nobody has said how "${record.contingency.metric}" is measured and reported`,
          ),
        )
      }
    }
    const agreed = state.agreed
    if (agreed) {
      const { event } = agreed
      const missing = [
        !event.governance?.reviewCadence && 'a review cadence',
        !event.changeControl && 'change control',
        !event.exit && 'an exit',
      ].filter(Boolean)
      if (missing.length > 0)
        findings.push(
          finding(
            RULES.noGovernance,
            eventPlace(agreed.eventId),
            `the agreement has no ${missing.join(', no ')}`,
          ),
        )
      event.contingencies?.forEach((contingency, k) => {
        if (!contingency.measurement?.source || !contingency.measurement?.reporting) {
          findings.push(
            finding(
              RULES.unmeasurable,
              eventPlace(agreed.eventId, 'contingencies', k),
              `the agreed contingency on "${contingency.metric}" has no measurement or reporting`,
            ),
          )
        }
        if (!proposed.has(JSON.stringify([contingency.metric, contingency.consequence]))) {
          findings.push(
            finding(
              RULES.hiddenTerm,
              eventPlace(agreed.eventId, 'contingencies', k),
              `the contingency on "${contingency.metric}" appears in the agreement but was never proposed`,
            ),
          )
        }
      })
      if ((event.contingencies?.length ?? 0) > 0 && !event.measures?.length) {
        findings.push(
          finding(
            RULES.unmeasurable,
            eventPlace(agreed.eventId, 'measures'),
            'the agreement has contingencies but no measures (metric, threshold, reporting, remedy)',
          ),
        )
      }
      const value = utilityOf(space, agreed.offer).us
      if (batnaUs && value < batnaUs.utility - 1e-9) {
        findings.push(
          finding(
            RULES.agreementBelowBatna,
            eventPlace(agreed.eventId, 'terms'),
            `the agreement is worth ${f(value)} to us, below our BATNA (${f(batnaUs.utility)})`,
          ),
        )
      }
    }
  }
  return dedupe(findings)
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((item) => {
    const key = `${item.id}|${JSON.stringify(item.place)}|${item.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
