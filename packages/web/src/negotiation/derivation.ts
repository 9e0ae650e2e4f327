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
  movesToLearn,
  type Negotiation,
  negotiation,
  type PathProblem,
  type Plan,
  type Space,
  validatePlanValue,
} from '@parley/core'
import type { StoredEvent } from '@parley/server/contract'
import { useEffect, useMemo, useRef } from 'react'
import { useBackgroundLearning } from './background-learning'

export type Validation =
  | { ok: true; plan: Plan; space: Space; warnings: PathProblem[] }
  | { ok: false; errors: PathProblem[]; warnings: PathProblem[] }

export interface Derivation {
  validation: Validation | undefined
  /**
   * The plan every figure is computed on, and its space: the last valid plan (the draft when valid,
   * else the one before, else the saved plan) — or, while that plan's moves are being learned off
   * the page (`learning`), the one computed before it, so that the figures shown always belong together.
   */
  current: { plan: Plan; space: Space } | undefined
  /** The journal `derived` replays (the one before the latest while `learning`). */
  journal: JournalEvent[]
  derived: Negotiation | undefined
  /** The latest plan or journal is being learned off the page; `derived` is still the one before. */
  learning: boolean
}

/**
 * Moves the page learns itself when it must (a move recorded, learned from the one before: 20–40 ms
 * in Chromium on the examples); more than that is learned off the page.
 */
export const MOVES_LEARNED_HERE = 1

interface Computed {
  plan: Plan
  space: Space
  journal: JournalEvent[]
  derived: Negotiation
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
 * and learns from scratch when it does not), with exactly the same figures. When more than
 * `MOVES_LEARNED_HERE` moves would still be learned (no state from the server, or an edit to what
 * learning reads), they are learned off the page and resumed when learned; meanwhile the figures
 * before stay (or, on opening, there are none yet).
 */
export function useDerivation(
  draft: Plan | undefined,
  saved: Plan | undefined,
  events: readonly StoredEvent[],
  learned?: LearnerState,
): Derivation {
  const background = useBackgroundLearning()
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
  const shown = useRef<Computed>(undefined)
  const elsewhere = background.learned
  const computed = useMemo((): { shown: Computed } | { wanted: Omit<Computed, 'derived'> } | undefined => {
    // The plan is the space's (set together above); the space alone says when it changed.
    const plan = lastValid.current?.plan
    if (!plan || !space) return undefined
    const kept = shown.current
    const before = kept && learnsAlike(kept.space, space) ? kept.derived : undefined
    // What was learned off the page for this very space, unless the server's state knows more moves.
    const offPage = elsewhere?.space === space ? elsewhere.state : undefined
    const snapshot = offPage && (!learned || offPage.observed > learned.observed) ? offPage : learned
    if (background.available && movesToLearn(space, journal, before, snapshot) > MOVES_LEARNED_HERE)
      return { wanted: { plan, space, journal } }
    const next: Computed = {
      plan,
      space,
      journal,
      derived: negotiation(space, journal, before, snapshot),
    }
    shown.current = next
    return { shown: next }
  }, [space, journal, learned, elsewhere, background.available])
  const wanted = computed && 'wanted' in computed ? computed.wanted : undefined
  const { request } = background
  useEffect(() => {
    if (wanted) request(wanted.space, wanted.plan, wanted.journal)
  }, [wanted, request])
  const current = computed && 'shown' in computed ? computed.shown : shown.current
  return {
    validation,
    current: current && { plan: current.plan, space: current.space },
    journal: current?.journal ?? journal,
    derived: current?.derived,
    learning: wanted !== undefined,
  }
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
