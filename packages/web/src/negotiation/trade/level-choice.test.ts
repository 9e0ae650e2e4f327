import { describe, expect, it } from 'vitest'
import { levelKey, levelOfKey, levelOptions } from './level-choice'

const term = { id: 'term', name: 'Contract term', unit: 'months', numeric: true, levels: [12, 24, 36] }
const billing = {
  id: 'billing',
  name: 'Billing',
  unit: 'schedule',
  numeric: false,
  levels: ['quarterly', 'milestone'],
}

describe('levels in select boxes', () => {
  it('reads a key back to the level itself, numbers as numbers', () => {
    expect(levelOfKey(term, levelKey(36))).toBe(36)
    expect(levelOfKey(billing, 'milestone')).toBe('milestone')
  })
  it('reads an empty or unknown key as no level', () => {
    expect(levelOfKey(term, '')).toBeUndefined()
    expect(levelOfKey(term, '48')).toBeUndefined()
  })
  it('labels options with units and marks the level on the table', () => {
    expect(levelOptions(term, 24)).toEqual([
      { value: '12', label: '12 months' },
      { value: '24', label: '24 months (now)' },
      { value: '36', label: '36 months' },
    ])
  })
})
