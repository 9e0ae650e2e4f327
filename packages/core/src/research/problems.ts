/**
 * Problems found in research files, in Parley's one Problem shape, and the result type every
 * reader of those files returns: a value and its warnings, or every error found.
 */
import { formatPath, type PathSegment, type Problem, type Severity } from '../model/problem'

export type Read<T> =
  | { ok: true; value: T; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] }

export interface Place {
  file?: string | undefined
  line?: number | undefined
  column?: number | undefined
  path?: readonly PathSegment[] | undefined
}

export function researchProblem(
  code: string,
  place: Place,
  message: string,
  severity: Severity = 'error',
): Problem {
  return {
    code,
    severity,
    message,
    path: place.path ? formatPath(place.path) : '',
    ...(place.file !== undefined ? { file: place.file } : {}),
    ...(place.line !== undefined ? { line: place.line } : {}),
    ...(place.column !== undefined ? { column: place.column } : {}),
  }
}

/** `'CD player'`: a name quoted in a message the way plan messages quote ids and options. */
export function quoted(text: string): string {
  return `'${text}'`
}

/** Names in a message: `'a', 'b' and 2 more`. */
export function quotedList(names: readonly string[], most = 5): string {
  const shown = names.slice(0, most).map(quoted).join(', ')
  return names.length > most ? `${shown} and ${names.length - most} more` : shown
}

/**
 * Reads a weight, evaluation or utility that must be a finite number of 0 or more (what GENIUS
 * and GeniusWeb accept). `what` names it for the message: `the weight of issue 'Price'`.
 */
export function nonNegativeNumber(
  raw: string | number,
  what: string,
): { ok: true; value: number } | { ok: false; code: string; message: string } {
  const value = typeof raw === 'number' ? raw : decimal(raw)
  if (value === undefined || Number.isNaN(value))
    return { ok: false, code: 'not_a_number', message: `${what} is '${raw}', which is not a number` }
  if (!Number.isFinite(value))
    return { ok: false, code: 'not_finite', message: `${what} is '${raw}', which is not a finite number` }
  if (value < 0) return { ok: false, code: 'negative', message: `${what} is ${raw}; it must be 0 or more` }
  return { ok: true, value }
}

// Plain decimals with an optional exponent, as Java's Double.valueOf reads them; not its hex,
// `NaN`, `Infinity` or `1d`/`1f` forms, which no GENIUS file needs.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

function decimal(raw: string): number | undefined {
  const trimmed = raw.trim()
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined
}
