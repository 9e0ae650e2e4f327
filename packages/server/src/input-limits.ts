/**
 * What the server accepts in any parsed input (a JSON body, a plan file once read, the rows of a
 * database export), checked in one cheap walk before any schema sees it: how deep it nests, how
 * many fields one object has, how many values it holds in all, and whether every text (values and
 * field names) is one every backend stores as it is. The walk stops at the first problem, so a
 * hostile body costs no more than the limits allow.
 *
 * Why the text rule: PostgreSQL refuses U+0000 in a text column (the write fails half-way) and
 * stores a lone surrogate as U+FFFD (the answer echoes one text while the database holds another);
 * SQLite keeps both, so a database moved to PostgreSQL later fails to import.
 */
import { formatPath, type PathSegment } from '@parley/core'

export interface ShapeLimits {
  /** Deepest nesting; the top level is 1. */
  maxDepth: number
  /** Most fields in one object. */
  maxFields: number
  /** Most values in all (every string, number, boolean, null, list and object counts one). */
  maxValues: number
}

export const NO_SHAPE_LIMITS: ShapeLimits = {
  maxDepth: Number.POSITIVE_INFINITY,
  maxFields: Number.POSITIVE_INFINITY,
  maxValues: Number.POSITIVE_INFINITY,
}

export type InputFaultCode = 'too_deep' | 'too_many_fields' | 'too_many_values' | 'invalid_text'

export interface InputFault {
  code: InputFaultCode
  /** Where, as the API and the command line write paths (`issues[2].name`); empty for the whole value. */
  path: string
  /** The same place as segments, to find it in a source text. */
  at: PathSegment[]
  message: string
}

/** Code units that can start a text fault: U+0000 and every surrogate (pairs are let through below). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what it looks for
const SUSPECT = /[\u0000\ud800-\udfff]/

export interface TextFault {
  /** Where in the text (0-based, in UTF-16 code units). */
  index: number
  /** What is wrong, without the position: `contains U+0000 (a NUL character)`. */
  problem: string
}

/** What is wrong with a text, or undefined when every backend stores it as it is. */
export function textFault(text: string): TextFault | undefined {
  const first = text.search(SUSPECT)
  if (first < 0) return undefined
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return { index: i, problem: 'contains U+0000 (a NUL character), which text may not hold' }
    if (code < 0xd800 || code > 0xdfff) continue
    const next = text.charCodeAt(i + 1)
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++
      continue
    }
    const hex = code.toString(16).toUpperCase()
    return { index: i, problem: `contains a lone surrogate (U+${hex}); send well-formed Unicode` }
  }
  return undefined
}

/** The fault of a text in words, with where in the text: `contains U+0000 (...) at character 4`. */
export function textFaultMessage(fault: TextFault): string {
  return `${fault.problem} at character ${fault.index + 1}`
}

/** A value waiting in the walk; its path is rebuilt from the parent links only when it is at fault. */
interface Visit {
  value: unknown
  depth: number
  parent: Visit | undefined
  key: PathSegment
}

function placeOf(visit: Visit | undefined): { path: string; at: PathSegment[] } {
  const segments: PathSegment[] = []
  for (let at = visit; at?.parent !== undefined; at = at.parent) segments.push(at.key)
  segments.reverse()
  return { path: formatPath(segments), at: segments }
}

/**
 * The first fault of a parsed value, or undefined. Iterative, so a deep value can not exhaust the
 * stack; values are counted as they are reached, so an oversized list is refused before it is
 * walked; paths are rebuilt only for the fault, so a large value costs one pass and no copies.
 */
export function inspectInput(value: unknown, limits: ShapeLimits = NO_SHAPE_LIMITS): InputFault | undefined {
  const stack: Visit[] = [{ value, depth: 1, parent: undefined, key: '' }]
  let values = 1
  const tooMany = (): InputFault => ({
    code: 'too_many_values',
    path: '',
    at: [],
    message: `holds more than ${limits.maxValues} values (texts, numbers, lists and objects in all), the most accepted`,
  })
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const current = visit.value
    if (typeof current === 'string') {
      const problem = textFault(current)
      if (problem) return { code: 'invalid_text', ...placeOf(visit), message: textFaultMessage(problem) }
      continue
    }
    if (current === null || typeof current !== 'object') continue
    if (visit.depth > limits.maxDepth)
      return {
        code: 'too_deep',
        ...placeOf(visit),
        message: `nests more than ${limits.maxDepth} levels deep, the most accepted`,
      }
    if (Array.isArray(current)) {
      values += current.length
      if (values > limits.maxValues) return tooMany()
      for (let k = current.length - 1; k >= 0; k--)
        stack.push({ value: current[k], depth: visit.depth + 1, parent: visit, key: k })
      continue
    }
    const keys = Object.keys(current)
    if (keys.length > limits.maxFields)
      return {
        code: 'too_many_fields',
        ...placeOf(visit),
        message: `has ${keys.length} fields; one object may have at most ${limits.maxFields}`,
      }
    values += keys.length
    if (values > limits.maxValues) return tooMany()
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string
      const problem = textFault(key)
      if (problem)
        return {
          code: 'invalid_text',
          ...placeOf(visit),
          message: `a field name ${textFaultMessage(problem)}`,
        }
      stack.push({
        value: (current as Record<string, unknown>)[key],
        depth: visit.depth + 1,
        parent: visit,
        key,
      })
    }
  }
  return undefined
}
