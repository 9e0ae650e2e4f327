import { formatPath, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import {
  addApprovalLimit,
  addStakeholder,
  linesText,
  readLines,
  sameLines,
  splitApprovalLimit,
} from './counterparty-edits'
import { salesPlan } from './test-plans'

const errors = (plan: unknown) => {
  const result = validatePlanValue(plan)
  return result.ok ? [] : result.errors.map((e) => `${formatPath(e.at)}: ${e.message}`)
}

describe('interests, one to a line', () => {
  it('reads trimmed lines and leaves blank ones out', () => {
    expect(readLines('budget predictability\n\n  fast rollout \n')).toEqual([
      'budget predictability',
      'fast rollout',
    ])
    expect(readLines('')).toEqual([])
    expect(linesText(['a', 'b'])).toBe('a\nb')
    expect(linesText(undefined)).toBe('')
  })

  it('keeps what is being typed while it reads as the list held', () => {
    expect(sameLines('budget\n', ['budget'])).toBe(true)
    expect(sameLines('budget \n  ', ['budget'])).toBe(true)
    expect(sameLines('budget\nrisk', ['budget'])).toBe(false)
    expect(sameLines('', undefined)).toBe(true)
  })
})

describe('new entries of the map', () => {
  it('adds a stakeholder whose name core asks for', () => {
    const plan = addStakeholder(salesPlan())
    expect(plan.parties.them.stakeholders).toHaveLength(2)
    expect(errors(plan)).toEqual(['parties.them.stakeholders[1].name: must not be empty'])
  })

  it('adds an approval limit whose approver core asks for, and splits it for editing', () => {
    const plan = addApprovalLimit(salesPlan(), { issue: 'price', op: '<=', value: 230000 })
    const limit = plan.parties.them.approvalLimits?.[0]
    expect(limit).toEqual({ approver: '', issue: 'price', op: '<=', value: 230000 })
    expect(errors(plan)).toEqual(['parties.them.approvalLimits[0].approver: must not be empty'])
    if (!limit) throw new Error('no limit')
    expect(splitApprovalLimit(limit)).toEqual({
      approver: '',
      constraint: { issue: 'price', op: '<=', value: 230000 },
    })
  })
})
