import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { mulberry32 } from '../random'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { drawBatna, drawTruth } from './generators'
import { simulationSettings } from './settings'

const settings = simulationSettings()
const space = compileSpace(acmePlan())
const estimate = Array.from(space.share.them)
const estimatedScores = space.issues.map((issue) => Array.from(issue.score.them))

function draws(source: Parameters<typeof drawTruth>[1], count: number, plan = space, overrides = settings) {
  const random = mulberry32(42)
  return Array.from({ length: count }, () => drawTruth(plan, source, overrides, random))
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)

describe('perturbed', () => {
  const truths = draws('perturbed', 2000)

  it('scales each estimated weight by a factor within [0.2, 1.8], renormalised, and keeps the scores', () => {
    for (const truth of truths) {
      const factors = truth.factors ?? []
      expect(factors).toHaveLength(estimate.length)
      for (const factor of factors) {
        expect(factor).toBeGreaterThanOrEqual(0.2)
        expect(factor).toBeLessThanOrEqual(1.8)
      }
      const raw = estimate.map((share, i) => share * (factors[i] ?? 0))
      truth.weights.forEach((weight, i) => {
        expect(weight).toBeCloseTo((raw[i] ?? 0) / sum(raw), 12)
      })
      expect(sum(truth.weights)).toBeCloseTo(1, 12)
      expect(truth.scores).toEqual(estimatedScores)
      expect(truth.reversed.every((flag) => !flag)).toBe(true)
    }
  })

  it('draws the factors uniformly: mean 1, spread over the whole interval', () => {
    const factors = truths.flatMap((truth) => truth.factors ?? [])
    expect(sum(factors) / factors.length).toBeCloseTo(1, 1)
    expect(Math.min(...factors)).toBeLessThan(0.25)
    expect(Math.max(...factors)).toBeGreaterThan(1.75)
    // A uniform on [0.2, 1.8] has a quarter of its mass in [0.2, 0.6].
    expect(factors.filter((factor) => factor < 0.6).length / factors.length).toBeCloseTo(0.25, 1)
  })

  it('follows its settings', () => {
    const narrow = draws(
      'perturbed',
      200,
      space,
      simulationSettings({ perturbedLow: 0.9, perturbedHigh: 1.1 }),
    )
    for (const factor of narrow.flatMap((truth) => truth.factors ?? [])) {
      expect(factor).toBeGreaterThanOrEqual(0.9)
      expect(factor).toBeLessThanOrEqual(1.1)
    }
  })
})

describe('prior', () => {
  it("draws weights around the estimate (the learner's prior), tighter at high confidence", () => {
    const spread = (confidence: 'low' | 'high') => {
      const plan: Plan = {
        ...acmePlan(),
        issues: acmePlan().issues.map((issue) => ({ ...issue, them: { ...issue.them, confidence } })),
      }
      const truths = draws('prior', 3000, compileSpace(plan))
      const mean = estimate.map((_, i) => sum(truths.map((truth) => truth.weights[i] ?? 0)) / truths.length)
      mean.forEach((value, i) => {
        expect(value).toBeCloseTo(estimate[i] ?? 0, 1)
      })
      return (
        sum(truths.map((truth) => sum(truth.weights.map((w, i) => Math.abs(w - (estimate[i] ?? 0)))))) /
        truths.length
      )
    }
    // Gamma factors of shape 10 against 3: a spread about sqrt(3/10) = 0.55 times as wide.
    expect(spread('high')).toBeLessThan(spread('low') / 1.5)
  })

  it('reverses an issue marked uncertain half of the time, and no other', () => {
    const plan = acmePlan()
    const uncertain = 1
    const marked: Plan = {
      ...plan,
      issues: plan.issues.map((issue, i) =>
        i === uncertain ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
      ),
    }
    const markedSpace = compileSpace(marked)
    const truths = draws('prior', 2000, markedSpace)
    const reversed = truths.filter((truth) => truth.reversed[uncertain]).length / truths.length
    expect(reversed).toBeCloseTo(0.5, 1)
    for (const truth of truths) {
      truth.reversed.forEach((flag, i) => {
        if (i !== uncertain) expect(flag).toBe(false)
      })
      const scores = truth.scores[uncertain] ?? []
      const estimated = Array.from(markedSpace.issues[uncertain]?.score.them ?? [])
      expect(scores).toEqual(truth.reversed[uncertain] ? estimated.map((s) => 100 - s) : estimated)
    }
  })
})

describe('reordered', () => {
  it('permutes the estimated weights of half the issues (at least two) among them, never leaving them as they were', () => {
    const truths = draws('reordered', 500)
    const k = Math.max(2, Math.round(0.5 * estimate.length))
    for (const truth of truths) {
      expect([...truth.weights].sort()).toEqual([...estimate].sort())
      const moved = truth.weights.filter((weight, i) => weight !== estimate[i]).length
      expect(moved).toBeGreaterThanOrEqual(2)
      expect(moved).toBeLessThanOrEqual(k)
    }
  })

  it('moves every issue sometimes, and follows reorderedShare', () => {
    const everyIssue = draws('reordered', 500)
    estimate.forEach((share, i) => {
      expect(everyIssue.some((truth) => truth.weights[i] !== share)).toBe(true)
    })
    const all = draws('reordered', 200, space, simulationSettings({ reorderedShare: 1 }))
    const moved = all.map((truth) => truth.weights.filter((weight, i) => weight !== estimate[i]).length)
    expect(Math.max(...moved)).toBe(estimate.length)
  })

  it('reverses issues marked uncertain with the probability set', () => {
    const plan = acmePlan()
    const marked: Plan = {
      ...plan,
      issues: plan.issues.map((issue, i) =>
        i === 0 ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
      ),
    }
    const markedSpace = compileSpace(marked)
    const rate = (reverse: number) =>
      draws('reordered', 1000, markedSpace, simulationSettings({ reorderedReverse: reverse })).filter(
        (truth) => truth.reversed[0],
      ).length / 1000
    expect(rate(0)).toBe(0)
    expect(rate(1)).toBe(1)
    expect(rate(0.5)).toBeCloseTo(0.5, 1)
    expect(draws('reordered', 100).every((truth) => truth.reversed.every((flag) => !flag))).toBe(true)
  })
})

describe('their BATNA', () => {
  it('is drawn uniformly within the spread of our estimate, kept within 0..100', () => {
    const random = mulberry32(3)
    const estimateThem = space.plan.batna?.them?.utility ?? 0
    const values = Array.from({ length: 2000 }, () => drawBatna(space, 10, random))
    for (const value of values) expect(Math.abs(value - estimateThem)).toBeLessThanOrEqual(10)
    expect(sum(values) / values.length).toBeCloseTo(estimateThem, 0)
    const none = compileSpace({ ...acmePlan(), batna: {} })
    const clamped = Array.from({ length: 200 }, () => drawBatna(none, 10, random))
    for (const value of clamped) {
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(10)
    }
    expect(clamped.filter((value) => value === 0).length).toBeGreaterThan(50)
  })
})

describe('a truth set by hand', () => {
  it('is taken as given (weights normalised), with its BATNA or one drawn', () => {
    const weights = space.issues.map((_, i) => i + 1)
    const scores = space.issues.map((issue) => issue.levels.map(() => 50))
    const [given] = draws({ name: 'truth.yaml', truth: { weights, scores, batna: 12 } }, 1)
    expect(given?.weights).toEqual(weights.map((w) => w / sum(weights)))
    expect(given?.scores).toEqual(scores)
    expect(given?.batna).toBe(12)
    const [drawn] = draws({ name: 'truth.yaml', truth: { weights, scores } }, 1)
    expect(Math.abs((drawn?.batna ?? 0) - (space.plan.batna?.them?.utility ?? 0))).toBeLessThanOrEqual(10)
  })

  it('is the same for the same seed', () => {
    expect(draws('reordered', 5)).toEqual(draws('reordered', 5))
    expect(draws('perturbed', 5)).not.toEqual(draws('prior', 5))
  })
})
