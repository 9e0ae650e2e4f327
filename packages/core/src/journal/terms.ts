/** Terms inside events: complete bundles (offers, counters, agreements) and partial moves (gives, gets, exchanges). */
import type { Level, Terms } from '../model/plan'
import { type PathProblem, type PathSegment, pathError } from '../model/problem'
import { levelProblem } from '../plan/cross-check'
import { closest } from '../plan/schema-problems'
import { type Offer, readOffer } from '../scoring/offer'
import { findLevelIndex, type Space } from '../scoring/space'

export type TermsRead = { ok: true; offer: Offer } | { ok: false; errors: PathProblem[] }

/** A complete bundle written in an event. */
export function readBundle(space: Space, terms: Terms, at: readonly PathSegment[]): TermsRead {
  return readOffer(space, terms, at)
}

/** A bundle with some issues moved: every named issue and level must exist in the plan. */
export function applyTerms(space: Space, base: Offer, changes: Terms, at: readonly PathSegment[]): TermsRead {
  const errors: PathProblem[] = []
  const values: Level[] = [...base.values]
  const levelIndex = Int32Array.from(base.levelIndex)
  const ids = space.issues.map((issue) => issue.id)
  for (const [id, value] of Object.entries(changes)) {
    const issue = space.byId.get(id)
    if (!issue) {
      const hint = closest(id, ids)
      errors.push(
        pathError(
          'unknown_issue',
          [...at, id],
          `unknown issue '${id}'${hint ? ` (did you mean '${hint}'?)` : ` (issues: ${ids.join(', ')})`}`,
          'key',
        ),
      )
      continue
    }
    const problem = levelProblem(issue, value, false)
    if (problem) {
      errors.push(pathError(problem.code, [...at, id], problem.message))
      continue
    }
    values[issue.index] = value
    levelIndex[issue.index] = findLevelIndex(issue, value)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, offer: { values, levelIndex } }
}
