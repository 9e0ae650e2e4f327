/**
 * What core says about a field of the plan, gathered for the field that edits it: the problems the
 * plan's check finds at its path (as `parley check` prints them), and the linter's findings on the
 * plan alone at that path (an anchor citing no evidence, a private figure in the rule's statement,
 * a reservation no bundle reaches), each with its fix. The linter runs once per valid plan, however
 * many sections ask. Findings that repeat a check's warning (no BATNA, reservation below it) are
 * left to the check, so nothing is said twice.
 */
import { type Finding, formatPath, lint, type Space } from '@parley/core'
import type { FieldProblem } from '../ui/controls'
import type { NegotiationModel } from './model'

/** Lint rules whose finding the plan's own check already gives as a warning at the same place. */
const SAID_BY_THE_CHECK = new Set([
  'no-batna',
  'no-reservation',
  'reservation-below-batna',
  'no-decision-rule',
])

const linted = new WeakMap<Space, Finding[]>()

/** The linter's findings on the plan alone (no journal, no phrases), computed once per space. */
export function planFindings(space: Space): Finding[] {
  const known = linted.get(space)
  if (known) return known
  const findings = lint({ space }).filter(
    (finding) => finding.place.document === 'plan' && !SAID_BY_THE_CHECK.has(finding.id),
  )
  linted.set(space, findings)
  return findings
}

/** Where in the plan a finding is, as core formats paths: `anchor.rationale`, `issues[3].tradeable`. */
export function findingPath(finding: Finding): string | undefined {
  return finding.place.document === 'plan' ? formatPath(finding.place.at) : undefined
}

/** The findings exactly at a path, as a field shows them: the finding, then what to do. */
export function findingsAt(findings: readonly Finding[], path: string): FieldProblem[] {
  return findings
    .filter((finding) => findingPath(finding) === path)
    .map((finding) => ({
      message: `${finding.message}. ${finding.fix}`,
      severity: finding.severity === 'error' ? 'error' : 'warning',
    }))
}

/** Whether `path` is `field` or lies inside it (`anchor.evidence[0]` inside `anchor.evidence`). */
export function isWithin(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`)
}

/**
 * The problems under a part of the plan that none of its fields shows (a field claims its own
 * path and everything below it), so a section can list them rather than drop them.
 */
export function unclaimed<P extends { path: string }>(
  problems: readonly P[],
  fields: readonly string[],
): P[] {
  return problems.filter((problem) => !fields.some((field) => isWithin(problem.path, field)))
}

/** Everything core says at a field's path: the check's problems, then the linter's findings. */
export function problemsFor(
  model: Pick<NegotiationModel, 'problemsAt' | 'space'>,
  path: string,
): FieldProblem[] {
  return [...model.problemsAt(path), ...findingsAt(planFindings(model.space), path)]
}

/**
 * The check's problems at a path and below it, for a control that edits a whole part (the list of
 * an `in` condition): those deeper say where (`value[1]: ...`).
 */
export function problemsBelow(model: Pick<NegotiationModel, 'problemsUnder'>, path: string): FieldProblem[] {
  return model.problemsUnder(path).map((problem) => ({
    message:
      problem.path === path
        ? problem.message
        : `${path.split('.').pop()}${problem.path.slice(path.length)}: ${problem.message}`,
    severity: problem.severity,
  }))
}
