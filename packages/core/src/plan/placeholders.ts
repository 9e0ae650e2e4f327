/**
 * Placeholders: the `<Customer>`-style blanks a starter plan (`parley init`) leaves for the user to
 * fill. A plan still holding one is valid (a fresh starter checks clean) but unfinished: `check`
 * warns, `lint` refuses with an error, and the coach names the field instead of reading the blank
 * aloud. A placeholder is `<` and `>` around text that starts with neither a space nor `=`, so the
 * operators `<`, `<=` and `>` of a rule never count.
 */
import type { PathSegment } from '../model/problem'

const PLACEHOLDER = /<[^<>\s=][^<>\n]{0,120}>/

export interface Placeholder {
  /** Where in the plan: `['parties', 'them', 'name']`. */
  at: PathSegment[]
  /** The blank itself, as written: `<Customer>`. */
  text: string
}

/** Whether a text still holds a blank to fill in. */
export function holdsPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text)
}

/** The blank in a text, or undefined. */
export function placeholderIn(text: string): string | undefined {
  return PLACEHOLDER.exec(text)?.[0]
}

/** Every text in a parsed plan (or any JSON value) that still holds a placeholder, in document order. */
export function placeholders(value: unknown, at: PathSegment[] = []): Placeholder[] {
  if (typeof value === 'string') {
    const text = placeholderIn(value)
    return text ? [{ at, text }] : []
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholders(item, [...at, index]))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => placeholders(item, [...at, key]))
  return []
}
