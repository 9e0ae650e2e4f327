import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { disagreementPoint, effectiveReservation } from '../frontier/report'
import { TOLERANCE } from '../model/limits'
import { compileRequirements } from '../scoring/constraints'
import { formatDecimal, formatPoints } from '../scoring/figures'
import { offerFromLevels, readOffer, scoreOffer } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { enumerate, type Scored, TOL } from '../testing/brute-force'
import { runs } from '../testing/property-runs'
import { type MesoBundle, type MesoOptions, meso, TOLERANCE_LADDER } from './meso'

/** Plans with plausible walk-away points, so that most have a MESO set and the invariants get tested. */
const small = fc
  .tuple(
    planArb({ minIssues: 3, maxIssues: 6, maxLevels: 6, constraints: true }).filter(
      (plan) => compileSpace(plan).outcomes <= 4000,
    ),
    fc.integer({ min: 10, max: 35 }),
    fc.integer({ min: 10, max: 35 }),
    fc.integer({ min: 0, max: 10 }),
  )
  .map(([plan, us, them, above]) => ({
    ...plan,
    batna: { us: { utility: us }, them: { utility: them } },
    reservation: us + above,
  }))

/** Their utility of a bundle under a weight vector keyed by issue id, straight from the definition. */
function theirUtility(space: Space, weights: Record<string, number>, levels: readonly number[]): number {
  let total = 0
  let weight = 0
  for (const issue of space.issues) {
    const w = weights[issue.id] ?? 0
    total += w * (issue.score.them[levels[issue.index] ?? 0] ?? 0)
    weight += w
  }
  return total / weight
}

function levelsOf(space: Space, bundle: MesoBundle): number[] {
  const read = readOffer(space, bundle.terms)
  if (!read.ok) throw new Error('bundle terms do not read back')
  return Array.from(read.offer.levelIndex)
}

describe('meso (against brute force)', () => {
  it('keeps every invariant, and efficientFor holds by brute force', () => {
    fc.assert(
      fc.property(
        small,
        fc.constantFrom(2, 3),
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        fc.option(fc.double({ min: 20, max: 90, noNaN: true }), { nil: undefined }),
        (plan, count, tolerance, target) => {
          const space = compileSpace(plan)
          const result = meso(space, { count, tolerance, ...(target !== undefined ? { target } : {}) })
          const requirements = compileRequirements(space)
          const reservation = effectiveReservation(space)
          const theirBatna = disagreementPoint(space).them
          const all = enumerate(space)
          const inWindow = (b: Scored, t: number) => {
            const offer = offerFromLevels(space, b.levels)
            const score = scoreOffer(space, offer, requirements)
            return (
              score.meetsDecisionRule &&
              !score.breaksLimits &&
              b.us >= reservation - TOL &&
              b.them >= theirBatna - TOL &&
              Math.abs(b.us - t) <= tolerance + TOL
            )
          }
          if (!result.ok) {
            const { failure } = result
            expect(failure.message.length).toBeGreaterThan(10)
            if (failure.code === 'empty_window')
              expect(all.some((b) => inWindow(b, failure.target))).toBe(false)
            // Every failure the exact frontier explains: no bundle of the window exists at all.
            if (
              failure.code === 'no_rule_bundle' ||
              failure.code === 'limits_exclude_rule' ||
              failure.code === 'below_reservation' ||
              failure.code === 'below_their_batna' ||
              failure.code === 'target_too_high' ||
              failure.code === 'target_too_low'
            ) {
              expect(all.some((b) => inWindow(b, failure.target))).toBe(false)
            }
            return
          }
          const { set } = result
          expect(set.bundles).toHaveLength(count)
          const window = all.filter((b) => inWindow(b, set.target))
          const levels = set.bundles.map((bundle) => levelsOf(space, bundle))
          set.bundles.forEach((bundle, k) => {
            expect(bundle.label).toBe('ABC'[k])
            const mine = levels[k] as number[]
            // In the window: rule, limits, reservation, their BATNA, target.
            expect(window.some((b) => b.levels.every((level, i) => level === mine[i]))).toBe(true)
            expect(bundle.meetsDecisionRule).toBe(true)
            // Differs from every other bundle on at least two issues.
            levels.forEach((other, j) => {
              if (j !== k)
                expect(mine.filter((level, i) => level !== other[i]).length).toBeGreaterThanOrEqual(2)
            })
            // efficientFor: positive weights under which nothing in the window gives them more.
            const weights = bundle.efficientFor
            expect(Object.keys(weights).sort()).toEqual(space.issues.map((issue) => issue.id).sort())
            for (const w of Object.values(weights)) expect(w).toBeGreaterThan(0)
            const value = theirUtility(space, weights, mine)
            for (const b of window)
              expect(theirUtility(space, weights, b.levels)).toBeLessThanOrEqual(value + 1e-9)
            for (const id of bundle.emphasis) expect(space.byId.has(id)).toBe(true)
          })
          expect(new Set(set.bundles.map((bundle) => bundle.name)).size).toBe(count)
          expect(set.informativeness).toBeGreaterThanOrEqual(0)
          expect(set.informativeness).toBeLessThanOrEqual(Math.log2(count) + 1e-9)
        },
      ),
      { numRuns: runs(300) },
    )
  })

  it("with their pick and their utility's terms, gives the set it gives without the terms (which only spare the listing)", () => {
    fc.assert(
      fc.property(
        small,
        fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (plan, raw, height) => {
          const space = compileSpace(plan)
          // A learned estimate: weight shares of their own, as the journal's moves give.
          const total = space.issues.reduce((sum, issue) => sum + (raw[issue.index] ?? 1), 0)
          const terms = space.issues.map((issue) =>
            Float64Array.from(issue.score.them, (score) => ((raw[issue.index] ?? 1) / total) * score),
          )
          const theirUtility = (levels: ArrayLike<number>) =>
            space.issues.reduce(
              (sum, issue) => sum + (terms[issue.index]?.[levels[issue.index] ?? 0] ?? 0),
              0,
            )
          // Their pick somewhere between the least and the most the plan can give them.
          const values = enumerate(space).map((b) => theirUtility(b.levels))
          const theirPick = Math.min(...values) + height * (Math.max(...values) - Math.min(...values))
          const without = meso(space, { theirUtility, theirPick })
          expect(meso(space, { theirUtility, theirPick, theirTerms: terms })).toEqual(without)
        },
      ),
      { numRuns: runs(150) },
    )
  })

  it("a failure's suggestion is what the search finds there: the first lower target or the smallest wider tolerance with a set", () => {
    // Near a set the plan has (so that sets exist about the target), with their pick somewhere about
    // what that set gives them and, maybe, that set answered: the failures that suggest something.
    const nearASet = fc
      .tuple(small, fc.constantFrom(2, 3))
      .map(([plan, count]) => {
        const space = compileSpace(plan)
        return { space, count, first: meso(space, { count, tolerance: 3 }) }
      })
      .filter((drawn): drawn is typeof drawn & { first: { ok: true } } => drawn.first.ok)
    fc.assert(
      fc.property(
        nearASet,
        fc.double({ min: 0.25, max: 3, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { nil: undefined }),
        fc.boolean(),
        ({ space, count, first }, tolerance, shift, height, answerFirst) => {
          const them = first.set.bundles.map((bundle) => bundle.utility.them)
          const low = Math.min(...them)
          const theirPick = height === undefined ? undefined : low + height * (Math.max(...them) - low + 1)
          const options: MesoOptions = {
            count,
            tolerance,
            target: first.set.target + shift,
            answered: answerFirst ? [first.set.bundles.map((bundle) => levelsOf(space, bundle))] : [],
            ...(theirPick !== undefined ? { theirPick } : {}),
          }
          const result = meso(space, options)
          if (result.ok) return
          const { failure } = result
          const there = (changed: MesoOptions) => meso(space, { ...options, ...changed }).ok
          if (failure.code === 'below-their-pick') {
            const { theirPick: _, ...withoutPick } = options
            expect(meso(space, withoutPick).ok).toBe(true)
            // The probes, half a tolerance apart down to our reservation: the first with a set.
            const step = Math.max(tolerance / 2, 0.05)
            const reservation = effectiveReservation(space)
            let expected: number | null = null
            for (let k = 1; k <= 200; k++) {
              const probe = failure.target - k * step
              if (probe + tolerance < reservation - TOLERANCE) break
              if (there({ target: probe })) {
                expected = Math.round(probe * 100) / 100
                break
              }
            }
            expect(failure.suggestedTarget).toBe(expected)
            expect(failure.message).toContain(
              expected === null
                ? `no target above our reservation ${formatPoints(reservation)} has a set worth at least that to them`
                : `try a target of ${formatDecimal(expected)} or less`,
            )
            return
          }
          if (!['empty_window', 'already_answered', 'too_few'].includes(failure.code)) return
          const wider = TOLERANCE_LADDER.filter((value) => value > tolerance)
            .slice(0, 6)
            .find((value) => there({ tolerance: value }))
          expect(failure.suggestedTolerance).toBe(wider)
          if (failure.code === 'already_answered') expect(there({ answered: [] })).toBe(true)
        },
      ),
      { numRuns: runs(60) },
    )
  })

  it('finds a set on nearly every plan where a broad brute-force search of their priorities finds one', () => {
    const plans = fc.sample(
      planArb({ minIssues: 4, maxIssues: 6, maxLevels: 6 }).filter(
        (plan) => compileSpace(plan).outcomes <= 20_000,
      ),
      { numRuns: 80, seed: 42 },
    )
    let reference = 0
    let ours = 0
    for (const base of plans) {
      const plan = { ...base, batna: { us: { utility: 25 }, them: { utility: 25 } }, reservation: 35 }
      const space = compileSpace(plan)
      const result = meso(space)
      const target = result.ok ? result.set.target : result.failure.target
      // Reference: every bundle of the window that one of 1,500 random priority vectors (sparse and
      // dense) values most; is there a triple that pairwise differs on two issues?
      const requirements = compileRequirements(space)
      const window = enumerate(space).filter((b) => {
        const score = scoreOffer(space, offerFromLevels(space, b.levels), requirements)
        return (
          score.meetsDecisionRule &&
          !score.breaksLimits &&
          b.us >= 35 - TOL &&
          b.them >= 25 - TOL &&
          Math.abs(b.us - target) <= 2 + TOL
        )
      })
      const random = fc.sample(
        fc.array(fc.integer({ min: 1, max: 1000 }), {
          minLength: space.issues.length,
          maxLength: space.issues.length,
        }),
        { numRuns: 1500, seed: 7 },
      )
      const best = new Map<string, number[]>()
      for (const vector of random) {
        const weights = Object.fromEntries(space.issues.map((issue, i) => [issue.id, (vector[i] ?? 1) ** 3]))
        let top: Scored | undefined
        let value = Number.NEGATIVE_INFINITY
        for (const b of window) {
          const v = theirUtility(space, weights, b.levels)
          if (v > value) {
            value = v
            top = b
          }
        }
        if (top) best.set(top.levels.join(','), top.levels)
      }
      const found = [...best.values()]
      const differ = (a: number[], b: number[]) => a.filter((level, i) => level !== b[i]).length >= 2
      let triple = false
      for (let a = 0; a < found.length && !triple; a++)
        for (let b = a + 1; b < found.length && !triple; b++)
          for (let c = b + 1; c < found.length && !triple; c++)
            triple =
              differ(found[a]!, found[b]!) && differ(found[a]!, found[c]!) && differ(found[b]!, found[c]!)
      if (triple) reference++
      if (triple && result.ok) ours++
    }
    expect(reference).toBeGreaterThan(10)
    expect(ours / reference).toBeGreaterThanOrEqual(0.85)
  })
})
