/**
 * Whether two versions of a plan learn alike: the learner reads only the other side's part of each
 * issue (its levels, their preference with its confidence and direction, their weight share), so an
 * edit anywhere else (a title, our weights, our limits, a note) leaves what it learned as it is, and
 * a negotiation can continue from the one before the edit instead of learning every move again.
 */
import type { Space } from '../scoring/space'

const keys = new WeakMap<Space, string>()

function learningKey(space: Space): string {
  const known = keys.get(space)
  if (known !== undefined) return known
  const key = JSON.stringify(
    space.issues.map((issue) => [
      issue.id,
      issue.levels,
      issue.min,
      issue.max,
      issue.preference.them,
      space.share.them[issue.index],
    ]),
  )
  keys.set(space, key)
  return key
}

/** True when a learner of one space learns exactly what a learner of the other would. */
export function learnsAlike(a: Space, b: Space): boolean {
  return a === b || learningKey(a) === learningKey(b)
}
