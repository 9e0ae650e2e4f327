import { compileSpace } from '@parley/core'
import { describe, expect, it } from 'vitest'
import {
  chartSummary,
  flagTradeable,
  matrixInputs,
  quarterOf,
  suggestedTradeables,
} from './priorities-chart-data'
import { priorityMatrix } from './priority-matrix'
import { salesPlan } from './test-plans'

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
