import { describe, expect, it } from 'vitest'
import { choiceText, levelText, moneyText, percent, pts, signed, termsText } from './format'

const issues = [
  { id: 'price', name: 'Annual fee', unit: 'USD/year', numeric: true },
  { id: 'billing', name: 'Billing', unit: 'schedule', numeric: false },
]

describe('numbers as the command line shows them', () => {
  it('writes utilities with one decimal, rounding halves up', () => {
    expect(pts(70.925)).toBe('70.9')
    expect(pts(71.69166)).toBe('71.7')
    expect(pts(0.25)).toBe('0.3')
    expect(pts(100)).toBe('100.0')
  })
  it('signs changes, and never shows minus zero', () => {
    expect(signed(3.14)).toBe('+3.1')
    expect(signed(-3.16)).toBe('-3.2')
    expect(signed(-0.04)).toBe('+0.0')
  })
  it('writes shares as whole percents', () => {
    expect(percent(0.254)).toBe('25%')
    expect(percent(0.006)).toBe('1%')
    expect(percent(0)).toBe('0%')
  })
})

describe('terms', () => {
  it('writes numeric levels with thousands and the unit, words as they are', () => {
    expect(levelText(issues[0] as (typeof issues)[0], 210000)).toBe('210,000 USD/year')
    expect(levelText(issues[1] as (typeof issues)[0], 'milestone')).toBe('milestone')
  })
  it('lists terms in plan order with issue names, and keeps unknown issues by id', () => {
    expect(termsText(issues, { billing: 'milestone', price: 210000, gone: 3 })).toBe(
      'Annual fee 210,000 USD/year · Billing milestone · gone 3',
    )
  })
  it('writes money equivalents rounded with separators', () => {
    expect(moneyText(10234.6, 'USD/year')).toBe('about 10,235 USD/year')
    expect(moneyText(-4500, 'USD/year')).toBe('about -4,500 USD/year')
  })
})

describe('what a choice would tell us', () => {
  it('names the two issues the bundle is best for, heaviest first', () => {
    expect(choiceText(issues, { price: 0.1, billing: 0.6, other: 0.3 })).toBe(
      'Best for them if they weigh Billing (60%) and other (30%) most',
    )
    expect(choiceText(issues, {})).toBe('')
  })
})
