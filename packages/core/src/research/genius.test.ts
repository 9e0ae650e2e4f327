import { describe, expect, it } from 'vitest'
import { groupThousands } from '../model/limits'
import { formatProblem } from '../model/problem'
import { validatePlanValue } from '../plan/validate'
import { offerFromLevels, utilityOf } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { allBundles } from '../testing/arbitraries'
import {
  geniusDomainXml,
  geniusProfileXml,
  geniusUtility,
  TOY_SCENARIO,
  type ToyIssue,
  type ToyProfile,
} from '../testing/research'
import { importResearch, type ResearchImport } from './import'

const ISSUES: ToyIssue[] = TOY_SCENARIO.issues
const OURS: ToyProfile = { ...TOY_SCENARIO.ours, discount: 0.9 }
const THEIRS: ToyProfile = TOY_SCENARIO.theirs

function toy(
  overrides: { domain?: string; us?: string; them?: string } = {},
  ours: ToyProfile = OURS,
  theirs: ToyProfile = THEIRS,
): ResearchImport {
  return importResearch({
    domain: { text: overrides.domain ?? geniusDomainXml('Toy', ISSUES), file: 'toy/domain.xml' },
    us: { text: overrides.us ?? geniusProfileXml(ISSUES, ours), file: 'toy/buyer.xml' },
    them: { text: overrides.them ?? geniusProfileXml(ISSUES, theirs), file: 'toy/seller.xml' },
  })
}

function errorsOf(result: ResearchImport): string[] {
  if (result.ok) throw new Error('expected the import to be refused')
  return result.errors.map(formatProblem)
}

describe('GENIUS import', () => {
  it('keeps names and labels exactly and derives valid, unique ids', () => {
    const result = toy()
    if (!result.ok) return expect.unreachable(result.errors.map(formatProblem).join('\n'))
    const { plan } = result
    expect(plan.title).toBe('Toy')
    expect(plan.context).toBe('custom')
    expect(plan.parties).toEqual({ us: { name: 'buyer' }, them: { name: 'seller' } })
    expect(plan.issues.map((issue) => [issue.id, issue.name, issue.options])).toEqual([
      ['price_terms', 'Price & terms', ['low', 'mid', 'high']],
      ['delivery', 'Delivery', ['30 days', '60 days']],
    ])
    expect(validatePlanValue(plan).ok).toBe(true)
  })

  it("divides each issue's evaluations by its highest and keeps the weights", () => {
    const result = toy()
    if (!result.ok) return expect.unreachable()
    const [price, delivery] = result.plan.issues
    expect(price?.us).toEqual({ weight: 0.6, scores: { low: 20, mid: 50, high: 100 } })
    expect(delivery?.us).toEqual({ weight: 0.4, scores: { '30 days': 100, '60 days': 25 } })
    expect(price?.them).toEqual({ weight: 0.25, scores: { low: 100, mid: 50, high: 12.5 } })
    expect(delivery?.them).toEqual({ weight: 0.75, scores: { '30 days': 25, '60 days': 100 } })
  })

  it('gives every bundle U = 100 × the profile utility, for both sides', () => {
    const result = toy()
    if (!result.ok) return expect.unreachable()
    const space = compileSpace(result.plan)
    const seen: number[] = []
    for (const bundle of allBundles([3, 2])) {
      const utility = utilityOf(space, offerFromLevels(space, bundle))
      expect(utility.us).toBeCloseTo(100 * geniusUtility(OURS, bundle), 9)
      expect(utility.them).toBeCloseTo(100 * geniusUtility(THEIRS, bundle), 9)
      seen.push(utility.us)
    }
    // By hand: (high, 30 days) is our best; (low, 60 days) is 0.6 × 2/10 + 0.4 × 10/40 = 0.22.
    expect(seen).toContain(100)
    expect(Math.min(...seen)).toBeCloseTo(22, 9)
  })

  it('takes the reservation values as reservation and BATNAs, and warns that the discount is ignored', () => {
    const result = toy()
    if (!result.ok) return expect.unreachable()
    expect(result.plan.reservation).toBeCloseTo(35, 12)
    expect(result.plan.batna?.us?.utility).toBeCloseTo(35, 12)
    expect(result.plan.batna?.them?.utility).toBeCloseTo(20, 12)
    expect(result.warnings.map(formatProblem)).toEqual([
      "toy/buyer.xml:15:3 utility_space.discount_factor: the discount factor 0.9 is ignored: a plan's utilities do not shrink with time",
    ])
  })

  it('warns when the weights do not sum to 1, and normalises them', () => {
    const result = toy({}, { ...OURS, weights: [3, 2], discount: undefined })
    if (!result.ok) return expect.unreachable()
    expect(result.warnings.map((problem) => problem.code)).toEqual(['weights_sum'])
    const space = compileSpace(result.plan)
    const utility = utilityOf(space, offerFromLevels(space, [2, 0]))
    expect(utility.us).toBeCloseTo(100, 9)
  })

  it('scores an issue whose highest evaluation is negligible as 0 throughout, as GENIUS does', () => {
    const flat: ToyProfile = {
      weights: [0.5, 0.5],
      evaluations: [
        [0, 0, 0],
        [0.000001, 0],
      ],
    }
    const result = toy({}, flat)
    if (!result.ok) return expect.unreachable()
    expect(result.plan.issues.map((issue) => Object.values(issue.us.scores ?? {}))).toEqual([
      [0, 0, 0],
      [0, 0],
    ])
  })

  it('reads weights given before the issues, entities, odd labels and a <utility_space> domain', () => {
    const domain = `<?xml version="1.0" encoding="UTF-8"?>
<utility_space>
  <objective index="0" name="root">
    <issue index="1" name="Size &quot;L&quot;" type="discrete">
      <item index="1" value="19'' LCD"/>
      <item index="2" value="&lt;none&gt;"/>
    </issue>
    <issue index="2" name="0000-0300"><item index="1" value="Größe"/></issue>
  </objective>
</utility_space>`
    const profile = `<utility_space>
  <reservation value="0" />
  <objective index="0" name="root">
    <weight index="2" value="0.25" />
    <weight index="1" value="0.75" />
    <issue index="1" name="Size &quot;L&quot;"><item value="&lt;none&gt;" evaluation="3"/><item value="19'' LCD" evaluation="1.5"/></issue>
    <issue index="2" name="0000-0300"><item value="Größe" evaluation="1"/></issue>
  </objective>
</utility_space>`
    const result = importResearch({
      domain: { text: domain, file: 'shop-domain.xml' },
      us: { text: profile, file: 'a.xml' },
      them: { text: profile, file: 'b.xml' },
    })
    if (!result.ok) return expect.unreachable(result.errors.map(formatProblem).join('\n'))
    expect(result.plan.title).toBe('shop-domain')
    expect(result.plan.issues.map((issue) => [issue.id, issue.name, issue.options, issue.us])).toEqual([
      [
        'size_l',
        'Size "L"',
        ["19'' LCD", '<none>'],
        { weight: 0.75, scores: { "19'' LCD": 50, '<none>': 100 } },
      ],
      ['issue_0000-0300', '0000-0300', ['Größe'], { weight: 0.25, scores: { Größe: 100 } }],
    ])
  })

  it('ignores items nested deeper than the issue (similarity functions)', () => {
    const profile = geniusProfileXml(ISSUES, OURS).replace(
      '</issue>',
      '<similarity_function weight="0.6"><criteria_function weight="1"><item value="unspecified" evaluation="0"/></criteria_function></similarity_function></issue>',
    )
    const result = toy({ us: profile })
    expect(result.ok).toBe(true)
  })

  it('gives issues whose names make the same id distinct ids', () => {
    const issues = [
      { name: 'Price', items: ['a'] },
      { name: 'price!', items: ['a'] },
      { name: '', items: ['a'] },
    ]
    const named = issues.slice(0, 2)
    const profile = geniusProfileXml(named, { weights: [1, 1], evaluations: [[1], [1]] })
    const result = importResearch({
      domain: { text: geniusDomainXml('d', named) },
      us: { text: profile },
      them: { text: profile },
    })
    if (!result.ok) return expect.unreachable()
    expect(result.plan.issues.map((issue) => issue.id)).toEqual(['price', 'price_2'])
    expect(result.plan.parties).toEqual({ us: { name: 'Us' }, them: { name: 'Them' } })
    // An issue without a name is refused, not given one.
    expect(
      importResearch({
        domain: { text: geniusDomainXml('d', issues), file: 'd.xml' },
        us: { text: profile },
        them: { text: profile },
      }).ok,
    ).toBe(false)
  })
})

describe('GENIUS import refuses bad input with the file, line and what is wrong', () => {
  it('a file that does not parse', () => {
    const broken = geniusProfileXml(ISSUES, OURS).replace('</issue>', '</isue>')
    expect(errorsOf(toy({ us: broken }))).toEqual([
      'toy/buyer.xml:7:11: not well-formed XML: unexpected close tag',
    ])
  })

  it('a text that is neither XML nor JSON, and profiles in another format than the domain', () => {
    expect(errorsOf(toy({ them: 'weights: 1' }))).toEqual([
      'toy/seller.xml:1:1: is neither GENIUS XML (it would start with <) nor GeniusWeb JSON (it would start with {)',
    ])
    expect(errorsOf(toy({ them: '{}' }))).toEqual([
      'toy/seller.xml: is GeniusWeb JSON but the domain is GENIUS XML',
    ])
  })

  it('an issue named twice, in the domain and in a profile', () => {
    const twice = geniusDomainXml('Toy', [...ISSUES, { name: 'Delivery', items: ['x'] }])
    expect(errorsOf(toy({ domain: twice }))).toEqual([
      "toy/domain.xml:13:7 negotiation_template.utility_space.objective.issue[2]: names issue 'Delivery' twice (also on line 9)",
    ])
    const profile = geniusProfileXml([...ISSUES, ISSUES[1] as ToyIssue], {
      weights: [0.5, 0.5, 0.5],
      evaluations: [...OURS.evaluations, [1, 2]],
    })
    expect(errorsOf(toy({ us: profile }))).toEqual([
      "toy/buyer.xml:12:5 utility_space.objective.issue[2]: names issue 'Delivery' twice (also on line 8)",
      'toy/buyer.xml:18:5 utility_space.objective.weight[2]: weight for index 3, which no issue of the domain has',
    ])
  })

  it('weights and evaluations that are not finite numbers of 0 or more', () => {
    const cases: [string, string][] = [
      ['abc', "the weight of issue 'Delivery' is 'abc', which is not a number"],
      ['-0.4', "the weight of issue 'Delivery' is -0.4; it must be 0 or more"],
      ['1e999', "the weight of issue 'Delivery' is '1e999', which is not a finite number"],
      ['NaN', "the weight of issue 'Delivery' is 'NaN', which is not a number"],
    ]
    for (const [value, message] of cases) {
      const profile = geniusProfileXml(ISSUES, OURS).replace('value="0.4"', `value="${value}"`)
      expect(errorsOf(toy({ us: profile }))).toEqual([
        `toy/buyer.xml:13:23 utility_space.objective.weight[1]: ${message}`,
      ])
    }
    const evaluation = geniusProfileXml(ISSUES, OURS).replace('evaluation="5"', 'evaluation="-5"')
    expect(errorsOf(toy({ us: evaluation }))).toEqual([
      "toy/buyer.xml:5:35 utility_space.objective.issue[0].item[1]: the evaluation of item 'mid' of issue 'Price & terms' is -5; it must be 0 or more",
    ])
    const missing = geniusProfileXml(ISSUES, OURS).replace(' evaluation="5"', '')
    expect(errorsOf(toy({ us: missing }))).toEqual([
      "toy/buyer.xml:5:7 utility_space.objective.issue[0].item[1]: item 'mid' of issue 'Price & terms' has no evaluation",
    ])
  })

  it('a weight of 0, which a plan can not hold', () => {
    const profile = geniusProfileXml(ISSUES, { ...OURS, weights: [1, 0] })
    expect(errorsOf(toy({ us: profile }))[0]).toMatch(
      /^toy\/buyer\.xml:13:23 utility_space\.objective\.weight\[1\]: the weight of issue 'Delivery' is 0: in a Parley plan every issue counts/,
    )
  })

  it('issues and items that do not match between domain and profile', () => {
    const renamed = geniusProfileXml(
      [ISSUES[0] as ToyIssue, { name: 'Shipping', items: ['30 days', '60 days'] }],
      OURS,
    )
    expect(errorsOf(toy({ us: renamed }))).toEqual([
      "toy/buyer.xml:8:5 utility_space.objective.issue[1]: issue 'Shipping' is not in the domain (its issues: 'Price & terms', 'Delivery')",
      "toy/buyer.xml:2:3 utility_space.objective: has no issue 'Delivery', which the domain has (line 9)",
    ])
    const otherItem = geniusProfileXml(
      [{ name: 'Price & terms', items: ['low', 'medium', 'high'] }, ISSUES[1] as ToyIssue],
      OURS,
    )
    expect(errorsOf(toy({ us: otherItem }))).toEqual([
      "toy/buyer.xml:5:7 utility_space.objective.issue[0].item[1]: item 'medium' is not an item of issue 'Price & terms' in the domain (its items: 'low', 'mid', 'high')",
      "toy/buyer.xml:3:5 utility_space.objective.issue[0]: issue 'Price & terms' has no evaluation for item 'mid'",
    ])
    const reindexed = geniusProfileXml(ISSUES, OURS).replace('<issue index="2"', '<issue index="5"')
    expect(errorsOf(toy({ us: reindexed }))).toEqual([
      "toy/buyer.xml:8:5 utility_space.objective.issue[1]: issue 'Delivery' has index 5 here but 2 in the domain",
    ])
  })

  it('a missing weight, a weight twice, and a reservation outside 0..1', () => {
    const noWeight = geniusProfileXml(ISSUES, OURS).replace(/ {4}<weight index="2"[^\n]*\n/, '')
    expect(errorsOf(toy({ us: noWeight }))).toEqual([
      "toy/buyer.xml:2:3 utility_space.objective: no weight for issue 'Delivery' (index 2)",
    ])
    const twice = geniusProfileXml(ISSUES, OURS).replace('<weight index="2"', '<weight index="1"')
    expect(errorsOf(toy({ us: twice }))).toEqual([
      "toy/buyer.xml:13:5 utility_space.objective.weight[1]: issue 'Price & terms' (index 1) has two weights",
    ])
    expect(errorsOf(toy({}, { ...OURS, reservation: 1.5 }))).toEqual([
      'toy/buyer.xml:16:16 utility_space.reservation: the reservation value is 1.5; utilities run from 0 to 1',
    ])
  })

  it('issues that are not discrete, and nested objectives', () => {
    const integer = geniusDomainXml('Toy', ISSUES).replace('type="discrete" vtype', 'type="integer" vtype')
    expect(errorsOf(toy({ domain: integer }))).toEqual([
      "toy/domain.xml:4:41 negotiation_template.utility_space.objective.issue[0]: issue 'Price & terms' is of type 'integer': only discrete issues can be imported",
    ])
    const nested = geniusDomainXml('Toy', ISSUES).replace(
      '</objective>',
      '<objective index="9" name="sub"/></objective>',
    )
    expect(errorsOf(toy({ domain: nested }))[0]).toMatch(/objectives inside the objective are not supported/)
  })

  it('does not expand entities declared in a DTD (no "billion laughs")', () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<negotiation_template><utility_space><objective><issue name="&lol2;"><item value="a"/></issue></objective></utility_space></negotiation_template>`
    expect(errorsOf(toy({ domain: laughs }))).toEqual([
      'toy/domain.xml:2:67: not well-formed XML: undefined entity',
    ])
  })

  it('explicit limits: issues, items per issue, file size, label length', () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ name: `issue ${i}`, items: ['a'] }))
    expect(errorsOf(toy({ domain: geniusDomainXml('Big', many) }))).toEqual([
      'toy/domain.xml:3:5 negotiation_template.utility_space.objective: the domain has 65 issues; a plan may have at most 64',
    ])
    const wide = [{ name: 'Wide', items: Array.from({ length: 1001 }, (_, k) => `item ${k}`) }]
    expect(errorsOf(toy({ domain: geniusDomainXml('Wide', wide) }))).toEqual([
      "toy/domain.xml:4:7 negotiation_template.utility_space.objective.issue[0]: issue 'Wide' has 1001 items; an issue may have at most 1000",
    ])
    const huge = `${geniusDomainXml('Toy', ISSUES)}<!--${'x'.repeat(4 * 1024 * 1024)}-->`
    expect(errorsOf(toy({ domain: huge }))).toEqual([
      `toy/domain.xml: is ${groupThousands(huge.length)} bytes; a domain or profile may be at most 4 MiB`,
    ])
    const long = geniusDomainXml('Toy', [{ name: 'Long', items: ['x'.repeat(201)] }])
    expect(errorsOf(toy({ domain: long }))[0]).toMatch(
      /has a value of 201 characters; at most 200 are allowed$/,
    )
  })
})
