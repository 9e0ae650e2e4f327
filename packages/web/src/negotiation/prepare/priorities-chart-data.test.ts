import { compileSpace, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import type { Tradeable } from '../../workspace/tradeable-form'
import { addIssue } from './issue-edits'
import {
  chartSummary,
  flagTradeable,
  issueFromLibrary,
  librarySuggestions,
  matrixInputs,
  quarterOf,
  suggestedTradeables,
} from './priorities-chart-data'
import { priorityMatrix } from './priority-matrix'
import { salesPlan } from './test-plans'

function entry(fields: Partial<Tradeable> & { name: string }): Tradeable {
  return {
    id: fields.name,
    createdBy: 'u1',
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...fields,
  }
}

describe('the chart of priorities', () => {
  it('puts each issue at its share of our weight and of their estimated weight', () => {
    const inputs = matrixInputs(compileSpace(salesPlan()))
    expect(inputs[0]).toEqual({
      id: 'price',
      label: 'Annual subscription fee',
      us: 0.35,
      them: 0.25,
      tradeable: false,
    })
    expect(inputs.find((input) => input.id === 'support')?.tradeable).toBe(true)
  })

  it('says where everything is in words, with shares as the command line prints them', () => {
    const layout = priorityMatrix(matrixInputs(compileSpace(salesPlan())))
    expect(chartSummary(layout)).toBe(
      'Priorities chart of 7 issues: share of our weight across, share of their estimated weight up, ' +
        'split at the average share of 14%. Cheap for us, valuable for them (where trades are funded): ' +
        'Go-live for all claims teams, Billing schedule, Support tier. Flagged tradeable: Support tier. ' +
        'The table below gives every number.',
    )
    const quarters = Object.fromEntries(layout.points.map((p) => [p.id, quarterOf(p, layout.split.share)]))
    expect(quarters).toMatchObject({
      price: 'Valuable to both',
      term: 'Valuable to us, cheap for them',
      rollout: 'Cheap for us, valuable for them',
      credits: 'Low for both',
    })
  })

  it('suggests the corner issues not yet flagged, and flags one', () => {
    const plan = salesPlan()
    const layout = priorityMatrix(matrixInputs(compileSpace(plan)))
    expect(suggestedTradeables(layout).map((point) => point.id)).toEqual(['rollout', 'billing'])
    const flagged = flagTradeable(plan, 'billing')
    expect(flagged.issues.find((issue) => issue.id === 'billing')?.tradeable).toBe(true)
    const again = priorityMatrix(matrixInputs(compileSpace(flagged)))
    expect(suggestedTradeables(again).map((point) => point.id)).toEqual(['rollout'])
  })
})

describe('the tradeables library', () => {
  const library = [
    entry({ name: 'Training days', contexts: ['sales'], costToUs: 'low', valueToThem: 'high', unit: 'days' }),
    entry({ name: 'Equity refresh', contexts: ['hiring'] }),
    entry({ name: 'Case study', description: 'A joint case study' }),
    entry({ name: 'support tier' }),
    entry({ name: 'Keep the go-live honest', issue: 'Go-live for all claims teams', lesson: 'Ask early.' }),
  ]

  it("offers entries for the plan's context or any context, and says which are issues already", () => {
    const suggestions = librarySuggestions(library, salesPlan())
    expect(suggestions.map((s) => [s.entry.name, s.inPlan])).toEqual([
      ['Training days', undefined],
      ['Case study', undefined],
      ['support tier', 'Support tier'],
      ['Keep the go-live honest', 'Go-live for all claims teams'],
    ])
  })

  it('makes a valid new issue from an entry, with its unit and description', () => {
    const plan = salesPlan()
    const [training, , caseStudy] = library
    if (!training || !caseStudy) throw new Error('fixture')
    const issue = issueFromLibrary(plan, training)
    expect(issue).toMatchObject({ id: 'training_days', name: 'Training days', unit: 'days' })
    expect(issue.tradeable).toBeUndefined()
    const next = addIssue(plan, issueFromLibrary(plan, caseStudy))
    expect(next.issues.at(-1)).toMatchObject({
      id: 'case_study',
      unit: 'units',
      description: 'A joint case study',
    })
    expect(validatePlanValue(next).ok).toBe(true)
  })

  it('keeps the id an entry was stored under when it is free and valid, and makes one otherwise', () => {
    const plan = salesPlan()
    expect(issueFromLibrary(plan, entry({ name: 'Onsite days', issue: 'onsite' })).id).toBe('onsite')
    expect(issueFromLibrary(plan, entry({ name: 'Price again', issue: 'price' })).id).toBe('price_again')
    expect(issueFromLibrary(plan, entry({ name: 'Onsite', issue: 'Onsite days' })).id).toBe('onsite')
  })
})
