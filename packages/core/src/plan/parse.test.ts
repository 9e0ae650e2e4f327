import { describe, expect, it } from 'vitest'
import { LIMITS } from '../model/limits'
import type { Plan } from '../model/plan'
import { formatProblem, type Problem } from '../model/problem'
import { acmePlan, yamlOf } from '../testing/plans'
import { parsePlanText } from './parse'

const BASE = `parley: 1
title: Acme renewal 2027
context: sales
parties:
  us: { name: Vendor Co }
  them: { name: Acme Corp }
decisionRule:
  statement: Time to value under 60 days
  require:
    - { issue: rollout, op: "<=", value: 60 }
issues:
  - id: price
    name: Annual price
    unit: USD/year
    range: { min: 90000, max: 140000, step: 5000 }
    us:   { weight: 40, prefer: high }
    them: { weight: 35, prefer: low }
  - id: rollout
    name: Rollout to all sites
    unit: days
    range: { min: 30, max: 120, step: 15 }
    us:   { weight: 10, prefer: high }
    them: { weight: 25, prefer: low }
  - id: support
    name: Support tier
    unit: tier
    options: [standard, premium, enterprise]
    us:   { weight: 10, scores: { standard: 100, premium: 60, enterprise: 0 } }
    them: { weight: 20, scores: { standard: 0, premium: 70, enterprise: 100 } }
    tradeable: true
batna:
  us:   { description: Sell the capacity to the waitlist, utility: 40 }
  them: { description: Competitor X at 110k, utility: 35 }
reservation: 55
limits:
  - { issue: price, op: ">=", value: 100000 }
evidence:
  - { claim: Market price for 500 seats, range: [95000, 125000], source: analyst report, date: 2026-09 }
anchor: { issue: price, low: 120000, high: 135000, rationale: two lines, evidence: [0] }
`

function errorsOf(text: string, format: 'yaml' | 'json' = 'yaml'): Problem[] {
  const result = parsePlanText(text, { format, file: 'acme.yaml' })
  if (result.ok) throw new Error('expected the plan to be rejected')
  return result.errors
}

function only(text: string): string {
  const errors = errorsOf(text)
  expect(errors).toHaveLength(1)
  return formatProblem(errors[0]!)
}

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`)
  return text.replace(from, to)
}

/**
 * Edits to the reference plan that each leave exactly one problem, as `formatProblem` writes it,
 * grouped by the test that makes them: the problem's place and wording are what users read.
 */
const SINGLE_PROBLEMS: [test: string, edits: { from: string; to: string; problem: string }[]][] = [
  [
    'reports a YAML syntax error with its position',
    [
      {
        from: 'title: Acme renewal 2027',
        to: 'title: [Acme renewal 2027',
        problem:
          'acme.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ],
  ],
  [
    'rejects a weight of 0 or less',
    [
      {
        from: '{ weight: 35, prefer: low }',
        to: '{ weight: 0, prefer: low }',
        problem: 'acme.yaml:17:21 issues[0].them.weight: must be greater than 0',
      },
      {
        from: '{ weight: 35, prefer: low }',
        to: '{ weight: -3, prefer: low }',
        problem: 'acme.yaml:17:21 issues[0].them.weight: must be greater than 0',
      },
    ],
  ],
  [
    'rejects duplicate issue ids',
    [
      {
        from: '  - id: support',
        to: '  - id: price',
        problem: "acme.yaml:24:9 issues[2].id: duplicate issue id 'price': issues[0] already uses it",
      },
    ],
  ],
  [
    'rejects a decision rule naming an unknown issue',
    [
      {
        from: '{ issue: rollout, op: "<=", value: 60 }',
        to: '{ issue: rolout, op: "<=", value: 60 }',
        problem:
          "acme.yaml:10:16 decisionRule.require[0].issue: unknown issue 'rolout' (did you mean 'rollout'?)",
      },
    ],
  ],
  [
    'rejects a limit naming an unknown level',
    [
      {
        from: '{ issue: price, op: ">=", value: 100000 }',
        to: '{ issue: support, op: "=", value: gold }',
        problem:
          "acme.yaml:36:39 limits[0].value: 'gold' is not an option of 'support' (options: standard, premium, enterprise)",
      },
    ],
  ],
  [
    'rejects a constraint value outside a range, or off its grid for "="',
    [
      {
        from: 'value: 100000 }',
        to: 'value: 200000 }',
        problem: "acme.yaml:36:38 limits[0].value: 200000 is outside the range of 'price' (90000 to 140000)",
      },
      {
        from: '{ issue: rollout, op: "<=", value: 60 }',
        to: '{ issue: rollout, op: "=", value: 50 }',
        problem:
          "acme.yaml:10:41 decisionRule.require[0].value: 50 is not a level of 'rollout' (levels 30, 45, ..., 120)",
      },
    ],
  ],
  [
    'rejects a comparison on text options',
    [
      {
        from: '{ issue: price, op: ">=", value: 100000 }',
        to: '{ issue: support, op: ">=", value: premium }',
        problem:
          "acme.yaml:36:27 limits[0].op: op '>=' needs numeric levels; 'support' has text options (use '=' or 'in')",
      },
    ],
  ],
  [
    'rejects a sum rule over a non-numeric issue',
    [
      {
        from: '    - { issue: rollout, op: "<=", value: 60 }',
        to: '    - { issue: rollout, op: "<=", value: 60 }\n    - { sum: [{ issue: price, times: 1 }, { issue: support, times: 1 }], op: "<=", value: 150000 }',
        problem:
          "acme.yaml:11:52 decisionRule.require[1].sum[1].issue: a sum needs numeric issues; 'support' has text options",
      },
    ],
  ],
  [
    'rejects evidence naming an unknown issue, or one with text options',
    [
      {
        from: 'source: analyst report, date: 2026-09 }',
        to: 'source: analyst report, date: 2026-09, issue: prise }',
        problem: "acme.yaml:38:112 evidence[0].issue: unknown issue 'prise' (did you mean 'price'?)",
      },
      {
        from: 'source: analyst report, date: 2026-09 }',
        to: 'source: analyst report, date: 2026-09, issue: support }',
        problem:
          "acme.yaml:38:112 evidence[0].issue: evidence with a range speaks to a numeric issue; 'support' has text options",
      },
    ],
  ],
  [
    'rejects an anchor whose evidence index does not exist',
    [
      {
        from: 'evidence: [0] }',
        to: 'evidence: [0, 3] }',
        problem:
          'acme.yaml:39:88 anchor.evidence[1]: evidence 3 does not exist; the plan has 1 evidence item (indexes 0 to 0)',
      },
    ],
  ],
  [
    "rejects an anchor outside its issue's range",
    [
      {
        from: 'anchor: { issue: price, low: 120000',
        to: 'anchor: { issue: price, low: 20000',
        problem: "acme.yaml:39:30 anchor.low: 20000 is outside the range of 'price' (90000 to 140000)",
      },
    ],
  ],
  [
    'rejects scores outside 0..100',
    [
      {
        from: 'premium: 70, enterprise: 100 }',
        to: 'premium: 170, enterprise: 100 }',
        problem: 'acme.yaml:29:57 issues[2].them.scores.premium: must be at most 100, not 170',
      },
      {
        from: 'standard: 0, premium: 70',
        to: 'standard: -5, premium: 70',
        problem: 'acme.yaml:29:45 issues[2].them.scores.standard: must be at least 0, not -5',
      },
    ],
  ],
  [
    'rejects a missing score for an option, and a score for an unknown option',
    [
      {
        from: '{ standard: 100, premium: 60, enterprise: 0 }',
        to: '{ standard: 100, premium: 60 }',
        problem: "acme.yaml:28:33 issues[2].us.scores: missing a score for option 'enterprise'",
      },
      {
        from: '{ standard: 100, premium: 60, enterprise: 0 }',
        to: '{ standard: 100, premium: 60, enterprize: 0, enterprise: 0 }',
        problem:
          "acme.yaml:28:63 issues[2].us.scores.enterprize: 'enterprize' is not an option of this issue (did you mean 'enterprise'?)",
      },
    ],
  ],
  [
    'rejects a step that does not divide the range',
    [
      {
        from: '{ min: 30, max: 120, step: 15 }',
        to: '{ min: 30, max: 120, step: 20 }',
        problem: 'acme.yaml:21:39 issues[1].range.step: step 20 does not divide max - min (120 - 30 = 90)',
      },
    ],
  ],
  [
    'rejects min at or above max',
    [
      {
        from: '{ min: 30, max: 120, step: 15 }',
        to: '{ min: 120, max: 30, step: 15 }',
        problem: 'acme.yaml:21:19 issues[1].range.min: min 120 must be less than max 30',
      },
      {
        from: '{ min: 30, max: 120, step: 15 }',
        to: '{ min: 30, max: 30, step: 15 }',
        problem: 'acme.yaml:21:19 issues[1].range.min: min 30 must be less than max 30',
      },
    ],
  ],
  [
    'requires exactly one way of scoring per side',
    [
      {
        from: '{ weight: 40, prefer: high }',
        to: '{ weight: 40 }',
        problem:
          'acme.yaml:16:11 issues[0].us: needs one of prefer (high or low), scores (per option) or points',
      },
      {
        from: '{ weight: 40, prefer: high }',
        to: '{ weight: 40, prefer: high, points: [[90000, 0], [140000, 100]] }',
        problem:
          'acme.yaml:16:47 issues[0].us.points: give only one of prefer, scores or points (found prefer and points)',
      },
      {
        from: '{ weight: 10, scores: { standard: 100, premium: 60, enterprise: 0 } }',
        to: '{ weight: 10, prefer: high }',
        problem:
          'acme.yaml:28:33 issues[2].us.prefer: prefer needs numeric levels; give scores for each option instead',
      },
    ],
  ],
  [
    'rejects a type mismatch with what was found',
    [
      {
        from: 'reservation: 55',
        to: 'reservation: high',
        problem: 'acme.yaml:34:14 reservation: must be a number, not the text "high"',
      },
    ],
  ],
]

describe('parsePlanText', () => {
  it('reads the reference plan, in YAML and in JSON, to the same value', () => {
    const yaml = parsePlanText(BASE, { format: 'yaml' })
    expect(yaml.ok).toBe(true)
    if (!yaml.ok) return
    expect(yaml.warnings).toEqual([])
    const json = parsePlanText(JSON.stringify(yaml.plan, null, 2), { format: 'json' })
    expect(json.ok && json.plan).toEqual(yaml.plan)
  })

  it('keeps dates as text under the YAML 1.2 core schema', () => {
    const result = parsePlanText(BASE, { format: 'yaml' })
    expect(result.ok && result.plan.evidence?.[0]?.date).toBe('2026-09')
    const withDay = parsePlanText(replace(BASE, 'date: 2026-09', 'date: 2026-09-01'), { format: 'yaml' })
    expect(withDay.ok && withDay.plan.evidence?.[0]?.date).toBe('2026-09-01')
  })

  for (const [test, edits] of SINGLE_PROBLEMS) {
    it(test, () => {
      for (const { from, to, problem } of edits) expect(only(replace(BASE, from, to))).toBe(problem)
    })
  }

  it('reports a JSON syntax error with its position', () => {
    const text = '{\n  "parley": 1,\n  "title": "x",,\n}'
    const errors = errorsOf(text, 'json')
    expect(formatProblem(errors[0]!)).toBe('acme.yaml:3:16: expected a field name in double quotes')
  })

  it('rejects duplicate keys in JSON and YAML', () => {
    expect(only(replace(BASE, 'reservation: 55', 'reservation: 55\nreservation: 60'))).toMatch(
      /^acme\.yaml:35:1: duplicate field: Map keys must be unique/,
    )
    const errors = errorsOf('{"parley": 1, "parley": 1}', 'json')
    expect(formatProblem(errors[0]!)).toBe(
      'acme.yaml:1:15: duplicate field: map keys must be unique ("parley")',
    )
  })

  it('rejects an unknown field and suggests the one meant', () => {
    const errors = errorsOf(
      replace(BASE, 'us:   { weight: 40, prefer: high }', 'us:   { wieght: 40, prefer: high }'),
    )
    expect(errors.map(formatProblem)).toEqual([
      'acme.yaml:16:11 issues[0].us.weight: is required',
      "acme.yaml:16:13 issues[0].us.wieght: unknown field 'wieght' (did you mean 'weight'?)",
    ])
  })

  it('names a misspelt field at the field itself', () => {
    const errors = errorsOf(replace(BASE, 'reservation: 55', 'reservaton: 55'))
    expect(errors.map(formatProblem)).toEqual([
      "acme.yaml:34:1 reservaton: unknown field 'reservaton' (did you mean 'reservation'?)",
    ])
  })

  it('rejects more than 1,000 levels in one issue', () => {
    expect(only(replace(BASE, '{ min: 30, max: 120, step: 15 }', '{ min: 0, max: 1000, step: 1 }'))).toBe(
      'acme.yaml:21:12 issues[1].range: has 1001 levels; an issue may have at most 1000 (use a larger step)',
    )
    const options = Array.from({ length: 1001 }, (_, k) => k)
    const errors = errorsOf(
      replace(BASE, 'options: [standard, premium, enterprise]', `options: [${options.join(', ')}]`),
    )
    expect(errors[0]?.path).toBe('issues[2].options')
    expect(errors[0]?.message).toBe('has 1001 items; at most 1000 are allowed')
  })

  it('rejects more than 64 issues', () => {
    const plan = acmePlan()
    plan.issues = Array.from({ length: LIMITS.issues + 1 }, (_, k) => ({
      id: `issue${k}`,
      name: `Issue ${k}`,
      unit: 'units',
      range: { min: 0, max: 1, step: 1 },
      us: { weight: 1, prefer: 'high' as const },
      them: { weight: 1, prefer: 'low' as const },
    }))
    const result = parsePlanText(yamlOf(plan), { format: 'yaml', file: 'big.yaml' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => `${error.path}: ${error.message}`)).toContain(
      'issues: has 65 issues; at most 64 are allowed',
    )
  })

  it('rejects a file over 1 MiB without parsing it', () => {
    const text = `${BASE}notes: "${'x'.repeat(LIMITS.planBytes)}"\n`
    const errors = errorsOf(text)
    expect(errors.map(formatProblem)).toEqual([
      `acme.yaml: is ${text.length.toLocaleString('en-US')} bytes; a plan may be at most 1 MiB (1,048,576 bytes)`,
    ])
    // Multi-byte characters count as the bytes they take.
    const accents = `${BASE}notes: "${'é'.repeat(LIMITS.planBytes / 2)}"\n`
    expect(errorsOf(accents)[0]?.code).toBe('too_large')
  })

  it('reports every error, not only the first', () => {
    let text = replace(BASE, '{ weight: 35, prefer: low }', '{ weight: 0, prefer: low }')
    text = replace(text, '  - id: support', '  - id: price')
    text = replace(text, '{ min: 30, max: 120, step: 15 }', '{ min: 30, max: 120, step: 20 }')
    text = replace(text, 'reservation: 55', 'reservation: 155')
    const paths = errorsOf(text).map((error) => error.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'issues[0].them.weight',
        'issues[2].id',
        'issues[1].range.step',
        'reservation',
      ]),
    )
  })

  it('advises quoting text with a comma that a YAML flow map split into a field of its own', () => {
    const flow = replace(
      BASE,
      `  - id: rollout
    name: Rollout to all sites
    unit: days
    range: { min: 30, max: 120, step: 15 }
    us:   { weight: 10, prefer: high }
    them: { weight: 25, prefer: low }`,
      '  - { id: rollout, name: Rollout, phased, unit: days, range: { min: 30, max: 120, step: 15 }, us: { weight: 10, prefer: high }, them: { weight: 25, prefer: low } }',
    )
    expect(errorsOf(flow).map(formatProblem)).toEqual([
      `acme.yaml:18:35 issues[1].phased: unknown field 'phased': if it belongs to the text before it, quote text that contains a comma, colon or # inside { }: name: "Rollout, phased"`,
    ])
  })

  it('advises quoting text with a colon or # when YAML reports an error inside { } or [ ]', () => {
    const colon = replace(BASE, 'us: { name: Vendor Co }', 'us: { name: Vendor: Co }')
    expect(errorsOf(colon).map(formatProblem)).toEqual([
      'acme.yaml:5:15: Block collections are not allowed within flow collections; quote text that contains a comma, colon or # inside { }: name: "Vendor: Co"',
    ])
    const hash = replace(
      BASE,
      'options: [standard, premium, enterprise]',
      'options: [standard, premium #2, enterprise]',
    )
    const [problem] = errorsOf(hash)
    expect(problem?.message).toContain(
      'quote text that contains a comma, colon or # inside [ ]: "premium #2, enterprise"',
    )
    expect(problem?.line).toBeGreaterThan(0)
    expect(problem?.column).toBeGreaterThan(0)
  })

  it('gives no quoting advice for a bracket left open around a nested list', () => {
    const open = replace(BASE, 'evidence: [0] }', 'evidence: [0 }')
    for (const problem of errorsOf(open)) expect(problem.message).not.toContain('quote')
  })

  it('requires the fields the format requires', () => {
    const errors = errorsOf('parley: 1\nissues: []\n')
    expect(errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'title: is required',
      "context: is required (one of 'sales', 'partnership', 'procurement', 'hiring', 'custom')",
      'parties: is required',
      'issues: must not be empty',
    ])
    expect(errorsOf('parley: 2\ntitle: x\n').map((error) => `${error.path}: ${error.message}`)).toContain(
      'parley: must be 1',
    )
  })
})

describe('plan warnings', () => {
  const warningsOf = (plan: Plan) => {
    const result = parsePlanText(yamlOf(plan), { format: 'yaml' })
    if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
    return result.warnings.map((warning) => warning.code)
  }

  it('has none for the reference plan', () => {
    expect(warningsOf(acmePlan())).toEqual([])
  })

  it('warns when the reservation is below our BATNA', () => {
    expect(warningsOf({ ...acmePlan(), reservation: 30 })).toEqual(['reservation_below_batna'])
  })

  it('warns when a BATNA, the reservation or the decision rule is missing', () => {
    const { batna: _batna, reservation: _reservation, decisionRule: _rule, ...rest } = acmePlan()
    expect(warningsOf(rest)).toEqual(['no_batna', 'no_batna_them', 'no_reservation', 'no_decision_rule'])
  })
})
