/**
 * Errors as the API gives them: `{ "error": { "code", "message", "path" } }`, with every problem
 * listed when there are several (a plan with three mistakes names all three). The path is written
 * as the command line writes it (`issues[2].us.weight`); the same core problems render both.
 */
import type { PathProblem, Problem } from '@parley/core'
import { formatPath } from '@parley/core'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface ProblemJson {
  code: string
  message: string
  path: string
  line?: number
  column?: number
}

export interface ErrorBody {
  error: ProblemJson & { problems?: ProblemJson[] }
}

export function errorBody(
  code: string,
  message: string,
  path = '',
  problems?: ProblemJson[],
  position?: { line?: number; column?: number },
): ErrorBody {
  return {
    error: {
      code,
      message,
      path,
      ...(position?.line !== undefined ? { line: position.line } : {}),
      ...(position?.column !== undefined ? { column: position.column } : {}),
      ...(problems && problems.length > 1 ? { problems } : {}),
    },
  }
}

export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  path = '',
): Response {
  return c.json(errorBody(code, message, path), status)
}

export function problemJson(problem: Problem): ProblemJson {
  return {
    code: problem.code,
    message: problem.message,
    path: problem.path,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.column !== undefined ? { column: problem.column } : {}),
  }
}

export function pathProblemJson(problem: PathProblem): ProblemJson {
  return { code: problem.code, message: problem.message, path: formatPath(problem.at) }
}

/** Several problems: the first error leads, all are listed. */
export function failWith(
  c: Context,
  status: ContentfulStatusCode,
  problems: readonly ProblemJson[],
): Response {
  const first = problems[0]
  if (!first) throw new Error('failWith needs at least one problem')
  const where =
    first.line !== undefined ? ` (line ${first.line}${first.column ? `, column ${first.column}` : ''})` : ''
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
  return c.json(
    errorBody(
      first.code,
      `${first.path ? `${first.path}: ` : ''}${first.message}${where}${more}`,
      first.path,
      [...problems],
      first,
    ),
    status,
  )
}
