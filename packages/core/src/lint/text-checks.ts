/**
 * Checks of the text meant for them — the shareable text of the plan and the journal, and every
 * phrase Parley would have us say: no private figure of ours, no "win-win" without numbers behind
 * it, no pressure tactics. A number the other side sees anyway is never a leak, whichever private
 * figure it resembles (the rule is written in `sharing/private-figures.ts`); every text is checked
 * with the one matcher, so the rationale, the journal's texts and the generated phrases agree.
 */
import type { JournalEvent } from '../journal/events'
import type { NegotiationState } from '../journal/replay'
import type { PathSegment } from '../model/problem'
import type { Space } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import {
  type FigureMatch,
  type PrivateFigure,
  privateFigureMatcher,
  type ShareableNumbers,
  viewNumbers,
} from '../sharing/private-figures'
import type { LintCheck } from './check'
import type { FindingPlace, LintInput } from './finding'
import { RULES } from './rules'

export interface SharedText {
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
    // An internal source is not meant for them: its own claim is no citation of it.
    if (item.shareable !== false) add(item.claim, { document: 'plan', at: ['evidence', k, 'claim'] })
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
 * Numbers the other side sees anyway, so their appearing in text is no leak (see the rule in
 * `sharing/private-figures.ts`): every number the counterparty view contains (levels, evidence
 * ranges, the anchor, the latest bundles, contingencies, the agreement), the terms of every offer and
 * counter in the journal (said across the table already), the decision rule's values (the view
 * states them as agreed), and our own issue weights when the rule's statement publishes them (a
 * procurement's award weights: "price 40, reliability 40, support 20").
 */
function shareableNumbers(
  space: Space,
  events: readonly JournalEvent[],
  state: NegotiationState | undefined,
): ShareableNumbers {
  const numbers = viewNumbers(counterpartyView(space, state))
  const statement = space.plan.decisionRule?.statement ?? ''
  for (const issue of space.plan.issues) {
    if (new RegExp(`(?<![\\w.,])${issue.us.weight}(?![\\w]|[.,]\\d)`).test(statement))
      numbers.add(issue.us.weight)
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

/** Our key private figures as they appear in a text, leaving out numbers the other side sees anyway. */
export function keyFigureMatcher(
  space: Space,
  events: readonly JournalEvent[],
  state?: NegotiationState,
): (text: string) => FigureMatch[] {
  return privateFigureMatcher(keyFigures(space), { shareable: shareableNumbers(space, events, state) })
}

const WIN_WIN = /\b(win[- ]?win|mutually beneficial|everybody wins|everyone wins|both sides win)\b/i
const PRESSURE =
  /\b(final offer|take it or leave it|today only|offer expires|expires (today|tonight|at)|last chance|now or never|non[- ]negotiable|exploding offer)\b/i

export const privateFigure: LintCheck<SharedText> = {
  rule: RULES.privateFigure,
  check: ({ text, place }, { privateFiguresIn }) =>
    privateFiguresIn(text).map((match) => ({
      place,
      message: `"${match.found}" is our ${match.figure.field}: it must not appear in text meant for them`,
    })),
}

/** Texts shorter than this are too common to be told apart as a citation ("pricing", "CRM"). */
const CITED_MIN_LENGTH = 8

/**
 * An internal source cited to them: the claim or the source of an evidence item marked
 * `shareable: false`, found in the text (case and spacing aside).
 */
export const internalEvidence: LintCheck<SharedText> = {
  rule: RULES.internalEvidence,
  check: ({ text, place }, { plan }) => {
    const normal = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim()
    const haystack = normal(text)
    return (plan.evidence ?? []).flatMap((item, k) => {
      if (item.shareable !== false) return []
      const cited = [
        ['claim', item.claim],
        ['source', item.source],
      ] as const
      return cited.flatMap(([part, value]) => {
        const needle = value ? normal(value).replace(/[.\s]+$/, '') : ''
        if (needle.length < CITED_MIN_LENGTH || !haystack.includes(needle)) return []
        return [
          {
            place,
            message: `"${value}" is the ${part} of evidence ${k + 1}, an internal source (shareable: false): it must not appear in text meant for them`,
          },
        ]
      })
    })
  },
}

export const winWin: LintCheck<SharedText> = {
  rule: RULES.winWin,
  check: ({ text, place }) =>
    WIN_WIN.test(text) && !/\d/.test(text)
      ? [{ place, message: `"${WIN_WIN.exec(text)?.[0]}" with no numbers behind it` }]
      : [],
}

export const pressure: LintCheck<SharedText> = {
  rule: RULES.pressure,
  check: ({ text, place }) => {
    const found = PRESSURE.exec(text)
    return found ? [{ place, message: `"${found[0]}" pressures rather than persuades` }] : []
  },
}
