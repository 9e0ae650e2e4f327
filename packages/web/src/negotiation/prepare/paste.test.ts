import { validatePlanValue } from '@parley/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyPaste, describePaste, headerColumns, isBlock, parseClipboard } from './paste'
import { salesPlan } from './test-plans'

const errors = (plan: unknown) => {
  const result = validatePlanValue(plan)
  return result.ok ? [] : result.errors.map((e) => `${e.at.join('.')}: ${e.message}`)
}

describe('clipboard text', () => {
  it('splits rows and tab-separated cells, with any line ending, and drops a trailing newline', () => {
    expect(parseClipboard('a\tb\r\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseClipboard('one')).toEqual([['one']])
  })

  it('tells a block from a single value', () => {
    expect(isBlock('35')).toBe(false)
    expect(isBlock('35\n')).toBe(false)
    expect(isBlock('35\t20')).toBe(true)
    expect(isBlock('35\n20')).toBe(true)
  })

  it('recognises a header row in the usual wordings', () => {
    expect(headerColumns(['Issue', 'Unit', 'Our weight', 'Their weight (est.)', 'Tradeable?'])).toEqual([
      'name',
      'unit',
      'usWeight',
      'themWeight',
      'tradeable',
    ])
    expect(headerColumns(['Name', 'Min', 'Max', 'Step', 'Notes'])).toEqual([
      'name',
      'min',
      'max',
      'step',
      'ignore',
    ])
    expect(headerColumns(['Price', '35', '25'])).toBeUndefined()
    expect(headerColumns(['Issue'])).toBeUndefined()
    expect(headerColumns(['Unit', 'Issue'])).toBeUndefined()
  })

  it('never throws on any text, and reports rather than breaks (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { plan, report } = applyPaste(salesPlan(), text)
        expect(plan.issues.length).toBe(salesPlan().issues.length + report.added.length)
      }),
    )
  })
})

describe('pasting into the issues grid', () => {
  it('fills existing issues by name and adds the others, with a header', () => {
    const text = [
      'Issue\tUnit\tLevels\tOur weight\tTheir weight\tTradeable',
      'annual subscription fee\t\t\t40\t30\tno',
      'Training days\tdays\t0-10 step 2\t3\t12%\tyes',
    ].join('\n')
    const { plan, report } = applyPaste(salesPlan(), text)
    expect(report).toEqual({
      updated: ['Annual subscription fee'],
      added: ['Training days'],
      problems: [],
      ignored: [],
    })
    expect(plan.issues[0]?.us.weight).toBe(40)
    expect(plan.issues[0]?.them.weight).toBe(30)
    expect(plan.issues[0]?.unit).toBe('USD/year')
    const added = plan.issues[7]
    expect(added).toMatchObject({
      id: 'training_days',
      name: 'Training days',
      unit: 'days',
      range: { min: 0, max: 10, step: 2 },
      us: { weight: 3, prefer: 'high' },
      them: { weight: 12, prefer: 'low' },
      tradeable: true,
    })
    expect(errors(plan)).toEqual([])
    expect(describePaste(report)).toBe('Filled Annual subscription fee. Added Training days.')
  })

  it('reads rows without a header in the grid column order', () => {
    const text =
      'Onboarding\tsessions\tnone, basic, full\t5\tnone: 100, basic: 80, full: 20\t9\thigh\t0, 50, 100\tyes\n'
    const { plan, report } = applyPaste(salesPlan(), text)
    expect(report.added).toEqual(['Onboarding'])
    expect(plan.issues[7]).toMatchObject({
      options: ['none', 'basic', 'full'],
      us: { weight: 5, scores: { none: 100, basic: 80, full: 20 } },
      them: { weight: 9, confidence: 'high', scores: { none: 0, basic: 50, full: 100 } },
      tradeable: true,
    })
    expect(errors(plan)).toEqual([])
  })

  it('fills down and right from the focused cell like a spreadsheet', () => {
    const { plan, report } = applyPaste(salesPlan(), '30\tlow\n9\n', { row: 0, column: 'usWeight' })
    expect(plan.issues[0]?.us).toEqual({ weight: 30, prefer: 'low' })
    expect(plan.issues[1]?.us.weight).toBe(9)
    expect(report.updated).toEqual(['Annual subscription fee', 'Go-live for all claims teams'])
  })

  it('reports cells it can not read, with row and column, and leaves them unchanged', () => {
    const text = 'Issue\tOur weight\tConfidence\tWhatever\nContract term\tlots\tsure\tx\n\t5\n'
    const { plan, report } = applyPaste(salesPlan(), text)
    expect(plan.issues[5]?.us.weight).toBe(20)
    expect(report.problems).toEqual([
      "row 2, our weight: 'lots' is not a number",
      "row 2, confidence: 'sure' is not a confidence: low, medium or high",
      'row 3: no issue name in the first column',
    ])
    expect(report.ignored).toEqual(['Whatever'])
  })

  it('says when a block runs past the last issue', () => {
    const { report } = applyPaste(salesPlan(), '1\n2\n3\n', { row: 6, column: 'themWeight' })
    expect(report.problems).toHaveLength(2)
    expect(report.problems[0]).toContain('row 2: there is no issue below')
  })

  it('turns a range into options when options are pasted over it', () => {
    const { plan } = applyPaste(salesPlan(), 'Issue\tOptions\nGo-live for all claims teams\t30, 60, 90')
    expect(plan.issues[1]?.options).toEqual([30, 60, 90])
    expect(plan.issues[1]?.range).toBeUndefined()
    expect(errors(plan)).toEqual([])
  })
})
