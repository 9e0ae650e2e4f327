/**
 * Edits to one requirement on a bundle — a condition of the decision rule, a walk-away limit, the
 * limit an approver on their side holds — as the forms make them: one issue compared with one of
 * its levels (a list of them for `in`), or a weighted sum of numeric issues compared with a number.
 * Switching the issue, the operator or the kind brings the value along so that core can read the
 * result; what is still wrong (an empty `in` list, a missing number) is left for core to say.
 */
import { type Constraint, type IssueModel, type Level, levelKey, OPS, type Op } from '@parley/core'

/** What an edit needs to know of an issue: core's compiled issue has it. */
export type ConstraintIssue = Pick<IssueModel, 'id' | 'levels' | 'numeric'>

/** Text options compare only by equality; numbers take every operator. */
export function opsFor(issue: Pick<ConstraintIssue, 'numeric'> | undefined): readonly Op[] {
  return issue && !issue.numeric ? ['=', 'in'] : OPS
}

/** A sum is compared with a number, never with a list. */
export const SUM_OPS: readonly Op[] = OPS.filter((op) => op !== 'in')

/** The level a single-value operator starts from: one that lets every level through, so nothing is cut before it is chosen. */
function startingLevel(issue: ConstraintIssue, op: Op): Level | undefined {
  const levels = issue.levels
  if (!issue.numeric) return levels[0]
  return op === '>' || op === '>=' ? levels[0] : levels[levels.length - 1]
}

/** A new condition on one issue: everything passes until someone narrows it. */
export function issueConstraint(issue: ConstraintIssue): Constraint {
  return issue.numeric
    ? { issue: issue.id, op: '<=', value: startingLevel(issue, '<=') ?? 0 }
    : { issue: issue.id, op: 'in', value: [...issue.levels] }
}

/** A new weighted sum over the first numeric issue, at most its highest level; undefined when no issue is numeric. */
export function sumConstraint(issues: readonly ConstraintIssue[]): Constraint | undefined {
  const first = issues.find((issue) => issue.numeric)
  if (!first) return undefined
  return { sum: [{ issue: first.id, times: 1 }], op: '<=', value: startingLevel(first, '<=') ?? 0 }
}

/** The constraint about another issue: the operator stays when the issue takes it, the value restarts. */
export function withIssue(constraint: Constraint, issue: ConstraintIssue): Constraint {
  const op = opsFor(issue).includes(constraint.op) ? constraint.op : 'in'
  if (op === 'in') return { issue: issue.id, op, value: [...issue.levels] }
  return { issue: issue.id, op, value: startingLevel(issue, op) ?? 0 }
}

/**
 * Another operator. Moving to `in` makes the value a list of it; moving away from `in` keeps the
 * first level of the list; a sum keeps its number.
 */
export function withOp(constraint: Constraint, op: Op, issue: ConstraintIssue | undefined): Constraint {
  const value = constraint.value
  if (constraint.sum) return { ...constraint, op: op === 'in' ? '=' : op }
  if (op === 'in') return { ...constraint, op, value: Array.isArray(value) ? value : [value] }
  if (!Array.isArray(value)) return { ...constraint, op }
  const first = value[0] ?? (issue ? startingLevel(issue, op) : undefined)
  return { ...constraint, op, value: first ?? 0 }
}

/**
 * A level added to or taken from an `in` list, kept in the issue's own order (levels the issue
 * does not have stay at the end, for core to name). The list may end up empty: core says so.
 */
export function toggleLevel(
  constraint: Constraint,
  level: Level,
  chosen: boolean,
  issue: ConstraintIssue,
): Constraint {
  const current = Array.isArray(constraint.value) ? constraint.value : [constraint.value]
  const keys = new Set(current.map(levelKey))
  if (chosen) keys.add(levelKey(level))
  else keys.delete(levelKey(level))
  const ordered = issue.levels.filter((candidate) => keys.has(levelKey(candidate)))
  const strangers = current.filter(
    (value) => keys.has(levelKey(value)) && !issue.levels.some((l) => levelKey(l) === levelKey(value)),
  )
  return { ...constraint, op: 'in', value: [...ordered, ...strangers] }
}

/** The condition as a weighted sum, starting from its issue when that is numeric. */
export function asSum(constraint: Constraint, issues: readonly ConstraintIssue[]): Constraint {
  if (constraint.sum) return constraint
  const own = issues.find((issue) => issue.id === constraint.issue && issue.numeric)
  const start = sumConstraint(own ? [own] : issues)
  if (!start) return constraint
  const op = constraint.op === 'in' ? '<=' : constraint.op
  const value = typeof constraint.value === 'number' && own ? constraint.value : start.value
  return { ...start, op, value }
}

/** The sum as a condition on one issue: its first term's issue. */
export function asIssue(constraint: Constraint, issues: readonly ConstraintIssue[]): Constraint {
  if (!constraint.sum) return constraint
  const first = constraint.sum[0]?.issue
  const issue = issues.find((candidate) => candidate.id === first) ?? issues[0]
  return issue ? issueConstraint(issue) : constraint
}

/** One term of the sum changed. */
export function withTerm(
  constraint: Constraint,
  index: number,
  term: { issue?: string; times?: number },
): Constraint {
  if (!constraint.sum) return constraint
  return {
    ...constraint,
    sum: constraint.sum.map((current, k) => (k === index ? { ...current, ...term } : current)),
  }
}

/** Another term: the first numeric issue not yet summed (or the first numeric one), once. */
export function addTerm(constraint: Constraint, issues: readonly ConstraintIssue[]): Constraint {
  if (!constraint.sum) return constraint
  const used = new Set(constraint.sum.map((term) => term.issue))
  const numeric = issues.filter((issue) => issue.numeric)
  const next = numeric.find((issue) => !used.has(issue.id)) ?? numeric[0]
  if (!next) return constraint
  return { ...constraint, sum: [...constraint.sum, { issue: next.id, times: 1 }] }
}

/** A term taken out; the last one stays, since a sum needs one. */
export function removeTerm(constraint: Constraint, index: number): Constraint {
  if (!constraint.sum || constraint.sum.length <= 1) return constraint
  return { ...constraint, sum: constraint.sum.filter((_, k) => k !== index) }
}
