import { formatPath, type Plan, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { moveInGrid } from './grid-navigation'
import { addIssue, newIssue } from './issue-edits'
import {
  type CellKey,
  cellText,
  editCell,
  levelCount,
  preferenceChoices,
  problemCell,
  problemsByCell,
  renameIssue,
  rowCells,
  rowStops,
  weightShares,
} from './issues-grid-cells'
import { salesPlan } from './test-plans'

/** Core's problems for a plan, with their paths written as the grid's model gives them. */
function problems(plan: Plan) {
  const result = validatePlanValue(plan)
  return [...(result.ok ? [] : result.errors), ...result.warnings].map((p) => ({
    path: formatPath(p.at),
    message: p.message,
  }))
}

function issueProblems(plan: Plan, index: number) {
  const prefix = `issues[${index}]`
  return problems(plan).filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
  )
}

function edited(plan: Plan, index: number, key: CellKey, text: string): Plan {
  const result = editCell(plan, index, key, text)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

const keys = (plan: Plan, index: number) => {
  const issue = plan.issues[index]
  if (!issue) throw new Error(`no issue ${index}`)
  return rowCells(issue, index).map((cell) => cell.key)
}

describe('the cells of a row', () => {
  it('follow the issue: min, max and step for a range, a list for options, a cell per scored option', () => {
    const plan = salesPlan()
    expect(keys(plan, 0)).toEqual([
      'name',
      'unit',
      'kind',
      'min',
      'max',
      'step',
      'usWeight',
      'usMode',
      'themWeight',
      'confidence',
      'themMode',
      'tradeable',
      'remove',
    ])
    // Rollout: a curve for us, a direction for them.
    expect(keys(plan, 1)).toContain('usCurve')
    expect(keys(plan, 1)).not.toContain('themCurve')
    expect(keys(plan, 2)).toEqual([
      'name',
      'unit',
      'kind',
      'options',
      'usWeight',
      'usMode',
      'usScore:annual-upfront',
      'usScore:quarterly',
      'usScore:milestone',
      'themWeight',
      'confidence',
      'themMode',
      'themScore:annual-upfront',
      'themScore:quarterly',
      'themScore:milestone',
      'tradeable',
      'remove',
    ])
  })

  it('sit under the grid columns in order, so moving down keeps to the column', () => {
    const plan = salesPlan()
    const rows = plan.issues.map((issue, k) => rowStops(rowCells(issue, k)))
    for (const row of rows) {
      const xs = row.map((stop) => stop.x)
      expect(xs).toEqual([...xs].sort((a, b) => a - b))
    }
    // From a range's step to the options below it, from the third score to the third score below.
    expect(moveInGrid(rows, { row: 1, key: 'step' }, 'down')).toEqual({ row: 2, key: 'options' })
    expect(moveInGrid(rows, { row: 2, key: 'usScore:milestone' }, 'down')).toEqual({
      row: 3,
      key: 'usScore:enterprise',
    })
    expect(moveInGrid(rows, { row: 1, key: 'usCurve' }, 'down')).toEqual({
      row: 2,
      key: 'usScore:annual-upfront',
    })
    expect(moveInGrid(rows, { row: 0, key: 'themWeight' }, 'down')).toEqual({ row: 1, key: 'themWeight' })
  })
})

describe('where problems show', () => {
  it('puts each of core’s problems under an issue at the cell that edits it', () => {
    let plan = edited(salesPlan(), 0, 'usWeight', '-5')
    plan = edited(plan, 0, 'step', '30000')
    plan = edited(plan, 2, 'themScore:quarterly', '')
    plan = edited(plan, 3, 'themScore:premium', '140')
    const at = (index: number) => {
      const issue = plan.issues[index]
      if (!issue) throw new Error('no issue')
      const byCell = problemsByCell(rowCells(issue, index), issueProblems(plan, index))
      return Object.fromEntries([...byCell].map(([key, list]) => [key, list.map((p) => p.message)]))
    }
    expect(at(0)).toEqual({
      usWeight: ['must be greater than 0'],
      step: ['step 30000 does not divide max - min (260000 - 180000 = 80000)'],
    })
    expect(at(2)).toEqual({ themMode: ["missing a score for option 'quarterly'"] })
    expect(at(3)).toEqual({ 'themScore:premium': [expect.stringContaining('100')] })
  })

  it('shows what no cell edits (a duplicate id, the issue itself) at the name', () => {
    const plan = salesPlan()
    const cells = rowCells(plan.issues[0] as Plan['issues'][number], 0)
    expect(problemCell(cells, 'issues[0].id')).toBe('name')
    expect(problemCell(cells, 'issues[0]')).toBe('name')
    expect(problemCell(cells, 'issues[0].colour')).toBe('name')
    expect(problemCell(cells, 'issues[0].range')).toBe('step')
    expect(problemCell(cells, 'issues[0].range.min')).toBe('min')
    expect(problemCell(cells, 'issues[0].us.prefer')).toBe('usMode')
    expect(problemCell(cells, 'issues[0].them.confidence')).toBe('confidence')
    // A score on a range (no score cells): at the way of scoring.
    expect(problemCell(cells, 'issues[0].them.scores.premium')).toBe('themMode')
  })
})

describe('typing in a cell', () => {
  it('changes nothing when what a cell shows is typed back', () => {
    const plan = salesPlan()
    plan.issues.forEach((issue, index) => {
      for (const cell of rowCells(issue, index)) {
        if (cell.control !== 'text' && cell.control !== 'select') continue
        expect(edited(plan, index, cell.key, cellText(issue, cell.key)), `${issue.id} ${cell.key}`).toEqual(
          plan,
        )
      }
    })
  })

  it('sets a weight as typed, clears it so core says it is required, and refuses what is not a number', () => {
    const plan = edited(salesPlan(), 0, 'usWeight', '50')
    expect(plan.issues[0]?.us.weight).toBe(50)
    expect(cellText(plan.issues[0] as Plan['issues'][number], 'usWeight')).toBe('50')
    const cleared = edited(plan, 0, 'themWeight', ' ')
    expect(issueProblems(cleared, 0)).toEqual([{ path: 'issues[0].them.weight', message: 'is required' }])
    expect(editCell(plan, 0, 'usWeight', 'lots')).toEqual({ ok: false, message: "'lots' is not a number" })
    expect(edited(plan, 0, 'usWeight', '1,000').issues[0]?.us.weight).toBe(1000)
  })

  it('keeps the other scores while one is retyped, and renames an option without losing its scores', () => {
    let plan = edited(salesPlan(), 3, 'usScore:premium', '')
    expect(plan.issues[3]?.us.scores).toEqual({ standard: 100, enterprise: 35 })
    plan = edited(plan, 3, 'usScore:premium', '80')
    expect(plan.issues[3]?.us.scores).toEqual({ standard: 100, enterprise: 35, premium: 80 })
    plan = edited(plan, 3, 'options', 'basic, premium, enterprise')
    expect(plan.issues[3]?.us.scores).toEqual({ basic: 100, premium: 80, enterprise: 35 })
    expect(problems(plan)).toEqual([])
  })

  it('switches between a range and options, and between ways of scoring', () => {
    let plan = edited(salesPlan(), 1, 'kind', 'options')
    expect(plan.issues[1]?.options).toEqual([30, 45, 60, 75, 90])
    plan = edited(plan, 0, 'themMode', 'points')
    expect(plan.issues[0]?.them.points).toEqual([
      [180000, 100],
      [260000, 0],
    ])
    plan = edited(plan, 0, 'themCurve', '180000:100, 220000:30, 260000:0')
    expect(plan.issues[0]?.them.points).toHaveLength(3)
    expect(problems(plan)).toEqual([])
    expect(editCell(plan, 0, 'themCurve', '180000')).toMatchObject({ ok: false })
  })

  it('sets the confidence and the tradeable flag, and removes them again', () => {
    let plan = edited(salesPlan(), 0, 'confidence', 'low')
    plan = edited(plan, 0, 'tradeable', 'yes')
    expect(plan.issues[0]).toMatchObject({ tradeable: true, them: { confidence: 'low' } })
    plan = edited(edited(plan, 0, 'confidence', ''), 0, 'tradeable', 'no')
    expect(plan.issues[0]).toEqual(salesPlan().issues[0])
  })

  it('gives a fresh issue the id its new name suggests, and keeps the id of one already in use', () => {
    const base = salesPlan()
    const withNew = addIssue(base, newIssue(base, 'New issue'))
    const index = withNew.issues.length - 1
    const fresh = renameIssue(withNew, index, 'Warranty period', true)
    expect(fresh.issues[index]).toMatchObject({ id: 'warranty_period', name: 'Warranty period' })
    const renamed = editCell(withNew, index, 'name', 'Price', { fresh: new Set(['new_issue']) })
    expect(renamed.ok && renamed.value.issues[index]?.id).toBe('price_2')
    const kept = edited(base, 0, 'name', 'Annual fee')
    expect(kept.issues[0]).toMatchObject({ id: 'price', name: 'Annual fee' })
    expect(problems(kept)).toEqual([])
  })
})

describe('weights and levels', () => {
  it('shows each side’s shares of the weights, leaving out a weight that is not a number yet', () => {
    const plan = salesPlan()
    const shares = weightShares(plan, 'us')
    expect(shares.reduce<number>((sum, share) => sum + (share ?? 0), 0)).toBeCloseTo(1)
    expect(shares[0]).toBeCloseTo(35 / 100)
    const cleared = edited(plan, 0, 'usWeight', '')
    expect(weightShares(cleared, 'us')[0]).toBeUndefined()
    expect(weightShares(cleared, 'us')[1]).toBeCloseTo(8 / 65)
  })

  it('offers only the ways of scoring that fit the levels', () => {
    const plan = salesPlan()
    expect(preferenceChoices(plan.issues[0] as Plan['issues'][number], 'us')).toEqual([
      'high',
      'low',
      'points',
    ])
    expect(preferenceChoices(plan.issues[3] as Plan['issues'][number], 'us')).toEqual(['scores'])
    expect(preferenceChoices(plan.issues[4] as Plan['issues'][number], 'us')).toEqual([
      'high',
      'low',
      'scores',
      'points',
    ])
  })

  it('counts the levels of a well-formed issue', () => {
    const plan = salesPlan()
    expect(plan.issues.map(levelCount).slice(0, 3)).toEqual([9, 5, 3])
    expect(levelCount(edited(plan, 0, 'step', '30000').issues[0] as Plan['issues'][number])).toBeUndefined()
  })
})
