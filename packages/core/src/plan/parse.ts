/**
 * Reads a plan from YAML or JSON text and reports every problem with its file, line, column
 * and path: `acme.yaml:14:9 issues[2].us.weight: must be greater than 0`.
 */
import { formatBytes, groupThousands, LIMITS } from '../model/limits'
import type { Plan } from '../model/plan'
import { formatPath, type PathProblem, type Problem } from '../model/problem'
import { readSource, type SourceDocument, type SourceFormat } from './source'
import { validatePlanValue } from './validate'

export type PlanParse =
  | { ok: true; plan: Plan; warnings: Problem[]; source: SourceDocument }
  | { ok: false; errors: Problem[]; warnings: Problem[] }

/** UTF-8 length of a text, without relying on a platform encoder. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

export function tooLargeProblem(bytes: number, file?: string): Problem {
  return {
    code: 'too_large',
    severity: 'error',
    message: `is ${groupThousands(bytes)} bytes; a plan may be at most ${formatBytes(LIMITS.planBytes)} (${groupThousands(LIMITS.planBytes)} bytes)`,
    path: '',
    ...(file !== undefined ? { file } : {}),
  }
}

export function parsePlanText(text: string, options: { format: SourceFormat; file?: string }): PlanParse {
  const bytes = utf8Length(text)
  if (bytes > LIMITS.planBytes)
    return { ok: false, errors: [tooLargeProblem(bytes, options.file)], warnings: [] }
  const source = readSource(text, options.format, options.file)
  if (source.errors.length > 0) return { ok: false, errors: source.errors, warnings: [] }
  const result = validatePlanValue(source.value)
  const place = (problem: PathProblem) => placeProblem(problem, source, options.file)
  if (!result.ok) return { ok: false, errors: result.errors.map(place), warnings: result.warnings.map(place) }
  return { ok: true, plan: result.plan, warnings: result.warnings.map(place), source }
}

/** Gives a path problem its position in the source it came from. */
export function placeProblem(
  problem: PathProblem,
  source: SourceDocument | undefined,
  file?: string,
): Problem {
  const position = source?.locate(problem.at, problem.target)
  // A bare word in a YAML flow map is read as a field: the fix is quoting the text it was cut from.
  const hint = problem.code === 'unknown_field' ? source?.quoteHint?.(problem.at) : undefined
  return {
    code: problem.code,
    severity: problem.severity,
    message: hint
      ? `unknown field '${String(problem.at.at(-1))}': if it belongs to the text before it, ${hint}`
      : problem.message,
    path: formatPath(problem.at),
    ...(file !== undefined ? { file } : {}),
    ...(position ?? {}),
  }
}
