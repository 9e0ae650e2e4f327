/**
 * The journal as a person reads it: for every event its time, whose move it was, what kind of move,
 * and one sentence saying what happened in the plan's own names and units; retracted events carry
 * the reason, skipped ones (that no longer fit the plan) what is wrong, and whether it can still be
 * retracted.
 */
import type { JournalEvent, Terms } from '@parley/core'
import { type IssueLabel, termsText } from './terms-text'

export const EVENT_LABELS: Record<JournalEvent['type'], string> = {
  'offer-sent': 'Offer sent',
  'bundle-chosen': 'Bundle chosen',
  'bundles-ranked': 'Bundles ranked',
  'offer-rejected': 'Offer rejected',
  'interest-stated': 'Interest stated',
  concession: 'Concession',
  'contingency-proposed': 'Contingency proposed',
  'contingency-accepted': 'Contingency accepted',
  note: 'Note',
  agreed: 'Agreement',
  'alternatives-offered': 'Alternatives before signing',
  debrief: 'Debrief',
  retract: 'Retraction',
}

export interface JournalLine {
  id: string
  at: string
  side: 'us' | 'them'
  round: number
  type: JournalEvent['type']
  typeLabel: string
  summary: string
  retracted: boolean
  /** Why and when it was retracted, from the retraction. */
  retractionReason?: string
  retractedAt?: string
  /** Problems that made replay skip it. */
  skipped: string[]
  /** Whether a retraction may still target it. */
  retractable: boolean
}

function contingencyText(
  issues: readonly IssueLabel[],
  c: Extract<JournalEvent, { type: 'contingency-proposed' }>['contingency'],
): string {
  if (c.text) return c.text
  const issue = issues.find((candidate) => candidate.id === c.consequence.issue)
  const consequence = issue
    ? termsText([issue], { [issue.id]: c.consequence.level })
    : `${c.consequence.issue} ${String(c.consequence.level)}`
  return `if ${c.metric} ${c.op} ${String(c.threshold)}${c.within ? ` within ${c.within}` : ''}, then ${consequence}`
}

function namesOf(issues: readonly IssueLabel[], ids: readonly string[]): string[] {
  return ids.map((id) => issues.find((issue) => issue.id === id)?.name ?? id)
}

/** One event in words; `context` holds what earlier events said (offers by label, contingencies by id). */
function summarize(
  issues: readonly IssueLabel[],
  event: JournalEvent,
  context: {
    offer: Map<string, string | undefined>
    contingencies: Map<string, string>
    lines: Map<string, string>
  },
): string {
  const terms = (value: Terms) => termsText(issues, value)
  const named = (label: string) => {
    const name = context.offer.get(label)
    return name ? `${label} (${name})` : label
  }
  switch (event.type) {
    case 'offer-sent': {
      const labels = event.bundles.map((bundle, k) => bundle.label ?? String.fromCharCode(65 + k))
      if (event.bundles.length === 1) return `Sent an offer: ${terms(event.bundles[0]?.terms ?? {})}`
      return `Sent ${event.bundles.length} bundles: ${event.bundles
        .map((bundle, k) => `${labels[k]}${bundle.name ? ` (${bundle.name})` : ''}`)
        .join(', ')}`
    }
    case 'bundle-chosen':
      return `They chose ${named(event.label)}`
    case 'bundles-ranked': {
      const [first = '', ...rest] = event.order.map(named)
      return `They ranked ${first} first${rest.map((label) => `, then ${label}`).join('')}`
    }
    case 'offer-rejected':
      return [
        'They rejected the offer',
        event.counter ? `their counter: ${terms(event.counter.terms)}` : '',
        event.reason ? `reason: ${event.reason}` : '',
      ]
        .filter(Boolean)
        .join('; ')
    case 'interest-stated':
      return event.ranking && event.ranking.length > 0
        ? `${event.text} (cares most about ${namesOf(issues, event.ranking).join(', then ')})`
        : event.text
    case 'concession': {
      const give = Object.keys(event.give).length > 0
      const get = Object.keys(event.get).length > 0
      const parts = [
        give ? `We give ${terms(event.give)}` : '',
        get ? `${give ? 'we get' : 'We get'} ${terms(event.get)}` : '',
      ].filter(Boolean)
      return `${parts.join('; ')}${give && !get ? ', and get nothing in return' : ''}${event.trigger ? ` (trigger: ${event.trigger})` : ''}`
    }
    case 'contingency-proposed':
      return `${event.side === 'them' ? 'They propose' : 'We propose'}: ${contingencyText(issues, event.contingency)}${event.exchange ? `, in exchange for ${terms(event.exchange)}` : ''}`
    case 'contingency-accepted':
      return `Accepted: ${context.contingencies.get(event.target) ?? event.target}`
    case 'note':
      return event.text
    case 'agreed':
      return event.side === 'them' ? `They signed: ${terms(event.terms)}` : `Agreed: ${terms(event.terms)}`
    case 'alternatives-offered':
      return `Offered before signing, beside the agreement: ${event.bundles
        .map((bundle, k) => `${bundle.label ?? k + 1}. ${terms(bundle.terms)}`)
        .join('; ')}`
    case 'debrief': {
      const count = Object.keys(event.answers).length
      return `Debrief: ${count} answer${count === 1 ? '' : 's'}`
    }
    case 'retract':
      return `Retracts “${context.lines.get(event.target) ?? event.target}”: ${event.reason}`
  }
}

export function journalLines(
  issues: readonly IssueLabel[],
  events: readonly JournalEvent[],
  retracted: readonly string[],
  findings: readonly { eventId?: string; message: string }[] = [],
): JournalLine[] {
  const context = {
    offer: new Map<string, string | undefined>(),
    contingencies: new Map<string, string>(),
    lines: new Map<string, string>(),
  }
  const reasons = new Map<string, { reason: string; at: string }>()
  for (const event of events)
    if (event.type === 'retract' && !reasons.has(event.target))
      reasons.set(event.target, { reason: event.reason, at: event.at })
  const gone = new Set(retracted)
  return events.map((event) => {
    const summary = summarize(issues, event, context)
    context.lines.set(event.id, summary)
    if (event.type === 'offer-sent' && !gone.has(event.id)) {
      context.offer.clear()
      event.bundles.forEach((bundle, k) => {
        context.offer.set(bundle.label ?? String.fromCharCode(65 + k), bundle.name)
      })
    }
    if (event.type === 'contingency-proposed') {
      const text = contingencyText(issues, event.contingency)
      context.contingencies.set(event.id, text)
      if (event.contingency.id) context.contingencies.set(event.contingency.id, text)
    }
    const isRetracted = gone.has(event.id)
    const reason = reasons.get(event.id)
    return {
      id: event.id,
      at: event.at,
      side: event.side,
      round: event.round,
      type: event.type,
      typeLabel: EVENT_LABELS[event.type],
      summary: event.note ? `${summary} (note: ${event.note})` : summary,
      retracted: isRetracted,
      ...(isRetracted && reason !== undefined
        ? { retractionReason: reason.reason, retractedAt: reason.at }
        : {}),
      skipped: findings.filter((finding) => finding.eventId === event.id).map((finding) => finding.message),
      retractable: event.type !== 'retract' && !isRetracted,
    }
  })
}
