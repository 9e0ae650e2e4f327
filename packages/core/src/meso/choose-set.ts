/**
 * Choosing a MESO set from the candidate pool: the most informative set of bundles that pairwise
 * differ on two issues or more and was not offered before (`chooseSet`), and whether there is one
 * at all (`canChooseSet`), which a failure's explanation asks of each target and tolerance it tries.
 */

import { type Beliefs, choiceInformation, utilityTable } from '../inference/beliefs'
import type { Space } from '../scoring/space'

/** A bundle of the window (level indexes) with the weight vector for them under which it is their best. */
export interface Candidate {
  levels: Int32Array
  weights: Float64Array
}

/** A set's identity whatever the order or labels of its bundles. */
export function setKey(bundles: readonly ArrayLike<number>[]): string {
  return bundles
    .map((levels) => Array.from(levels).join(','))
    .sort()
    .join('|')
}

function differingIssues(a: Int32Array, b: Int32Array): number {
  let count = 0
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++
  return count
}

/** Every fourth sample, each carrying the probability of itself and the three after it. */
function everyFourth(beliefs: Beliefs): Beliefs {
  const kept = Math.ceil(beliefs.samples.length / 4)
  const probability = new Float64Array(kept)
  for (let s = 0; s < beliefs.probability.length; s++)
    probability[s >> 2] = (probability[s >> 2] as number) + (beliefs.probability[s] as number)
  const flipped = beliefs.flipped
  return {
    samples: Array.from({ length: kept }, (_, k) => beliefs.samples[4 * k] as Float64Array),
    probability,
    seed: beliefs.seed,
    ...(flipped ? { flipped: Array.from({ length: kept }, (_, k) => flipped[4 * k] as Uint8Array) } : {}),
  }
}

/** The most informative set of `count` candidates that pairwise differ on two issues or more (greedy, then one round of swaps). */
export function chooseSet(
  space: Space,
  pool: Candidate[],
  count: number,
  beliefs: Beliefs,
  theirUtility: (levels: ArrayLike<number>) => number,
  answered: ReadonlySet<string> = new Set(),
): Candidate[] {
  if (pool.length < count) return compatibleSubset(pool, count, answered)
  // The search compares sets on a quarter of the samples (each standing for the three after it);
  // the set's reported figure uses all of them.
  const fourth = everyFourth(beliefs)
  const table = utilityTable(
    space,
    fourth,
    pool.map((candidate) => candidate.levels),
  )
  const attractive = pool.map((candidate) => theirUtility(candidate.levels))
  const fits = pool.map((a) => pool.map((b) => differingIssues(a.levels, b.levels) >= 2))
  const compatible = (set: number[], k: number) => set.every((j) => fits[j]?.[k] === true)
  const gain = choiceInformation(table, fourth.probability)
  // Information first; attractiveness to them (U_them under the current estimate) breaks near-ties:
  // ten points more for them on average weighs as much as 0.05 bits.
  // A set already offered teaches little more than it did: never propose it again.
  // The sets already answered, as bit masks of pool indexes (only those made of pool bundles can
  // recur; a pool holds at most 16 candidates, meso's POOL, so a mask fits a 32-bit integer).
  const indexOf = new Map(pool.map((candidate, k) => [candidate.levels.join(','), k]))
  const answeredSets = new Set<number>()
  for (const key of answered) {
    const indexes = key.split('|').map((levels) => indexOf.get(levels))
    if (indexes.every((k) => k !== undefined))
      answeredSets.add(indexes.reduce((mask, k) => mask | (1 << k), 0))
  }
  const repeats = (set: number[]) => {
    if (answeredSets.size === 0 || set.length !== count) return false
    let mask = 0
    for (const k of set) mask |= 1 << k
    return answeredSets.has(mask)
  }
  const value = (set: number[]) => {
    if (repeats(set)) return Number.NEGATIVE_INFINITY
    let appeal = 0
    for (const k of set) appeal += attractive[k] as number
    return gain(set) + (0.005 * appeal) / set.length
  }
  let best: number[] = []
  let bestValue = Number.NEGATIVE_INFINITY
  for (let a = 0; a < pool.length; a++) {
    for (let b = a + 1; b < pool.length; b++) {
      if (fits[a]?.[b] !== true) continue
      const v = value([a, b])
      if (v > bestValue) {
        bestValue = v
        best = [a, b]
      }
    }
  }
  if (best.length === 0) return compatibleSubset(pool, count, answered)
  while (best.length < count) {
    let next = -1
    let nextValue = Number.NEGATIVE_INFINITY
    for (let k = 0; k < pool.length; k++) {
      if (best.includes(k) || !compatible(best, k)) continue
      const v = value([...best, k])
      if (v > nextValue) {
        nextValue = v
        next = k
      }
    }
    if (next < 0) break
    best = [...best, next]
    bestValue = nextValue
  }
  if (best.length === count) {
    // One round of single swaps, in case the greedy start was not the best.
    for (let slot = 0; slot < best.length; slot++) {
      for (let k = 0; k < pool.length; k++) {
        if (best.includes(k)) continue
        const trial = best.map((j, s) => (s === slot ? k : j))
        if (!trial.every((j, s) => trial.every((other, t) => t <= s || fits[j]?.[other] === true))) continue
        const v = value(trial)
        if (v > bestValue + 1e-12) {
          bestValue = v
          best = trial
        }
      }
    }
    return best.map((k) => pool[k] as Candidate)
  }
  const fallback = compatibleSubset(pool, count, answered)
  return fallback.length > best.length ? fallback : best.map((k) => pool[k] as Candidate)
}

/** Some set of mutually compatible candidates, as large as a greedy pass finds (at most `count`). */
function compatibleSubset(
  pool: Candidate[],
  count: number,
  answered: ReadonlySet<string> = new Set(),
): Candidate[] {
  let best: Candidate[] = []
  for (let start = 0; start < pool.length; start++) {
    const set = [pool[start] as Candidate]
    for (const candidate of pool) {
      if (set.length >= count) break
      if (set.every((other) => differingIssues(other.levels, candidate.levels) >= 2)) set.push(candidate)
    }
    if (set.length >= count && answered.has(setKey(set.map((c) => c.levels)))) continue
    if (set.length > best.length) best = set
    if (best.length >= count) break
  }
  return best
}

/**
 * Whether `chooseSet` returns a full set, without weighing any set where that is already known:
 * `chooseSet` returns one exactly when its greedy pass by information reaches one or when its
 * fallback, `compatibleSubset`, does, so where the fallback reaches one the answer is yes.
 */
export function canChooseSet(
  space: Space,
  pool: Candidate[],
  count: number,
  beliefs: Beliefs,
  theirUtility: (levels: ArrayLike<number>) => number,
  answered: ReadonlySet<string> = new Set(),
): boolean {
  return (
    compatibleSubset(pool, count, answered).length >= count ||
    chooseSet(space, pool, count, beliefs, theirUtility, answered).length >= count
  )
}
