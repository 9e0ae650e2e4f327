/**
 * What `parley frontier` reports: the frontier with a bundle per point, the bargaining points and
 * whether a zone of agreement exists, optionally restricted to bundles that meet the decision rule.
 */
import { TOLERANCE } from '../model/limits'
import type { Terms } from '../model/plan'
import { compileRequirements, type Requirements } from '../scoring/constraints'
import { type Points, points } from '../scoring/points'
import type { Space } from '../scoring/space'
import { type Disagreement, kalaiSmorodinskyIndex, maxJointIndex, nashIndex } from './bargaining'
import { computeFrontier, type Frontier, type FrontierOptions, type FrontierResult } from './frontier'

export interface FrontierPoint {
  us: Points
  them: Points
  terms: Terms
}

export interface FrontierReport {
  /** Size of the outcome space. */
  outcomes: number
  frontier: FrontierPoint[]
  nash: FrontierPoint | null
  kalaiSmorodinsky: FrontierPoint | null
  maxJoint: FrontierPoint | null
  /** Some bundle is at least our reservation for us, breaks none of our limits, and at least their BATNA for them. */
  zopa: boolean
  /** Whether only bundles meeting the decision rule counted. */
  rule: boolean
  /** Null for the exact frontier; otherwise every true frontier point lies within it, in both coordinates. */
  epsilon: number | null
  /** Each side's BATNA utility (0 where none is given): the disagreement point. */
  disagreement: Disagreement
}

export type FrontierReportResult =
  | { ok: true; report: FrontierReport }
  | Exclude<FrontierResult, { ok: true }>

export interface FrontierReportOptions {
  /** Count only bundles that meet the decision rule (every figure of the report). */
  rule?: boolean
  epsilon?: number
  maxPoints?: number
  onProgress?: FrontierOptions['onProgress']
}

/** Each side's BATNA utility, 0 where none is given. */
export function disagreementPoint(space: Space): Disagreement {
  return { us: space.plan.batna?.us?.utility ?? 0, them: space.plan.batna?.them?.utility ?? 0 }
}

/** Our reservation; without one, our BATNA utility; without that, 0. */
export function effectiveReservation(space: Space): number {
  return space.plan.reservation ?? space.plan.batna?.us?.utility ?? 0
}

/** The terms of frontier point k. */
function frontierTerms(space: Space, frontier: Frontier, k: number): Terms {
  const terms: Terms = {}
  const n = frontier.issueCount
  for (const issue of space.issues) {
    const level = issue.levels[frontier.levels[k * n + issue.index] ?? -1]
    if (level !== undefined) terms[issue.id] = level
  }
  return terms
}

export function frontierReport(
  space: Space,
  options: FrontierReportOptions = {},
  requirements: Requirements = compileRequirements(space),
): FrontierReportResult {
  const rule = options.rule === true
  const ruleConstraints = rule ? requirements.rule : []
  const common = {
    ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
    ...(options.maxPoints !== undefined ? { maxPoints: options.maxPoints } : {}),
  }
  const computed = computeFrontier(space, {
    ...common,
    constraints: ruleConstraints,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
  if (!computed.ok) return computed
  const { frontier } = computed
  const d = disagreementPoint(space)
  const point = (k: number): FrontierPoint | null =>
    k < 0
      ? null
      : {
          us: points(frontier.us[k] ?? 0),
          them: points(frontier.them[k] ?? 0),
          terms: frontierTerms(space, frontier, k),
        }

  // The zone of agreement also respects our limits, so it needs the frontier of that smaller set.
  let zopaFrontier = frontier
  if (requirements.limits.length > 0) {
    const limited = computeFrontier(space, {
      ...common,
      constraints: [...ruleConstraints, ...requirements.limits],
    })
    if (!limited.ok) return limited
    zopaFrontier = limited.frontier
  }
  const reservation = effectiveReservation(space)
  let zopa = false
  for (let k = 0; k < zopaFrontier.size && !zopa; k++) {
    zopa =
      (zopaFrontier.us[k] ?? 0) >= reservation - TOLERANCE &&
      (zopaFrontier.them[k] ?? 0) >= d.them - TOLERANCE
  }

  return {
    ok: true,
    report: {
      outcomes: space.outcomes,
      frontier: Array.from({ length: frontier.size }, (_, k) => point(k) as FrontierPoint),
      nash: point(nashIndex(frontier, d)),
      kalaiSmorodinsky: point(kalaiSmorodinskyIndex(frontier, d)),
      maxJoint: point(maxJointIndex(frontier)),
      zopa,
      rule,
      epsilon: frontier.bound > 0 ? frontier.bound : null,
      disagreement: d,
    },
  }
}
