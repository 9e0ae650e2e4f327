/**
 * Plans as the API receives them: a JSON plan (from an app) or a plan file's text (YAML or JSON,
 * kept verbatim so a download gives back the author's comments). Validated by core exactly as
 * `parley check` validates a file; problems come back with paths, and lines for file text. A file
 * is read, then held to the same shape limits and text rule as a JSON body (input-limits.ts) before
 * the plan schema sees it: YAML can nest and repeat (aliases) more than its size suggests.
 */
import {
  compileSpace,
  LIMITS,
  type Plan,
  type Problem,
  placeProblem,
  readSource,
  rewritePlanText,
  type SourceFormat,
  type Space,
  tooLargeProblem,
  utf8Length,
  validatePlanValue,
} from '@parley/core'
import type { Negotiation, PlanFormat } from '@parley/store'
import { inspectInput, NO_SHAPE_LIMITS, type ShapeLimits } from './input-limits'
import type { Memo } from './memo'

export interface PlanInput {
  /** Parsed JSON plan, when the body was JSON (already held to the limits by the body reader). */
  value?: unknown
  /** The file text, when the body was a plan file. */
  text?: string
  format?: SourceFormat
  /** The shape limits a file's plan is held to once read. */
  limits?: ShapeLimits
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
    const bytes = utf8Length(input.text)
    if (bytes > LIMITS.planBytes) return { ok: false, errors: [tooLargeProblem(bytes)] }
    const source = readSource(input.text, format)
    if (source.errors.length > 0) return { ok: false, errors: source.errors }
    const fault = inspectInput(source.value, input.limits ?? NO_SHAPE_LIMITS)
    if (fault)
      return {
        ok: false,
        errors: [
          placeProblem({ code: fault.code, severity: 'error', message: fault.message, at: fault.at }, source),
        ],
      }
    const checked = validatePlanValue(source.value)
    const place = (problem: Parameters<typeof placeProblem>[0]) => placeProblem(problem, source)
    if (!checked.ok)
      return {
        ok: false,
        errors: checked.errors.map(place).filter((problem) => problem.severity === 'error'),
      }
    return {
      ok: true,
      plan: checked.plan,
      planJson: JSON.stringify(checked.plan),
      planText: input.text,
      planFormat: format,
      warnings: checked.warnings.map(place),
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
