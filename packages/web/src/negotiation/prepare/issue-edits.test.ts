import { validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import {
  addIssue,
  currentScores,
  newIssue,
  removeIssue,
  renameIssueId,
  setIssueKind,
  setIssueOptions,
  setPreferenceMode,
  unusedIssueName,
} from './issue-edits'
import { salesPlan } from './test-plans'

const valid = (plan: unknown) => {
  const result = validatePlanValue(plan)
  return result.ok ? [] : result.errors.map((e) => `${e.at.join('.')}: ${e.message}`)
}

describe('adding and removing issues', () => {
  it('adds a valid issue with an id from its name and the lowest weights', () => {
    const plan = salesPlan()
    const issue = newIssue(plan, unusedIssueName(plan))
    expect(issue.id).toBe('new_issue')
    expect(issue.us.weight).toBe(6)
    expect(issue.them.weight).toBe(7)
    const next = addIssue(plan, issue)
    expect(valid(next)).toEqual([])
    expect(unusedIssueName(next)).toBe('New issue 2')
    expect(newIssue(next, 'New issue').id).toBe('new_issue_2')
  })

  it('removes an issue with everything that names it, and says what went', () => {
    const plan = {
      ...salesPlan(),
      elicitation: {
        us: {
          ranking: ['price', 'term', 'rollout'],
          tradeoffs: [{ issues: ['rollout', 'term'] as [string, string], answer: 'first' as const }],
        },
      },
    }
    const { plan: next, dropped } = removeIssue(plan, 'rollout')
    expect(next.issues.map((i) => i.id)).not.toContain('rollout')
    expect(next.decisionRule?.require).toEqual([])
    expect(next.limits?.map((l) => l.issue)).toEqual(['price', 'credits'])
    expect(next.elicitation?.us?.ranking).toEqual(['price', 'term'])
    expect(next.elicitation?.us?.tradeoffs).toEqual([])
    expect(dropped).toEqual(['1 condition of the decision rule', '1 limit'])
    expect(valid(next)).toEqual([])
    const price = removeIssue(plan, 'price')
    expect(price.dropped).toEqual([
      '1 limit',
      'the anchor',
      'the money issue for concession values (numeraire)',
    ])
    expect(valid(price.plan)).toEqual([])
    expect(plan.issues).toHaveLength(7)
  })

  it('renames an id everywhere it is named', () => {
    const next = renameIssueId(salesPlan(), 'price', 'annual_fee')
    expect(next.issues[0]?.id).toBe('annual_fee')
    expect(next.limits?.[0]?.issue).toBe('annual_fee')
    expect(next.anchor?.issue).toBe('annual_fee')
    expect(next.numeraire).toBe('annual_fee')
    expect(valid(next)).toEqual([])
  })
})

describe('changing levels', () => {
  it('keeps scores when an option is renamed in place, letter by letter', () => {
    let plan = salesPlan()
    plan = setIssueOptions(plan, 3, ['standard', 'premium', 'e'])
    plan = setIssueOptions(plan, 3, ['standard', 'premium', 'ent'])
    expect(plan.issues[3]?.us.scores).toEqual({ standard: 100, premium: 85, ent: 35 })
    expect(plan.issues[3]?.them.scores).toEqual({ standard: 0, premium: 70, ent: 100 })
    expect(valid(plan)).toEqual([])
  })

  it('keeps scores by name when options are added or removed, and scores a new one 50', () => {
    const added = setIssueOptions(salesPlan(), 3, ['standard', 'premium', 'enterprise', 'platinum'])
    expect(added.issues[3]?.us.scores).toEqual({ standard: 100, premium: 85, enterprise: 35, platinum: 50 })
    const removed = setIssueOptions(salesPlan(), 3, ['standard', 'enterprise'])
    expect(removed.issues[3]?.us.scores).toEqual({ standard: 100, enterprise: 35 })
  })

  it('carries an elicitation order through a rename', () => {
    const plan = {
      ...salesPlan(),
      elicitation: { us: { orders: { support: ['standard', 'premium', 'enterprise'] } } },
    }
    const next = setIssueOptions(plan, 3, ['standard', 'premium', 'ent'])
    expect(next.elicitation?.us?.orders?.support).toEqual(['standard', 'premium', 'ent'])
  })

  it('switches a range to options and back, staying valid', () => {
    const options = setIssueKind(salesPlan(), 1, 'options')
    expect(options.issues[1]?.options).toEqual([30, 45, 60, 75, 90])
    expect(options.issues[1]?.range).toBeUndefined()
    expect(valid(options)).toEqual([])
    const back = setIssueKind(options, 1, 'range')
    expect(back.issues[1]?.range).toEqual({ min: 30, max: 90, step: 15 })
    expect(valid(back)).toEqual([])
    const wide = setIssueKind(salesPlan(), 0, 'options')
    expect(wide.issues[0]?.options).toEqual([
      180000, 190000, 200000, 210000, 220000, 230000, 240000, 250000, 260000,
    ])
  })

  it('turns text options into a range with a direction', () => {
    const next = setIssueKind(salesPlan(), 2, 'range')
    expect(next.issues[2]?.range).toEqual({ min: 0, max: 10, step: 1 })
    expect(next.issues[2]?.us).toEqual({ weight: 10, prefer: 'high' })
    expect(next.issues[2]?.them).toEqual({ weight: 15, prefer: 'low' })
    expect(valid(next)).toEqual([])
  })
})

describe('switching how a side scores an issue', () => {
  it('turns a direction into the same scores', () => {
    const next = setPreferenceMode(salesPlan(), 4, 'us', 'scores')
    expect(next.issues[4]?.us).toEqual({ weight: 8, scores: { '5': 100, '10': 66.7, '15': 33.3, '20': 0 } })
    expect(valid(next)).toEqual([])
  })

  it('turns a curve into a direction and a direction into a curve through its ends', () => {
    const direction = setPreferenceMode(salesPlan(), 1, 'us', 'high')
    expect(direction.issues[1]?.us).toEqual({ weight: 8, prefer: 'high' })
    const curve = setPreferenceMode(salesPlan(), 0, 'them', 'points')
    expect(curve.issues[0]?.them).toEqual({
      weight: 25,
      points: [
        [180000, 100],
        [260000, 0],
      ],
    })
    expect(valid(curve)).toEqual([])
  })

  it('scores levels as core does', () => {
    const issue = salesPlan().issues[1]
    expect(issue && currentScores(issue, 'us').map((s) => s.score)).toEqual([0, 60, 90, 95, 100])
  })
})
