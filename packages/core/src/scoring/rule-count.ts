/**
 * How much of the outcome space a set of requirements leaves: the number of bundles that meet
 * them (the decision rule, with or without our limits), and per issue how many of its levels are
 * still in play, shown live while the rule is edited. A condition on one
 * issue counts by multiplication; the issues a sum names are enumerated together (their allowed
 * levels only), which stays cheap for the sums people write, and is refused past a limit.
 */
import type { Level } from '../model/plan'
import { type CompiledConstraint, constraintHolds } from './constraints'
import type { Space } from './space'

/** Most combinations of summed issues enumerated before the count gives up. */
const MOST_SUM_COMBINATIONS = 200_000

export type BundleCount =
  | { ok: true; count: number; outcomes: number }
  | { ok: false; combinations: number; limit: number }

/** For each issue, its levels that every single-issue requirement allows. */
function allowedLevels(space: Space, constraints: readonly CompiledConstraint[]): number[][] {
  return space.issues.map((issue) =>
    issue.levels
      .map((_, k) => k)
      .filter((k) =>
        constraints.every(
          (constraint) =>
            constraint.kind !== 'issue' || constraint.issue !== issue.index || constraint.allowed[k] === 1,
        ),
      ),
  )
}

/** The number of bundles of the space that meet every requirement. */
export function countBundles(
  space: Space,
  constraints: readonly CompiledConstraint[],
  limit = MOST_SUM_COMBINATIONS,
): BundleCount {
  const allowed = allowedLevels(space, constraints)
  const sums = constraints.filter((c): c is Extract<CompiledConstraint, { kind: 'sum' }> => c.kind === 'sum')
  const summed = [...new Set(sums.flatMap((sum) => sum.terms.map((term) => term.issue)))]
  let rest = 1
  allowed.forEach((levels, index) => {
    if (!summed.includes(index)) rest *= levels.length
  })
  if (summed.length === 0) return { ok: true, count: rest, outcomes: space.outcomes }

  const combinations = summed.reduce((product, index) => product * (allowed[index]?.length ?? 0), 1)
  if (combinations > limit) return { ok: false, combinations, limit }
  // An odometer over the summed issues' allowed levels; other issues stay unset, as no sum reads them.
  const values: Level[] = space.issues.map(() => Number.NaN)
  const position = summed.map(() => 0)
  let meeting = 0
  for (let done = 0; done < combinations; done++) {
    summed.forEach((index, k) => {
      const level = space.issues[index]?.levels[allowed[index]?.[position[k] ?? 0] ?? 0]
      if (level !== undefined) values[index] = level
    })
    if (sums.every((sum) => constraintHolds(sum, values))) meeting++
    for (let k = 0; k < position.length; k++) {
      const next = (position[k] ?? 0) + 1
      if (next < (allowed[summed[k] ?? 0]?.length ?? 0)) {
        position[k] = next
        break
      }
      position[k] = 0
    }
  }
  return { ok: true, count: meeting * rest, outcomes: space.outcomes }
}

export interface IssueInPlay {
  id: string
  /** Levels every single-issue requirement allows. */
  allowed: number
  levels: number
}

/** Per issue, how many of its levels the single-issue requirements leave (sums are not counted here). */
export function levelsInPlay(space: Space, constraints: readonly CompiledConstraint[]): IssueInPlay[] {
  const allowed = allowedLevels(space, constraints)
  return space.issues.map((issue) => ({
    id: issue.id,
    allowed: allowed[issue.index]?.length ?? 0,
    levels: issue.levels.length,
  }))
}
