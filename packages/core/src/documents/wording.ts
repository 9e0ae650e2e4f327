/**
 * The few ways every document says the same things: an issue by its name with its unit, a level in
 * words with its unit, the subtitle (parties and date), the internal marking. Written once so the
 * MESO sheet, the term sheet and the brief never disagree on how a level reads.
 */
import { capitalised, withoutFullStop } from '../language/english'
import { formatLevel, formatLevelWithUnit } from '../language/levels'

export { evidenceLine } from '../language/evidence'

import type { Level } from '../model/plan'
import type { CounterpartyView, ViewContingency, ViewIssue } from '../sharing/counterparty-view'

/** `Annual subscription fee (USD/year)`; a unit that is only a word for text options is left out. */
export function issueHeading(issue: { name: string; unit: string; levels: readonly Level[] }): string {
  const numeric = issue.levels.some((level) => typeof level === 'number')
  return numeric && issue.unit ? `${issue.name} (${issue.unit})` : issue.name
}

/** A level as a cell under an issue heading that already names the unit. */
export function levelCell(level: Level | undefined): string {
  return level === undefined ? '—' : formatLevel(level)
}

/** A level in a sentence, with its unit: `250,000 USD/year`, `36 months`, `premium`. */
export function levelWords(issue: Pick<ViewIssue, 'unit'> | undefined, level: Level): string {
  return formatLevelWithUnit(level, issue?.unit)
}

/** A contingent term as a sentence of its own, with how it is measured: `If adoption is at least 80, then … (measured by …).` */
export function contingentTermSentence(
  contingency: Pick<ViewContingency, 'wording' | 'measurement'>,
): string {
  const { source, reporting } = contingency.measurement
  const measured = [source, reporting].filter((part): part is string => Boolean(part)).join('; ')
  return `${capitalised(withoutFullStop(contingency.wording))}${measured ? ` (measured by ${measured})` : ''}.`
}

/** `Brightline Systems and Calder Mutual Insurance, 5 December 2026` (the date when given). */
export function partiesLine(view: Pick<CounterpartyView, 'parties'>, today: string | undefined): string {
  const parties = `${view.parties.us} and ${view.parties.them}`
  return today ? `${parties}, ${longDate(today)}` : parties
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2026-12-05` → `5 December 2026`; anything else is kept as written. */
export function longDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : date
}

/** The line printed on every page of a document for our side only. */
export function internalMarking(us: string): string {
  return `Confidential: internal to ${us}. Never send to the other side.`
}
