import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../random'
import { compileRequirements, constraintHolds } from '../scoring/constraints'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { answerLogLikelihood, aspiration, Counterpart, logitRanking } from './counterpart'
import { drawTruth } from './generators'
import { theirBestPoint, trueFrontier } from './measures'
import { type SimulationSettings, simulationSettings } from './settings'

const space = compileSpace(acmePlan())
const rule = compileRequirements(space).rule

function counterpart(overrides: Partial<SimulationSettings> = {}, seed = 1, batna?: number) {
  const settings = simulationSettings(overrides)
  const truth = drawTruth(space, 'perturbed', settings, mulberry32(seed))
  if (batna !== undefined) truth.batna = batna
  const best = theirBestPoint(trueFrontier(space, truth, rule))
  if (!best) throw new Error('no bundle meets the rule')
  return new Counterpart({ space, truth, rule, best, settings, random: mulberry32(seed + 1) })
}

/** Every bundle of the plan, as level indices. */
function* bundles(): Generator<Int32Array> {
  const counts = space.issues.map((issue) => issue.levels.length)
  const current = new Int32Array(counts.length)
  for (;;) {
    yield Int32Array.from(current)
    let i = counts.length - 1
    while (i >= 0 && ++current[i]! >= (counts[i] ?? 0)) current[i--] = 0
    if (i < 0) return
  }
}

function meetsRule(levels: Int32Array): boolean {
  const values = space.issues.map((issue) => issue.levels[levels[issue.index] ?? 0] ?? 0)
  return rule.every((constraint) => constraintHolds(constraint, values))
}

describe('logit choice', () => {
  it('picks and ranks by utility when the scale goes to 0', () => {
    const random = mulberry32(9)
    for (const scale of [0, 1e-9]) {
      for (let k = 0; k < 200; k++) {
        expect(logitRanking([50, 70.001, 70, 10], scale, random)).toEqual([1, 2, 0, 3])
      }
    }
  })

  it('chooses with logit probabilities at a positive scale: P(a) = 1 / (1 + exp(-(U_a - U_b) / scale))', () => {
    const random = mulberry32(10)
    const draws = 20_000
    let first = 0
    for (let k = 0; k < draws; k++) if (logitRanking([53, 50], 3, random)[0] === 0) first++
    const expected = 1 / (1 + Math.exp(-1))
    expect(Math.abs(first / draws - expected)).toBeLessThan(0.015)
  })

  it('ranks as Plackett–Luce does: the second place among the rest is again a logit choice', () => {
    const random = mulberry32(11)
    const draws = 20_000
    let secondIsB = 0
    let firstIsA = 0
    for (let k = 0; k < draws; k++) {
      const order = logitRanking([60, 55, 50], 5, random)
      if (order[0] === 0) {
        firstIsA++
        if (order[1] === 1) secondIsB++
      }
    }
    expect(Math.abs(secondIsB / firstIsA - 1 / (1 + Math.exp(-1)))).toBeLessThan(0.02)
  })
})

describe('concession over time', () => {
  const settings = { deadline: 10, reciprocity: 0.5 }

  it('starts at its best, ends at its BATNA, and never goes under it', () => {
    for (const theirExponent of [0.3, 1, 3]) {
      const curve = Array.from({ length: 11 }, (_, t) =>
        aspiration(t, 90, 30, { ...settings, theirExponent }),
      )
      expect(curve[0]).toBe(90)
      expect(curve[10]).toBe(30)
      for (let t = 1; t <= 10; t++) expect(curve[t]).toBeLessThanOrEqual(curve[t - 1] ?? 0)
      expect(aspiration(5, 90, 30, { ...settings, theirExponent }, 1000)).toBe(30)
    }
  })

  it('holds out when Boulware (e < 1) and gives way early when a conceder (e > 1)', () => {
    const boulware = (t: number) => aspiration(t, 90, 30, { ...settings, theirExponent: 0.5 })
    const linear = (t: number) => aspiration(t, 90, 30, { ...settings, theirExponent: 1 })
    const conceder = (t: number) => aspiration(t, 90, 30, { ...settings, theirExponent: 2 })
    for (let t = 1; t < 10; t++) {
      expect(boulware(t)).toBeGreaterThan(linear(t))
      expect(linear(t)).toBeGreaterThan(conceder(t))
    }
    // a(t) = B + (M - B)(1 - (t/T)^(1/e)): halfway, Boulware has given up a quarter, a conceder 71%.
    expect(boulware(5)).toBeCloseTo(30 + 60 * 0.75, 9)
    expect(conceder(5)).toBeCloseTo(30 + 60 * (1 - Math.sqrt(0.5)), 9)
  })

  it('gives back a share of our concessions (reciprocity)', () => {
    expect(aspiration(3, 90, 30, { ...settings, theirExponent: 1 }, 10)).toBeCloseTo(
      aspiration(3, 90, 30, { ...settings, theirExponent: 1 }) - 5,
      9,
    )
  })
})

describe('answers', () => {
  it('never agrees to a bundle under its BATNA, even at the deadline', () => {
    const them = counterpart({ deadline: 3 }, 4, 60)
    const under = [...bundles()].filter((levels) => them.utility(levels) < 60).slice(0, 50)
    expect(under.length).toBeGreaterThan(10)
    for (let round = 1; round <= 3; round++) {
      const answer = them.answer(round, under.slice(round, round + 3))
      expect(answer.kind).toBe('counter')
    }
  })

  it('leaves when no bundle meeting the rule reaches its BATNA', () => {
    const them = counterpart({}, 5, 100.5)
    expect(them.answer(1, [new Int32Array(space.issues.length)]).kind).toBe('leave')
  })

  it('agrees to an offer worth its aspiration, else counters with a bundle worth it that meets the rule', () => {
    const them = counterpart({ choiceScale: 0 }, 6)
    // Our offers always meet the rule; so do its counters.
    const all = [...bundles()].filter((levels) => meetsRule(levels))
    for (let round = 1; round <= 10; round++) {
      const wanted = them.aspiration(round)
      const below = all.find((levels) => them.utility(levels) < wanted - 1)
      if (!below) continue
      const answer = them.answer(round, [below])
      if (answer.kind !== 'counter') throw new Error(`expected a counter, got ${answer.kind}`)
      expect(them.utility(answer.counter)).toBeGreaterThanOrEqual(wanted - 1e-9)
      expect(meetsRule(answer.counter)).toBe(true)
      const good = all.find((levels) => them.utility(levels) >= them.aspiration(round) + 1e-6)
      if (good) expect(them.answer(round, [below, good])).toEqual({ kind: 'agree', index: 1 })
    }
  })

  it('counters close to our offer: only what it needs moves', () => {
    const them = counterpart({ choiceScale: 0 }, 7)
    const all = [...bundles()].filter((levels) => meetsRule(levels))
    const base = all.reduce((worst, levels) => (them.utility(levels) < them.utility(worst) ? levels : worst))
    const near = them.counterFrom(base, them.utility(base) + 1)
    expect(near.filter((level, i) => level !== base[i]).length).toBe(1)
  })

  it('ranks what matters most truthfully, or at random in a share of the answers', () => {
    const honest = counterpart({ discoveryNoise: 0, statedIssues: 2 }, 8)
    const byWeight = honest.truth.weights
      .map((_, i) => i)
      .sort((a, b) => (honest.truth.weights[b] ?? 0) - (honest.truth.weights[a] ?? 0))
    expect(honest.discovery()).toEqual(byWeight.slice(0, 2))
    const noisy = counterpart({ discoveryNoise: 1, statedIssues: 3 }, 8)
    const answers = Array.from({ length: 600 }, () => noisy.discovery().join(','))
    // Every order of the three issues, about equally often.
    const counts = new Map<string, number>()
    for (const answer of answers) counts.set(answer, (counts.get(answer) ?? 0) + 1)
    expect(counts.size).toBe(6)
    for (const count of counts.values()) expect(count).toBeGreaterThan(60)
  })
})

/** Every order of 0..k-1. */
function permutations(k: number): number[][] {
  if (k === 1) return [[0]]
  return permutations(k - 1).flatMap((rest) =>
    Array.from({ length: k }, (_, at) => [...rest.slice(0, at), k - 1, ...rest.slice(at)]),
  )
}

const utilitiesArb = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 4 })

describe('answerLogLikelihood', () => {
  it('is Plackett–Luce on exp(u / scale): the product of each choice’s share of what is left', () => {
    fc.assert(
      fc.property(utilitiesArb, fc.double({ min: 0.5, max: 20, noNaN: true }), (utilities, scale) => {
        let total = 0
        for (const order of permutations(utilities.length)) {
          let product = 1
          for (let k = 0; k < order.length - 1; k++) {
            const rest = order
              .slice(k)
              .reduce((sum, r) => sum + Math.exp((utilities[r] as number) / scale), 0)
            product *= Math.exp((utilities[order[k] as number] as number) / scale) / rest
          }
          const p = Math.exp(answerLogLikelihood(utilities, order, scale, 'rank'))
          expect(p).toBeCloseTo(product, 12)
          total += p
          // A pick is the first choice alone: the softmax share of the first.
          const all = utilities.reduce((sum, u) => sum + Math.exp(u / scale), 0)
          const first = Math.exp((utilities[order[0] as number] as number) / scale) / all
          expect(Math.exp(answerLogLikelihood(utilities, order, scale, 'pick'))).toBeCloseTo(first, 12)
        }
        expect(total).toBeCloseTo(1, 12)
      }),
    )
  })

  it('gives the frequencies with which the counterpart ranks (logitRanking)', () => {
    const utilities = [60, 57, 52]
    const scale = 2
    const random = mulberry32(11)
    const draws = 40_000
    const counts = new Map<string, number>()
    for (let d = 0; d < draws; d++) {
      const key = logitRanking(utilities, scale, random).join('')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    for (const order of permutations(3)) {
      const expected = Math.exp(answerLogLikelihood(utilities, order, scale, 'rank'))
      expect(Math.abs((counts.get(order.join('')) ?? 0) / draws - expected)).toBeLessThan(0.01)
    }
  })

  it('with scale 0 (always the best first) rules out exactly the orders against utility', () => {
    const utilities = [3, 9, 5]
    expect(answerLogLikelihood(utilities, [1, 2, 0], 0, 'rank')).toBe(0)
    expect(answerLogLikelihood(utilities, [1, 0, 2], 0, 'rank')).toBe(Number.NEGATIVE_INFINITY)
    expect(answerLogLikelihood(utilities, [1, 0, 2], 0, 'pick')).toBe(0)
    expect(answerLogLikelihood(utilities, [2, 1, 0], 0, 'pick')).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('post-settlement', () => {
  it('signs the alternative worth most to it when that beats the agreement, and keeps the agreement on a tie (brute force)', () => {
    const them = counterpart({}, 5)
    const all = [...bundles()]
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.array(fc.nat(all.length - 1), { maxLength: 4 }), (a, picks) => {
        const agreed = all[a] as Int32Array
        const alternatives = picks.map((k) => all[k] as Int32Array)
        const signed = them.settle(agreed, alternatives)
        const best = Math.max(them.utility(agreed), ...alternatives.map((levels) => them.utility(levels)))
        expect(them.utility(signed)).toBeCloseTo(best, 9)
        if (them.utility(signed) <= them.utility(agreed) + 1e-9) expect(signed).toBe(agreed)
      }),
    )
    const agreed = all[0] as Int32Array
    expect(them.settle(agreed, [Int32Array.from(agreed)])).toBe(agreed)
    expect(them.settle(agreed, [])).toBe(agreed)
  })
})
