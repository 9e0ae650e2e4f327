/**
 * Filling phrase templates. The blanks are filled from the counterparty view and a few picks
 * (which bundle, which issues to trade, which contingency: identifiers the view already holds),
 * and from nothing else: a filled phrase is something we could say aloud, and by construction it
 * carries no private figure. A template whose blanks can not all be filled is left out.
 */

import { groupThousands } from '../model/limits'
import type { Level, Terms } from '../model/plan'
import type { CounterpartyView } from '../sharing/counterparty-view'
import type { PhraseKind, PhraseTemplate } from './types'

export type PhraseStyle = 'direct' | 'indirect'

/** Which shareable things a phrase is about. */
export interface PhrasePicks {
  /** Label of a bundle in the view. */
  bundle?: string
  /** Issue ids for a conditional trade: what we would move on, and what we ask for. */
  give?: string
  get?: string
  /** Index of a contingency in the view. */
  contingency?: number
  /** Issue id of the headline term their approver needs to report as a win. */
  headline?: string
}

export interface FilledPhrase {
  id: string
  kind: PhraseKind
  text: string
}

/** A level as people write it: `230,000`, `99.9`, `milestone`. */
export function formatLevel(level: Level): string {
  if (typeof level !== 'number') return level
  return Number.isInteger(level) && Math.abs(level) >= 10000 ? groupThousands(level) : String(level)
}

/** A level with its unit after a number: `230,000 USD/year`, `99.9 %`; a word level as it is: `milestone`. */
export function formatLevelWithUnit(level: Level, unit: string | undefined): string {
  return typeof level === 'number' && unit ? `${formatLevel(level)} ${unit}` : formatLevel(level)
}

/** An issue name inside a sentence: `Annual price` → `annual price`, but `SLA credits` stays as it is. */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

function termsText(view: CounterpartyView, terms: Terms, only?: ReadonlySet<string>): string {
  const parts: string[] = []
  for (const issue of view.issues) {
    if (only && !only.has(issue.id)) continue
    const level = terms[issue.id]
    if (level === undefined) continue
    parts.push(`${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}`)
  }
  return joinWords(parts)
}

/** The value of every blank the view and the picks can fill. */
export function phraseSlots(view: CounterpartyView, picks: PhrasePicks = {}): Record<string, string> {
  const slots: Record<string, string> = { us: view.parties.us, them: view.parties.them }
  const issueName = (id: string | undefined) => view.issues.find((issue) => issue.id === id)?.name
  const rule =
    view.decisionRule?.statement ??
    (view.decisionRule?.require.length ? view.decisionRule.require.join(' and ') : undefined)
  if (rule) slots.rule = withoutFullStop(rule)
  slots.issues = joinWords(view.issues.slice(0, 5).map((issue) => inSentence(issue.name)))
  if (view.bundles.length > 0) {
    slots.count = String(view.bundles.length)
    slots.labels = joinWords(view.bundles.map((bundle) => bundle.label))
    const bundle = view.bundles.find((candidate) => candidate.label === picks.bundle) ?? view.bundles[0]
    if (bundle) {
      slots.label = bundle.label
      // Where bundles differ is what sets each apart; with one bundle, all its terms.
      const differing = new Set(
        view.issues
          .filter((issue) => view.bundles.some((other) => other.terms[issue.id] !== bundle.terms[issue.id]))
          .map((issue) => issue.id),
      )
      slots.terms = termsText(view, bundle.terms, differing.size > 0 ? differing : undefined)
      if (bundle.emphasis.length > 0)
        slots.emphasis = joinWords(bundle.emphasis.map((name) => inSentence(name)))
    }
  }
  if (view.agreement) slots.terms = termsText(view, view.agreement.terms)
  const give = issueName(picks.give)
  const get = issueName(picks.get)
  if (give && get && picks.give !== picks.get) {
    slots.give = inSentence(give)
    slots.get = inSentence(get)
  }
  const anchorEvidence = view.anchor?.evidence
    .map((index) => view.evidence[index])
    .find((item) => item?.range)
  const evidence = anchorEvidence ?? view.evidence.find((item) => item.range)
  if (evidence?.range) {
    slots.low = formatLevel(evidence.range[0])
    slots.high = formatLevel(evidence.range[1])
    slots.unit = evidence.unit ?? view.anchor?.unit ?? ''
    slots.claim = evidence.claim
    if (evidence.source) slots.source = evidence.source
    if (view.anchor?.rationale) slots.rationale = withoutFullStop(view.anchor.rationale)
    if (view.anchor) slots.issue = inSentence(view.anchor.issueName)
  }
  slots.revisit = evidence?.source
    ? `we have both checked the options against ${evidence.source}`
    : 'we have both checked the options against it'
  const contingency = view.contingencies[picks.contingency ?? view.contingencies.length - 1]
  if (contingency) slots.contingency = contingency.wording
  const headline = issueName(picks.headline)
  if (headline) slots.headline = inSentence(headline)
  return slots
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '')
}

/** The blanks as a template of this kind reads them: `{issue}` is the headline issue in a face-saving line. */
function slotsFor(
  kind: PhraseKind,
  slots: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (kind !== 'face-saving') return slots
  const { issue: _anchorIssue, ...rest } = slots
  return slots.headline ? { ...rest, issue: slots.headline } : rest
}

/** Fills a template; undefined when one of its blanks has no value. */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>): string | undefined {
  let missing = false
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name]
    if (value === undefined || value === '') {
      missing = true
      return ''
    }
    return value
  })
  return missing
    ? undefined
    : text
        .replace(/\s+([,.;:!?])/g, '$1')
        .replace(/\s{2,}/g, ' ')
        .trim()
}

export { slotsFor }

export function fillPhrases(
  templates: readonly PhraseTemplate[],
  view: CounterpartyView,
  picks: PhrasePicks = {},
  style: PhraseStyle = 'direct',
): FilledPhrase[] {
  const slots = phraseSlots(view, picks)
  const filled: FilledPhrase[] = []
  for (const template of templates) {
    const text = fillTemplate(
      style === 'indirect' ? template.indirect : template.direct,
      slotsFor(template.kind, slots),
    )
    if (text) filled.push({ id: template.id, kind: template.kind, text })
  }
  return filled
}
