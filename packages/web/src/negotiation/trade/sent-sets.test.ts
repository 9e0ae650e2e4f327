import { describe, expect, it } from 'vitest'
import { sameBundles } from './sent-sets'

describe('the same set of bundles', () => {
  const a = { price: 100, term: 24, support: 'premium' }
  const b = { price: 120, term: 36, support: 'standard' }
  it('whatever the order of the bundles or of their terms', () => {
    expect(sameBundles([a, b], [b, a])).toBe(true)
    expect(sameBundles([{ term: 24, support: 'premium', price: 100 }], [a])).toBe(true)
  })
  it('differs on any level, a bundle more or less, or a repeated bundle', () => {
    expect(sameBundles([a, b], [a, { ...b, price: 121 }])).toBe(false)
    expect(sameBundles([a, b], [a])).toBe(false)
    expect(sameBundles([a, a], [a, b])).toBe(false)
    expect(sameBundles([a, b], [a, b, a])).toBe(false)
  })
})
