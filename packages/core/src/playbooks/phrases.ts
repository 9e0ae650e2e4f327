/**
 * Filling phrase templates. The blanks are filled from the counterparty view and a few picks
 * (which bundle, which issues to trade, which contingency: identifiers the view already holds),
 * and from nothing else: a filled phrase is something we could say aloud, and by construction it
 * carries no private figure. Terms are always complete: a recap or a confirmation names every issue
 * at the level of the bundle on the table, and a bundle of a set names every issue too (what sets
 * it apart first, then what is the same in all of the set). A template whose blanks can not all be
 * filled is left out; one whose filling would read a `<...>` placeholder aloud is left out too, and
 * the plan field to fill in first is named instead.
 */

import { listAnd, sentence, withoutFullStop } from '../language/english'
import { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'
import type { Level, Terms } from '../model/plan'
import { holdsPlaceholder, placeholderIn } from '../plan/placeholders'
import type { CounterpartyView, ViewBundle } from '../sharing/counterparty-view'
import type { PhraseKind, PhraseTemplate } from './types'

export { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'

export type PhraseStyle = 'direct' | 'indirect'

/** Which shareable things a phrase is about. */
export interface PhrasePicks {
  /** Label of a bundle in the view: only that bundle's line is filled (by default, one line per bundle). */
  bundle?: string
  /** Issue ids for a conditional trade: what we would move on, and what we ask for. */
  give?: string
  get?: string
  /** Index of a contingency in the view (by default the latest one not yet accepted). */
  contingency?: number
  /** Issue id of the headline term their approver needs to report as a win. */
  headline?: string
  /**
   * Our answer to their counter, from the reality test's trade adviser: the proposal's terms, the
   * issues where it grants their ask (or gives more) and those where it asks back for us. Terms
   * only, said from the view's issues and levels: never what they are worth to anyone.
   */
  counterTrade?: { terms: Terms; granted: readonly string[]; asked: readonly string[] }
  /**
   * Whether the view's bundles are being put to them now (proposed, or offered and not yet
   * answered). Once they have answered, the set is history: it is not presented again. Default true.
   */
  presenting?: boolean
}

export interface FilledPhrase {
  /** The template's id; a bundle's line adds the bundle's label (`sales-bundle:B`). */
  id: string
  kind: PhraseKind
  text: string
}

/** The phrases that could be filled, and the plan fields to fill in before the ones left out can be said. */
export interface FilledWords {
  phrases: FilledPhrase[]
  /** Plan fields (`parties.them.name`) that still hold a `<...>` placeholder a phrase would have read aloud. */
  toFill: string[]
}

/** `a`, `a and b`, `a, b and c` (the platform's list grammar). */
export function joinWords(words: readonly string[]): string {
  return listAnd(words)
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** A small count as it is said: `three`. */
function inWords(n: number): string {
  return NUMBER_WORDS[n] ?? String(n)
}

/** A text a slot is made of, and where it comes from: a plan field, or a line of the journal. */
type Source = readonly [field: string, text: string]

/** The value of every blank the view and the picks can fill, and the blanks a placeholder holds back. */
export interface Slots {
  values: Record<string, string>
  /** Blank → the fields still holding a placeholder that it would have read aloud. */
  holes: Record<string, string[]>
}

/** A list of terms, each issue with its level, and the plan fields it reads. */
interface TermsText {
  text: string
  sources: Source[]
}

function termsText(view: CounterpartyView, terms: Terms, only?: ReadonlySet<string>): TermsText {
  const parts: string[] = []
  const sources: Source[] = []
  view.issues.forEach((issue, k) => {
    if (only && !only.has(issue.id)) return
    const level = terms[issue.id]
    if (level === undefined) return
    parts.push(`${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}`)
    sources.push([`issues[${k}].name`, issue.name])
    if (typeof level === 'number') sources.push([`issues[${k}].unit`, issue.unit])
    else sources.push([`issues[${k}].options[${issue.levels.indexOf(level)}]`, level])
  })
  return { text: listAnd(parts), sources }
}

/**
 * A bundle of a set with every term: where it differs from the others first, then what is the
 * same in all of them ("...; the same in all three: contract term 36 months and SLA 99.9 percent").
 */
function bundleTermsText(view: CounterpartyView, bundle: ViewBundle): TermsText {
  const set = view.bundles
  const differing = new Set(
    view.issues
      .filter((issue) => set.some((other) => other.terms[issue.id] !== bundle.terms[issue.id]))
      .map((issue) => issue.id),
  )
  const shared = new Set(view.issues.map((issue) => issue.id).filter((id) => !differing.has(id)))
  if (set.length < 2 || differing.size === 0 || shared.size === 0) return termsText(view, bundle.terms)
  const own = termsText(view, bundle.terms, differing)
  const same = termsText(view, bundle.terms, shared)
  const all = set.length === 2 ? 'the same in both' : `the same in all ${inWords(set.length)}`
  return { text: `${own.text}; ${all}: ${same.text}`, sources: [...own.sources, ...same.sources] }
}

/**
 * Whether what is in play on the anchor's issue lies within our anchor: the bundle on the table,
 * every bundle being presented and our answer to their counter, as the coach counts what is in play
 * (nothing in play: the anchor is still the plan). The anchor's rationale justifies that range ("we
 * are opening in the upper half"); said of a position outside it, it no longer describes the deal.
 */
function anchorInPlay(view: CounterpartyView, picks: PhrasePicks): boolean {
  const anchor = view.anchor
  if (!anchor) return false
  return ourLevelsInPlay(view, picks, anchor.issue).every((level) => {
    const value = Number(level)
    return Number.isFinite(value) && value >= anchor.low - 1e-9 && value <= anchor.high + 1e-9
  })
}

/**
 * What we put to them on one issue: the bundles being presented, and the table — or, when the table
 * is their counter and we answer it with a trade, that answer instead (their counter is what the
 * benchmark is quoted against, not what it describes).
 */
function ourLevelsInPlay(view: CounterpartyView, picks: PhrasePicks, issue: string): Level[] {
  const answer = view.table?.theirs ? picks.counterTrade : undefined
  const levels: (Level | undefined)[] = [
    ...(answer ? [answer.terms[issue]] : view.table ? [view.table.terms[issue]] : []),
    ...(picks.presenting !== false ? view.bundles.map((bundle) => bundle.terms[issue]) : []),
  ]
  return levels.filter((level): level is Level => level !== undefined)
}

/** The evidence with a range the benchmark lines quote: the anchor's first with one, else the first in the list. */
function benchmarkIndex(view: CounterpartyView): number {
  const anchored = view.anchor?.evidence.find((index) => view.evidence[index]?.range)
  return anchored ?? view.evidence.findIndex((item) => item.range)
}

/**
 * A benchmark says "our offer is set against that range": when the anchor's evidence is quoted and
 * a level of ours in play on the anchor's issue lies outside its range, that is no longer true, and
 * the line would hand them the argument against our own offer. Gives what lies outside, for the
 * advice to say why the benchmark is left out; undefined when the line holds (or names no issue).
 */
export function benchmarkOutOfPlay(
  view: CounterpartyView,
  picks: PhrasePicks = {},
): { issue: string; claim: string; range: [number, number]; outside: number[] } | undefined {
  const anchor = view.anchor
  const index = benchmarkIndex(view)
  const range = view.evidence[index]?.range
  if (!anchor || !range || !anchor.evidence.includes(index)) return undefined
  const outside = ourLevelsInPlay(view, picks, anchor.issue)
    .map(Number)
    .filter((value) => Number.isFinite(value) && (value < range[0] - 1e-9 || value > range[1] + 1e-9))
  return outside.length > 0
    ? { issue: anchor.issue, claim: view.evidence[index]?.claim ?? '', range: [range[0], range[1]], outside }
    : undefined
}

/** The value of every blank the view and the picks can fill. */
export function fillSlots(view: CounterpartyView, picks: PhrasePicks = {}): Slots {
  const values: Record<string, string> = {}
  const holes: Record<string, string[]> = {}
  // A value still holding a placeholder is never a slot: the fields to fill in are kept instead.
  const put = (name: string, value: string, sources: readonly Source[]) => {
    if (holdsPlaceholder(value)) {
      const fields = sources.filter(([, text]) => holdsPlaceholder(text)).map(([field]) => field)
      holes[name] = fields.length > 0 ? fields : [`the text "${placeholderIn(value)}"`]
    } else values[name] = value
  }
  const issueIndex = (id: string | undefined) => view.issues.findIndex((issue) => issue.id === id)
  const putIssue = (name: string, id: string | undefined) => {
    const k = issueIndex(id)
    const issue = view.issues[k]
    if (issue) put(name, inSentence(issue.name), [[`issues[${k}].name`, issue.name]])
  }

  put('us', view.parties.us, [['parties.us.name', view.parties.us]])
  put('them', view.parties.them, [['parties.them.name', view.parties.them]])
  const statement = view.decisionRule?.statement
  if (statement) put('rule', withoutFullStop(statement), [['decisionRule.statement', statement]])
  else if (view.decisionRule?.require.length) put('rule', view.decisionRule.require.join(' and '), [])
  // Every issue: the scope is never cut short.
  if (view.issues.length > 0)
    put(
      'issues',
      listAnd(view.issues.map((issue) => inSentence(issue.name))),
      view.issues.map((issue, k) => [`issues[${k}].name`, issue.name] as const),
    )

  // A set is presented while it is being put to them; a set of one is a bundle, not a choice.
  if (picks.presenting !== false && view.bundles.length > 0) {
    const labels = view.bundles.map((bundle) => bundle.label)
    const labelSources = labels.map((label) => ['the bundle labels in the journal', label] as const)
    if (view.bundles.length >= 2) {
      values.count = inWords(view.bundles.length)
      put('labels', listAnd(labels), labelSources)
    }
    const bundle = view.bundles.find((candidate) => candidate.label === picks.bundle) ?? view.bundles[0]
    if (bundle) {
      put('label', bundle.label, labelSources)
      const terms = bundleTermsText(view, bundle)
      put('bundleTerms', terms.text, terms.sources)
      // Only MESO's emphasis says where a bundle leans; a recorded offer's is a mere difference,
      // which the grouped terms already say.
      if (bundle.emphasis.length > 0 && bundle.emphasisFrom === 'meso')
        put(
          'emphasis',
          listAnd(bundle.emphasis.map((name) => inSentence(name))),
          bundle.emphasis.map(
            (name) =>
              [`issues[${view.issues.findIndex((issue) => issue.name === name)}].name`, name] as const,
          ),
        )
    }
  }
  // The answer to their counter says the proposal's terms: what it grants, and what it asks back.
  // Granting nothing, it is our last offer held: {held}, so no template says we grant anything.
  const trade = picks.counterTrade
  if (trade && view.table?.theirs) {
    const blanks =
      trade.granted.length === 0
        ? ([['held', trade.asked]] as const)
        : ([
            ['granted', trade.granted],
            ['asked', trade.asked],
          ] as const)
    for (const [blank, ids] of blanks) {
      const terms = termsText(view, trade.terms, new Set(ids))
      if (terms.text) put(blank, terms.text, terms.sources)
    }
  }
  // Recaps and confirmations read the bundle on the table, and nothing else. A recap reads their
  // counter as {proposal}, never {terms}: said back as "the offer as it stands", it would sound like
  // agreeing to it. A confirmation of what is signed reads the table whoever proposed it.
  if (view.table) {
    const terms = termsText(view, view.table.terms)
    put(view.table.theirs ? 'proposal' : 'terms', terms.text, terms.sources)
    put('tableTerms', terms.text, terms.sources)
  }

  const give = picks.give !== picks.get ? picks.give : undefined
  if (give && picks.get && issueIndex(give) >= 0 && issueIndex(picks.get) >= 0) {
    putIssue('give', give)
    putIssue('get', picks.get)
  }
  putIssue('headline', picks.headline)

  const evidenceIndex = benchmarkIndex(view)
  const evidence = view.evidence[evidenceIndex]
  if (evidence?.range && !benchmarkOutOfPlay(view, picks)) {
    const at = `evidence[${evidenceIndex}]`
    values.low = formatLevel(evidence.range[0])
    values.high = formatLevel(evidence.range[1])
    // A range may have no unit: the blank then reads as nothing.
    if (evidence.unit) put('unit', evidence.unit, [[`${at}.unit`, evidence.unit]])
    else if (view.anchor)
      put('unit', view.anchor.unit, [[`issues[${issueIndex(view.anchor.issue)}].unit`, view.anchor.unit]])
    else values.unit = ''
    put('claim', withoutFullStop(evidence.claim), [[`${at}.claim`, evidence.claim]])
    if (evidence.source) put('source', withoutFullStop(evidence.source), [[`${at}.source`, evidence.source]])
    if (view.anchor?.rationale && anchorInPlay(view, picks))
      put('rationale', withoutFullStop(view.anchor.rationale), [['anchor.rationale', view.anchor.rationale]])
    if (view.anchor) putIssue('issue', view.anchor.issue)
  }
  if (evidence?.source)
    put('revisit', `we have both checked the options against ${withoutFullStop(evidence.source)}`, [
      [`evidence[${evidenceIndex}].source`, evidence.source],
    ])
  else values.revisit = 'we have both checked the options against it'

  // A contingency is proposed until it is accepted: the latest open one, unless one is picked.
  const openContingency = view.contingencies.findLastIndex((contingency) => !contingency.accepted)
  const contingency = view.contingencies[picks.contingency ?? openContingency]
  if (contingency)
    put('contingency', withoutFullStop(contingency.wording), [
      ['the contingency wording in the journal', contingency.wording],
    ])
  const story = view.agreement?.fairnessStory
  if (story) put('story', withoutFullStop(story), [['the fairness story in the journal', story]])

  // Before signing: each alternative by what it changes in the agreement, which the close line says in full.
  const agreed = view.agreement?.terms
  if (agreed && view.alternatives.length > 0) {
    const changes = view.alternatives.map((terms) => {
      const changed = new Set(
        view.issues.filter((issue) => terms[issue.id] !== agreed[issue.id]).map((issue) => issue.id),
      )
      return termsText(view, terms, changed)
    })
    put(
      'alternatives',
      `the same terms but with ${changes.map((change) => change.text).join(', or with ')}`,
      changes.flatMap((change) => change.sources),
    )
    values.either = view.alternatives.length === 1 ? 'that' : 'either of those'
  }
  return { values, holes }
}

/** The value of every blank the view and the picks can fill. */
export function phraseSlots(view: CounterpartyView, picks: PhrasePicks = {}): Record<string, string> {
  return fillSlots(view, picks).values
}

/**
 * The slot a blank reads in a template of this kind: a bundle's {terms} are that bundle's, a
 * close's the table whoever proposed it, a recap's the table unless it is their counter (then
 * {proposal}); a face-saving {issue} is the headline, a benchmark's the anchor's.
 */
const BLANK_SOURCES: Partial<Record<PhraseKind, Readonly<Record<string, string>>>> = {
  bundle: { terms: 'bundleTerms' },
  close: { terms: 'tableTerms' },
  'face-saving': { issue: 'headline' },
}

/** The blanks as a template of this kind reads them. */
export function slotsFor(
  kind: PhraseKind,
  slots: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  const aliases = BLANK_SOURCES[kind]
  if (!aliases) return slots
  const out: Record<string, string> = { ...slots }
  for (const [blank, source] of Object.entries(aliases)) {
    const value = slots[source]
    if (value === undefined) delete out[blank]
    else out[blank] = value
  }
  return out
}

/** The end of a filled phrase: one closing mark; a bracket at the end closes inside the sentence. */
function closeSentence(text: string): string {
  const trimmed = text.trim()
  return trimmed.endsWith(')') ? `${trimmed}.` : sentence(trimmed)
}

/** Fills a template; undefined when one of its blanks has no value. */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>): string | undefined {
  let missing = false
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name]
    if (value === undefined) {
      missing = true
      return ''
    }
    return value
  })
  return missing
    ? undefined
    : closeSentence(
        text
          .replace(/\s+([,.;:!?])/g, '$1')
          .replace(/\s{2,}/g, ' ')
          .replace(/\.{2,}/g, '.'),
      )
}

/** The blanks a template uses. */
function blanksOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')
}

type Filling = { text: string } | { toFill: string[] } | undefined

/** One template filled, or the fields to fill in before it can be, or undefined when it does not apply. */
function fillOne(text: string, kind: PhraseKind, slots: Slots): Filling {
  const values = slotsFor(kind, slots.values)
  const toFill: string[] = []
  for (const blank of blanksOf(text)) {
    if (values[blank] !== undefined) continue
    const source = BLANK_SOURCES[kind]?.[blank] ?? blank
    const fields = slots.holes[source]
    if (!fields) return undefined
    toFill.push(...fields)
  }
  if (toFill.length > 0) return { toFill }
  const filled = fillTemplate(text, values)
  if (filled === undefined) return undefined
  // Never read a blank aloud, whatever it came from.
  const left = placeholderIn(filled)
  return left ? { toFill: [`the text "${left}"`] } : { text: filled }
}

/**
 * Every template that can be filled, as it reads in this style; a bundle gets one line (the first
 * of its templates that fills) for each bundle being presented. Templates held back by a
 * placeholder name the fields to fill in instead.
 */
export function fillWords(
  templates: readonly PhraseTemplate[],
  view: CounterpartyView,
  picks: PhrasePicks = {},
  style: PhraseStyle = 'direct',
): FilledWords {
  const slots = fillSlots(view, picks)
  const phrases: FilledPhrase[] = []
  const toFill = new Set<string>()
  const wording = (template: PhraseTemplate) => (style === 'indirect' ? template.indirect : template.direct)
  const presented =
    picks.presenting === false
      ? []
      : view.bundles.filter((bundle) => picks.bundle === undefined || bundle.label === picks.bundle)
  const bundleTemplates = templates.filter((template) => template.kind === 'bundle')
  for (const template of templates) {
    if (template.kind === 'bundle') {
      // All of a bundle's templates at the first of them: its first that fills is its line.
      if (template !== bundleTemplates[0]) continue
      for (const bundle of presented) {
        const own = fillSlots(view, { ...picks, bundle: bundle.label })
        const held: string[] = []
        for (const candidate of bundleTemplates) {
          const filling = fillOne(wording(candidate), candidate.kind, own)
          if (filling && 'text' in filling) {
            phrases.push({ id: `${candidate.id}:${bundle.label}`, kind: candidate.kind, text: filling.text })
            held.length = 0
            break
          }
          if (filling) held.push(...filling.toFill)
        }
        for (const field of held) toFill.add(field)
      }
      continue
    }
    const filling = fillOne(wording(template), template.kind, slots)
    if (filling && 'text' in filling)
      phrases.push({ id: template.id, kind: template.kind, text: filling.text })
    else if (filling) for (const field of filling.toFill) toFill.add(field)
  }
  return { phrases, toFill: [...toFill] }
}

export function fillPhrases(
  templates: readonly PhraseTemplate[],
  view: CounterpartyView,
  picks: PhrasePicks = {},
  style: PhraseStyle = 'direct',
): FilledPhrase[] {
  return fillWords(templates, view, picks, style).phrases
}
