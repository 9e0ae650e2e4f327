/**
 * Epsilon mode: a frontier with a proven bound, for plans whose exact frontier is too large.
 *
 * Each merge step keeps, per cell of width `d` in U_us, the state with the highest U_them (and an
 * issue's levels are thinned the same way first), so one step loses less than 2d in U_us and
 * nothing in U_them. After n issues every true frontier point is within 2nd in U_us of a kept
 * state that is at least as good for them. A final greedy cover of the staircase keeps a point
 * within `cover` of every other in both coordinates. With d = E / (4n) and cover = E / 2, every
 * true frontier point lies within E of a returned one in both coordinates. A step's work is
 * (points so far) x (levels), and the points so far are at most the cells so far, so an upper
 * bound of the whole cost is known before starting (`epsilonWork`).
 */
import { emptyStaircase, type LevelSet, type Staircase, StaircaseBuilder } from './staircase'

/** The per-step cell width and the final cover distance, in points, for a bound E over n issues. */
export function epsilonBudget(epsilon: number, issueCount: number): { stepUs: number; cover: number } {
  return { stepUs: epsilon / (4 * Math.max(1, issueCount)), cover: epsilon / 2 }
}

/** Keeps, per cell of U_us, the level with the highest U_them. */
export function thinLevels(levels: LevelSet, cell: number): LevelSet {
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

/**
 * One merge step of epsilon mode: F ⊕ levels (already thinned to one per cell, `thinLevels`),
 * bucketed by cells of width `cell` (raw units) in U_us. Each non-empty cell keeps the candidate
 * best for them (then for us, then first in level-major order), and the kept points are cleaned
 * into a staircase from the highest cell down.
 *
 * Two ways to the same result: with few cells, one array slot per cell and a sweep over every
 * candidate (fast, streaming); with many more cells than candidates (a small epsilon on a plan with
 * a small frontier), a merge of the level copies by cell that meets only the non-empty cells, so
 * the cost follows the candidates, not the cells.
 */
export function thinnedStep(
  base: Staircase,
  levels: LevelSet,
  cell: number,
  tolUs: number,
  tolThem: number,
): Staircase {
  if (levels.level.length === 0 || base.size === 0) return emptyStaircase()
  return sparse(base, levels, cell)
    ? sparseStep(base, levels, cell, tolUs, tolThem)
    : denseStep(base, levels, cell, tolUs, tolThem)
}

/** A candidate of the sparse merge costs about this many units of the work budget (a heap step). */
const SPARSE_CANDIDATE_WORK = 16

/** How many cells the dense way would allocate for this step. */
function cellCount(base: Staircase, levels: LevelSet, cell: number): number {
  let maxUs = 0
  for (let j = 0; j < levels.level.length; j++) maxUs = Math.max(maxUs, levels.us[j] ?? 0)
  return Math.floor(((base.us[0] ?? 0) + maxUs) / cell) + 1
}

/** What each way costs, in the budget's units: the dense way pays for every cell, the sparse way a heap step per candidate. */
function stepCosts(base: Staircase, levels: LevelSet, cell: number): { dense: number; sparse: number } {
  const candidates = base.size * levels.level.length
  return { dense: cellCount(base, levels, cell) + candidates, sparse: candidates * SPARSE_CANDIDATE_WORK }
}

function sparse(base: Staircase, levels: LevelSet, cell: number): boolean {
  const costs = stepCosts(base, levels, cell)
  return costs.sparse < costs.dense
}

/** The work of one step, in the budget's units, known before it starts (the cheaper way's). */
export function thinnedStepWork(base: Staircase, levels: LevelSet, cell: number): number {
  const costs = stepCosts(base, levels, cell)
  return Math.min(costs.dense, costs.sparse)
}

/** One slot per cell, every candidate tried in level-major order. */
export function denseStep(
  base: Staircase,
  levels: LevelSet,
  cell: number,
  tolUs: number,
  tolThem: number,
): Staircase {
  const m = levels.level.length
  const cells = cellCount(base, levels, cell)
  const bestThem = new Float64Array(cells).fill(Number.NEGATIVE_INFINITY)
  const bestUs = new Float64Array(cells)
  const parent = new Int32Array(cells).fill(-1)
  const level = new Int32Array(cells).fill(-1)
  const bu = base.us
  const bt = base.them
  for (let j = 0; j < m; j++) {
    const du = levels.us[j] as number
    const dt = levels.them[j] as number
    const lv = levels.level[j] as number
    for (let p = 0; p < base.size; p++) {
      const u = (bu[p] as number) + du
      const t = (bt[p] as number) + dt
      const c = Math.floor(u / cell)
      const current = bestThem[c] as number
      if (t > current || (t === current && u > (bestUs[c] as number))) {
        bestThem[c] = t
        bestUs[c] = u
        parent[c] = p
        level[c] = lv
      }
    }
  }
  const kept = keeper(tolUs, tolThem)
  for (let c = cells - 1; c >= 0; c--) {
    const t = bestThem[c] as number
    if (t !== Number.NEGATIVE_INFINITY)
      kept.offer(bestUs[c] as number, t, parent[c] as number, level[c] as number)
  }
  return kept.staircase()
}

/**
 * The kept points, offered from the highest cell down: one no better for them than the last kept is
 * dropped; one within the tolerance of the last in U_us replaces it.
 */
function keeper(tolUs: number, tolThem: number) {
  const out = new StaircaseBuilder(64)
  let best = Number.NEGATIVE_INFINITY
  return {
    offer(u: number, t: number, parent: number, level: number) {
      if (t <= best + tolThem) return
      if (out.size > 0 && (out.us[out.size - 1] as number) - u <= tolUs) out.pop()
      out.push(u, t, parent, level)
      best = t
    },
    staircase: () => out.finish(),
  }
}

/** A merge of the level copies by cell, highest first, meeting only the non-empty cells. */
export function sparseStep(
  base: Staircase,
  levels: LevelSet,
  cell: number,
  tolUs: number,
  tolThem: number,
): Staircase {
  const m = levels.level.length
  const n = base.size
  const bu = base.us
  const bt = base.them
  const lu = levels.us
  const lt = levels.them
  // Per copy (level j): the base point it is at, and the cell of that candidate.
  const pos = new Int32Array(m)
  const headCell = new Float64Array(m)
  const cellOf = (j: number) => Math.floor(((bu[pos[j] as number] as number) + (lu[j] as number)) / cell)
  // A binary max-heap of copies by their head's cell.
  const heap = new Int32Array(m)
  let heapSize = 0
  const siftDown = (start: number) => {
    let k = start
    const item = heap[k] as number
    for (;;) {
      const left = 2 * k + 1
      if (left >= heapSize) break
      const right = left + 1
      const child =
        right < heapSize &&
        (headCell[heap[right] as number] as number) > (headCell[heap[left] as number] as number)
          ? right
          : left
      if ((headCell[heap[child] as number] as number) <= (headCell[item] as number)) break
      heap[k] = heap[child] as number
      k = child
    }
    heap[k] = item
  }
  for (let j = 0; j < m; j++) {
    headCell[j] = cellOf(j)
    heap[heapSize++] = j
  }
  for (let k = (heapSize >> 1) - 1; k >= 0; k--) siftDown(k)

  const kept = keeper(tolUs, tolThem)
  while (heapSize > 0) {
    const c = headCell[heap[0] as number] as number
    // The cell's best candidate: highest U_them, then highest U_us, then first by (level, point).
    let winT = Number.NEGATIVE_INFINITY
    let winU = 0
    let winJ = -1
    let winP = -1
    while (heapSize > 0 && headCell[heap[0] as number] === c) {
      const j = heap[0] as number
      let p = pos[j] as number
      for (; p < n; p++) {
        const u = (bu[p] as number) + (lu[j] as number)
        if (Math.floor(u / cell) !== c) break
        const t = (bt[p] as number) + (lt[j] as number)
        if (
          t > winT ||
          (t === winT && (u > winU || (u === winU && (j < winJ || (j === winJ && p < winP)))))
        ) {
          winT = t
          winU = u
          winJ = j
          winP = p
        }
      }
      pos[j] = p
      if (p < n) headCell[j] = cellOf(j)
      else heap[0] = heap[--heapSize] as number
      siftDown(0)
    }
    kept.offer(winU, winT, winP, levels.level[winJ] as number)
  }
  return kept.staircase()
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
