import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { compileRequirements } from '../scoring/constraints'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { enumerate, TOL } from '../testing/brute-force'
import { runs } from '../testing/property-runs'
import { bestFirst, bestForThem, enumerateWindow, searchProblem, utilityUnder } from './search'

const small = planArb({ minIssues: 2, maxIssues: 6, maxLevels: 6, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 3000,
)

/** A window for us around some feasible bundle's U_us (so most windows hold bundles), and a floor for them. */
const window = fc.record({
  around: fc.nat(),
  below: fc.double({ min: 0, max: 1, noNaN: true }),
  width: fc.constantFrom(0, 0.5, 2, 10, 40),
  themFloor: fc.double({ min: 0, max: 0.8, noNaN: true }),
})

type WindowDraw = typeof window extends fc.Arbitrary<infer T> ? T : never

/** The plan's space, its bundles meeting the rule and our limits, and a window drawn around one of them. */
function windowOf(plan: Plan, { around, below, width, themFloor }: WindowDraw) {
  const space = compileSpace(plan)
  const { rule, limits } = compileRequirements(space)
  const constraints = [...rule, ...limits]
  const feasible = enumerate(space, constraints)
  const centre = feasible[around % Math.max(feasible.length, 1)]?.us ?? 50
  const low = centre - below * width
  const themLow = themFloor * Math.max(0, ...feasible.map((b) => b.them))
  const problem = searchProblem(space, { usLow: low, usHigh: low + width, themLow, constraints })
  return { space, feasible, low, themLow, problem }
}

describe('the MESO window search (against brute force)', () => {
  it('lists the window exactly, and finds the bundle a weight vector values most in it, with or without bundles known', () => {
    fc.assert(
      fc.property(
        small,
        window,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (plan, drawn, raw) => {
          const { space, feasible, low, themLow, problem } = windowOf(plan, drawn)
          const { around, width } = drawn
          const inside = feasible.filter(
            (b) => b.us >= low - TOL && b.us <= low + width + TOL && b.them >= themLow - TOL,
          )
          const listed = enumerateWindow(problem, 10_000)
          expect(listed?.map((levels) => Array.from(levels).join(',')).sort()).toEqual(
            inside.map((b) => b.levels.join(',')).sort(),
          )
          // The cap is exact: a window of exactly `cap` bundles is listed, one more is refused.
          expect(enumerateWindow(problem, inside.length)?.length).toBe(inside.length)
          if (inside.length > 0) expect(enumerateWindow(problem, inside.length - 1)).toBeUndefined()
          // Some weight on at least one issue; issues beyond the plan's are ignored.
          const weights: number[] = space.issues.map((issue) => raw[issue.index] ?? 0)
          if (!weights.some((w) => w > 0)) weights[0] = 1
          const best = bestForThem(problem, weights)
          if (inside.length === 0) {
            expect(best).toBeUndefined()
            return
          }
          expect(best).toBeDefined()
          const top = Math.max(...inside.map((b) => utilityUnder(space, weights, b.levels)))
          expect(utilityUnder(space, weights, best as Int32Array)).toBeCloseTo(top, 9)
          expect(inside.some((b) => b.levels.join(',') === Array.from(best as Int32Array).join(','))).toBe(
            true,
          )
          // Starting from bundles already known (the best among them included or not) finds the same one.
          const known = inside.filter((_, k) => k % 3 === around % 3).map((b) => Int32Array.from(b.levels))
          expect(Array.from(bestForThem(problem, weights, undefined, known) ?? [])).toEqual(
            Array.from(best as Int32Array),
          )
        },
      ),
      { numRuns: runs(300) },
    )
  })
})

describe('the window listed under a further floor (their pick, under a learned estimate)', () => {
  it('lists the same bundles in the same order as the listing filtered by that floor, and its cap counts only them', () => {
    fc.assert(
      fc.property(
        small,
        window,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (plan, drawn, raw, height) => {
          const { space, problem } = windowOf(plan, drawn)
          const { around } = drawn
          // A linear value as a learned estimate makes one: a term per issue and level.
          const terms = space.issues.map((issue) =>
            Float64Array.from(issue.score.them, (score) => (raw[issue.index] ?? 0) * score),
          )
          const value = (levels: ArrayLike<number>) =>
            space.issues.reduce(
              (total, issue) => total + (terms[issue.index]?.[levels[issue.index] ?? 0] ?? 0),
              0,
            )
          const all = enumerateWindow(problem, 10_000) ?? []
          const values = all.map(value)
          // Floors at, between and beyond the window's values, so bundles exactly at the floor are tried.
          const floor = values.length === 0 ? 0 : (values[around % values.length] as number) * (0.5 + height)
          const kept = all.filter((levels) => value(levels) >= floor - 1e-9)
          const listed = enumerateWindow(problem, 10_000, undefined, { terms, low: floor })
          // The listing may keep a bundle a hair below the floor (the caller's check decides it).
          expect(listed?.filter((levels) => value(levels) >= floor - 1e-9).map((l) => Array.from(l))).toEqual(
            kept.map((l) => Array.from(l)),
          )
          expect(listed?.every((levels) => value(levels) >= floor - 1e-6 * (1 + Math.abs(floor)))).toBe(true)
          if (kept.length > 0 && listed?.length === kept.length)
            expect(
              enumerateWindow(problem, kept.length - 1, undefined, { terms, low: floor }),
            ).toBeUndefined()
        },
      ),
      { numRuns: runs(300) },
    )
  })
})

describe('the order levels are tried in', () => {
  it('is the stable sort by o + lambda * u, highest first, for short and long issues alike', () => {
    // Few distinct values, so that ties are common and their order (by index) is tested too.
    const value = fc.constantFrom(0, 0.5, 1, 2.5, 7)
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 80 })
          .chain((k) =>
            fc.tuple(
              fc.array(value, { minLength: k, maxLength: k }),
              fc.array(value, { minLength: k, maxLength: k }),
              fc.constantFrom(0, 0.2, 1, 3),
            ),
          ),
        ([o, u, lambda]) => {
          const key = o.map((x, j) => x + lambda * (u[j] ?? 0))
          const expected = key.map((_, j) => j).sort((a, b) => (key[b] ?? 0) - (key[a] ?? 0))
          expect(Array.from(bestFirst(Float64Array.from(o), Float64Array.from(u), lambda))).toEqual(expected)
        },
      ),
      { numRuns: runs(300) },
    )
  })
})
