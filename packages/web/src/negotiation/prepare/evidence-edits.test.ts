import { formatPath, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { addEvidence, citeEvidence, rangeWithEnd, removeEvidence } from './evidence-edits'
import { setIn } from './plan-paths'
import { salesPlan } from './test-plans'

const errors = (plan: unknown) => {
  const result = validatePlanValue(plan)
  return result.ok ? [] : result.errors.map((e) => `${formatPath(e.at)}: ${e.message}`)
}

describe('the evidence pack', () => {
  it('adds an empty item whose claim core asks for', () => {
    const plan = addEvidence(salesPlan())
    expect(plan.evidence).toHaveLength(4)
    expect(errors(plan)).toEqual(['evidence[3].claim: must not be empty'])
  })

  it('drops the citation of a removed item and renumbers the later ones, and says so', () => {
    const plan = salesPlan() // the anchor cites 0 and 2
    const first = removeEvidence(plan, 0)
    expect(first.plan.evidence?.map((e) => e.claim)).toEqual([
      'Competing quote they hold',
      'Our cost to deliver in 45 days',
    ])
    expect(first.plan.anchor?.evidence).toEqual([1])
    expect(first.note).toBe(
      "the anchor no longer cites it; the anchor's citations of later items are renumbered to match.",
    )
    expect(errors(first.plan)).toEqual([])

    const middle = removeEvidence(plan, 1)
    expect(middle.plan.anchor?.evidence).toEqual([0, 1])
    expect(middle.note).toBe("the anchor's citations of later items are renumbered to match.")

    const last = removeEvidence(plan, 2)
    expect(last.plan.anchor?.evidence).toEqual([0])
    expect(last.note).toBe('the anchor no longer cites it.')
    expect(plan.evidence).toHaveLength(3)
  })

  it('takes the citations away when the last cited item goes, and says nothing without an anchor', () => {
    const plan = { ...salesPlan(), anchor: { issue: 'price', low: 240000, high: 255000, evidence: [1] } }
    const { plan: next } = removeEvidence(plan, 1)
    expect(next.anchor).toEqual({ issue: 'price', low: 240000, high: 255000 })
    const { anchor: _anchor, ...bare } = salesPlan()
    expect(removeEvidence(bare, 0).note).toBeUndefined()
    expect(removeEvidence(bare, 7).plan).toBe(bare)
  })

  it('cites items in order, once, and removes the list when nothing is cited', () => {
    let plan = citeEvidence(salesPlan(), 1, true)
    expect(plan.anchor?.evidence).toEqual([0, 1, 2])
    plan = citeEvidence(plan, 1, true)
    expect(plan.anchor?.evidence).toEqual([0, 1, 2])
    plan = citeEvidence(citeEvidence(citeEvidence(plan, 0, false), 1, false), 2, false)
    expect(plan.anchor && 'evidence' in plan.anchor).toBe(false)
  })

  it('edits a range one end at a time and leaves a missing end for core to point at', () => {
    const plan = salesPlan()
    const cleared = setIn(
      plan,
      ['evidence', 0, 'range'],
      rangeWithEnd(plan.evidence?.[0]?.range, 1, undefined),
    )
    expect(errors(cleared)).toEqual(['evidence[0].range[1]: is required'])
    const both = setIn(
      cleared,
      ['evidence', 0, 'range'],
      rangeWithEnd(cleared.evidence?.[0]?.range, 0, undefined),
    )
    expect(both.evidence?.[0]).toEqual({ claim: 'Benchmark price at 400 to 500 seats', unit: 'USD/year' })
    expect(errors(both)).toEqual([])
    const typed = setIn(both, ['evidence', 0, 'range'], rangeWithEnd(both.evidence?.[0]?.range, 1, 5))
    expect(errors(typed)).toEqual(['evidence[0].range[0]: is required'])
  })
})
