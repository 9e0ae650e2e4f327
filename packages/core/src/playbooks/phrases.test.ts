import { describe, expect, it } from 'vitest'
import { formatLevel, formatLevelWithUnit } from './phrases'

describe('levels as people write them', () => {
  it('groups the thousands of large whole numbers only', () => {
    expect(formatLevel(230000)).toBe('230,000')
    expect(formatLevel(99.9)).toBe('99.9')
    expect(formatLevel('milestone')).toBe('milestone')
  })

  // Moved from the web app's terms formatting, which now writes levels with this.
  it('writes numeric levels with thousands and the unit, words as they are', () => {
    expect(formatLevelWithUnit(210000, 'USD/year')).toBe('210,000 USD/year')
    expect(formatLevelWithUnit('milestone', 'schedule')).toBe('milestone')
  })

  it('leaves out a unit that is not there', () => {
    expect(formatLevelWithUnit(45, '')).toBe('45')
    expect(formatLevelWithUnit(45, undefined)).toBe('45')
  })
})
