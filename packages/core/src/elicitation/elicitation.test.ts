import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ElicitationSide } from '../model/plan'
import { formatPath } from '../model/problem'
import { validatePlanValue } from '../plan/validate'
import { acmePlan } from '../testing/plans'
import {
  applyElicitation,
  elicitedScores,
  elicitedWeights,
  nextSwingQuestion,
  rankGroups,
  rankOrderCentroid,
} from './elicitation'

const ids = ['price', 'rollout', 'support']

describe('rank-order centroid weights', () => {
  it('gives the textbook values for three issues', () => {
    const [a, b, c] = rankOrderCentroid(3)
    expect(a).toBeCloseTo(11 / 18, 12)
    expect(b).toBeCloseTo(5 / 18, 12)
    expect(c).toBeCloseTo(2 / 18, 12)
  })

  it('sums to 1 and falls with rank, for any number of issues (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (n) => {
        const weights = rankOrderCentroid(n)
        expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 12)
        for (let k = 1; k < n; k++) expect(weights[k]).toBeLessThan(weights[k - 1] as number)
      }),
    )
  })
})

describe('weights from a ranking and swing answers', () => {
  it('sums to 100, shares tied places equally and puts unranked issues last', () => {
    const weights = elicitedWeights(['a', 'b', 'c', 'd'], { ranking: ['b', 'a'] })
    expect(Object.values(weights).reduce((s, w) => s + w, 0)).toBeCloseTo(100, 9)
    expect(weights.b).toBeGreaterThan(weights.a as number)
    expect(weights.c).toBeCloseTo(weights.d as number, 12)
    expect(weights.a).toBeGreaterThan(weights.c as number)
  })

  it('moves an issue up when an answer contradicts the ranking, ties on "equal", and leaves agreeing answers alone', () => {
    const side: ElicitationSide = { ranking: ['price', 'rollout', 'support'] }
    expect(
      rankGroups(ids, { ...side, tradeoffs: [{ issues: ['price', 'support'], answer: 'first' }] }),
    ).toEqual([['price'], ['rollout'], ['support']])
    expect(
      rankGroups(ids, { ...side, tradeoffs: [{ issues: ['price', 'support'], answer: 'second' }] }),
    ).toEqual([['support'], ['price'], ['rollout']])
    expect(
      rankGroups(ids, { ...side, tradeoffs: [{ issues: ['rollout', 'support'], answer: 'equal' }] }),
    ).toEqual([['price'], ['rollout', 'support']])
  })

  it('always honours the latest answer, whatever came before (property)', () => {
    const answer = fc.record({
      issues: fc
        .constantFrom(...ids)
        .chain((a) =>
          fc.constantFrom(...ids.filter((id) => id !== a)).map((b) => [a, b] as [string, string]),
        ),
      answer: fc.constantFrom('first' as const, 'second' as const, 'equal' as const),
    })
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ids),
        fc.array(answer, { minLength: 1, maxLength: 8 }),
        (ranking, tradeoffs) => {
          const weights = elicitedWeights(ids, { ranking, tradeoffs })
          expect(Object.values(weights).reduce((s, w) => s + w, 0)).toBeCloseTo(100, 9)
          const last = tradeoffs.at(-1)
          if (!last) return
          const [a, b] = last.issues
          const wa = weights[a] as number
          const wb = weights[b] as number
          if (last.answer === 'equal') expect(wa).toBeCloseTo(wb, 9)
          else if (last.answer === 'first') expect(wa).toBeGreaterThan(wb)
          else expect(wb).toBeGreaterThan(wa)
        },
      ),
    )
  })
})

describe('scores from an order', () => {
  it('falls evenly from 100 to 0', () => {
    expect(elicitedScores(['enterprise', 'premium', 'standard'])).toEqual({
      enterprise: 100,
      premium: 50,
      standard: 0,
    })
    expect(elicitedScores([12, 24, 36, 48, 60])).toEqual({ '12': 100, '24': 75, '36': 50, '48': 25, '60': 0 })
    expect(elicitedScores(['only'])).toEqual({ only: 100 })
  })
})

describe('a plan with elicitation', () => {
  it('gets weights and scores that follow the ranking and the orders, and stays valid', () => {
    const plan = {
      ...acmePlan(),
      elicitation: {
        us: {
          ranking: ['support', 'price', 'rollout'],
          orders: { support: ['standard', 'premium', 'enterprise'] },
        },
        them: { ranking: ['rollout', 'support', 'price'] },
      },
    }
    const derived = applyElicitation(applyElicitation(plan, 'us'), 'them')
    const checked = validatePlanValue(derived)
    expect(checked.ok).toBe(true)
    const weight = (id: string, side: 'us' | 'them') =>
      derived.issues.find((issue) => issue.id === id)?.[side].weight
    expect(weight('support', 'us')).toBe(61.1)
    expect(weight('price', 'us')).toBe(27.8)
    expect(weight('rollout', 'us')).toBe(11.1)
    expect(derived.issues.find((issue) => issue.id === 'support')?.us.scores).toEqual({
      standard: 100,
      premium: 50,
      enterprise: 0,
    })
    // Their side keeps its way of scoring and what we said about our confidence.
    expect(weight('rollout', 'them')).toBe(61.1)
    expect(derived.issues.find((issue) => issue.id === 'price')?.them.prefer).toBe('low')
  })

  it('reports elicitation naming issues or options that do not exist, with paths', () => {
    const checked = validatePlanValue({
      ...acmePlan(),
      elicitation: { us: { ranking: ['prise'], orders: { support: ['gold'], price: [1] } } },
    })
    expect(checked.ok).toBe(false)
    const found = checked.ok ? [] : checked.errors.map((e) => `${formatPath(e.at)}: ${e.message}`)
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^elicitation\.us\.ranking\[0\]: unknown issue 'prise' \(did you mean 'price'\?\)/,
        ),
        expect.stringMatching(/^elicitation\.us\.orders\.support\[0\]: 'gold' is not an option/),
        expect.stringMatching(/^elicitation\.us\.orders\.price: 'price' is a range/),
      ]),
    )
  })
})

describe('the next swing question', () => {
  it('asks neighbours in the ranking from the top, and nothing once every pair is answered', () => {
    const side: ElicitationSide = { ranking: ['price', 'rollout', 'support'] }
    expect(nextSwingQuestion(ids, side)).toEqual({ issues: ['price', 'rollout'] })
    const after: ElicitationSide = {
      ...side,
      tradeoffs: [{ issues: ['rollout', 'price'], answer: 'second' }],
    }
    expect(nextSwingQuestion(ids, after)).toEqual({ issues: ['rollout', 'support'] })
    const done: ElicitationSide = {
      ...after,
      tradeoffs: [...(after.tradeoffs ?? []), { issues: ['rollout', 'support'], answer: 'first' }],
    }
    expect(nextSwingQuestion(ids, done)).toBeNull()
  })
})
