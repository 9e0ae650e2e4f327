/**
 * Properties of the prior and the posterior on arbitrary plans and moves: every draw of the prior,
 * and the posterior after any sequence of choices, rankings and counters, is a probability
 * distribution over their weight shares (means in [0, 1] summing to 1, intervals around the means,
 * sample probabilities summing to 1), with a finite prior density and an effective sample size
 * between 1 and the number of samples; and a learner saved and resumed mid-way ends where one that
 * never stopped does.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONFIDENCES, type Plan } from '../model/plan'
import { mulberry32 } from '../random'
import { offerFromLevels } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { copyLearnerState } from '../testing/learner-state'
import { runs } from '../testing/property-runs'
import { drawPrior, priorDensity, priorParameters } from './beliefs'
import type { Observation } from './observation'
import { inferPriorities, PriorityLearner } from './posterior'

/** A plan with each issue's confidence and direction of their preference as drawn. */
const planWithConfidence = planArb({ minIssues: 2, maxIssues: 5, maxLevels: 4 }).chain((plan) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...CONFIDENCES), {
        minLength: plan.issues.length,
        maxLength: plan.issues.length,
      }),
      fc.array(fc.boolean(), { minLength: plan.issues.length, maxLength: plan.issues.length }),
    )
    .map(
      ([confidences, uncertain]): Plan => ({
        ...plan,
        issues: plan.issues.map((issue, i) => ({
          ...issue,
          them: { ...issue.them, confidence: confidences[i] ?? 'medium', uncertain: uncertain[i] ?? false },
        })),
      }),
    ),
)

/** Up to four of their moves: choices, rankings and counters among two or three bundles. */
const movesArb: fc.Arbitrary<DrawnMove[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<DrawnMove['kind']>('choice', 'ranking', 'counter'),
    bundles: fc.array(fc.array(fc.nat(5), { minLength: 5, maxLength: 5 }), {
      minLength: 2,
      maxLength: 3,
    }),
    pick: fc.nat(2),
  }),
  { maxLength: 4 },
)

interface DrawnMove {
  kind: 'choice' | 'ranking' | 'counter'
  bundles: number[][]
  pick: number
}

function observationsOf(space: Space, drawn: readonly DrawnMove[]): Observation[] {
  return drawn.map((move, k): Observation => {
    const offered = move.bundles.map((levels) =>
      offerFromLevels(
        space,
        space.issues.map((issue) => (levels[issue.index] ?? 0) % issue.levels.length),
      ),
    )
    const pick = move.pick % offered.length
    const eventId = `e${k}`
    if (move.kind === 'choice') return { kind: 'choice', eventId, offered, chosen: pick }
    if (move.kind === 'ranking')
      return {
        kind: 'ranking',
        eventId,
        offered,
        order: [pick, ...offered.map((_, j) => j).filter((j) => j !== pick)],
      }
    return {
      kind: 'counter',
      eventId,
      offered: offered.filter((_, j) => j !== pick),
      counter: offered[pick] as (typeof offered)[number],
    }
  })
}

describe('the prior and the posterior are distributions over their weight shares', () => {
  it('every prior draw is a distribution with a finite density', () => {
    fc.assert(
      fc.property(planWithConfidence, fc.integer({ min: 1, max: 1e9 }), (plan, seed) => {
        const space = compileSpace(plan)
        const prior = priorParameters(space)
        const density = priorDensity(prior)
        const random = mulberry32(seed)
        for (let k = 0; k < 20; k++) {
          const w = drawPrior(prior, random)
          expect(w.length).toBe(space.issues.length)
          for (const share of w) expect(share).toBeGreaterThanOrEqual(0)
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
          expect(Number.isFinite(density(w))).toBe(true)
        }
      }),
      { numRuns: runs(60) },
    )
  })

  it('the posterior after any moves has means summing to 1 and ordered intervals', () => {
    fc.assert(
      fc.property(planWithConfidence, movesArb, fc.integer({ min: 1, max: 1e9 }), (plan, drawn, seed) => {
        const space = compileSpace(plan)
        const observations = observationsOf(space, drawn)
        const posterior = inferPriorities(space, observations, { samples: 300, seed })
        const means = space.issues.map((issue) => posterior.issues[issue.id]?.mean ?? Number.NaN)
        expect(means.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
        for (const issue of space.issues) {
          const entry = posterior.issues[issue.id]
          expect(entry).toBeDefined()
          if (!entry) continue
          expect(entry.mean).toBeGreaterThanOrEqual(0)
          expect(entry.mean).toBeLessThanOrEqual(1)
          // The interval is the weighted 10th to 90th percentile. Under a heavily skewed posterior
          // (a small issue with a long tail of weight) the mean can lie above the 90th percentile,
          // so only the order is a law; fast-check found such a case (seed 293327178).
          expect(entry.low).toBeLessThanOrEqual(entry.high + 1e-12)
          expect(entry.low).toBeGreaterThanOrEqual(0)
          expect(entry.high).toBeLessThanOrEqual(1 + 1e-12)
          if (entry.reversed !== undefined) {
            expect(entry.reversed).toBeGreaterThanOrEqual(0)
            expect(entry.reversed).toBeLessThanOrEqual(1 + 1e-12)
          }
        }
        const total = posterior.beliefs.probability.reduce((a, b) => a + b, 0)
        expect(total).toBeCloseTo(1, 9)
        expect(posterior.effectiveSamples).toBeGreaterThanOrEqual(1 - 1e-9)
        expect(posterior.effectiveSamples).toBeLessThanOrEqual(300 + 1e-9)
        expect(posterior.totalBits).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: runs(40) },
    )
  })

  it('a learner saved after any of the moves and resumed ends where learning them all at once does', () => {
    fc.assert(
      fc.property(
        planWithConfidence,
        movesArb,
        fc.nat(),
        fc.integer({ min: 1, max: 1e9 }),
        (plan, drawn, cut, seed) => {
          const space = compileSpace(plan)
          const observations = observationsOf(space, drawn)
          const options = { samples: 100, seed }
          const learner = new PriorityLearner(space, options)
          const at = cut % (observations.length + 1)
          for (const observation of observations.slice(0, at)) learner.observe(observation)
          const resumed = PriorityLearner.resume(
            space,
            observations,
            copyLearnerState(learner.snapshot()),
            options,
          )
          expect(resumed).toBeDefined()
          for (const observation of observations.slice(at)) resumed?.observe(observation)
          expect(resumed?.posterior()).toEqual(inferPriorities(space, observations, options))
        },
      ),
      { numRuns: runs(40) },
    )
  })

  it("each issue's mean and 80% interval are those of its shares sorted sample by sample, to the last bit", () => {
    // The summary as first written: an object per sample, a stable sort by share, sums in that order.
    const reference = (values: { value: number; p: number }[], q: number) => {
      let cumulative = 0
      for (const { value, p } of values) {
        cumulative += p
        if (cumulative >= q) return value
      }
      return values.at(-1)?.value ?? 0
    }
    fc.assert(
      fc.property(planWithConfidence, movesArb, fc.integer({ min: 1, max: 1e9 }), (plan, drawn, seed) => {
        const space = compileSpace(plan)
        const posterior = inferPriorities(space, observationsOf(space, drawn), { samples: 150, seed })
        const { samples, probability } = posterior.beliefs
        for (const issue of space.issues) {
          const values = samples
            .map((w, s) => ({ value: w[issue.index] ?? 0, p: probability[s] ?? 0 }))
            .sort((a, b) => a.value - b.value)
          // Before any move, the mean is the plan's estimate exactly: what every view values bundles by.
          const mean =
            posterior.moves.length === 0
              ? space.share.them[issue.index]
              : values.reduce((sum, { value, p }) => sum + value * p, 0)
          expect(posterior.issues[issue.id]).toMatchObject({
            mean,
            low: reference(values, 0.1),
            high: reference(values, 0.9),
          })
        }
      }),
      { numRuns: runs(40) },
    )
  })
})
