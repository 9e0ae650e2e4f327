import { describe, expect, it } from 'vitest'
import { LINT_PASSES } from './passes'
import { RULES } from './rules'

describe('the lint table', () => {
  it('checks every rule, and reports no rule outside the catalogue', () => {
    const checked = new Set(LINT_PASSES.flatMap((pass) => pass.rules))
    expect(checked).toEqual(new Set(Object.values(RULES)))
  })

  it('names every pass once', () => {
    const names = LINT_PASSES.map((pass) => pass.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
