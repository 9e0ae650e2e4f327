/**
 * Turns schema (zod) issues into problems a person can act on: "must be greater than 0",
 * "unknown field 'wieght' (did you mean 'weight'?)", "is required". One mapping for every
 * document Parley validates (plans, offers, events, request bodies), so messages read alike.
 */
import { z } from 'zod'
import type { PathProblem, PathSegment } from '../model/problem'

type ZodIssue = z.core.$ZodIssue

/** Maps every issue of a failed parse; `value` is the parsed input, used to tell "missing" from "wrong". */
export function schemaProblems(
  issues: readonly ZodIssue[],
  value: unknown,
  schema: z.ZodType,
): PathProblem[] {
  return issues.flatMap((issue) => issueProblems(issue, [], value, schema))
}

function issueProblems(
  issue: ZodIssue,
  prefix: readonly PathSegment[],
  root: unknown,
  schema: z.ZodType,
): PathProblem[] {
  const at = [...prefix, ...(issue.path as PathSegment[])]
  const actual = valueAt(root, at)
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return [error('required', at, 'is required')]
      return [error('invalid_type', at, `must be ${typeName(issue.expected)}, not ${describe(actual)}`)]
    case 'too_small':
      return [error('too_small', at, tooSmall(issue, actual))]
    case 'too_big':
      return [error('too_big', at, tooBig(issue, actual, at))]
    case 'invalid_value':
      if (actual === undefined) {
        return [
          error(
            'required',
            at,
            `is required (${issue.values.length === 1 ? show(issue.values[0]) : `one of ${issue.values.map(show).join(', ')}`})`,
          ),
        ]
      }
      if (issue.values.length === 1) return [error('invalid_value', at, `must be ${show(issue.values[0])}`)]
      return [
        error(
          'invalid_value',
          at,
          `must be one of ${issue.values.map(show).join(', ')}, not ${show(actual)}`,
        ),
      ]
    case 'unrecognized_keys': {
      const known = knownKeys(schema, at)
      return issue.keys.map((key) => {
        const hint = closest(key, known)
        const suggestion = hint
          ? ` (did you mean '${hint}'?)`
          : known.length
            ? ` (allowed: ${known.join(', ')})`
            : ''
        return error('unknown_field', [...at, key], `unknown field '${key}'${suggestion}`, 'key')
      })
    }
    case 'invalid_union': {
      // Report the branch that got furthest: one whose problems are not a type mismatch at the union itself.
      const branches = issue.errors.filter((branch) =>
        branch.some((inner) => inner.code !== 'invalid_type' || inner.path.length > 0),
      )
      const best = branches[0]
      if (best) return best.flatMap((inner) => issueProblems(inner, at, root, schema))
      const expected = [
        ...new Set(
          issue.errors.flatMap((branch) =>
            branch.filter((inner) => inner.code === 'invalid_type').map((inner) => typeName(inner.expected)),
          ),
        ),
      ]
      if (actual === undefined) return [error('required', at, 'is required')]
      return [error('invalid_type', at, `must be ${expected.join(' or ')}, not ${describe(actual)}`)]
    }
    case 'invalid_format':
      return [error('invalid_format', at, issue.message)]
    case 'not_multiple_of':
      return [error('not_multiple_of', at, `must be a multiple of ${issue.divisor}`)]
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues.flatMap((inner) => issueProblems(inner, at, root, schema))
    default:
      return [error(issue.code ?? 'invalid', at, issue.message)]
  }
}

function error(code: string, at: readonly PathSegment[], message: string, target?: 'key'): PathProblem {
  return target ? { code, severity: 'error', message, at, target } : { code, severity: 'error', message, at }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, actual: unknown): string {
  const min = Number(issue.minimum)
  switch (issue.origin) {
    case 'number':
      return issue.inclusive ? `must be at least ${min}, not ${show(actual)}` : `must be greater than ${min}`
    case 'array':
    case 'set':
      return min === 1 ? 'must not be empty' : `must have at least ${min} items`
    case 'string':
      return min === 1 ? 'must not be empty' : `must be at least ${min} characters long`
    default:
      return issue.message
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig, actual: unknown, at: readonly PathSegment[]): string {
  const max = Number(issue.maximum)
  switch (issue.origin) {
    case 'number':
      return issue.inclusive ? `must be at most ${max}, not ${show(actual)}` : `must be less than ${max}`
    case 'array':
    case 'set': {
      const count = Array.isArray(actual) ? actual.length : undefined
      const what = at.at(-1) === 'issues' ? 'issues' : 'items'
      return count === undefined
        ? `must have at most ${max} ${what}`
        : `has ${count} ${what}; at most ${max} are allowed`
    }
    case 'string':
      return `is too long: at most ${max} characters are allowed`
    default:
      return issue.message
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'array':
    case 'tuple':
      return 'a list'
    case 'object':
    case 'record':
      return 'a map of fields'
    case 'string':
      return 'a text'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true or false'
    case 'int':
      return 'a whole number'
    default:
      return expected
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map of fields'
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : 'a non-finite number'
  return String(value)
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (value === undefined) return 'missing'
  return typeof value === 'object' ? describe(value) : String(value)
}

/** The value at a path of plain data, or undefined when the path does not exist. */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

/** Field names the schema allows for the object at a path (for "did you mean"). */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: unknown = schema
  for (const segment of [...path, undefined]) {
    current = unwrap(current)
    if (segment === undefined) break
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, unknown>)[String(segment)]
    else if (current instanceof z.ZodArray) current = current.element
    else if (current instanceof z.ZodRecord) current = current.valueType
    else return []
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : []
}

function unwrap(schema: unknown): unknown {
  let current = schema
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap()
  }
  if (current instanceof z.ZodPipe) return unwrap(current.in)
  return current
}

/** The known name closest to a typo, when it is close enough to be the one meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const within = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that far off can not be meant,
    // and skipping it keeps a hostile field name of a megabyte from costing a megabyte per candidate.
    if (Math.abs(candidate.length - word.length) > within) continue
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      bestDistance = distance
      best = candidate
    }
  }
  if (best !== undefined && bestDistance <= within) return best
  return uniquePart(word, candidates)
}

/**
 * The one candidate that a short form names: it starts with the word, or has it as a whole part
 * between hyphens, underscores or spaces (`staff` for `staff-L6`, `enclave` for
 * `deidentified-enclave`). None when several do: a guess between them would mislead.
 */
function uniquePart(word: string, candidates: readonly string[]): string | undefined {
  // A part is never longer than its candidate: a huge hostile name costs nothing here either.
  if (word.length > Math.max(0, ...candidates.map((candidate) => candidate.length))) return undefined
  const wanted = word.trim().toLowerCase()
  if (wanted.length < 2) return undefined
  const named = candidates.filter((candidate) => {
    const lower = candidate.toLowerCase()
    return lower !== wanted && (lower.startsWith(wanted) || lower.split(/[-_\s]+/).includes(wanted))
  })
  return named.length === 1 ? named[0] : undefined
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment): `lable` is one from `label`. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d = new Int32Array(rows * cols)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1)
      d[i * cols + j] = best
    }
  }
  return d[rows * cols - 1] ?? 0
}
