import { describe, expect, it } from 'vitest'
import { choiceText, moneyText, termsText } from './terms-text'

const issues = [
  { id: 'price', name: 'Annual fee', unit: 'USD/year', numeric: true },
  { id: 'billing', name: 'Billing', unit: 'schedule', numeric: false },
]

describe('terms', () => {
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
      'they weigh Billing (60%) and other (30%) most',
    )
    expect(choiceText(issues, {})).toBe('')
  })
})
