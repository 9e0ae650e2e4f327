import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  capitalised,
  count,
  listAnd,
  listOr,
  nounFor,
  pluralOf,
  quoted,
  sentence,
  standingAlone,
  withArticle,
  withoutFullStop,
} from './english'

describe('a clause standing alone', () => {
  it('takes a capital first letter, and the rest as it is', () => {
    expect(capitalised('the contingency is part of the deal: keep trading')).toBe(
      'The contingency is part of the deal: keep trading',
    )
    expect(capitalised('SLA credits')).toBe('SLA credits')
    expect(capitalised('')).toBe('')
  })

  it('reads as a sentence of its own: a capital first, one full stop last (after an aside in brackets)', () => {
    expect(standingAlone('ask whether they accept our offer')).toBe('Ask whether they accept our offer.')
    expect(standingAlone('propose uplift 3 % (+1.0 for us)')).toBe('Propose uplift 3 % (+1.0 for us).')
    expect(standingAlone('joint value: a bet both prefer.')).toBe('Joint value: a bet both prefer.')
  })
})

describe('counts', () => {
  it('agree with their number', () => {
    expect(count(1, 'day')).toBe('1 day')
    expect(count(2, 'day')).toBe('2 days')
    expect(count(0, 'answer')).toBe('0 answers')
    expect(count(1, 'option')).toBe('1 option')
    expect(count(3, 'policy')).toBe('3 policies')
    expect(count(2, 'match')).toBe('2 matches')
    expect(count(2, 'answer to a prompt')).toBe('2 answers to a prompt')
    expect(nounFor(1, 'person')).toBe('person')
    expect(pluralOf('person')).toBe('people')
  })
  it('never writes "1 <plural>" nor "<n≠1> <singular>"', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.constantFrom('day', 'option', 'answer', 'bundle', 'issue'),
        (n, noun) => {
          const text = count(n, noun)
          expect(text.endsWith('s')).toBe(n !== 1)
        },
      ),
    )
  })
})

describe('lists', () => {
  it('join words with one conjunction and no serial comma', () => {
    expect(listAnd([])).toBe('')
    expect(listAnd(['a'])).toBe('a')
    expect(listAnd(['a', 'b'])).toBe('a and b')
    expect(listAnd(['a', 'b', 'c'])).toBe('a, b and c')
    expect(listOr(['a', 'b', 'c'])).toBe('a, b or c')
    expect(listAnd(['a', '', 'c'])).toBe('a and c')
  })

  it("agree with CLDR's British lists (Intl.ListFormat en-GB) for any words", () => {
    const and = new Intl.ListFormat('en-GB', { type: 'conjunction', style: 'long' })
    const or = new Intl.ListFormat('en-GB', { type: 'disjunction', style: 'long' })
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 7 }), (words) => {
        const kept = words.filter((word) => word !== '')
        expect(listAnd(words)).toBe(and.format(kept))
        expect(listOr(words)).toBe(or.format(kept))
      }),
    )
  })
})

describe('sentences', () => {
  it.each([
    ['credit', 'credit.'],
    ['credit..', 'credit.'],
    ['credit. ', 'credit.'],
    ['credit.?', 'credit?'],
    ['is it?', 'is it?'],
    ['they said "yes."', 'they said "yes."'],
    ['they said "yes"', 'they said "yes."'],
    ['it takes 13.1 (and gives back 0.9)', 'it takes 13.1 (and gives back 0.9).'],
    ['see the plan (section 2.)', 'see the plan (section 2.)'],
  ])('%j ends as %j', (text, expected) => {
    expect(sentence(text)).toBe(expected)
  })
  it('drops a closing full stop inside a sentence', () => {
    expect(withoutFullStop('the rule.')).toBe('the rule')
  })
  it('never end in two full stops or a full stop before another mark', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const out = sentence(`x${text}`)
        expect(out).not.toMatch(/\.\.$|\.[?!]$/)
        expect(out).toMatch(/[.?!]["'”’)]?$/)
      }),
    )
  })
  it('quotes once', () => {
    expect(quoted('fair')).toBe('"fair"')
    expect(quoted('"fair"')).toBe('"fair"')
  })
})

describe('articles', () => {
  it.each([
    ['review cadence', 'a'],
    ['exit', 'an'],
    ['change control', 'a'],
    ['SLA', 'an'],
    ['NDA', 'an'],
    ['user group', 'a'],
    ['update', 'an'],
    ['one-off fee', 'a'],
    ['so-called fee', 'a'],
  ])('%j takes %j', (noun, article) => {
    expect(withArticle(noun)).toBe(`${article} ${noun}`)
  })
})
