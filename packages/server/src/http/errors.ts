/**
 * Errors as the API gives them: `{ "error": { "code", "message", "path" } }`, with the problems
 * listed when there are several (a plan with three mistakes names all three): the first
 * MAX_LISTED_PROBLEMS of them, and how many more there are, so a body with thousands of mistakes
 * gets a short answer. The path is written as the command line writes it (`issues[2].us.weight`);
 * the same core problems render both.
 */
import type { PathProblem, Problem } from '@parley/core'
import { formatPath } from '@parley/core'
import type { Context } from 'hono'
import { MAX_LISTED_PROBLEMS } from '../options'
import { type ErrorCode, errorAnswer } from './error-codes'

/** Longest path and message of one listed problem (a field name can be as long as the body). */
const MAX_PATH_LENGTH = 200
const MAX_MESSAGE_LENGTH = 400

export interface ProblemJson {
  code: string
  message: string
  path: string
  line?: number
  column?: number
}

export interface ErrorBody {
  /** `unlisted`: how many problems were found beyond those listed. */
  error: ProblemJson & { problems?: ProblemJson[]; unlisted?: number }
}

export function errorBody(
  code: string,
  message: string,
  path = '',
  problems?: ProblemJson[],
  position?: { line?: number; column?: number },
  unlisted = 0,
): ErrorBody {
  return {
    error: {
      code,
      message,
      path,
      ...(position?.line !== undefined ? { line: position.line } : {}),
      ...(position?.column !== undefined ? { column: position.column } : {}),
      ...(problems && (problems.length > 1 || unlisted > 0) ? { problems } : {}),
      ...(unlisted > 0 ? { unlisted } : {}),
    },
  }
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/** A path short enough to answer with: a field name in it can be as long as the body. */
export function clipPath(path: string): string {
  return clip(path, MAX_PATH_LENGTH)
}

/** An error answer of the table in error-codes.ts: its status and its code come from there. */
export function fail(c: Context, name: ErrorCode, message: string, path = ''): Response {
  const { status, code } = errorAnswer(name)
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

/** A problem of a draft: where it is, in the plan and in the text (1-based, null when not known). */
export interface DraftProblemJson {
  code: string
  path: string
  message: string
  line: number | null
  column: number | null
}

/**
 * The problems of a draft as the API lists them: the first MAX_LISTED_PROBLEMS, clipped as an
 * error's are, and how many more there are.
 */
export function draftProblemsJson(problems: readonly Problem[]): {
  problems: DraftProblemJson[]
  unlisted: number
} {
  return {
    problems: problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => ({
      code: problem.code,
      path: clipPath(problem.path),
      message: clip(problem.message, MAX_MESSAGE_LENGTH),
      line: problem.line ?? null,
      column: problem.line === undefined ? null : (problem.column ?? 1),
    })),
    unlisted: Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
  }
}

export function pathProblemJson(problem: PathProblem): ProblemJson {
  return { code: problem.code, message: problem.message, path: formatPath(problem.at) }
}

/**
 * Invalid input described by core's problems, answered with the status of `invalid` and the first
 * problem's own code (core's codes are an open set, every one of them invalid input). The first
 * error leads, the first MAX_LISTED_PROBLEMS are listed. `unlisted`
 * counts problems found but not even described (see api.ts), to add to the count of the rest;
 * `label` says what the paths name when it is not the body (`query parameter`).
 */
export function failWith(
  c: Context,
  problems: readonly ProblemJson[],
  options: { unlisted?: number; label?: string } = {},
): Response {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => ({
    ...problem,
    path: clipPath(problem.path),
    message: clip(problem.message, MAX_MESSAGE_LENGTH),
  }))
  const first = listed[0]
  if (!first) throw new Error('failWith needs at least one problem')
  const rest = problems.length - listed.length + (options.unlisted ?? 0)
  const total = listed.length + rest
  const where =
    first.line !== undefined ? ` (line ${first.line}${first.column ? `, column ${first.column}` : ''})` : ''
  const more = total > 1 ? ` (and ${total - 1} more problem${total > 2 ? 's' : ''})` : ''
  const label = options.label && first.path ? `${options.label} ` : ''
  return c.json(
    errorBody(
      first.code,
      `${first.path ? `${label}${first.path}: ` : ''}${first.message}${where}${more}`,
      first.path,
      listed,
      first,
      rest,
    ),
    errorAnswer('invalid').status,
  )
}
