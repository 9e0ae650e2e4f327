import { describe, expect, it } from 'vitest'
import { formatProblem } from '../model/problem'
import { validatePlanValue } from '../plan/validate'
import { offerFromLevels, utilityOf } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { allBundles } from '../testing/arbitraries'
import {
  geniusWebDomainJson,
  geniusWebProfileJson,
  geniusWebUtility,
  type ToyIssue,
  type ToyWebProfile,
} from '../testing/research'
import { importResearch, type ResearchImport } from './import'

const ISSUES: ToyIssue[] = [
  { name: 'Food', items: ['Chips', 'Finger-Food', 'Catering'] },
  { name: 'Music', items: ['MP3', 'DJ'] },
]
// Value utilities whose best is below 1 (0.8 for Food): GeniusWeb does not rescale them.
const OURS: ToyWebProfile = {
  name: 'host',
  weights: [0.7, 0.3],
  utilities: [
    [0.8, 0.5, 0.1],
    [0.25, 1],
  ],
  reservationBid: [1, 0],
}
const THEIRS: ToyWebProfile = {
  name: 'guest',
  weights: [0.4, 0.6],
  utilities: [
    [0, 0.5, 1],
    [0.9, 0.3],
  ],
  reservationValue: 0.45,
}

function toy(overrides: { domain?: string; us?: string; them?: string } = {}): ResearchImport {
  return importResearch({
    domain: { text: overrides.domain ?? geniusWebDomainJson('party', ISSUES), file: 'party.json' },
    us: { text: overrides.us ?? geniusWebProfileJson('party', ISSUES, OURS), file: 'party1.json' },
    them: { text: overrides.them ?? geniusWebProfileJson('party', ISSUES, THEIRS), file: 'party2.json' },
  })
}

function errorsOf(result: ResearchImport): string[] {
  if (result.ok) throw new Error('expected the import to be refused')
  return result.errors.map(formatProblem)
}

function profile(changes: Partial<ToyWebProfile>): string {
  return geniusWebProfileJson('party', ISSUES, { ...OURS, ...changes })
}

describe('GeniusWeb import', () => {
  it('keeps names, takes the profiles’ names as the parties and validates as a plan', () => {
    const result = toy()
    if (!result.ok) return expect.unreachable(result.errors.map(formatProblem).join('\n'))
    expect(result.format).toBe('geniusweb')
    expect(result.plan.title).toBe('party')
    expect(result.plan.parties).toEqual({ us: { name: 'host' }, them: { name: 'guest' } })
    expect(result.plan.issues.map((issue) => [issue.id, issue.name, issue.options, issue.us])).toEqual([
      [
        'food',
        'Food',
        ['Chips', 'Finger-Food', 'Catering'],
        { weight: 0.7, scores: { Chips: 80, 'Finger-Food': 50, Catering: 10 } },
      ],
      ['music', 'Music', ['MP3', 'DJ'], { weight: 0.3, scores: { MP3: 25, DJ: 100 } }],
    ])
    expect(validatePlanValue(result.plan).ok).toBe(true)
    expect(result.warnings).toEqual([])
  })

  it('gives every bundle U = 100 × Σ weight × value utility, without rescaling issues', () => {
    const result = toy()
    if (!result.ok) return expect.unreachable()
    const space = compileSpace(result.plan)
    for (const bundle of allBundles([3, 2])) {
      const utility = utilityOf(space, offerFromLevels(space, bundle))
      expect(utility.us).toBeCloseTo(100 * geniusWebUtility(OURS, bundle), 9)
      expect(utility.them).toBeCloseTo(100 * geniusWebUtility(THEIRS, bundle), 9)
    }
    // The best bundle for us is worth 0.7 × 0.8 + 0.3 × 1 = 0.86, not 1.
    const best = Math.max(
      ...[...allBundles([3, 2])].map((b) => utilityOf(space, offerFromLevels(space, b)).us),
    )
    expect(best).toBeCloseTo(86, 9)
  })

  it('takes a reservation bid as the reservation at exactly its U, and a reservation value', () => {
    const result = toy()
    if (!result.ok) return expect.unreachable()
    const space = compileSpace(result.plan)
    const bid = utilityOf(space, offerFromLevels(space, [1, 0]))
    expect(result.plan.reservation).toBe(bid.us)
    expect(result.plan.batna?.us).toEqual({
      description:
        'No agreement: the reservation bid of the GeniusWeb profile (Food: Finger-Food; Music: MP3)',
      utility: bid.us,
    })
    expect(bid.us).toBeCloseTo(100 * (0.7 * 0.5 + 0.3 * 0.25), 9)
    expect(result.plan.batna?.them?.utility).toBeCloseTo(45, 12)
    // A bid that leaves an issue open counts it 0, as GeniusWeb does.
    const open = toy({ us: profile({ reservationBid: [null, 1] }) })
    if (!open.ok) return expect.unreachable()
    expect(open.plan.reservation).toBeCloseTo(100 * geniusWebUtility(OURS, [null, 1]), 9)
  })
})

describe('GeniusWeb import refuses bad input with the file, line and what is wrong', () => {
  it('JSON that does not parse, and an issue named twice', () => {
    expect(errorsOf(toy({ us: '{\n  "LinearAdditiveUtilitySpace": {\n    "name": "x",,\n  }\n}' }))).toEqual([
      'party1.json:3:17: expected a field name in double quotes',
      'party1.json:3:17: expected a value',
      'party1.json:4:3: expected a field name in double quotes',
      'party1.json:4:3: expected a value',
    ])
    const twice =
      '{ "name": "d", "issuesValues": {\n  "Food": { "values": ["a"] },\n  "Food": { "values": ["b"] }\n} }'
    expect(errorsOf(toy({ domain: twice }))).toEqual([
      'party.json:3:3: duplicate field: map keys must be unique ("Food")',
    ])
  })

  it('weights and utilities that are not finite numbers of 0 or more, or do not fit GeniusWeb', () => {
    expect(errorsOf(toy({ us: profile({ weights: [0.7, -0.3] }) }))).toEqual([
      "party1.json:25:16 LinearAdditiveUtilitySpace.issueWeights.Music: the weight of issue 'Music' is -0.3; it must be 0 or more",
    ])
    expect(errorsOf(toy({ us: profile({ weights: [0.5, 0.3] }) }))).toEqual([
      'party1.json:23:21 LinearAdditiveUtilitySpace.issueWeights: the weights sum to 0.8; GeniusWeb requires them to sum to 1',
    ])
    expect(errorsOf(toy({ us: profile({ weights: [1, 0] }) }))[0]).toMatch(
      /issueWeights\.Music: the weight of issue 'Music' is 0: in a Parley plan every issue counts/,
    )
    expect(
      errorsOf(
        toy({
          us: profile({
            utilities: [
              [0.8, 1.5, 0.1],
              [0.25, 1],
            ],
          }),
        }),
      ),
    ).toEqual([
      "party1.json:9:28 LinearAdditiveUtilitySpace.issueUtilities.Food.discreteutils.valueUtilities.Finger-Food: the utility of value 'Finger-Food' of issue 'Food' is 1.5; GeniusWeb value utilities run from 0 to 1",
    ])
    const text = profile({}).replace('"MP3": 0.25', '"MP3": "high"')
    expect(errorsOf(toy({ us: text }))).toEqual([
      "party1.json:17:20 LinearAdditiveUtilitySpace.issueUtilities.Music.discreteutils.valueUtilities.MP3: the utility of value 'MP3' of issue 'Music' must be a number from 0 to 1",
    ])
  })

  it('issues and values that do not match the domain', () => {
    const other = [ISSUES[0] as ToyIssue, { name: 'Band', items: ['MP3', 'DJ'] }]
    const errors = errorsOf(toy({ us: geniusWebProfileJson('party', other, OURS) }))
    // Each place that names issues says so: the embedded domain, utilities, weights, reservation bid.
    expect(errors).toEqual([
      "party1.json:37:9 LinearAdditiveUtilitySpace.domain.issuesValues.Band: issue 'Band' is not in the domain file ('Food', 'Music')",
      "party1.json:29:23 LinearAdditiveUtilitySpace.domain.issuesValues: no entry for issue 'Music'",
      "party1.json:14:7 LinearAdditiveUtilitySpace.issueUtilities.Band: issue 'Band' is not in the domain ('Food', 'Music')",
      "party1.json:4:23 LinearAdditiveUtilitySpace.issueUtilities: no entry for issue 'Music'",
      "party1.json:25:7 LinearAdditiveUtilitySpace.issueWeights.Band: issue 'Band' is not in the domain ('Food', 'Music')",
      "party1.json:23:21 LinearAdditiveUtilitySpace.issueWeights: no entry for issue 'Music'",
      "party1.json:48:9 LinearAdditiveUtilitySpace.reservationBid.issuevalues.Band: issue 'Band' is not in the domain",
    ])
    const value = profile({}).replace('"DJ": 1', '"Live band": 1')
    expect(errorsOf(toy({ us: value }))).toEqual([
      "party1.json:18:13 LinearAdditiveUtilitySpace.issueUtilities.Music.discreteutils.valueUtilities[\"Live band\"]: value 'Live band' is not in issue 'Music' of the domain ('MP3', 'DJ')",
      "party1.json:16:29 LinearAdditiveUtilitySpace.issueUtilities.Music.discreteutils.valueUtilities: no entry for value 'DJ'",
    ])
    const embedded = profile({}).replace('"MP3",\n            "DJ"', '"MP3",\n            "Band"')
    expect(errorsOf(toy({ us: embedded }))).toEqual([
      "party1.json:37:18 LinearAdditiveUtilitySpace.domain.issuesValues.Music: issue 'Music' has other values here than in the domain file ('MP3', 'DJ')",
    ])
  })

  it('a reservation bid naming what the domain lacks, and two reservations', () => {
    const bid = profile({}).replace('"Food": "Finger-Food"', '"Food": "Pizza"')
    expect(errorsOf(toy({ us: bid }))).toEqual([
      "party1.json:47:17 LinearAdditiveUtilitySpace.reservationBid.issuevalues.Food: 'Pizza' is not a value of issue 'Food' ('Chips', 'Finger-Food', 'Catering')",
    ])
    expect(errorsOf(toy({ us: profile({ reservationValue: 0.3 }) }))[0]).toMatch(
      /reservationValue: give a reservationBid or a reservationValue, not both$/,
    )
  })

  it('number value sets and profiles of another kind', () => {
    const range = '{ "name": "d", "issuesValues": { "Price": { "range": { "low": 1, "high": 9 } } } }'
    expect(errorsOf(toy({ domain: range }))).toEqual([
      "party.json:1:43 issuesValues.Price: issue 'Price' has a number range: only discrete value sets can be imported",
    ])
    expect(errorsOf(toy({ them: '{ "LinearAdditive": {} }' }))).toEqual([
      'party2.json:1:1: a GeniusWeb profile here is { "LinearAdditiveUtilitySpace": {...} }, not \'LinearAdditive\'',
    ])
  })
})
