import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nashIndex } from '../frontier/bargaining'
import { mulberry32 } from '../random'
import { compileRequirements } from '../scoring/constraints'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { bruteFrontier, enumerate, TOL } from '../testing/brute-force'
import { runs } from '../testing/property-runs'
import { drawTruth } from './generators'
import { bestNashProduct, frontierDistance, nashShare, theirBestPoint, trueFrontier } from './measures'
import { simulationSettings } from './settings'
import { truthSpace } from './truth'

const tiny = planArb({ maxIssues: 3, maxLevels: 5, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 400,
)
const settings = simulationSettings()

/** A tiny plan, a counterpart's truth on it, and everything by brute force on the true space. */
const caseArb = fc
  .tuple(tiny, fc.constantFrom('prior' as const, 'perturbed' as const, 'reordered' as const), fc.nat())
  .map(([plan, generator, seed]) => {
    const space = compileSpace(plan)
    const rule = compileRequirements(space).rule
    const truth = drawTruth(space, generator, settings, mulberry32(seed))
    const bundles = enumerate(truthSpace(space, truth), rule)
    return { space, rule, truth, bundles, brute: bruteFrontier(bundles) }
  })

describe('the true frontier and the measures (against brute force)', () => {
  it('computes the frontier of the true preferences under the rule', () => {
    fc.assert(
      fc.property(caseArb, ({ space, rule, truth, brute }) => {
        const frontier = trueFrontier(space, truth, rule)
        expect(frontier.size).toBe(brute.length)
        brute.forEach((point, k) => {
          expect(Math.abs((frontier.us[k] ?? 0) - point.us)).toBeLessThanOrEqual(TOL)
          expect(Math.abs((frontier.them[k] ?? 0) - point.them)).toBeLessThanOrEqual(TOL)
        })
        const best = theirBestPoint(frontier)
        const most = Math.max(...brute.map((point) => point.them))
        if (best) expect(Math.abs(best.utility - most)).toBeLessThanOrEqual(TOL)
      }),
      { numRuns: runs(100) },
    )
  })

  it('puts every frontier bundle at distance 0, and any bundle at its brute-force distance', () => {
    fc.assert(
      fc.property(caseArb, ({ space, rule, truth, bundles, brute }) => {
        const frontier = trueFrontier(space, truth, rule)
        for (const point of brute) expect(frontierDistance(point, frontier)).toBeLessThanOrEqual(TOL)
        for (const bundle of bundles) {
          const expected = Math.min(...brute.map((f) => Math.hypot(bundle.us - f.us, bundle.them - f.them)))
          expect(Math.abs(frontierDistance(bundle, frontier) - expected)).toBeLessThanOrEqual(1e-7)
        }
      }),
      { numRuns: runs(100) },
    )
  })

  it('gives the Nash point a share of 1 and no bundle more', () => {
    fc.assert(
      fc.property(caseArb, ({ space, rule, truth, bundles }) => {
        const frontier = trueFrontier(space, truth, rule)
        const d = { us: space.plan.batna?.us?.utility ?? 0, them: truth.batna }
        const best = bestNashProduct(frontier, d)
        const byBrute = Math.max(
          0,
          ...bundles
            .filter((b) => b.us >= d.us && b.them >= d.them)
            .map((b) => (b.us - d.us) * (b.them - d.them)),
        )
        expect(Math.abs(best - byBrute)).toBeLessThanOrEqual(1e-6)
        const k = nashIndex(frontier, d)
        if (best > 0) {
          const nash = { us: frontier.us[k] ?? 0, them: frontier.them[k] ?? 0 }
          expect(nashShare(nash, best, d)).toBeCloseTo(1, 12)
          for (const bundle of bundles) expect(nashShare(bundle, best, d) ?? 0).toBeLessThanOrEqual(1 + 1e-9)
        } else expect(nashShare({ us: 100, them: 100 }, best, d)).toBeUndefined()
      }),
      { numRuns: runs(100) },
    )
  })
})
