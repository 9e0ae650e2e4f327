import { type Constraint, compileSpace, formatPath, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { salesPlan } from '../prepare/test-plans'
import {
  addTerm,
  asIssue,
  asSum,
  issueConstraint,
  opsFor,
  removeTerm,
  SUM_OPS,
  sumConstraint,
  toggleLevel,
  withIssue,
  withOp,
  withTerm,
} from './constraint-edits'

const space = compileSpace(salesPlan())
const issue = (id: string) => {
  const found = space.byId.get(id)
  if (!found) throw new Error(`no issue ${id}`)
  return found
}

/** Problems core finds with the constraint as the decision rule's only condition. */
function problems(constraint: Constraint): string[] {
  const result = validatePlanValue({ ...salesPlan(), decisionRule: { require: [constraint] } })
  return result.ok ? [] : result.errors.map((e) => `${formatPath(e.at)}: ${e.message}`)
}

describe('conditions on one issue', () => {
  it('starts a condition that every level passes, and core reads it', () => {
    expect(issueConstraint(issue('price'))).toEqual({ issue: 'price', op: '<=', value: 260000 })
    expect(issueConstraint(issue('support'))).toEqual({
      issue: 'support',
      op: 'in',
      value: ['standard', 'premium', 'enterprise'],
    })
    expect(problems(issueConstraint(issue('price')))).toEqual([])
    expect(problems(issueConstraint(issue('support')))).toEqual([])
  })

  it('offers only = and in for text options', () => {
    expect(opsFor(issue('support'))).toEqual(['=', 'in'])
    expect(opsFor(issue('price'))).toContain('<')
    expect(SUM_OPS).not.toContain('in')
  })

  it('restarts the value when the issue changes, keeping an operator the new issue takes', () => {
    const rollout: Constraint = { issue: 'rollout', op: '>=', value: 45 }
    expect(withIssue(rollout, issue('price'))).toEqual({ issue: 'price', op: '>=', value: 180000 })
    expect(withIssue(rollout, issue('billing'))).toEqual({
      issue: 'billing',
      op: 'in',
      value: ['annual-upfront', 'quarterly', 'milestone'],
    })
    expect(problems(withIssue(rollout, issue('billing')))).toEqual([])
  })

  it('wraps the value in a list for in, and keeps the first level when leaving it', () => {
    const single: Constraint = { issue: 'term', op: '>=', value: 24 }
    const listed = withOp(single, 'in', issue('term'))
    expect(listed).toEqual({ issue: 'term', op: 'in', value: [24] })
    expect(withOp({ ...listed, value: [36, 12] }, '<=', issue('term'))).toEqual({
      issue: 'term',
      op: '<=',
      value: 36,
    })
    expect(withOp({ ...listed, value: [] }, '>=', issue('term'))).toEqual({
      issue: 'term',
      op: '>=',
      value: 12,
    })
    expect(withOp(single, '<', issue('term'))).toEqual({ issue: 'term', op: '<', value: 24 })
  })

  it('ticks levels in the issue order and lets the list go empty for core to report', () => {
    let constraint: Constraint = { issue: 'support', op: 'in', value: ['enterprise'] }
    constraint = toggleLevel(constraint, 'standard', true, issue('support'))
    expect(constraint.value).toEqual(['standard', 'enterprise'])
    constraint = toggleLevel(constraint, 'standard', false, issue('support'))
    constraint = toggleLevel(constraint, 'enterprise', false, issue('support'))
    expect(constraint.value).toEqual([])
    expect(problems(constraint)).toEqual(['decisionRule.require[0].value: must not be empty'])
  })

  it('keeps a level the issue does not have, so core can name it', () => {
    const constraint: Constraint = { issue: 'support', op: 'in', value: ['gold'] }
    expect(toggleLevel(constraint, 'premium', true, issue('support')).value).toEqual(['premium', 'gold'])
  })
})

describe('weighted sums', () => {
  it('starts a sum on the first numeric issue, and core reads it', () => {
    const sum = sumConstraint(space.issues)
    expect(sum).toEqual({ sum: [{ issue: 'price', times: 1 }], op: '<=', value: 260000 })
    expect(sum && problems(sum)).toEqual([])
    expect(sumConstraint([issue('support')])).toBeUndefined()
  })

  it('turns a numeric condition into a sum over its issue, and back', () => {
    const limit: Constraint = { issue: 'rollout', op: '<=', value: 60 }
    const sum = asSum(limit, space.issues)
    expect(sum).toEqual({ sum: [{ issue: 'rollout', times: 1 }], op: '<=', value: 60 })
    expect(asIssue(sum, space.issues)).toEqual({ issue: 'rollout', op: '<=', value: 90 })
    const fromText = asSum({ issue: 'support', op: 'in', value: ['premium'] }, space.issues)
    expect(fromText).toEqual({ sum: [{ issue: 'price', times: 1 }], op: '<=', value: 260000 })
  })

  it('adds the next issue not yet summed, edits and removes terms, and keeps the last one', () => {
    let sum: Constraint = { sum: [{ issue: 'price', times: 1 }], op: '<=', value: 300000 }
    sum = addTerm(sum, space.issues)
    expect(sum.sum).toEqual([
      { issue: 'price', times: 1 },
      { issue: 'rollout', times: 1 },
    ])
    sum = withTerm(sum, 1, { issue: 'credits', times: 1000 })
    expect(problems(sum)).toEqual([])
    sum = removeTerm(sum, 0)
    expect(sum.sum).toEqual([{ issue: 'credits', times: 1000 }])
    expect(removeTerm(sum, 0)).toBe(sum)
  })

  it('never gives a sum the in operator', () => {
    const sum: Constraint = { sum: [{ issue: 'price', times: 1 }], op: '<=', value: 1 }
    expect(withOp(sum, 'in', undefined).op).toBe('=')
    expect(withOp(sum, '>', undefined)).toEqual({ ...sum, op: '>' })
  })
})
