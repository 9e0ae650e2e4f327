import { validatePlanValue } from '@parley/core'
import type { Tradeable } from '@parley/server/contract'
import { describe, expect, it } from 'vitest'
import { addEntryAsIssue, issueFromEntry, librarySuggestions } from './library'
import { salesPlan } from './prepare/test-plans'

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
    const suggestions = librarySuggestions(library, salesPlan())
    expect(suggestions.map((s) => [s.entry.name, s.kind])).toEqual([
      ['Training seats', 'tradeable'],
      ['Case study rights', 'tradeable'],
      ['Dedicated engineer', 'tradeable'],
      ['Do not open on price', 'lesson'],
    ])
  })

  it('says which issue of the plan an entry already is: by its name, its id, or the issue it was kept with', () => {
    // In the order suggested: tradeables by value less cost, lessons last.
    const [byName, byId, byKeptName, fresh, byKeptId] = librarySuggestions(
      [
        entry('support tier', { costToUs: 'low', valueToThem: 'high' }),
        entry('Uplift', { costToUs: 'low', valueToThem: 'medium' }),
        entry('Premium support', { issue: 'Support tier', costToUs: 'medium', valueToThem: 'medium' }),
        entry('Keep the go-live honest', { issue: 'rollout', lesson: 'Ask early.' }),
        entry('Onboarding workshops', { costToUs: 'high', valueToThem: 'low' }),
      ],
      salesPlan(),
    )
    expect(byName?.inPlan).toBe('support')
    expect(byId?.inPlan).toBe('uplift')
    expect(byKeptName?.inPlan).toBe('support')
    expect(byKeptId?.inPlan).toBe('rollout')
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

  it('keeps the id an entry was kept with when it is free and valid, and makes one otherwise', () => {
    const plan = salesPlan()
    expect(issueFromEntry(plan, entry('Onsite days', { issue: 'onsite' })).id).toBe('onsite')
    expect(issueFromEntry(plan, entry('Price again', { issue: 'price' })).id).toBe('price_again')
    expect(issueFromEntry(plan, entry('Onsite', { issue: 'Onsite days' })).id).toBe('onsite')
  })

  it('brings in the issue a lesson names, not flagged tradeable, and without the lesson as its description', () => {
    const issue = issueFromEntry(
      salesPlan(),
      entry('Settle it first', {
        issue: 'warranty_months',
        lesson: 'Agree it before price.',
        description: 'x',
      }),
    )
    expect(issue).toMatchObject({ id: 'warranty_months', name: 'Warranty months', unit: 'units' })
    expect(issue.tradeable).toBeUndefined()
    expect(issue.description).toBeUndefined()
  })
})
