/**
 * Which issue an evidence item's range speaks to, one rule for every place that compares a term
 * with the evidence (the reality test's standards, the warnings on a bundle beyond our evidence,
 * the fairness story's "in line with"): the item's own `issue` when it names one; else the numeric
 * issue in the item's unit — the anchor's, for evidence the anchor cites, when several share the
 * unit; none when several share it otherwise (a salary's market range says nothing about a
 * development budget, though both are in USD/year).
 */
import type { Plan } from './plan'

export interface IssueUnit {
  id: string
  unit: string
  numeric: boolean
}

export function evidenceIssue(
  plan: Pick<Plan, 'anchor' | 'evidence'>,
  issues: readonly IssueUnit[],
  index: number,
): string | undefined {
  const item = plan.evidence?.[index]
  if (!item) return undefined
  if (item.issue !== undefined) return item.issue
  const unit = item.unit?.trim().toLowerCase()
  if (!unit) return undefined
  const same = issues.filter((issue) => issue.numeric && issue.unit.trim().toLowerCase() === unit)
  // The anchor settles which of several issues in that unit; evidence it cites in another unit (a
  // delivery cost behind a price's rationale) speaks to no issue's level.
  const anchored = plan.anchor?.evidence?.includes(index) ? plan.anchor.issue : undefined
  if (anchored !== undefined && same.some((issue) => issue.id === anchored)) return anchored
  return same.length === 1 ? same[0]?.id : undefined
}
