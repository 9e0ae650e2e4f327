/**
 * Plans as the API receives them: a JSON plan (from an app) or a plan file's text (YAML or JSON,
 * kept verbatim so a download gives back the author's comments). Validated by core exactly as
 * `parley check` validates a file; problems come back with paths, and lines for file text. A file
 * is read, then held to the same shape limits and text rule as a JSON body (input-limits.ts) before
 * the plan schema sees it: YAML can nest and repeat (aliases) more than its size suggests.
 */
import {
  CONTEXTS,
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
import type { Draft, DraftInput, Negotiation, PlanFormat } from '@parley/store'
import { draftProblemsJson } from './http/errors'
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
  | {
      ok: false
      errors: Problem[]
      /**
       * `read`: the text could not be read as a document (too large, not YAML or JSON, past the
       * shape limits); `plan`: it was, into `value`, but it is not a valid plan.
       */
      stage: 'read' | 'plan'
      value?: unknown
    }

/** What every route that needs a plan answers for a negotiation that has only a draft. */
export const PLAN_IS_DRAFT =
  'this negotiation has no valid plan yet, only a draft with problems: fix them and save the plan (PUT .../plan) first; GET .../draft lists them'

/** A negotiation that has a valid plan: every computation starts from one. */
export type PlannedNegotiation = Negotiation & { planJson: string }

export function hasPlan(negotiation: Negotiation): negotiation is PlannedNegotiation {
  return negotiation.planJson !== null
}

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
    if (bytes > LIMITS.planBytes) return { ok: false, stage: 'read', errors: [tooLargeProblem(bytes)] }
    const source = readSource(input.text, format)
    if (source.errors.length > 0) return { ok: false, stage: 'read', errors: source.errors }
    const fault = inspectInput(source.value, input.limits ?? NO_SHAPE_LIMITS)
    if (fault)
      return {
        ok: false,
        stage: 'read',
        errors: [
          placeProblem({ code: fault.code, severity: 'error', message: fault.message, at: fault.at }, source),
        ],
      }
    const checked = validatePlanValue(source.value)
    const place = (problem: Parameters<typeof placeProblem>[0]) => placeProblem(problem, source)
    if (!checked.ok)
      return {
        ok: false,
        stage: 'plan',
        value: source.value,
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
      stage: 'plan',
      value: input.value,
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Whether a plan that failed is kept as a draft when imported: it was read as a document, and that
 * document is a map (a plan with problems). Text that is not YAML or JSON, or not a map at all, is
 * not a plan of any kind and is refused as before.
 */
export function isDraftable(read: PlanRead): read is Extract<PlanRead, { ok: false }> & { value: object } {
  return !read.ok && read.stage === 'plan' && isRecord(read.value)
}

/** What the title of a plan with problems is taken to be: its own when it has one that fits. */
export function draftTitle(value: unknown, fallback = 'Untitled negotiation'): string {
  const title = isRecord(value) && typeof value.title === 'string' ? value.title.trim() : ''
  return title.length > 0 && title.length <= 200 ? title : fallback
}

/** Its context, when it names one; else `custom`. */
export function draftContext(value: unknown): string {
  const context = isRecord(value) ? value.context : undefined
  return CONTEXTS.find((known) => known === context) ?? 'custom'
}

/**
 * A draft as it is kept: any text, with the problems found reading it as a plan. Only text over the
 * plan size limit is refused (`too_large`): everything else, even text that does not parse yet, is
 * kept with its problems.
 */
export function readDraft(
  text: string,
  format: PlanFormat,
  limits: ShapeLimits,
): { ok: true; draft: DraftInput; read: PlanRead } | { ok: false; message: string } {
  const read = readPlan({ text, format, limits })
  const tooLarge = read.ok ? undefined : read.errors.find((problem) => problem.code === 'too_large')
  if (tooLarge) return { ok: false, message: tooLarge.message }
  return { ok: true, read, draft: keptDraft(text, format, read) }
}

/** The draft to keep of a text already read as a plan. */
export function keptDraft(text: string, format: PlanFormat, read: PlanRead): DraftInput {
  return {
    text,
    format,
    valid: read.ok,
    problems: JSON.stringify(draftProblemsJson(read.ok ? [] : read.errors)),
  }
}

/** A draft as the API answers with it. */
export function draftJson(draft: Draft) {
  const { problems, unlisted } = JSON.parse(draft.problems) as ReturnType<typeof draftProblemsJson>
  return {
    text: draft.text,
    format: draft.format,
    version: draft.version,
    valid: draft.valid,
    problems,
    unlisted,
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
  }
}

/** The plan with a new title, in its JSON and in its kept file (comments stay). */
export function retitledPlan(
  negotiation: PlannedNegotiation,
  title: string,
): { planJson: string; planText: string | null } {
  const plan = { ...(JSON.parse(negotiation.planJson) as Plan), title }
  return {
    planJson: JSON.stringify(plan),
    planText:
      negotiation.planText !== null && negotiation.planFormat !== null
        ? rewritePlanText(negotiation.planText, negotiation.planFormat, plan)
        : null,
  }
}

/**
 * The draft with a new title, read again for its problems; a draft that can not be read as a map yet
 * is kept as it is (its title is wherever the author is typing it).
 */
export function retitledDraft(draft: Draft, title: string, limits: ShapeLimits): DraftInput {
  const same: DraftInput = {
    text: draft.text,
    format: draft.format,
    problems: draft.problems,
    valid: draft.valid,
  }
  const source = readSource(draft.text, draft.format)
  if (source.errors.length > 0 || !isRecord(source.value)) return same
  const text = rewritePlanText(draft.text, draft.format, { ...source.value, title })
  const read = readDraft(text, draft.format, limits)
  return read.ok ? read.draft : same
}

/**
 * Whether a plan just saved is the draft: the same text, or (for a JSON edit) the same plan as the
 * draft's. Then the draft has been saved and is cleared.
 */
export function isDraftSaved(draft: Draft, input: PlanInput, saved: { planJson: string }): boolean {
  if (input.text !== undefined) return input.text === draft.text
  if (!draft.valid) return false
  const read = readPlan({ text: draft.text, format: draft.format })
  return read.ok && read.planJson === saved.planJson
}

/** The compiled plan of a stored negotiation (stored plans are valid: compiling is all it takes). */
export function spaceOf(
  memo: Memo,
  negotiation: Pick<PlannedNegotiation, 'id' | 'version' | 'planJson'>,
): Space {
  return memo.get(`space:${negotiation.id}@${negotiation.version}`, () =>
    compileSpace(JSON.parse(negotiation.planJson) as Plan),
  )
}
