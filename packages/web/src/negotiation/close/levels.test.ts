import { describe, expect, it } from 'vitest'
import { levelLabel, levelOfKey, levelOptions } from './levels'

describe('levels in a select', () => {
  const price = { unit: 'USD/year', levels: [110000, 115000, 120000] }
  const support = { unit: 'tier', levels: ['standard', 'premium'] }
  it('labels numbers with their unit, and options as they are', () => {
    expect(levelLabel(price, 115000)).toBe('115,000 USD/year')
    expect(levelLabel(support, 'premium')).toBe('premium')
  })
  it('gives back the typed level of a value', () => {
    const options = levelOptions({ unit: 'months', levels: [12, 24, 36] }, 24)
    expect(options.map((o) => o.value)).toEqual(['12', '24', '36'])
    expect(levelOfKey(options, '36')).toBe(36)
    expect(levelOfKey(options, '48')).toBeUndefined()
  })
  it('keeps a chosen level that is off the grid', () => {
    expect(levelOptions(price, 117500).map((o) => o.label)).toEqual([
      '110,000 USD/year',
      '115,000 USD/year',
      '120,000 USD/year',
      '117,500 USD/year',
    ])
  })
})
