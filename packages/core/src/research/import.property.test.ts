/**
 * Properties of the import over random linear additive profiles: the imported plan's U equals
 * 100 × the profile's own utility (computed here independently: testing/research.ts) for random
 * bundles, in GENIUS XML and GeniusWeb JSON, and a GENIUS import exports and re-imports unchanged.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatProblem } from '../model/problem'
import { offerFromLevels, utilityOf } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import {
  geniusDomainXml,
  geniusProfileXml,
  geniusUtility,
  geniusWebDomainJson,
  geniusWebProfileJson,
  geniusWebUtility,
  type ToyIssue,
  type ToyProfile,
  type ToyWebProfile,
} from '../testing/research'
import { exportGenius } from './genius-writer'
import { importResearch } from './import'

/** 1 to 5 issues of 1 to 5 items each. */
const shapeArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })

function issuesOf(shape: readonly number[]): ToyIssue[] {
  return shape.map((items, i) => ({
    name: `Issue ${i} & co`,
    items: Array.from({ length: items }, (_, k) => `value ${k}`),
  }))
}

/** Evaluations as GENIUS files have them: whole numbers well above 1, decimals, zeros, tiny ones. */
const evaluationArb = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 10, noNaN: true }),
  fc.constantFrom(0, 0.000001),
)
const weightArb = fc.double({ min: 0.001, max: 10, noNaN: true })

function geniusProfileArb(shape: readonly number[]): fc.Arbitrary<ToyProfile> {
  return fc.record({
    weights: fc.tuple(...shape.map(() => weightArb)),
    evaluations: fc.tuple(
      ...shape.map((items) => fc.array(evaluationArb, { minLength: items, maxLength: items })),
    ),
    reservation: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
}

/** A bundle as item indexes, one per issue. */
function bundleArb(shape: readonly number[]): fc.Arbitrary<number[]> {
  return fc.tuple(...shape.map((items) => fc.integer({ min: 0, max: items - 1 })))
}

const geniusCaseArb = shapeArb.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    ours: geniusProfileArb(shape),
    theirs: geniusProfileArb(shape),
    bundles: fc.array(bundleArb(shape), { minLength: 1, maxLength: 20 }),
  }),
)

function importGenius(shape: readonly number[], ours: ToyProfile, theirs: ToyProfile) {
  const issues = issuesOf(shape)
  const result = importResearch({
    domain: { text: geniusDomainXml('random', issues), file: 'domain.xml' },
    us: { text: geniusProfileXml(issues, ours), file: 'us.xml' },
    them: { text: geniusProfileXml(issues, theirs), file: 'them.xml' },
  })
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
  return result
}

describe('import of random linear additive profiles', () => {
  it('GENIUS: U = 100 × the profile’s utility (evaluation / issue’s highest, normalised weights)', () => {
    fc.assert(
      fc.property(geniusCaseArb, ({ shape, ours, theirs, bundles }) => {
        const { plan } = importGenius(shape, ours, theirs)
        const space = compileSpace(plan)
        for (const bundle of bundles) {
          const utility = utilityOf(space, offerFromLevels(space, bundle))
          expect(Math.abs(utility.us - 100 * geniusUtility(ours, bundle))).toBeLessThan(1e-9)
          expect(Math.abs(utility.them - 100 * geniusUtility(theirs, bundle))).toBeLessThan(1e-9)
        }
        if (ours.reservation !== undefined) expect(plan.reservation).toBeCloseTo(100 * ours.reservation, 9)
        else expect(plan.reservation).toBeUndefined()
      }),
    )
  })

  it('GENIUS: import → export → import gives the same plan when the weights sum to 1', () => {
    const normalised = (profile: ToyProfile): ToyProfile => {
      const total = profile.weights.reduce((sum, weight) => sum + weight, 0)
      return { ...profile, weights: profile.weights.map((weight) => weight / total) }
    }
    fc.assert(
      fc.property(geniusCaseArb, ({ shape, ours, theirs }) => {
        const first = importGenius(shape, normalised(ours), normalised(theirs))
        const files = exportGenius(first.plan)
        if (!files.ok) throw new Error(files.errors.map(formatProblem).join('\n'))
        expect(files.scale).toEqual({ us: 1, them: 1 })
        const again = importResearch({
          domain: { text: files.files.domain, file: 'domain.xml' },
          us: { text: files.files.us, file: 'profile-us.xml' },
          them: { text: files.files.them, file: 'profile-them.xml' },
        })
        if (!again.ok) throw new Error(again.errors.map(formatProblem).join('\n'))
        expect(again.plan).toEqual(first.plan)
      }),
    )
  })

  it('GeniusWeb: U = 100 × Σ weight × value utility', () => {
    const webProfileArb = (shape: readonly number[], name: string): fc.Arbitrary<ToyWebProfile> =>
      fc
        .record({
          weights: fc.tuple(...shape.map(() => weightArb)),
          utilities: fc.tuple(
            ...shape.map((items) =>
              fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: items, maxLength: items }),
            ),
          ),
          reservationBid: fc.tuple(
            ...shape.map((items) => fc.option(fc.integer({ min: 0, max: items - 1 }), { nil: null })),
          ),
        })
        .map(({ weights, utilities, reservationBid }) => {
          // GeniusWeb's weights sum to 1.
          const total = weights.reduce((sum, weight) => sum + weight, 0)
          return { name, weights: weights.map((weight) => weight / total), utilities, reservationBid }
        })
    const caseArb = shapeArb.chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        ours: webProfileArb(shape, 'host'),
        theirs: webProfileArb(shape, 'guest'),
        bundles: fc.array(bundleArb(shape), { minLength: 1, maxLength: 20 }),
      }),
    )
    fc.assert(
      fc.property(caseArb, ({ shape, ours, theirs, bundles }) => {
        const issues = issuesOf(shape)
        const result = importResearch({
          domain: { text: geniusWebDomainJson('random', issues), file: 'domain.json' },
          us: { text: geniusWebProfileJson('random', issues, ours), file: 'us.json' },
          them: { text: geniusWebProfileJson('random', issues, theirs), file: 'them.json' },
        })
        if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
        const space = compileSpace(result.plan)
        for (const bundle of bundles) {
          const utility = utilityOf(space, offerFromLevels(space, bundle))
          expect(Math.abs(utility.us - 100 * geniusWebUtility(ours, bundle))).toBeLessThan(1e-9)
          expect(Math.abs(utility.them - 100 * geniusWebUtility(theirs, bundle))).toBeLessThan(1e-9)
        }
        expect(
          Math.abs((result.plan.reservation ?? 0) - 100 * geniusWebUtility(ours, ours.reservationBid ?? [])),
        ).toBeLessThan(1e-9)
      }),
    )
  })
})
