/**
 * Face-saving variants for their approval path: bundles worth the same to us, shaped so that their
 * approver can report a win on the headline term (price held with a service credit, a phased ramp,
 * a pilot before the full price). Judged under the current estimate of what they value (the
 * posterior once the journal has taught us something): a variant never pays for the headline with
 * what they value most, and is worth at least as much to them as the bundle on the table — a
 * variant that is a worse deal for them saves no one's face. Which limits a bundle breaks is
 * `scoring/approval.ts`.
 */

import { disagreementPoint } from '../frontier/report'
import { bestForThem, searchProblem } from '../frontier/search'
import { theirUtility } from '../journal/concessions'
import type { ApprovalLimit, Terms } from '../model/plan'
import { compileConstraint, compileRequirements } from '../scoring/constraints'
import { type Offer, offerFromLevels, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'

export interface FaceSavingVariant {
  /** The headline term their approver can report, and its level. */
  headline: { issue: string; level: string | number }
  terms: Terms
  /** Both sides' utility; theirs under the current estimate. */
  utility: { us: number; them: number }
  /** Issues where we make up the value instead: never one of their top two by the estimate. */
  compensation: string[]
}

/** The issue their approver reports on: the one an approval limit names, else the one they weigh most (by the estimate). */
export function headlineIssue(
  space: Space,
  limits: readonly ApprovalLimit[] = space.plan.parties.them.approvalLimits ?? [],
  weights: ArrayLike<number> = space.share.them,
): string | undefined {
  const named = limits.find((limit) => limit.issue !== undefined)?.issue
  if (named) return named
  return theirTop(space, weights, 1)[0]
}

/** The issues they weigh most under these weights, most first (ties in plan order). */
export function theirTop(space: Space, weights: ArrayLike<number>, count: number): string[] {
  return [...space.issues]
    .sort((a, b) => (weights[b.index] ?? 0) - (weights[a.index] ?? 0) || a.index - b.index)
    .slice(0, count)
    .map((issue) => issue.id)
}

export interface FaceSavingOptions {
  count?: number
  /** How far U_us may move from the bundle's, in points. */
  tolerance?: number
  headline?: string
  /** Their weights as the current estimate has them (shares by plan issue); the plan's estimate by default. */
  weights?: ArrayLike<number>
}

/**
 * Up to `count` variants of the bundle on the table: each sets the headline issue one or more
 * levels in their favour, keeps U_us within `tolerance` of the bundle's, meets the rule, our limits
 * and their approval limits, leaves their top two issues (by the estimate, the headline aside) where
 * the bundle has them, is the best such bundle for them under the estimate — and is offered only if
 * it is worth at least as much to them as the bundle itself.
 */
export function faceSavingVariants(
  space: Space,
  base: Offer,
  options: FaceSavingOptions = {},
): FaceSavingVariant[] {
  const weights = options.weights ?? space.share.them
  const headlineId =
    options.headline ?? headlineIssue(space, space.plan.parties.them.approvalLimits ?? [], weights)
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
  // What they value most is not the currency of face-saving: those issues stay where they are.
  const kept = theirTop(space, weights, 2)
    .filter((id) => id !== issue.id)
    .flatMap((id) => {
      const other = space.byId.get(id)
      const level = other ? (base.levelIndex[other.index] ?? -1) : -1
      if (!other) return []
      return [
        {
          kind: 'issue' as const,
          source: { issue: other.id, op: '=' as const, value: other.levels[level] ?? 0 },
          path: '',
          text: '',
          issue: other.index,
          // Off the grid, the level can not be kept by a bundle on it: no variant then.
          allowed: Uint8Array.from(other.levels, (_, j) => (j === level ? 1 : 0)),
          test: () => true,
        },
      ]
    })
  const us = utilityOf(space, base).us
  const theirs = theirUtility(space, weights, base)
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
      constraints: [...requirements.rule, ...requirements.limits, ...approval, ...kept, pinned],
    })
    const levels = bestForThem(problem, weights)
    if (!levels) continue
    const offer = offerFromLevels(space, levels)
    const them = theirUtility(space, weights, offer)
    // The best variant for them at this headline level is worth less to them than the table: none is.
    if (them < theirs - 1e-9) continue
    const terms: Terms = {}
    const compensation: string[] = []
    let gu = 0
    for (const other of space.issues) {
      const level = levels[other.index] ?? 0
      const value = other.levels[level]
      if (value !== undefined) terms[other.id] = value
      if (other !== issue && level !== base.levelIndex[other.index]) compensation.push(other.id)
      gu += other.gain.us[level] ?? 0
    }
    if (variants.some((variant) => JSON.stringify(variant.terms) === JSON.stringify(terms))) continue
    variants.push({
      headline: { issue: issue.id, level: issue.levels[k] ?? '' },
      terms,
      utility: { us: gu / space.totalWeight.us, them },
      compensation,
    })
  }
  return variants
}
