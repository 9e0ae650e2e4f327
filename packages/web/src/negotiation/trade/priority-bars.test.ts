import { describe, expect, it } from 'vitest'
import { position, shareScale } from './priority-bars'

const entry = (mean: number, low: number, high: number, estimate: number) => ({ mean, low, high, estimate })

describe('the priority bars', () => {
  it('ends the axis at the next 10% above the largest value shown', () => {
    expect(shareScale([entry(0.2, 0.1, 0.34, 0.25), entry(0.05, 0.01, 0.1, 0.08)])).toBe(0.4)
    expect(shareScale([entry(0.3, 0.2, 0.4, 0.3)])).toBe(0.5)
    expect(shareScale([entry(0.01, 0, 0.02, 0.01)])).toBe(0.1)
    expect(shareScale([entry(0.9, 0.8, 0.99, 0.9)])).toBe(1)
  })
  it('places shares along the bar within its ends', () => {
    expect(position(0.2, 0.4)).toBe(50)
    expect(position(0.5, 0.4)).toBe(100)
    expect(position(-0.1, 0.4)).toBe(0)
  })
})
