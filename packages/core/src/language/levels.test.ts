import { describe, expect, it } from 'vitest'
import { formatLevel, formatLevelWithUnit, inSentence, unitFor } from './levels'

describe('levels as people write them', () => {
  it('writes an option as the plan writes it, and a number with its unit', () => {
    expect(formatLevelWithUnit('monthly-csv', 'format')).toBe('monthly-csv')
    expect(formatLevelWithUnit(99.9, 'percent')).toBe('99.9 percent')
    expect(formatLevelWithUnit(230000, 'USD/year')).toBe('230,000 USD/year')
    expect(formatLevel(5000)).toBe('5000')
  })

  it('groups money from a thousand, and leaves other four-digit numbers (a year, a code) as they are', () => {
    expect(formatLevelWithUnit(5000, 'USD/year')).toBe('5,000 USD/year')
    expect(formatLevelWithUnit(1500, 'EUR')).toBe('1,500 EUR')
    expect(formatLevelWithUnit(2500, '€ per month')).toBe('2,500 € per month')
    expect(formatLevelWithUnit(999, 'USD')).toBe('999 USD')
    expect(formatLevelWithUnit(1500.5, 'USD')).toBe('1500.5 USD')
    expect(formatLevelWithUnit(2027, 'intake year')).toBe('2027 intake year')
    expect(formatLevelWithUnit(1200, 'hours')).toBe('1200 hours')
    // A word in capitals is not a currency code unless it stands alone.
    expect(formatLevelWithUnit(4000, 'USERS')).toBe('4000 USERS')
  })

  it('agrees a counted unit with its number: 1 month, 12 months after start', () => {
    expect(formatLevelWithUnit(1, 'months')).toBe('1 month')
    expect(formatLevelWithUnit(1, 'days after signature')).toBe('1 day after signature')
    expect(formatLevelWithUnit(36, 'months')).toBe('36 months')
    expect(formatLevelWithUnit(12, 'month after start')).toBe('12 months after start')
    expect(formatLevelWithUnit(1, 'month after start')).toBe('1 month after start')
    expect(formatLevelWithUnit(0.5, 'units')).toBe('0.5 units')
    // The unit alone, as a table's unit column shows it beside the number.
    expect(unitFor(6, 'month after start')).toBe('months after start')
    expect(unitFor(1, 'months')).toBe('month')
    expect(unitFor(2, 'USD/year')).toBe('USD/year')
  })

  it('leaves units that are not regular plurals as they are', () => {
    expect(formatLevelWithUnit(1, 'percent')).toBe('1 percent')
    expect(formatLevelWithUnit(2, 'percent')).toBe('2 percent')
    expect(formatLevelWithUnit(1, 'status')).toBe('1 status')
    expect(formatLevelWithUnit(1, 'USD/year')).toBe('1 USD/year')
    expect(formatLevelWithUnit(1, '% of monthly fee')).toBe('1 % of monthly fee')
  })

  it('writes an issue name inside a sentence, keeping acronyms', () => {
    expect(inSentence('Annual price')).toBe('annual price')
    expect(inSentence('SLA credits')).toBe('SLA credits')
    expect(inSentence('Go-live for all claims teams')).toBe('go-live for all claims teams')
    expect(inSentence('Uptime SLA')).toBe('uptime SLA')
    // A proper name first (two capitalised words) keeps its capital.
    expect(inSentence('Quarry Labs L5 (Senior) base band')).toBe('Quarry Labs L5 (Senior) base band')
    expect(inSentence('Fenwick Research price benchmark')).toBe('Fenwick Research price benchmark')
    expect(inSentence('Market base salary for senior engineers')).toBe(
      'market base salary for senior engineers',
    )
  })
})
