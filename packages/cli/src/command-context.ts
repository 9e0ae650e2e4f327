/** What every command's action receives: where to print, and how to report a failure the same way. */
import type { Problem } from '@parley/core'
import { EXIT } from './exit-codes'
import { type Output, problemJson } from './output'

export interface CommandContext {
  out: Output
  /** Working directory, for resolving and showing paths. */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
}

/** Reports invalid input (exit 1): JSON `{ "errors": [...] }` on stdout with --json, messages on stderr otherwise. */
export function invalidInput(context: CommandContext, json: boolean, errors: readonly Problem[]): number {
  if (json) context.out.json({ errors: errors.map(problemJson) })
  else context.out.problems(errors)
  return EXIT.invalid
}

/** A plan that did not load: its error-level problems reported as invalid input (exit 1); warnings wait for a plan that loads. */
export function planRefused(context: CommandContext, json: boolean, problems: readonly Problem[]): number {
  return invalidInput(
    context,
    json,
    problems.filter((problem) => problem.severity === 'error'),
  )
}

/** Reports a usage mistake of `parley VERB` (exit 2), as JSON `{ "errors": [{ "code": "usage", ... }] }` with --json. */
export function usageError(context: CommandContext, json: boolean, verb: string, message: string): number {
  if (json) context.out.json({ errors: [{ code: 'usage', message, path: '' }] })
  else context.out.error(`parley ${verb}: ${message}`)
  return EXIT.usage
}
