import { formatShare as percent, formatPoints as points } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { weight } from './format'

describe('numbers on screen', () => {
  it('prints utilities with one decimal, as the command line does', () => {
    expect(points(47.95)).toBe('48.0')
    expect(points(35)).toBe('35.0')
    expect(points(0.04)).toBe('0.0')
  })

  it('prints shares as whole percents, with one decimal below 1%', () => {
    expect(percent(0.35)).toBe('35%')
    expect(percent(0.004)).toBe('0.4%')
    expect(percent(0)).toBe('0%')
  })

  it('prints weights with at most one decimal', () => {
    expect(weight(34.6666)).toBe('34.7')
    expect(weight(8)).toBe('8')
  })
})
