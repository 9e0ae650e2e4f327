/**
 * The review cadence agreed at close, as a calendar event both sides can import: the agreed
 * `governance.reviewCadence` text read into a recurrence ("quarterly business review" → every 3
 * months, "every 2 weeks", "monthly", "annually"), starting on the day of the agreement (or the day
 * given), repeated for the agreed term when the terms hold one in months, else without end. Text
 * Parley can not read is a failure that lists the words it understands.
 */
import { capitalised, listAnd } from '../language/english'
import { formatLevel } from '../language/levels'
import type { CounterpartyView } from '../sharing/counterparty-view'
import type { CalendarEvent, ParleyDocument } from './document'
import { type DocumentFailure, documentFailure } from './failure'
import { longDate, partiesLine } from './wording'

export interface Recurrence {
  frequency: CalendarEvent['recurrence']['frequency']
  interval: number
  /** How a person says it: `every 3 months`. */
  words: string
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  other: 2,
}

/** The words `parseCadence` reads, for the message when it reads none. */
export const CADENCE_WORDS = [
  'weekly',
  'fortnightly',
  'biweekly',
  'monthly',
  'bimonthly',
  'quarterly',
  'half-yearly',
  'semi-annual',
  'annually',
  'yearly',
  'every N weeks',
  'every N months',
  'every N years',
] as const

function recurrence(frequency: Recurrence['frequency'], interval: number): Recurrence {
  const unit = frequency === 'WEEKLY' ? 'week' : frequency === 'MONTHLY' ? 'month' : 'year'
  return { frequency, interval, words: interval === 1 ? `every ${unit}` : `every ${interval} ${unit}s` }
}

/** The recurrence a cadence text says, or undefined when it says none Parley can read. */
export function parseCadence(text: string): Recurrence | undefined {
  const lower = text.toLowerCase()
  const every = /\bevery\s+(\d+|[a-z]+)?\s*(week|month|quarter|year)s?\b/.exec(lower)
  if (every) {
    const count = every[1] === undefined ? 1 : Number(every[1]) || (NUMBER_WORDS[every[1]] ?? Number.NaN)
    if (Number.isInteger(count) && count > 0) {
      if (every[2] === 'week') return recurrence('WEEKLY', count)
      if (every[2] === 'month') return recurrence('MONTHLY', count)
      if (every[2] === 'quarter') return recurrence('MONTHLY', 3 * count)
      return recurrence('YEARLY', count)
    }
  }
  const words: [RegExp, Recurrence][] = [
    [/\b(fortnightly|bi-?weekly)\b/, recurrence('WEEKLY', 2)],
    [/\bweekly\b/, recurrence('WEEKLY', 1)],
    [/\bbi-?monthly\b/, recurrence('MONTHLY', 2)],
    [/\bmonthly\b/, recurrence('MONTHLY', 1)],
    [/\b(quarterly|each quarter|a quarter|per quarter)\b/, recurrence('MONTHLY', 3)],
    [/\b(half-?yearly|semi-?annual(ly)?|twice a year)\b/, recurrence('MONTHLY', 6)],
    [/\b(annual(ly)?|yearly|once a year)\b/, recurrence('YEARLY', 1)],
  ]
  return words.find(([pattern]) => pattern.test(lower))?.[1]
}

/** The agreed term in months, when the terms hold an issue named a term (or duration) counted in months. */
function termMonths(view: CounterpartyView): number | undefined {
  const terms = view.agreement?.terms ?? {}
  for (const issue of view.issues) {
    const level = terms[issue.id]
    if (typeof level !== 'number' || !/^months?$/i.test(issue.unit.trim())) continue
    if (/\b(term|duration|length|period)\b/i.test(issue.name)) return level
  }
  return undefined
}

/** How many reviews fit the term: one per interval, the first on the start date. */
function occurrences(rule: Recurrence, months: number | undefined): number | null {
  if (months === undefined || months <= 0) return null
  const span =
    rule.frequency === 'WEEKLY' ? (months * 52) / 12 : rule.frequency === 'MONTHLY' ? months : months / 12
  return Math.max(1, Math.floor(span / rule.interval))
}

export interface CadenceOptions {
  /** `YYYY-MM-DD`: the first review when the agreement's date is not given, and the subtitle's date. */
  today?: string
  /** The day the agreement was recorded, `YYYY-MM-DD`: the first review. */
  agreedOn?: string
  /** Length of each review, in minutes (60 by default). */
  durationMinutes?: number
}

/**
 * The review cadence as a document with its calendar event, from the counterparty view's agreement;
 * a failure before the agreement, without a cadence, or with one `parseCadence` can not read.
 */
export function cadenceDocument(
  view: CounterpartyView,
  options: CadenceOptions = {},
): ParleyDocument | DocumentFailure {
  const { agreement } = view
  if (!agreement)
    return documentFailure(
      'not-agreed',
      'Nothing is agreed yet: record the agreement, with its review cadence, first.',
    )
  const cadence = agreement.governance.reviewCadence?.trim()
  if (!cadence)
    return documentFailure(
      'no-cadence',
      'The agreement has no review cadence: agree one (governance.reviewCadence, such as "quarterly business review") and record it.',
    )
  const rule = parseCadence(cadence)
  if (!rule)
    return documentFailure(
      'cadence-unreadable',
      `Parley can not read a recurrence in "${cadence}": say it with one of ${listAnd(CADENCE_WORDS.map((word) => `"${word}"`))}.`,
    )
  const start = options.agreedOn ?? options.today
  if (!start) return documentFailure('no-date', 'Give the date of the first review.')
  const months = termMonths(view)
  const count = occurrences(rule, months)
  const summary = `${capitalised(cadence)}: ${view.parties.us} and ${view.parties.them}`
  const measures = agreement.measures.map(
    (measure) =>
      `${measure.metric} (threshold ${typeof measure.threshold === 'number' ? formatLevel(measure.threshold) : measure.threshold}; ${measure.reporting})`,
  )
  const description = [
    `Review of the agreement between ${view.parties.us} and ${view.parties.them} (${view.title}), ${rule.words}.`,
    ...(measures.length > 0 ? [`Measures to review: ${listAnd(measures)}.`] : []),
    ...(agreement.governance.escalation ? [`Escalation: ${agreement.governance.escalation}`] : []),
  ].join(' ')
  const calendar: CalendarEvent = {
    summary,
    description,
    start,
    durationMinutes: options.durationMinutes ?? 60,
    recurrence: { frequency: rule.frequency, interval: rule.interval, count },
  }
  const span =
    count === null
      ? 'with no end date (the terms hold no term in months)'
      : `${count} times, over the agreed term of ${formatLevel(months ?? 0)} months`
  return {
    kind: 'cadence',
    audience: 'counterparty',
    title: `Review cadence: ${view.title}`,
    subtitle: partiesLine(view, options.today),
    marking: null,
    blocks: [
      { kind: 'heading', level: 1, text: `Review cadence: ${view.title}` },
      {
        kind: 'paragraph',
        text: `As agreed ("${cadence}"), ${view.parties.us} and ${view.parties.them} review the agreement ${rule.words}, from ${longDate(start)}, ${span}.`,
      },
      { kind: 'paragraph', text: description },
    ],
    calendar,
  }
}
