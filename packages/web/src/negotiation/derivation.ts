/**
 * Everything derived from the plan and the journal, recomputed at once as they change: the draft
 * checked by core as the command line checks it, the last valid plan (what every computation uses,
 * so the numbers stay while someone is mid-edit), the negotiation replayed from the journal, and
 * the problems to show at each field.
 */
import {
  compileSpace,
  formatPath,
  type JournalEvent,
  type LearnerState,
  learnsAlike,
  type Negotiation,
  negotiation,
  type PathProblem,
  type Plan,
  type Space,
  validatePlanValue,
} from '@parley/core'
import type { StoredEvent } from '@parley/server/contract'
import { useMemo, useRef } from 'react'

export type Validation =
  | { ok: true; plan: Plan; space: Space; warnings: PathProblem[] }
  | { ok: false; errors: PathProblem[]; warnings: PathProblem[] }

export interface Derivation {
  validation: Validation | undefined
  /** The last valid plan and its space: the draft when valid, else the one before, else the saved plan. */
  current: { plan: Plan; space: Space } | undefined
  journal: JournalEvent[]
  derived: Negotiation | undefined
}

export function validate(draft: Plan): Validation {
  const result = validatePlanValue(draft)
  return result.ok
    ? { ok: true, plan: result.plan, space: compileSpace(result.plan), warnings: result.warnings }
    : { ok: false, errors: result.errors, warnings: result.warnings }
}

/**
 * The server's learner state when it was learned on the plan being computed: the saved plan at the
 * version it names, shown unchanged (an edited draft is another plan: its figures are learned here).
 */
export function resumableLearning(
  learned: { state: LearnerState; version: number } | undefined,
  record: { plan: Plan; version: number } | undefined,
  draft: Plan | undefined,
): LearnerState | undefined {
  return learned && record && learned.version === record.version && draft === record.plan
    ? learned.state
    : undefined
}

/**
 * `learned`: the server's learner state for the saved plan, when the draft is that plan: opening a
 * negotiation resumes it instead of learning every move again (core checks it fits the journal,
 * and learns from scratch when it does not), with exactly the same figures.
 */
export function useDerivation(
  draft: Plan | undefined,
  saved: Plan | undefined,
  events: readonly StoredEvent[],
  learned?: LearnerState,
): Derivation {
  const validation = useMemo(() => (draft ? validate(draft) : undefined), [draft])

  // Computations use the last valid plan, so the numbers stay while someone is mid-edit.
  const lastValid = useRef<{ plan: Plan; space: Space }>(undefined)
  if (validation?.ok) lastValid.current = { plan: validation.plan, space: validation.space }
  if (!lastValid.current && saved) {
    const checked = validatePlanValue(saved)
    if (checked.ok) lastValid.current = { plan: checked.plan, space: compileSpace(checked.plan) }
  }
  const space = lastValid.current?.space

  const journal = useMemo(() => events.map((entry) => entry.event), [events])
  // The journal grows a move at a time: the posterior learns only the new move when the plan is the
  // same, or edited only where learning does not look (a title, our weights, our limits).
  const previous = useRef<{ space: Space; derived: Negotiation }>(undefined)
  const derived = useMemo(() => {
    if (!space) return undefined
    const kept = previous.current
    const before = kept && learnsAlike(kept.space, space) ? kept.derived : undefined
    const next = negotiation(space, journal, before, learned)
    previous.current = { space, derived: next }
    return next
  }, [space, journal, learned])
  return { validation, current: lastValid.current, journal, derived }
}

export interface FieldProblem {
  path: string
  message: string
  severity: 'error' | 'warning'
}

/** The draft's errors and warnings, each at the path of the field that edits it (`issues[2].us.weight`). */
export function planProblems(validation: Validation): FieldProblem[] {
  return [
    ...(validation.ok ? [] : validation.errors.map((p) => ({ ...p, severity: 'error' as const }))),
    ...validation.warnings.map((p) => ({ ...p, severity: 'warning' as const })),
  ].map((p) => ({ path: formatPath(p.at), message: p.message, severity: p.severity }))
}

/** Problems at a path exactly. */
export function problemsAt(
  problems: readonly FieldProblem[],
  path: string,
): { message: string; severity: FieldProblem['severity'] }[] {
  return problems.filter((p) => p.path === path).map(({ message, severity }) => ({ message, severity }))
}

/** Problems at a path or below it. */
export function problemsUnder(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  )
}
