/**
 * Offers: a bundle's terms as a person writes them (`{"price": 120000, "support": "premium"}`),
 * checked against the plan, and scored: both utilities, the decision rule, our limits, and the
 * margins over our reservation and each side's BATNA.
 */
import { type Level, LevelSchema, type Terms } from '../model/plan'
import { type PathProblem, type PathSegment, pathError } from '../model/problem'
import { levelProblem } from '../plan/cross-check'
import { closest } from '../plan/schema-problems'
import { compileRequirements, constraintHolds, type Requirements } from './constraints'
import { type Points, points, type Utility } from './points'
import { findLevelIndex, type Space, scoreLevel } from './space'

/** A checked bundle: one value per issue (by issue index), with its grid level where it has one. */
export interface Offer {
  values: readonly Level[]
  /** Index of each value among its issue's levels; -1 for an off-grid value inside a range. */
  levelIndex: Int32Array
}

export type OfferRead = { ok: true; offer: Offer } | { ok: false; errors: PathProblem[] }

/**
 * Checks terms against the plan: every issue present, nothing unknown, options that exist,
 * range values inside the range (off-grid values are allowed there). `{ "terms": {...} }` is
 * accepted as well as the bare map.
 */
export function readOffer(space: Space, raw: unknown, at: readonly PathSegment[] = []): OfferRead {
  let terms = raw
  let base = [...at]
  if (isRecord(raw) && isRecord(raw.terms) && Object.keys(raw).length === 1 && !space.byId.has('terms')) {
    terms = raw.terms
    base = [...base, 'terms']
  }
  if (!isRecord(terms)) {
    return {
      ok: false,
      errors: [pathError('invalid_type', base, 'an offer must be a map from issue id to level')],
    }
  }
  const errors: PathProblem[] = []
  const ids = space.issues.map((issue) => issue.id)
  for (const key of Object.keys(terms)) {
    if (!space.byId.has(key)) {
      const hint = closest(key, ids)
      errors.push(
        pathError(
          'unknown_issue',
          [...base, key],
          `unknown issue '${key}'${hint ? ` (did you mean '${hint}'?)` : ` (issues: ${ids.join(', ')})`}`,
          'key',
        ),
      )
    }
  }
  const values: Level[] = []
  const levelIndex = new Int32Array(space.issues.length)
  const missing = space.issues.filter((issue) => terms[issue.id] === undefined)
  if (missing.length > 0) {
    const names = missing.map((issue) => `'${issue.id}' (${issue.name})`).join(', ')
    errors.push(
      pathError(
        'missing_issue',
        base,
        `no level for ${missing.length === 1 ? 'issue' : `${missing.length} issues:`} ${names}`,
      ),
    )
  }
  for (const issue of space.issues) {
    const value = terms[issue.id]
    if (value === undefined) continue
    const parsed = LevelSchema.safeParse(value)
    if (!parsed.success) {
      errors.push(pathError('invalid_type', [...base, issue.id], 'must be a number or a text naming a level'))
      continue
    }
    const problem = levelProblem(issue, parsed.data, false)
    if (problem) {
      errors.push(pathError(problem.code, [...base, issue.id], problem.message))
      continue
    }
    values[issue.index] = parsed.data
    levelIndex[issue.index] = findLevelIndex(issue, parsed.data)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, offer: { values, levelIndex } }
}

/** A bundle on the grid, from one level index per issue. */
export function offerFromLevels(space: Space, levels: ArrayLike<number>): Offer {
  const values = space.issues.map((issue) => {
    const level = issue.levels[levels[issue.index] ?? -1]
    if (level === undefined)
      throw new Error(`level ${levels[issue.index]} does not exist for issue ${issue.id}`)
    return level
  })
  return { values, levelIndex: Int32Array.from(values, (_, i) => levels[i] ?? -1) }
}

/** The terms of a bundle as a map from issue id to level, in plan order. */
export function termsOf(space: Space, offer: Offer): Terms {
  const terms: Terms = {}
  for (const issue of space.issues) {
    const value = offer.values[issue.index]
    if (value !== undefined) terms[issue.id] = value
  }
  return terms
}

/** Both sides' utility of a bundle, in points (theirs under our estimate). */
export function utilityOf(space: Space, offer: Offer): Utility {
  let us = 0
  let them = 0
  for (const issue of space.issues) {
    const k = offer.levelIndex[issue.index] ?? -1
    if (k >= 0) {
      us += issue.gain.us[k] ?? 0
      them += issue.gain.them[k] ?? 0
    } else {
      const value = offer.values[issue.index] ?? 0
      us += issue.preference.us.weight * scoreLevel(issue, 'us', value)
      them += issue.preference.them.weight * scoreLevel(issue, 'them', value)
    }
  }
  return { us: points(us / space.totalWeight.us), them: points(them / space.totalWeight.them) }
}

export interface RequirementCheck {
  /** `rollout <= 60` */
  text: string
  /** Where it is written in the plan: `decisionRule.require[0]`. */
  path: string
  met: boolean
}

export interface OfferScore {
  utility: Utility
  /** True when every item of the decision rule holds (and when the plan has none). */
  meetsDecisionRule: boolean
  /** U_us over our reservation, U_us over our BATNA, U_them over their BATNA; null when not in the plan. */
  margin: { reservation: Points | null; batnaUs: Points | null; batnaThem: Points | null }
  /** Each machine-checkable item of the decision rule. */
  ruleChecks: RequirementCheck[]
  /** Each of our walk-away limits. */
  limitChecks: RequirementCheck[]
  breaksLimits: boolean
}

export function scoreOffer(
  space: Space,
  offer: Offer,
  requirements: Requirements = compileRequirements(space),
): OfferScore {
  const utility = utilityOf(space, offer)
  const { plan } = space
  const check = (constraint: Requirements['rule'][number]): RequirementCheck => ({
    text: constraint.text,
    path: constraint.path,
    met: constraintHolds(constraint, offer.values),
  })
  const ruleChecks = requirements.rule.map(check)
  const limitChecks = requirements.limits.map(check)
  const over = (reference: number | undefined, value: number): Points | null =>
    reference === undefined ? null : points(value - reference)
  return {
    utility,
    meetsDecisionRule: ruleChecks.every((item) => item.met),
    margin: {
      reservation: over(plan.reservation, utility.us),
      batnaUs: over(plan.batna?.us?.utility, utility.us),
      batnaThem: over(plan.batna?.them?.utility, utility.them),
    },
    ruleChecks,
    limitChecks,
    breaksLimits: limitChecks.some((item) => !item.met),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
