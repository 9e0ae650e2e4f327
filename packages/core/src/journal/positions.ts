/**
 * Each side's latest position: per issue, the level a side last offered, picked or moved to. What a
 * concession is worth is measured from these rather than from the table, since after their counter
 * the table is *their* counter: our move from 34 to 32 when they said 31 is a give of what 34 → 32
 * costs us, not a gain of what 31 → 32 earns.
 */
import { formatLevelWithUnit, inSentence } from '../language/levels'
import type { Level, Terms } from '../model/plan'
import type { Offer } from '../scoring/offer'
import type { IssueModel, Space } from '../scoring/space'
import { applyTerms } from './terms'

/** A bundle's levels as a position: on every issue, or on the named issues only. */
export function positionOf(space: Space, offer: Offer, issues?: Iterable<string>): Terms {
  const named = issues ? new Set(issues) : undefined
  const position: Terms = {}
  for (const issue of space.issues) {
    const value = offer.values[issue.index]
    if (value !== undefined && (!named || named.has(issue.id))) position[issue.id] = value
  }
  return position
}

/**
 * The bundle with a position laid over it: the position's level on every issue it holds, the
 * bundle's elsewhere. A position only ever holds levels replay has already checked against the
 * plan, so a level that does not fit is a bug.
 */
export function withPosition(space: Space, base: Offer, position: Terms): Offer {
  const laid = applyTerms(space, base, position, [])
  if (!laid.ok) throw new Error(`a position holds a level the plan does not have: ${laid.errors[0]?.message}`)
  return laid.offer
}

/** Whether two levels are the same (numbers equal up to rounding). */
export function sameLevel(a: Level | undefined, b: Level | undefined): boolean {
  return typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
    : a === b
}

/** Issues on which two bundles differ. */
export function changedIssues(space: Space, from: Offer, to: Offer): IssueModel[] {
  return space.issues.filter((issue) => !sameLevel(from.values[issue.index], to.values[issue.index]))
}

/**
 * What moving from one bundle to another changes, in words, in plan order: `staff title review 6
 * months after start instead of 12 months after start` (the words the left-on-table warnings use).
 */
export function changesInWords(space: Space, from: Terms, to: Terms): string[] {
  return space.issues.flatMap((issue) => {
    const was = from[issue.id]
    const now = to[issue.id]
    if (was === undefined || now === undefined || sameLevel(was, now)) return []
    return [
      `${inSentence(issue.name)} ${formatLevelWithUnit(now, issue.unit)} instead of ${formatLevelWithUnit(was, issue.unit)}`,
    ]
  })
}
