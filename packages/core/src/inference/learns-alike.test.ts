import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { negotiation } from '../journal/status'
import type { Plan } from '../model/plan'
import { compileSpace } from '../scoring/space'
import { journalArb } from '../testing/journals'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { learnsAlike } from './learns-alike'

const plan = acmePlan()
const space = compileSpace(plan)
const edit = (change: (plan: Plan) => Plan) => compileSpace(change(JSON.parse(JSON.stringify(plan)) as Plan))
const firstIssue = (plan: Plan, change: (issue: Plan['issues'][number]) => Plan['issues'][number]) => ({
  ...plan,
  issues: plan.issues.map((issue, i) => (i === 0 ? change(issue) : issue)),
})

describe('two versions of a plan that learn alike', () => {
  it('are those that differ only outside the other side’s part of the issues', () => {
    expect(learnsAlike(space, compileSpace(JSON.parse(JSON.stringify(plan)) as Plan))).toBe(true)
    expect(
      learnsAlike(
        space,
        edit((p) => ({ ...p, title: 'Acme renewal, edited' })),
      ),
    ).toBe(true)
    expect(
      learnsAlike(
        space,
        edit((p) => firstIssue(p, (i) => ({ ...i, us: { ...i.us, weight: 5 } }))),
      ),
    ).toBe(true)
    expect(
      learnsAlike(
        space,
        edit((p) => ({ ...p, reservation: 10 })),
      ),
    ).toBe(true)
    // Their weight, confidence or direction, or the levels: learned otherwise.
    for (const changed of [
      edit((p) => firstIssue(p, (i) => ({ ...i, them: { ...i.them, weight: 5 } }))),
      edit((p) => firstIssue(p, (i) => ({ ...i, them: { ...i.them, confidence: 'low' } }))),
      edit((p) => firstIssue(p, (i) => ({ ...i, them: { ...i.them, uncertain: true } }))),
      edit((p) => firstIssue(p, (i) => ({ ...i, them: { ...i.them, prefer: 'high' } }))),
      edit((p) => firstIssue(p, (i) => ({ ...i, range: { min: 90000, max: 150000, step: 5000 } }))),
    ])
      expect(learnsAlike(space, changed)).toBe(false)
  })

  it('continue from each other’s negotiation with exactly what learning every move again gives', () => {
    const ours = edit((p) => ({
      ...firstIssue(p, (i) => ({ ...i, us: { ...i.us, weight: 5 } })),
      title: 'Acme renewal, edited',
    }))
    expect(learnsAlike(space, ours)).toBe(true)
    fc.assert(
      fc.property(journalArb(plan, { maxEvents: 8 }), fc.nat(), (events, cut) => {
        const before = negotiation(space, events.slice(0, cut % (events.length + 1)))
        const continued = negotiation(ours, events, before)
        const whole = negotiation(ours, events)
        expect(continued.posterior).toEqual(whole.posterior)
        expect(continued.state).toEqual(whole.state)
      }),
      { numRuns: runs(15) },
    )
  })
})
