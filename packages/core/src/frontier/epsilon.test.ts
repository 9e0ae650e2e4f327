import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../testing/property-runs'
import { denseStep, sparseStep, thinLevels, thinnedStep } from './epsilon'
import { type LevelSet, paretoLevels, type Staircase } from './staircase'

/**
 * The step as defined, cell by cell: one array slot per cell, every (level, point) candidate tried
 * in level-major order, a candidate replacing the kept one only when strictly better for them, or
 * as good for them and better for us. The sparse merge must give exactly this.
 */
function definition(base: Staircase, levels: LevelSet, cell: number, tolUs: number, tolThem: number) {
  const m = levels.level.length
  let maxUs = 0
  for (let j = 0; j < m; j++) maxUs = Math.max(maxUs, levels.us[j] ?? 0)
  const cells = Math.floor(((base.us[0] ?? 0) + maxUs) / cell) + 1
  const bestThem = new Float64Array(cells).fill(Number.NEGATIVE_INFINITY)
  const bestUs = new Float64Array(cells)
  const parent = new Int32Array(cells).fill(-1)
  const level = new Int32Array(cells).fill(-1)
  for (let j = 0; j < m; j++)
    for (let p = 0; p < base.size; p++) {
      const u = (base.us[p] ?? 0) + (levels.us[j] ?? 0)
      const t = (base.them[p] ?? 0) + (levels.them[j] ?? 0)
      const c = Math.floor(u / cell)
      const current = bestThem[c] ?? Number.NEGATIVE_INFINITY
      if (t > current || (t === current && u > (bestUs[c] ?? 0))) {
        bestThem[c] = t
        bestUs[c] = u
        parent[c] = p
        level[c] = levels.level[j] ?? -1
      }
    }
  const out = { us: [] as number[], them: [] as number[], parent: [] as number[], level: [] as number[] }
  let best = Number.NEGATIVE_INFINITY
  for (let c = cells - 1; c >= 0; c--) {
    const t = bestThem[c] ?? Number.NEGATIVE_INFINITY
    if (t === Number.NEGATIVE_INFINITY || t <= best + tolThem) continue
    const u = bestUs[c] ?? 0
    if (out.us.length > 0 && (out.us.at(-1) ?? 0) - u <= tolUs) {
      out.us.pop()
      out.them.pop()
      out.parent.pop()
      out.level.pop()
    }
    out.us.push(u)
    out.them.push(t)
    out.parent.push(parent[c] ?? -1)
    out.level.push(level[c] ?? -1)
    best = t
  }
  return out
}

/** A clean staircase from any points: by U_us descending, keeping each that is better for them. */
function staircaseOf(points: readonly [number, number][]): Staircase {
  const sorted = [...points].sort((a, b) => b[0] - a[0] || b[1] - a[1])
  const kept: [number, number][] = []
  for (const point of sorted) {
    const last = kept.at(-1)
    if (last && point[1] <= last[1]) continue
    if (last && last[0] === point[0]) kept.pop()
    kept.push(point)
  }
  return {
    size: kept.length,
    us: Float64Array.from(kept, (p) => p[0]),
    them: Float64Array.from(kept, (p) => p[1]),
    parent: new Int32Array(kept.length).fill(-1),
    level: new Int32Array(kept.length).fill(-1),
  }
}

// Small integers, so that equal cells, equal utilities and exact ties all happen often.
const pointArb = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))

describe('thinnedStep, sparse and dense, against the cell-by-cell definition', () => {
  it('keeps exactly the same points, parents and levels, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 25 }),
        fc.array(pointArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(0.5, 1, 2, 3, 7.5),
        fc.constantFrom(0, 1e-9),
        (basePoints, gains, cell, tol) => {
          const base = staircaseOf(basePoints)
          const levels = thinLevels(
            paretoLevels(
              gains.map((g) => g[0]),
              gains.map((g) => g[1]),
              undefined,
              tol,
              tol,
            ),
            cell,
          )
          const expected = definition(base, levels, cell, tol, tol)
          for (const step of [sparseStep, denseStep, thinnedStep]) {
            const got = step(base, levels, cell, tol, tol)
            expect(Array.from(got.us)).toEqual(expected.us)
            expect(Array.from(got.them)).toEqual(expected.them)
            expect(Array.from(got.parent)).toEqual(expected.parent)
            expect(Array.from(got.level)).toEqual(expected.level)
          }
        },
      ),
      { numRuns: runs(500) },
    )
  })

  it('costs what the points cost, not what the cells cost: a tiny cell over a small staircase', () => {
    const base = staircaseOf([
      [90, 10],
      [60, 40],
      [20, 80],
    ])
    const levels: LevelSet = {
      us: Float64Array.of(50, 0),
      them: Float64Array.of(0, 50),
      level: Int32Array.of(0, 1),
    }
    // 1e-7-wide cells: 1.4e9 of them under the dense definition (11 GB of arrays); the step goes sparse.
    const step = thinnedStep(base, levels, 1e-7, 0, 0)
    expect(Array.from(step.us)).toEqual([140, 110, 90, 70, 60, 20])
    expect(Array.from(step.them)).toEqual([10, 40, 60, 80, 90, 130])
  })
})
