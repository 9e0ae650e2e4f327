/**
 * Face-saving variants for their approval path: bundles worth the same to us, shaped so that their
 * approver can report a win on the headline term (price held with a service credit, a phased ramp,
 * a pilot before the full price). Which limits a bundle breaks is `scoring/approval.ts`.
 */

import { disagreementPoint } from '../frontier/report'
import { bestForThem, searchProblem } from '../meso/search'
import type { ApprovalLimit, Terms } from '../model/plan'
import { compileConstraint, compileRequirements } from '../scoring/constraints'
import { type Offer, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'

export interface FaceSavingVariant {
  /** The headline term their approver can report, and its level. */
  headline: { issue: string; level: string | number }
  terms: Terms
  utility: { us: number; them: number }
  /** Issues where we make up the value instead. */
  compensation: string[]
}

/** The issue their approver reports on: the one an approval limit names, else the one they weigh most (by our estimate). */
export function headlineIssue(
  space: Space,
  limits: readonly ApprovalLimit[] = space.plan.parties.them.approvalLimits ?? [],
): string | undefined {
  const named = limits.find((limit) => limit.issue !== undefined)?.issue
  if (named) return named
  let best: string | undefined
  let share = -1
  for (const issue of space.issues) {
    if ((space.share.them[issue.index] ?? 0) > share) {
      share = space.share.them[issue.index] ?? 0
      best = issue.id
    }
  }
  return best
}

/**
 * Up to `count` variants of a bundle they like: each sets the headline issue one or more levels in
 * their favour, keeps U_us within `tolerance` of the bundle's, meets the rule, our limits and their
 * approval limits, and is the best such bundle for them under our estimate.
 */
export function faceSavingVariants(
  space: Space,
  base: Offer,
  options: { count?: number; tolerance?: number; headline?: string } = {},
): FaceSavingVariant[] {
  const headlineId = options.headline ?? headlineIssue(space)
  const issue = headlineId ? space.byId.get(headlineId) : undefined
  if (!issue) return []
  const tolerance = options.tolerance ?? 1
  const count = options.count ?? 2
  const current = base.levelIndex[issue.index] ?? -1
  const currentScore = current >= 0 ? (issue.score.them[current] ?? 0) : -1
  // Headline levels better for them than the base, best first.
  const better = issue.levels
    .map((_, k) => k)
    .filter((k) => (issue.score.them[k] ?? 0) > currentScore + 1e-9)
    .sort((a, b) => (issue.score.them[b] ?? 0) - (issue.score.them[a] ?? 0))
  const requirements = compileRequirements(space)
  const approval = (space.plan.parties.them.approvalLimits ?? []).map(
    ({ approver: _approver, ...constraint }, k) =>
      compileConstraint(space, constraint, ['parties', 'them', 'approvalLimits', k]),
  )
  const us = utilityOf(space, base).us
  const variants: FaceSavingVariant[] = []
  for (const k of better) {
    if (variants.length >= count) break
    const mask = Uint8Array.from(issue.levels, (_, j) => (j === k ? 1 : 0))
    const pinned = {
      kind: 'issue' as const,
      source: { issue: issue.id, op: '=' as const, value: issue.levels[k] ?? 0 },
      path: '',
      text: '',
      issue: issue.index,
      allowed: mask,
      test: () => true,
    }
    const problem = searchProblem(space, {
      usLow: us - tolerance,
      usHigh: us + tolerance,
      themLow: disagreementPoint(space).them,
      constraints: [...requirements.rule, ...requirements.limits, ...approval, pinned],
    })
    const levels = bestForThem(problem, space.share.them)
    if (!levels) continue
    const terms: Terms = {}
    const compensation: string[] = []
    let gu = 0
    let gt = 0
    for (const other of space.issues) {
      const level = levels[other.index] ?? 0
      const value = other.levels[level]
      if (value !== undefined) terms[other.id] = value
      if (other !== issue && level !== base.levelIndex[other.index]) compensation.push(other.id)
      gu += other.gain.us[level] ?? 0
      gt += other.gain.them[level] ?? 0
    }
    if (variants.some((variant) => JSON.stringify(variant.terms) === JSON.stringify(terms))) continue
    variants.push({
      headline: { issue: issue.id, level: issue.levels[k] ?? '' },
      terms,
      utility: { us: gu / space.totalWeight.us, them: gt / space.totalWeight.them },
      compensation,
    })
  }
  return variants
}
