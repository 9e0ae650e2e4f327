import { describe, expect, it } from 'vitest'
import {
  applyPreview,
  centroidExplanation,
  keepOrder,
  optionRows,
  ordinal,
  rankRows,
} from './elicitation-summary'
import { answerSwing, applyElicitedWeights, isOrdered, moveIssue, moveOption } from './ranking'
import { salesPlan } from './test-plans'

function support(plan = salesPlan()) {
  const issue = plan.issues.find((candidate) => candidate.id === 'support')
  if (!issue) throw new Error('fixture')
  return issue
}

describe('the ranking as rows', () => {
  it('lists issues heaviest first with the derived and the current share', () => {
    const rows = rankRows(salesPlan(), 'us')
    expect(rows.map((row) => row.id)).toEqual([
      'price',
      'term',
      'uplift',
      'billing',
      'rollout',
      'credits',
      'support',
    ])
    expect(rows.map((row) => row.place)).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(rows[0]?.current).toBeCloseTo(0.35, 12)
    expect(rows[0]?.derived).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5 + 1 / 6 + 1 / 7) / 7, 12)
    expect(rows.reduce((sum, row) => sum + row.derived, 0)).toBeCloseTo(1, 12)
  })

  it('marks tied places with "=" and skips the places they share', () => {
    const plan = answerSwing(salesPlan(), 'us', ['term', 'uplift'], 'equal')
    const rows = rankRows(plan, 'us')
    expect(rows.slice(0, 4).map((row) => `${row.place} ${row.id}`)).toEqual([
      '1 price',
      '2= term',
      '2= uplift',
      '4 billing',
    ])
    expect(rows[1]?.derived).toBeCloseTo(rows[2]?.derived ?? 0, 12)
  })

  it('follows a move at once', () => {
    const moved = rankRows(moveIssue(salesPlan(), 'us', 'support', -1), 'us')
    expect(moved.at(-2)?.id).toBe('support')
    expect(moved.at(-2)?.derived).toBeGreaterThan(rankRows(salesPlan(), 'us').at(-1)?.derived ?? 1)
  })
})

describe('words and numbers', () => {
  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ])
  })

  it('explains rank-order centroid weights with this many issues, as the command line prints shares', () => {
    expect(centroidExplanation(3)).toMatch(/\(1 \+ 1\/2 \+ … \+ 1\/n\)\/n/)
    expect(centroidExplanation(3)).toMatch(/With 3 issues the places get 61%, 28%, 11%\.$/)
    expect(centroidExplanation(1)).toBe('With one issue, it carries all the weight.')
  })
})

describe('option orders', () => {
  it('shows the scores now, and the ones an order gives once it is kept', () => {
    const plan = salesPlan()
    expect(optionRows(plan, 'us', support(plan))).toEqual([
      { level: 'standard', now: 100, fromOrder: undefined },
      { level: 'premium', now: 85, fromOrder: undefined },
      { level: 'enterprise', now: 35, fromOrder: undefined },
    ])
    const kept = keepOrder(plan, 'us', support(plan), true)
    expect(isOrdered(kept, 'us', 'support')).toBe(true)
    expect(optionRows(kept, 'us', support(kept)).map((row) => row.fromOrder)).toEqual([100, 50, 0])
    const forgotten = keepOrder(kept, 'us', support(kept), false)
    expect(isOrdered(forgotten, 'us', 'support')).toBe(false)
    expect(forgotten.elicitation?.us).toEqual({})
  })

  it('keeps the other orders and the ranking when one order is forgotten', () => {
    let plan = moveIssue(salesPlan(), 'us', 'term', -1)
    plan = moveOption(plan, 'us', support(plan), 'premium', -1)
    const billing = plan.issues.find((issue) => issue.id === 'billing')
    if (!billing) throw new Error('fixture')
    plan = keepOrder(plan, 'us', billing, true)
    const next = keepOrder(plan, 'us', support(plan), false)
    expect(Object.keys(next.elicitation?.us?.orders ?? {})).toEqual(['billing'])
    expect(next.elicitation?.us?.ranking).toEqual(plan.elicitation?.us?.ranking)
  })
})

describe('what applying changes', () => {
  it('lists each weight that changes and each issue whose scores the order sets', () => {
    let plan = moveIssue(salesPlan(), 'us', 'term', -1)
    plan = moveOption(plan, 'us', support(plan), 'premium', -1)
    const preview = applyPreview(plan, 'us')
    expect(preview.unchanged).toBe(false)
    expect(preview.weights.find((change) => change.id === 'term')).toEqual({
      id: 'term',
      name: 'Contract term',
      from: '20',
      to: '37',
    })
    expect(preview.weights).toHaveLength(7)
    expect(preview.scores).toEqual([
      { id: 'support', name: 'Support tier', scores: 'premium 100, standard 50, enterprise 0' },
    ])
  })

  it('has nothing to change once applied', () => {
    const applied = applyElicitedWeights(moveIssue(salesPlan(), 'them', 'rollout', -1), 'them')
    expect(applyPreview(applied, 'them')).toEqual({ weights: [], scores: [], unchanged: true })
    expect(applyPreview(applied, 'us').unchanged).toBe(false)
  })
})
