import { compileSpace } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { findingsAt, isWithin, planFindings, problemsBelow, problemsFor, unclaimed } from './plan-problems'
import { salesPlan } from './prepare/test-plans'

describe("the linter's findings beside the fields", () => {
  it('places a finding on the plan at the path of the field it is about, with its fix', () => {
    const plan = salesPlan()
    const space = compileSpace({ ...plan, anchor: { issue: 'price', low: 240000, high: 255000 } })
    const at = findingsAt(planFindings(space), 'anchor')
    expect(at).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^the anchor on price cites no evidence\. Tie the anchor/),
      }),
    ])
  })

  it('reports a private figure in the rationale as an error at the rationale', () => {
    const plan = salesPlan()
    const space = compileSpace({
      ...plan,
      anchor: {
        issue: 'price',
        low: 240000,
        high: 255000,
        rationale: 'Anything under 48 and we walk.',
        evidence: [0],
      },
    })
    const at = findingsAt(planFindings(space), 'anchor.rationale')
    expect(at).toHaveLength(1)
    expect(at[0]?.severity).toBe('error')
    expect(at[0]?.message).toContain('is our reservation')
  })

  it('leaves to the check what it already warns about, and lints each space once', () => {
    const space = compileSpace({ ...salesPlan(), reservation: 20 })
    const findings = planFindings(space)
    expect(findings.map((f) => f.id)).not.toContain('reservation-below-batna')
    expect(planFindings(space)).toBe(findings)
  })

  it('joins the check and the linter for one field', () => {
    const space = compileSpace({ ...salesPlan(), reservation: 100 })
    const model = {
      space,
      problemsAt: (path: string) =>
        path === 'reservation' ? [{ message: 'from the check', severity: 'warning' as const }] : [],
    }
    const problems = problemsFor(model, 'reservation')
    expect(problems[0]).toEqual({ message: 'from the check', severity: 'warning' })
    expect(problems[1]?.message).toMatch(/below our reservation \(100\.0\)/)
  })
})

describe('problems of a part', () => {
  it('says where a deeper problem is', () => {
    const model = {
      problemsUnder: () => [
        { path: 'decisionRule.require[0].value', message: 'must not be empty', severity: 'error' as const },
        {
          path: 'decisionRule.require[0].value[1]',
          message: "'gold' is not an option",
          severity: 'error' as const,
        },
      ],
    }
    expect(problemsBelow(model, 'decisionRule.require[0].value').map((p) => p.message)).toEqual([
      'must not be empty',
      "value[1]: 'gold' is not an option",
    ])
  })

  it('keeps what no field claims', () => {
    const problems = [{ path: 'batna.us' }, { path: 'batna.us.utility' }, { path: 'batna.usual' }]
    expect(unclaimed(problems, ['batna.us.utility', 'batna.usual'])).toEqual([{ path: 'batna.us' }])
    expect(isWithin('anchor.evidence[0]', 'anchor.evidence')).toBe(true)
    expect(isWithin('anchor.evidenced', 'anchor.evidence')).toBe(false)
  })
})
