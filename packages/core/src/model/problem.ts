/**
 * Problems the user can cause (a bad plan, offer, flag or event) are values, not exceptions:
 * a code, a message and where it is. The command line and the server render the same objects.
 */

export type Severity = 'error' | 'warning'

/** One step of a path into a document: a field name or an array index. */
export type PathSegment = string | number

export interface Problem {
  /** Stable machine code, e.g. `too_small`, `unknown_issue`, `syntax`. */
  code: string
  severity: Severity
  /** What is wrong, in plain words, without the location (that is in the other fields). */
  message: string
  /** Where in the document, as the command line writes it: `issues[2].us.weight`; empty for the whole document. */
  path: string
  /** Source file, when the document came from one. */
  file?: string
  /** 1-based line and column in the source text, when known. */
  line?: number
  column?: number
}

/** Writes a path as the command line and the API show it: `issues[2].us.weight`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/** `acme.yaml:14:9 issues[2].us.weight: must be greater than 0` */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':')
  const head = [where, problem.path].filter((part) => part !== '' && part !== undefined).join(' ')
  return head === '' ? problem.message : `${head}: ${problem.message}`
}

/** A problem found in a parsed value, before it is placed in a source text. */
export interface PathProblem {
  code: string
  severity: Severity
  message: string
  at: readonly PathSegment[]
  /** Point at the field's name (an unknown field) rather than at its value. */
  target?: 'key' | 'value'
}

export function pathError(
  code: string,
  at: readonly PathSegment[],
  message: string,
  target?: 'key',
): PathProblem {
  return target ? { code, severity: 'error', message, at, target } : { code, severity: 'error', message, at }
}

export function pathWarning(code: string, at: readonly PathSegment[], message: string): PathProblem {
  return { code, severity: 'warning', message, at }
}
