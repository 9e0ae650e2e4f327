/**
 * Epsilon mode: a frontier with a proven bound, for plans whose exact frontier is too large.
 *
 * Each merge step keeps, per cell of width `d` in U_us, the state with the highest U_them (and an
 * issue's levels are thinned the same way first), so one step loses less than 2d in U_us and
 * nothing in U_them. After n issues every true frontier point is within 2nd in U_us of a kept
 * state that is at least as good for them. A final greedy cover of the staircase keeps a point
 * within `cover` of every other in both coordinates. With d = E / (4n) and cover = E / 2, every
 * true frontier point lies within E of a returned one in both coordinates. Work per step is at
 * most (cells so far) x (levels), so the cost is known before starting.
 */
import type { LevelSet, Staircase } from './staircase'

/** The per-step cell width and the final cover distance, in points, for a bound E over n issues. */
export function epsilonBudget(epsilon: number, issueCount: number): { stepUs: number; cover: number } {
  return { stepUs: epsilon / (4 * Math.max(1, issueCount)), cover: epsilon / 2 }
}

/** Keeps, per cell of U_us, the level with the highest U_them. */
function thinLevels(levels: LevelSet, cell: number): LevelSet {
  const byCell = new Map<number, number>()
  for (let j = 0; j < levels.level.length; j++) {
    const c = Math.floor((levels.us[j] ?? 0) / cell)
    const current = byCell.get(c)
    if (current === undefined || (levels.them[j] ?? 0) > (levels.them[current] ?? 0)) byCell.set(c, j)
  }
  const kept = [...byCell.values()].sort((a, b) => (levels.us[b] ?? 0) - (levels.us[a] ?? 0))
  return {
    us: Float64Array.from(kept, (j) => levels.us[j] ?? 0),
    them: Float64Array.from(kept, (j) => levels.them[j] ?? 0),
    level: Int32Array.from(kept, (j) => levels.level[j] ?? 0),
  }
}

/** One merge step of epsilon mode: F ⊕ levels, bucketed by cells of width `cell` (raw units) in U_us. */
export function thinnedStep(
  base: Staircase,
  allLevels: LevelSet,
  cell: number,
  tolUs: number,
  tolThem: number,
): Staircase {
  const levels = thinLevels(allLevels, cell)
  const m = levels.level.length
  if (m === 0 || base.size === 0) {
    return {
      size: 0,
      us: new Float64Array(0),
      them: new Float64Array(0),
      parent: new Int32Array(0),
      level: new Int32Array(0),
    }
  }
  let maxUs = 0
  for (let j = 0; j < m; j++) maxUs = Math.max(maxUs, levels.us[j] ?? 0)
  const cells = Math.floor(((base.us[0] ?? 0) + maxUs) / cell) + 1
  const bestThem = new Float64Array(cells).fill(Number.NEGATIVE_INFINITY)
  const bestUs = new Float64Array(cells)
  const parent = new Int32Array(cells).fill(-1)
  const level = new Int32Array(cells).fill(-1)
  const bu = base.us
  const bt = base.them
  for (let j = 0; j < m; j++) {
    const du = levels.us[j] ?? 0
    const dt = levels.them[j] ?? 0
    const lv = levels.level[j] ?? 0
    for (let p = 0; p < base.size; p++) {
      const u = (bu[p] ?? 0) + du
      const t = (bt[p] ?? 0) + dt
      const c = Math.floor(u / cell)
      const current = bestThem[c] ?? Number.NEGATIVE_INFINITY
      if (t > current || (t === current && u > (bestUs[c] ?? 0))) {
        bestThem[c] = t
        bestUs[c] = u
        parent[c] = p
        level[c] = lv
      }
    }
  }
  const us: number[] = []
  const them: number[] = []
  const parents: number[] = []
  const lvls: number[] = []
  let best = Number.NEGATIVE_INFINITY
  for (let c = cells - 1; c >= 0; c--) {
    const t = bestThem[c] ?? Number.NEGATIVE_INFINITY
    if (t === Number.NEGATIVE_INFINITY || t <= best + tolThem) continue
    const u = bestUs[c] ?? 0
    if (us.length > 0 && (us[us.length - 1] ?? 0) - u <= tolUs) {
      us.pop()
      them.pop()
      parents.pop()
      lvls.pop()
    }
    us.push(u)
    them.push(t)
    parents.push(parent[c] ?? -1)
    lvls.push(level[c] ?? -1)
    best = t
  }
  return {
    size: us.length,
    us: Float64Array.from(us),
    them: Float64Array.from(them),
    parent: Int32Array.from(parents),
    level: Int32Array.from(lvls),
  }
}

/**
 * A greedy cover: keeps points so that every point of the staircase has a kept one at most
 * `dUs` below it in U_us and `dThem` below it in U_them. `parent` indexes the input; `level` is -1.
 */
export function coverStaircase(staircase: Staircase, dUs: number, dThem: number): Staircase {
  const kept: number[] = []
  let i = 0
  const { us, them, size } = staircase
  while (i < size) {
    const floor = (us[i] ?? 0) - dUs
    let c = i
    while (c + 1 < size && (us[c + 1] ?? 0) >= floor) c++
    kept.push(c)
    const ceiling = (them[c] ?? 0) + dThem
    i = c + 1
    while (i < size && (them[i] ?? 0) <= ceiling) i++
  }
  return {
    size: kept.length,
    us: Float64Array.from(kept, (k) => us[k] ?? 0),
    them: Float64Array.from(kept, (k) => them[k] ?? 0),
    parent: Int32Array.from(kept),
    level: new Int32Array(kept.length).fill(-1),
  }
}
