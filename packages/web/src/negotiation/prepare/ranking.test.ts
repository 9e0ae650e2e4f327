import { type ElicitationSide, validatePlanValue } from '@parley/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  answerSwing,
  applyElicitedWeights,
  clearSwings,
  derivedWeights,
  describeSwing,
  estimateConfidence,
  isOrdered,
  moveIssue,
  moveOption,
  optionOrder,
  orderScores,
  rankingGroups,
  setEstimateConfidence,
  swingQuestion,
} from './ranking'
import { salesPlan } from './test-plans'

const flat = (plan: ReturnType<typeof salesPlan>, side: 'us' | 'them' = 'us') =>
  rankingGroups(plan, side).flat()

describe('ranking issues', () => {
  it('starts from the current weights, heaviest first', () => {
    expect(flat(salesPlan())).toEqual(['price', 'term', 'uplift', 'billing', 'rollout', 'credits', 'support'])
    expect(flat(salesPlan(), 'them')[0]).toBe('price')
  })

  it('derives rank-order centroid weights from the order shown', () => {
    const weights = derivedWeights(salesPlan(), 'us')
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9)
    expect(weights.price).toBeCloseTo((100 / 7) * (1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5 + 1 / 6 + 1 / 7), 9)
    expect(weights.price).toBeGreaterThan(weights.term as number)
  })

  it('moves an issue up and down and keeps the ranking in the plan', () => {
    const plan = moveIssue(salesPlan(), 'us', 'term', -1)
    expect(flat(plan).slice(0, 2)).toEqual(['term', 'price'])
    expect(plan.elicitation?.us?.ranking).toEqual(flat(plan))
    expect(moveIssue(plan, 'us', 'term', -1)).toBe(plan)
    expect(moveIssue(plan, 'us', 'support', 1)).toBe(plan)
  })

  it('drops swing answers the move contradicts, and keeps the others', () => {
    let plan = answerSwing(salesPlan(), 'us', ['price', 'term'], 'first')
    plan = answerSwing(plan, 'us', ['term', 'uplift'], 'first')
    plan = moveIssue(plan, 'us', 'term', -1)
    expect(plan.elicitation?.us?.tradeoffs).toEqual([{ issues: ['term', 'uplift'], answer: 'first' }])
  })

  it('always moves the issue exactly one place, whatever was answered before (property)', () => {
    const ids = salesPlan().issues.map((issue) => issue.id)
    const tradeoff = fc.record({
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
        fc.array(tradeoff, { maxLength: 6 }),
        fc.constantFrom(...ids),
        fc.constantFrom(-1 as const, 1 as const),
        (ranking, tradeoffs, id, delta) => {
          const side: ElicitationSide = { ranking, tradeoffs }
          const plan = { ...salesPlan(), elicitation: { us: side } }
          const before = flat(plan).indexOf(id)
          const after = flat(moveIssue(plan, 'us', id, delta)).indexOf(id)
          const possible = before + delta >= 0 && before + delta < ids.length
          expect(after).toBe(possible ? before + delta : before)
        },
      ),
    )
  })
})

describe('swing questions', () => {
  it('asks about neighbours from the top, and moves on once answered', () => {
    const plan = salesPlan()
    expect(swingQuestion(plan, 'us')).toEqual(['price', 'term'])
    const answered = answerSwing(plan, 'us', ['price', 'term'], 'second')
    expect(flat(answered).slice(0, 2)).toEqual(['term', 'price'])
    expect(swingQuestion(answered, 'us')).toEqual(['price', 'uplift'])
    expect(clearSwings(answered, 'us').elicitation?.us?.tradeoffs).toBeUndefined()
  })

  it('words a swing from the worst to the best level for that side', () => {
    const [price, rollout, billing] = salesPlan().issues
    if (!price || !rollout || !billing) throw new Error('fixture')
    expect(describeSwing(price, 'us')).toBe('Annual subscription fee from 180,000 to 260,000 USD/year')
    expect(describeSwing(rollout, 'them')).toBe(
      'Go-live for all claims teams from 90 to 30 days after signature',
    )
    expect(describeSwing(billing, 'us')).toBe('Billing schedule from milestone to annual-upfront')
  })
})

describe('ordering options', () => {
  it('starts from the current scores and keeps a moved order', () => {
    const plan = salesPlan()
    const support = plan.issues[3]
    if (!support) throw new Error('fixture')
    expect(optionOrder(plan, 'them', support)).toEqual(['enterprise', 'premium', 'standard'])
    expect(isOrdered(plan, 'them', 'support')).toBe(false)
    const moved = moveOption(plan, 'them', support, 'standard', -1)
    expect(optionOrder(moved, 'them', support)).toEqual(['enterprise', 'standard', 'premium'])
    expect(isOrdered(moved, 'them', 'support')).toBe(true)
    expect(orderScores(['enterprise', 'standard', 'premium'])).toEqual({
      enterprise: 100,
      standard: 50,
      premium: 0,
    })
  })

  it('puts options added after ordering at the end, and forgets ones removed', () => {
    const plan = {
      ...salesPlan(),
      elicitation: { us: { orders: { support: ['premium', 'gone', 'standard'] } } },
    }
    const support = plan.issues[3]
    if (!support) throw new Error('fixture')
    expect(optionOrder(plan, 'us', support)).toEqual(['premium', 'standard', 'enterprise'])
  })
})

describe('using the derived weights', () => {
  it('writes core-derived weights and ordered scores, keeps the ranking, and stays valid', () => {
    const support = salesPlan().issues[3]
    if (!support) throw new Error('fixture')
    let plan = moveIssue(salesPlan(), 'us', 'support', -1)
    plan = moveOption(plan, 'us', support, 'premium', -1)
    const next = applyElicitedWeights(plan, 'us')
    expect(next.elicitation?.us?.ranking).toEqual(flat(plan))
    expect(next.issues.map((issue) => issue.us.weight).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0)
    expect(next.issues[3]?.us.scores).toEqual({ premium: 100, standard: 50, enterprise: 0 })
    expect(next.issues[2]?.us.scores).toEqual(salesPlan().issues[2]?.us.scores)
    expect(next.issues[0]?.them).toEqual(salesPlan().issues[0]?.them)
    expect(validatePlanValue(next).ok).toBe(true)
  })

  it('scores an order kept before an option was added, with the new option last', () => {
    const plan = salesPlan()
    const support = plan.issues[3]
    if (!support) throw new Error('fixture')
    const ordered = moveOption(plan, 'us', support, 'premium', -1)
    const grown = {
      ...ordered,
      issues: ordered.issues.map((issue) =>
        issue.id === 'support'
          ? {
              ...issue,
              options: [...(issue.options ?? []), 'platinum'],
              us: { ...issue.us, scores: { ...issue.us.scores, platinum: 50 } },
              them: { ...issue.them, scores: { ...issue.them.scores, platinum: 50 } },
            }
          : issue,
      ),
    }
    const grownSupport = grown.issues[3]
    if (!grownSupport) throw new Error('fixture')
    expect(optionOrder(grown, 'us', grownSupport)).toEqual(['premium', 'standard', 'enterprise', 'platinum'])
    const next = applyElicitedWeights(grown, 'us')
    expect(next.issues[3]?.us.scores).toEqual({ premium: 100, standard: 66.7, enterprise: 33.3, platinum: 0 })
    expect(next.elicitation?.us?.orders?.support).toEqual(['premium', 'standard', 'enterprise', 'platinum'])
    expect(validatePlanValue(next).ok).toBe(true)
  })

  it('reads and sets how sure we are of the estimate', () => {
    expect(estimateConfidence(salesPlan())).toBe('medium')
    const high = setEstimateConfidence(salesPlan(), 'high')
    expect(estimateConfidence(high)).toBe('high')
    const mixed = {
      ...high,
      issues: high.issues.map((i, k) =>
        k === 0 ? { ...i, them: { ...i.them, confidence: 'low' as const } } : i,
      ),
    }
    expect(estimateConfidence(mixed)).toBe('mixed')
  })
})
