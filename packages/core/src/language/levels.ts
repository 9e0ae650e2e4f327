/**
 * Levels and issue names as people write them in a sentence: `230,000 USD/year`, `99.9 percent`,
 * `monthly-csv` (an option's own label: the plan's words are the user's words), `1 month` (a unit
 * that is a plural noun agrees with a level of one). Below the playbooks and the counterparty view,
 * which both write terms this one way.
 */
import { groupThousands } from '../model/limits'
import type { Level } from '../model/plan'
import { nounFor, pluralOf } from './english'

/** A level as people write it: `230,000`, `99.9`, `milestone`. */
export function formatLevel(level: Level): string {
  if (typeof level !== 'number') return level
  return Number.isInteger(level) && Math.abs(level) >= 10000 ? groupThousands(level) : String(level)
}

/**
 * The singular of a unit's first word when that word is a regular plural (`months` → `month`,
 * `days after signature` → `day after signature`); undefined when it is not one (`USD/year`,
 * `% of monthly fee`, `tier`).
 */
function singularUnit(unit: string): string | undefined {
  const match = /^([A-Za-z]+)(.*)$/s.exec(unit)
  if (!match) return undefined
  const [, word = '', rest = ''] = match
  // Words that end in s without being plurals (status, bonus, basis, class, series).
  if (/(?:us|is|ss)$/i.test(word) || /^(?:series|species|news|means)$/i.test(word)) return undefined
  const candidates = [word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, '')]
  const singular = candidates.find((candidate) => candidate !== word && pluralOf(candidate) === word)
  return singular === undefined ? undefined : `${singular}${rest}`
}

/**
 * Units of time and of things counted, written in the singular by some plans (`month after
 * start`): these take the plural after any number but one. Other singular units stay as written
 * (`99.9 percent`, `2 tier`), since a unit such as `percent` or `FTE` has no plural.
 */
const COUNTED = new Set([
  'day',
  'week',
  'month',
  'year',
  'hour',
  'minute',
  'seat',
  'user',
  'site',
  'team',
  'session',
])

function pluralUnit(unit: string): string | undefined {
  const match = /^([a-z]+)(.*)$/s.exec(unit)
  if (!match || !COUNTED.has(match[1] ?? '')) return undefined
  return `${pluralOf(match[1] ?? '')}${match[2] ?? ''}`
}

/** A level with its unit after a number: `230,000 USD/year`, `99.9 %`, `1 month`, `12 months after start`; a word level as it is: `milestone`. */
export function formatLevelWithUnit(level: Level, unit: string | undefined): string {
  if (typeof level !== 'number' || !unit) return formatLevel(level)
  // Money is grouped from a thousand ("5,000 USD/year" beside "120,000 USD"); a bare four-digit
  // number stays as it is, since it may be a year or a code.
  const figure =
    Number.isInteger(level) && Math.abs(level) >= 1000 && MONEY.test(unit)
      ? groupThousands(level)
      : formatLevel(level)
  return `${figure} ${unitFor(level, unit)}`
}

/** A unit that is an amount of money: a currency code (`USD/year`, `EUR`) or sign (`$`, `€ per month`). */
const MONEY = /(?:^|[^A-Za-z])[A-Z]{3}(?:$|[^A-Za-z])|[$€£¥₹]/

/** The unit as it reads after that number: `months after start` after 6, `month after start` after 1. */
export function unitFor(level: number, unit: string): string {
  const singular = singularUnit(unit)
  const plural = singular === undefined ? pluralUnit(unit) : unit
  return plural === undefined ? unit : nounFor(level, singular ?? unit, plural)
}

/** An issue's name with its unit, as a heading: `Annual price (USD/year)`, or `Support tier` when it has none. */
export function nameWithUnit(issue: { name: string; unit?: string | undefined }): string {
  return issue.unit ? `${issue.name} (${issue.unit})` : issue.name
}

/**
 * A name inside a sentence: `Annual price` → `annual price`, but `SLA credits` (an acronym) and
 * `Quarry Labs L5 base band` (two capitalised words first: a proper name) stay as they are.
 */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) && !/^[A-Z][\p{Ll}'’-]*\s+\p{Lu}\p{Ll}/u.test(name)
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name
}
