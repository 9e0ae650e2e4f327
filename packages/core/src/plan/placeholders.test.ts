import { describe, expect, it } from 'vitest'
import { holdsPlaceholder, placeholders } from './placeholders'

describe('placeholders', () => {
  it('finds the blanks a starter leaves, with their paths', () => {
    expect(
      placeholders({
        title: '<Customer> subscription 2027',
        parties: { them: { name: 'Acme', stakeholders: [{ faceSaving: '<what they must report>' }] } },
        evidence: [{ date: '<2026-09>' }],
      }),
    ).toEqual([
      { at: ['title'], text: '<Customer>' },
      { at: ['parties', 'them', 'stakeholders', 0, 'faceSaving'], text: '<what they must report>' },
      { at: ['evidence', 0, 'date'], text: '<2026-09>' },
    ])
  })
  it('leaves the operators of a rule and ordinary comparisons alone', () => {
    expect(holdsPlaceholder('<=')).toBe(false)
    expect(holdsPlaceholder('<')).toBe(false)
    expect(holdsPlaceholder('price < 200 and > 100')).toBe(false)
    expect(holdsPlaceholder('rollout <= 60 days')).toBe(false)
    expect(placeholders({ require: [{ issue: 'rollout', op: '<=', value: 60 }] })).toEqual([])
  })
})
