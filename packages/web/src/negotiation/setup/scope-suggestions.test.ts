import { validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import type { Tradeable } from '../../workspace/tradeable-form'
import { salesPlan } from '../prepare/test-plans'
import { addEntryAsIssue, issueFromEntry, scopeSuggestions } from './scope-suggestions'

function entry(name: string, more: Partial<Tradeable> = {}): Tradeable {
  return {
    id: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    createdBy: 'u1',
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...more,
  }
}

describe('suggestions from the tradeables library', () => {
  it("keeps entries for the plan's context or for any, tradeables first, cheapest and most valued first", () => {
    const library = [
      entry('Case study rights', { costToUs: 'low', valueToThem: 'medium' }),
      entry('Hiring freeze clause', { contexts: ['hiring'] }),
      entry('Do not open on price', {
        lesson: 'They anchored low when we led with price.',
        contexts: ['sales'],
      }),
      entry('Training seats', { costToUs: 'low', valueToThem: 'high', contexts: ['sales', 'partnership'] }),
      entry('Dedicated engineer', { costToUs: 'high', valueToThem: 'high' }),
    ]
    const suggestions = scopeSuggestions(library, salesPlan())
    expect(suggestions.map((s) => [s.entry.name, s.kind])).toEqual([
      ['Training seats', 'tradeable'],
      ['Case study rights', 'tradeable'],
      ['Dedicated engineer', 'tradeable'],
      ['Do not open on price', 'lesson'],
    ])
  })

  it('says when the plan already has the entry as an issue, by name or by id', () => {
    const plan = salesPlan()
    const [byName, byId, fresh] = scopeSuggestions(
      [
        entry('Premium support', { issue: 'Support tier', costToUs: 'low' }),
        entry('Uplift', { costToUs: 'low' }),
        entry('Onboarding workshops'),
      ],
      plan,
    )
    expect(byName?.inPlan).toBe('support')
    expect(byName?.issueName).toBe('Support tier')
    expect(byId?.inPlan).toBe('uplift')
    expect(fresh?.inPlan).toBeUndefined()
  })
})

describe('adding an entry as an issue', () => {
  it('makes a valid tradeable issue with the entry’s name, unit and description', () => {
    const plan = salesPlan()
    const source = entry('Onboarding workshops', {
      description: 'Half-day sessions for their claims teams',
      unit: 'sessions',
    })
    expect(issueFromEntry(plan, source)).toMatchObject({
      id: 'onboarding_workshops',
      name: 'Onboarding workshops',
      unit: 'sessions',
      description: 'Half-day sessions for their claims teams',
      tradeable: true,
    })
    const { plan: next, id } = addEntryAsIssue(plan, source)
    expect(id).toBe('onboarding_workshops')
    expect(next.issues.at(-1)?.id).toBe(id)
    expect(validatePlanValue(next).ok).toBe(true)
  })

  it("names the issue after the entry's issue when it gives one, and keeps the default unit without one", () => {
    const issue = issueFromEntry(salesPlan(), entry('Lesson: give seats', { issue: 'Training seats' }))
    expect(issue.name).toBe('Training seats')
    expect(issue.unit).toBe('units')
  })
})
