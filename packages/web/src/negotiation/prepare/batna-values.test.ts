import { describe, expect, it } from 'vitest'
import { placeMarks, readCost } from './batna-values'
import { fieldText } from './plan-paths'

describe('a BATNA cost as typed', () => {
  it('keeps plain numbers as numbers and everything else as the text typed', () => {
    expect(readCost('120000')).toBe(120000)
    expect(readCost('-5.5')).toBe(-5.5)
    expect(readCost('0')).toBe(0)
    expect(readCost('120,000 USD')).toBe('120,000 USD')
    expect(readCost('12.')).toBe('12.')
    expect(readCost('12.50')).toBe('12.50')
    expect(readCost('0120')).toBe('0120')
    expect(readCost(' 12')).toBe(' 12')
    expect(readCost('')).toBeUndefined()
  })

  it('shows a number as it was typed, so the field never jumps', () => {
    for (const typed of ['120000', '-5.5', '12.', 'three months'])
      expect(fieldText(readCost(typed))).toBe(typed)
    expect(fieldText(undefined)).toBe('')
  })
})

describe('marks on the utility scale', () => {
  it('keeps labels closer than the gap on different rows, and reuses rows when it can', () => {
    const placed = placeMarks(
      [
        { key: 'aspiration', label: 'Aspiration', value: 72 },
        { key: 'batna', label: 'Our BATNA', value: 35 },
        { key: 'reservation', label: 'Reservation', value: 40 },
        { key: 'other', label: 'Other', value: 42 },
      ],
      8,
    )
    expect(placed.map((mark) => [mark.key, mark.row])).toEqual([
      ['batna', 0],
      ['reservation', 1],
      ['other', 2],
      ['aspiration', 0],
    ])
  })
})
