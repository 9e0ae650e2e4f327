import { describe, expect, it } from 'vitest'
import { evidenceIssue, type IssueUnit } from './evidence-issue'
import type { Plan } from './plan'

const issues: IssueUnit[] = [
  { id: 'salary', unit: 'USD/year', numeric: true },
  { id: 'dev_budget', unit: 'USD/year', numeric: true },
  { id: 'sign_on', unit: 'USD', numeric: true },
  { id: 'level', unit: 'level', numeric: false },
]
const evidence: NonNullable<Plan['evidence']> = [
  { claim: 'Market base salary', range: [175000, 205000], unit: 'USD/year' },
  { claim: 'Training budgets at peers', range: [2000, 6000], unit: 'USD/year' },
  { claim: 'Bonus she forfeits', range: [18000, 26000], unit: 'USD' },
  { claim: 'Delivery cost', range: [38000, 52000], unit: 'USD one-off' },
  { claim: 'Training budgets, named', range: [2000, 6000], unit: 'USD/year', issue: 'dev_budget' },
  { claim: 'No unit', range: [1, 2] },
]
const anchor = { issue: 'salary', low: 185000, high: 192000, evidence: [0, 3] }

describe('the issue an evidence item speaks to', () => {
  it('is the one numeric issue in its unit, and none when several share the unit', () => {
    expect(evidenceIssue({ evidence }, issues, 2)).toBe('sign_on')
    expect(evidenceIssue({ evidence }, issues, 0)).toBeUndefined()
    expect(evidenceIssue({ evidence }, issues, 1)).toBeUndefined()
    expect(evidenceIssue({ evidence }, issues, 5)).toBeUndefined()
    expect(evidenceIssue({ evidence }, issues, 9)).toBeUndefined()
  })

  it("is the anchor's issue for evidence the anchor cites in that issue's unit, and only then", () => {
    expect(evidenceIssue({ evidence, anchor }, issues, 0)).toBe('salary')
    // Cited by the anchor in another unit: a cost behind the rationale, not a salary range.
    expect(evidenceIssue({ evidence, anchor }, issues, 3)).toBeUndefined()
    // Not cited by the anchor: still ambiguous.
    expect(evidenceIssue({ evidence, anchor }, issues, 1)).toBeUndefined()
  })

  it('is the issue the item names, whatever its unit', () => {
    expect(evidenceIssue({ evidence, anchor }, issues, 4)).toBe('dev_budget')
  })
})
