import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIssueId, issueIdFromName } from './issue-ids'

describe('issue ids from names', () => {
  it('lowercases and joins words with underscores', () => {
    expect(issueIdFromName('Annual price (USD)', [])).toBe('annual_price_usd')
    expect(issueIdFromName('Go-live date', [])).toBe('go_live_date')
    expect(issueIdFromName('Café crème', [])).toBe('cafe_creme')
  })

  it('starts with a letter, falling back to "issue"', () => {
    expect(issueIdFromName('24/7 support', [])).toBe('support')
    expect(issueIdFromName('€€€', [])).toBe('issue')
    expect(issueIdFromName('', [])).toBe('issue')
  })

  it('numbers a name already taken', () => {
    expect(issueIdFromName('Price', ['price'])).toBe('price_2')
    expect(issueIdFromName('Price', ['price', 'price_2'])).toBe('price_3')
  })

  it('always gives a valid id not yet taken (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.array(fc.string({ maxLength: 10 })), (name, others) => {
        const taken = [...others, issueIdFromName(name, [])]
        const id = issueIdFromName(name, taken)
        expect(isIssueId(id)).toBe(true)
        expect(taken).not.toContain(id)
      }),
    )
  })
})
