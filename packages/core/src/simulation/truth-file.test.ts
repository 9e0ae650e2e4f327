import { describe, expect, it } from 'vitest'
import { formatPath } from '../model/problem'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { readTruthDocument } from './truth-file'

const space = compileSpace(acmePlan())

const valid = {
  issues: {
    price: { weight: 20, prefer: 'low' },
    rollout: {
      weight: 50,
      points: [
        [30, 100],
        [120, 0],
      ],
    },
    support: { weight: 30, scores: { standard: 10, premium: 100, enterprise: 40 } },
  },
  batna: 42,
}

function problems(value: unknown): string[] {
  const read = readTruthDocument(space, value)
  if (read.ok) return []
  return read.errors.map((error) => `${formatPath(error.at)}: ${error.message}`)
}

describe('a truth file', () => {
  it('gives weights and the score of every level, in the plan’s own scoring words', () => {
    const read = readTruthDocument(space, valid)
    if (!read.ok) throw new Error('expected a truth')
    expect(read.truth.weights).toEqual([20, 50, 30])
    expect(read.truth.batna).toBe(42)
    // price 90,000..140,000 preferred low; rollout 30..120 piecewise from 100 to 0; support as given.
    expect(read.truth.scores[0]?.[0]).toBe(100)
    expect(read.truth.scores[0]?.at(-1)).toBe(0)
    expect(read.truth.scores[1]?.[2]).toBeCloseTo(100 - (100 * 30) / 90, 9)
    expect(read.truth.scores[2]).toEqual([10, 100, 40])
    const noBatna = readTruthDocument(space, { issues: valid.issues })
    expect(noBatna.ok && noBatna.truth.batna).toBeUndefined()
  })

  it('names every problem with its path', () => {
    expect(problems({ issues: { ...valid.issues, prise: { weight: 1, prefer: 'low' } } })).toEqual([
      "issues.prise: the plan has no issue 'prise' (did you mean 'price'?)",
    ])
    const { price: _price, ...withoutPrice } = valid.issues
    expect(problems({ issues: withoutPrice })).toEqual([
      "issues: needs every issue of the plan; missing 'price'",
    ])
    expect(problems({ ...valid, batna: 120 })).toEqual(['batna: must be at most 100, not 120'])
    expect(problems({ ...valid, issues: { ...valid.issues, price: { weight: -1, prefer: 'low' } } })).toEqual(
      ['issues.price.weight: must be greater than 0'],
    )
    expect(problems({ ...valid, wieghts: {} })[0]).toMatch(/^wieghts: unknown field 'wieghts'/)
    expect(
      problems({ ...valid, issues: { ...valid.issues, support: { weight: 1, prefer: 'high' } } }),
    ).toEqual(['issues.support.prefer: prefer needs numeric levels; give scores for each option instead'])
    expect(
      problems({
        ...valid,
        issues: {
          ...valid.issues,
          support: { weight: 1, scores: { standard: 1, premum: 2, enterprise: 3 } },
        },
      }),
    ).toEqual([
      "issues.support.scores.premum: 'premum' is not an option of this issue (did you mean 'premium'?)",
      "issues.support.scores: missing a score for option 'premium'",
    ])
    expect(
      problems({
        ...valid,
        issues: {
          ...valid.issues,
          price: {
            weight: 1,
            prefer: 'low',
            points: [
              [0, 1],
              [1, 2],
            ],
          },
        },
      }),
    ).toEqual(['issues.price.points: give only one of prefer, scores or points (found prefer and points)'])
    expect(problems({ ...valid, issues: { ...valid.issues, price: { weight: 1 } } })).toEqual([
      'issues.price: needs one of prefer (high or low), scores (per option) or points',
    ])
    expect(problems('price: 3')).toEqual([': must be a map of fields, not the text "price: 3"'])
  })
})
