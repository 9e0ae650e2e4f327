import { describe, expect, it } from 'vitest'
import { formatPoints, formatShare, formatSigned } from './figures'

describe('figures as people read them', () => {
  it('writes utilities with one decimal', () => {
    expect(formatPoints(47.95)).toBe('48.0')
    expect(formatPoints(35)).toBe('35.0')
    expect(formatPoints(0.04)).toBe('0.0')
    expect(formatPoints(70.925)).toBe('70.9')
  })

  it('signs margins', () => {
    expect(formatSigned(8.24)).toBe('+8.2')
    expect(formatSigned(-3)).toBe('-3.0')
    expect(formatSigned(0)).toBe('+0.0')
  })

  it('writes shares as whole percents, with one decimal below 1%', () => {
    expect(formatShare(0.35)).toBe('35%')
    expect(formatShare(0.004)).toBe('0.4%')
    expect(formatShare(0)).toBe('0%')
  })
})
