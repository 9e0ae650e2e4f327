import { describe, expect, it } from 'vitest'
import {
  formatOptions,
  formatPoints,
  readConfidence,
  readLevels,
  readNumber,
  readOptions,
  readPoints,
  readPreference,
  readYesNo,
} from './level-text'

describe('reading what people type into cells', () => {
  it('reads numbers as spreadsheets write them', () => {
    expect(readNumber('35')).toBe(35)
    expect(readNumber(' 35% ')).toBe(35)
    expect(readNumber('1,000,000')).toBe(1_000_000)
    expect(readNumber('2.5')).toBe(2.5)
    expect(readNumber('')).toBeUndefined()
    expect(readNumber('abc')).toBeUndefined()
  })

  it('reads option lists as numbers only when all are numbers', () => {
    expect(readOptions('12, 24, 36')).toEqual([12, 24, 36])
    expect(readOptions('standard, premium; enterprise')).toEqual(['standard', 'premium', 'enterprise'])
    expect(readOptions('12, 24 months')).toEqual(['12', '24 months'])
    expect(readOptions(' , ')).toEqual([])
    expect(formatOptions(['a', 5])).toBe('a, 5')
  })

  it('reads ranges in the usual spellings, and options otherwise', () => {
    expect(readLevels('180000-260000 step 10000')).toEqual({
      ok: true,
      value: { range: { min: 180000, max: 260000, step: 10000 } },
    })
    expect(readLevels('30..90 by 15')).toEqual({ ok: true, value: { range: { min: 30, max: 90, step: 15 } } })
    expect(readLevels('0 to 10')).toEqual({ ok: true, value: { range: { min: 0, max: 10, step: 1 } } })
    expect(readLevels('180,000 – 260,000 / 10,000')).toEqual({
      ok: true,
      value: { range: { min: 180000, max: 260000, step: 10000 } },
    })
    expect(readLevels('standard, premium')).toEqual({ ok: true, value: { options: ['standard', 'premium'] } })
    expect(readLevels('  ').ok).toBe(false)
  })

  it('reads curves and writes them back the same way', () => {
    const read = readPoints('30:0, 45:60; 90 -> 100')
    expect(read).toEqual({
      ok: true,
      value: [
        [30, 0],
        [45, 60],
        [90, 100],
      ],
    })
    if (read.ok) expect(formatPoints(read.value)).toBe('30:0, 45:60, 90:100')
    expect(readPoints('30:0').ok).toBe(false)
    expect(readPoints('30:0, x:1').ok).toBe(false)
  })

  it('reads preferences: a direction, scores by name or in order, or a curve', () => {
    const options = { kind: 'options' as const, options: ['standard', 'premium', 'enterprise'] }
    expect(readPreference('prefer high', options)).toEqual({ ok: true, value: { prefer: 'high' } })
    expect(readPreference('Lower is better', options)).toEqual({ ok: true, value: { prefer: 'low' } })
    expect(readPreference('standard: 100, premium=60, enterprise: 0', options)).toEqual({
      ok: true,
      value: { scores: { standard: 100, premium: 60, enterprise: 0 } },
    })
    expect(readPreference('100, 60, 0', options)).toEqual({
      ok: true,
      value: { scores: { standard: 100, premium: 60, enterprise: 0 } },
    })
    expect(readPreference('30:0, 90:100', { kind: 'range' })).toEqual({
      ok: true,
      value: {
        points: [
          [30, 0],
          [90, 100],
        ],
      },
    })
    expect(readPreference('best', options).ok).toBe(false)
    expect(readPreference('sometimes', { kind: 'range' }).ok).toBe(false)
  })

  it('reads yes/no and confidence words', () => {
    expect(readYesNo('Yes')).toEqual({ ok: true, value: true })
    expect(readYesNo('x')).toEqual({ ok: true, value: true })
    expect(readYesNo('')).toEqual({ ok: true, value: false })
    expect(readYesNo('maybe').ok).toBe(false)
    expect(readConfidence('Med')).toEqual({ ok: true, value: 'medium' })
    expect(readConfidence('sure').ok).toBe(false)
  })
})
