import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priorBeliefs } from '../inference/beliefs'
import { compileSpace } from '../scoring/space'
import { runs } from '../testing/property-runs'
import { syntheticPlan } from '../testing/synthetic'
import { type Candidate, canChooseSet, chooseSet, setKey } from './choose-set'

const space = compileSpace(syntheticPlan(5, 3))
const beliefs = priorBeliefs(space, { samples: 40 })
const theirUtility = (levels: ArrayLike<number>) => {
  let total = 0
  for (const issue of space.issues) total += issue.gain.them[levels[issue.index] ?? 0] ?? 0
  return total / space.totalWeight.them
}

/**
 * Pools as MESO's window gives them (up to 16 bundles), over few issues and levels so that bundles
 * often differ on one issue only: sets are hard to complete, and a first-come greedy pass often
 * ends in a dead end.
 */
const pools = fc
  .uniqueArray(fc.array(fc.nat(2), { minLength: 5, maxLength: 5 }), {
    minLength: 0,
    maxLength: 16,
    selector: (levels) => levels.join(','),
  })
  .map((bundles): Candidate[] =>
    bundles.map((levels) => ({ levels: Int32Array.from(levels), weights: new Float64Array(5).fill(0.2) })),
  )

describe('canChooseSet', () => {
  it('is whether chooseSet returns a full set, with or without sets already answered', () => {
    fc.assert(
      fc.property(
        pools,
        fc.constantFrom(2, 3),
        fc.array(fc.array(fc.nat(15), { minLength: 3, maxLength: 3 }), { maxLength: 4 }),
        (pool, count, picks) => {
          // Sets already answered, made of the pool's own bundles so that they can recur.
          const answered = new Set(
            picks
              .map((pick) => pick.slice(0, count).map((k) => pool[k % Math.max(pool.length, 1)]?.levels))
              .filter((set): set is Int32Array[] => set.every((levels) => levels !== undefined))
              .map(setKey),
          )
          const chosen = chooseSet(space, pool, count, beliefs, theirUtility, answered)
          expect(canChooseSet(space, pool, count, beliefs, theirUtility, answered)).toBe(
            chosen.length >= count,
          )
        },
      ),
      { numRuns: runs(400) },
    )
  })
})
