/**
 * Plans as the API receives them: a JSON plan (from an app) or a plan file's text (YAML or JSON,
 * kept verbatim so a download gives back the author's comments). Validated by core exactly as
 * `parley check` validates a file; problems come back with paths, and lines for file text.
 */
import {
  compileSpace,
  type Plan,
  type Problem,
  parsePlanText,
  placeProblem,
  rewritePlanText,
  type SourceFormat,
  type Space,
  validatePlanValue,
} from '@parley/core'
import type { Negotiation, PlanFormat } from '@parley/store'
import type { Memo } from './memo'

export interface PlanInput {
  /** Parsed JSON plan, when the body was JSON. */
  value?: unknown
  /** The file text, when the body was a plan file. */
  text?: string
  format?: SourceFormat
}

export type PlanRead =
  | {
      ok: true
      plan: Plan
      planJson: string
      planText: string | null
      planFormat: PlanFormat | null
      warnings: Problem[]
    }
  | { ok: false; errors: Problem[] }

/**
 * Reads a plan from the request. `previous` is the negotiation's kept file: a JSON edit is written
 * back into it (comments kept); a new file replaces it.
 */
export function readPlan(
  input: PlanInput,
  previous?: { text: string | null; format: PlanFormat | null },
): PlanRead {
  if (input.text !== undefined) {
    const format = input.format ?? 'yaml'
    const parsed = parsePlanText(input.text, { format })
    if (!parsed.ok)
      return { ok: false, errors: parsed.errors.filter((problem) => problem.severity === 'error') }
    return {
      ok: true,
      plan: parsed.plan,
      planJson: JSON.stringify(parsed.plan),
      planText: input.text,
      planFormat: format,
      warnings: parsed.warnings,
    }
  }
  const checked = validatePlanValue(input.value)
  if (!checked.ok)
    return {
      ok: false,
      errors: checked.errors
        .map((problem) => placeProblem(problem, undefined))
        .filter((problem) => problem.severity === 'error'),
    }
  const kept =
    previous?.text && previous.format ? rewritePlanText(previous.text, previous.format, checked.plan) : null
  return {
    ok: true,
    plan: checked.plan,
    planJson: JSON.stringify(checked.plan),
    planText: kept,
    planFormat: kept ? (previous?.format ?? null) : null,
    warnings: checked.warnings.map((problem) => placeProblem(problem, undefined)),
  }
}

/** The compiled plan of a stored negotiation (stored plans are valid: compiling is all it takes). */
export function spaceOf(memo: Memo, negotiation: Pick<Negotiation, 'id' | 'version' | 'planJson'>): Space {
  return memo.get(`space:${negotiation.id}@${negotiation.version}`, () =>
    compileSpace(JSON.parse(negotiation.planJson) as Plan),
  )
}
