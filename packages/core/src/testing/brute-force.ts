/**
 * Reference answers by enumerating every bundle, for property tests of the optimiser. Written
 * straight from the definitions (no staircases, no pruning), so they share no logic with it.
 */
import type { Beliefs } from '../inference/beliefs'
import { type CompiledConstraint, constraintHolds } from '../scoring/constraints'
import { offerFromLevels, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { allBundles } from './arbitraries'

export const TOL = 1e-9

export interface Scored {
  levels: number[]
  us: number
  them: number
}

/** Every bundle meeting the constraints, with its utilities (as `parley score` computes them). */
export function enumerate(space: Space, constraints: readonly CompiledConstraint[] = []): Scored[] {
  const out: Scored[] = []
  for (const levels of allBundles(space.issues.map((issue) => issue.levels.length))) {
    const offer = offerFromLevels(space, levels)
    if (!constraints.every((constraint) => constraintHolds(constraint, offer.values))) continue
    const { us, them } = utilityOf(space, offer)
    out.push({ levels, us, them })
  }
  return out
}

function beats(a: { us: number; them: number }, b: { us: number; them: number }): boolean {
  return a.us >= b.us - TOL && a.them >= b.them - TOL && (a.us > b.us + TOL || a.them > b.them + TOL)
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0)
  }
  return false
}

/**
 * The frontier by definition: bundles no bundle beats, pairs equal within 1e-9 counted once (with
 * the lexicographically smallest bundle), sorted by U_us descending. Quadratic: keep it small.
 */
export function bruteFrontier(bundles: readonly Scored[]): Scored[] {
  const unbeaten = bundles.filter((b) => !bundles.some((a) => beats(a, b)))
  const groups: Scored[] = []
  for (const b of unbeaten) {
    const same = groups.findIndex((g) => Math.abs(g.us - b.us) <= TOL && Math.abs(g.them - b.them) <= TOL)
    if (same < 0) groups.push(b)
    else if (lexLess(b.levels, (groups[same] as Scored).levels)) groups[same] = b
  }
  return groups.sort((a, b) => b.us - a.us)
}

/**
 * Their expected utility of a bundle under a posterior, summed sample by sample from the definition:
 * each sample's weights times the scores, an issue's scores reversed where the sample flipped it.
 */
export function expectedTheirUtility(space: Space, beliefs: Beliefs, levels: readonly number[]): number {
  let expected = 0
  beliefs.samples.forEach((w, s) => {
    let u = 0
    for (const issue of space.issues) {
      const score = issue.score.them[levels[issue.index] ?? 0] ?? 0
      u += (w[issue.index] ?? 0) * (beliefs.flipped?.[s]?.[issue.index] ? 100 - score : score)
    }
    expected += (beliefs.probability[s] ?? 0) * u
  })
  return expected
}
