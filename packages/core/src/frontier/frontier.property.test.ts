import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRequirements } from '../scoring/constraints'
import { offerFromLevels, utilityOf } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { bruteFrontier, enumerate, type Scored, TOL } from '../testing/brute-force'
import { runs } from '../testing/property-runs'
import { kalaiSmorodinskyIndex, maxJointIndex, nashIndex } from './bargaining'
import { computeFrontier, type Frontier } from './frontier'
import { disagreementPoint, effectiveReservation, frontierReport } from './report'

const small = (shape: Parameters<typeof planArb>[0]) =>
  planArb(shape).filter((plan) => compileSpace(plan).outcomes <= 2500)

function levelsAt(frontier: Frontier, k: number): number[] {
  return Array.from(frontier.levels.subarray(k * frontier.issueCount, (k + 1) * frontier.issueCount))
}

function expectSameFrontier(frontier: Frontier, expected: Scored[], space: ReturnType<typeof compileSpace>) {
  expect(frontier.size).toBe(expected.length)
  for (let k = 0; k < frontier.size; k++) {
    const want = expected[k] as Scored
    expect(Math.abs((frontier.us[k] ?? 0) - want.us)).toBeLessThanOrEqual(TOL)
    expect(Math.abs((frontier.them[k] ?? 0) - want.them)).toBeLessThanOrEqual(TOL)
    // The bundle reported reaches the pair, and is the lexicographically smallest that does.
    const levels = levelsAt(frontier, k)
    const utility = utilityOf(space, offerFromLevels(space, levels))
    expect(utility.us).toBe(frontier.us[k])
    expect(utility.them).toBe(frontier.them[k])
    expect(levels).toEqual(want.levels)
  }
}

describe('computeFrontier (against brute force)', () => {
  it('equals the frontier by definition on random plans', () => {
    fc.assert(
      fc.property(small({ maxIssues: 4, maxLevels: 6 }), (plan) => {
        const space = compileSpace(plan)
        const result = computeFrontier(space)
        expect(result.ok).toBe(true)
        if (result.ok) expectSameFrontier(result.frontier, bruteFrontier(enumerate(space)), space)
      }),
      { numRuns: runs(300) },
    )
  })

  it('equals it with many exact ties (round weights and scores)', () => {
    fc.assert(
      fc.property(small({ maxIssues: 5, maxLevels: 5, ties: true }), (plan) => {
        const space = compileSpace(plan)
        const result = computeFrontier(space)
        if (result.ok) expectSameFrontier(result.frontier, bruteFrontier(enumerate(space)), space)
        else expect.unreachable()
      }),
      { numRuns: runs(300) },
    )
  })

  it('counts only bundles meeting single-issue and sum rules, and limits', () => {
    fc.assert(
      fc.property(small({ maxIssues: 4, maxLevels: 5, constraints: true, ties: true }), (plan) => {
        const space = compileSpace(plan)
        const requirements = compileRequirements(space)
        const constraints = [...requirements.rule, ...requirements.limits]
        const result = computeFrontier(space, { constraints })
        if (result.ok)
          expectSameFrontier(result.frontier, bruteFrontier(enumerate(space, constraints)), space)
        else expect.unreachable()
      }),
      { numRuns: runs(300) },
    )
  })

  it('finds the bargaining points and the zone of agreement that brute force finds', () => {
    fc.assert(
      fc.property(small({ maxIssues: 4, maxLevels: 5, constraints: true }), fc.boolean(), (plan, rule) => {
        const space = compileSpace(plan)
        const requirements = compileRequirements(space)
        const result = frontierReport(space, { rule })
        if (!result.ok) return expect.unreachable()
        const { report } = result
        const all = enumerate(space, rule ? requirements.rule : [])
        const d = disagreementPoint(space)
        const rational = all.filter((b) => b.us >= d.us && b.them >= d.them)
        // Nash
        const nash = Math.max(...rational.map((b) => (b.us - d.us) * (b.them - d.them)))
        if (rational.length === 0) expect(report.nash).toBeNull()
        else
          expect(
            Math.abs((report.nash!.us - d.us) * (report.nash!.them - d.them) - nash),
          ).toBeLessThanOrEqual(1e-6)
        // Max joint
        if (all.length === 0) expect(report.maxJoint).toBeNull()
        else
          expect(
            Math.abs(
              report.maxJoint!.us + report.maxJoint!.them - Math.max(...all.map((b) => b.us + b.them)),
            ),
          ).toBeLessThanOrEqual(1e-9)
        // Kalai–Smorodinsky, over the brute-force frontier
        const frontier = bruteFrontier(all)
        const maxUs = Math.max(...all.filter((b) => b.them >= d.them).map((b) => b.us))
        const maxThem = Math.max(...all.filter((b) => b.us >= d.us).map((b) => b.them))
        const ks = (b: Scored) =>
          Math.min(
            maxUs > d.us ? (b.us - d.us) / (maxUs - d.us) : 1,
            maxThem > d.them ? (b.them - d.them) / (maxThem - d.them) : 1,
          )
        const candidates = frontier.filter((b) => b.us >= d.us && b.them >= d.them)
        if (candidates.length === 0) expect(report.kalaiSmorodinsky).toBeNull()
        else
          expect(
            Math.abs(ks(report.kalaiSmorodinsky as unknown as Scored) - Math.max(...candidates.map(ks))),
          ).toBeLessThanOrEqual(1e-6)
        // Zone of agreement
        const limited = enumerate(space, [...(rule ? requirements.rule : []), ...requirements.limits])
        const reservation = effectiveReservation(space)
        expect(report.zopa).toBe(limited.some((b) => b.us >= reservation - 1e-9 && b.them >= d.them - 1e-9))
      }),
      { numRuns: runs(300) },
    )
  })
})

describe('epsilon mode', () => {
  it('returns real bundles and covers every true frontier point within epsilon', () => {
    fc.assert(
      fc.property(
        small({ maxIssues: 5, maxLevels: 6, constraints: true }),
        fc.constantFrom(0.5, 2, 5, 10),
        (plan, epsilon) => {
          const space = compileSpace(plan)
          const constraints = compileRequirements(space).rule
          const result = computeFrontier(space, { constraints, epsilon })
          if (!result.ok) return expect.unreachable()
          const { frontier } = result
          expect(frontier.bound).toBe(epsilon)
          const truth = bruteFrontier(enumerate(space, constraints))
          for (let k = 0; k < frontier.size; k++) {
            const utility = utilityOf(space, offerFromLevels(space, levelsAt(frontier, k)))
            expect(utility.us).toBeCloseTo(frontier.us[k] ?? 0, 9)
          }
          for (const point of truth) {
            let covered = false
            for (let k = 0; k < frontier.size && !covered; k++) {
              covered =
                (frontier.us[k] ?? 0) >= point.us - epsilon - TOL &&
                (frontier.them[k] ?? 0) >= point.them - epsilon - TOL
            }
            expect(covered).toBe(true)
          }
        },
      ),
      { numRuns: runs(200) },
    )
  })
})

describe('bargaining points on a hand-made frontier', () => {
  it('picks the points the definitions pick', () => {
    const frontier: Frontier = {
      size: 4,
      us: Float64Array.of(90, 70, 50, 20),
      them: Float64Array.of(10, 40, 60, 80),
      levels: new Int32Array(4),
      issueCount: 1,
      bound: 0,
    }
    const d = { us: 20, them: 10 }
    // products: 0, 1500, 1500, 0 -> first of the tie
    expect(nashIndex(frontier, d)).toBe(1)
    // sums: 100, 110, 110, 100
    expect(maxJointIndex(frontier)).toBe(1)
    // max_us 90, max_them 80: ratios min(50/70, 30/70)=.43, min(30/70, 50/70)=.43 -> first
    expect(kalaiSmorodinskyIndex(frontier, d)).toBe(1)
    expect(nashIndex(frontier, { us: 95, them: 0 })).toBe(-1)
  })
})
