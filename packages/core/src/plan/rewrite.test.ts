import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { planArb } from '../testing/arbitraries'
import { runs } from '../testing/property-runs'
import { planToJson, planToYaml, rewritePlanText } from './rewrite'
import { readSource } from './source'

const example = `# Worked example: a renewal.
# Everything under reservation stays on our side.
parley: 1
title: Calder renewal
context: sales

parties:
  us: { name: Brightline }
  them:
    name: Calder Mutual
    politics: >-
      Finance was burned by an overrun
      and distrusts front-loaded bills.
    approvalPath: CFO, then procurement
    budgetCycle: FY starts in April

# The rule both sides agreed.
decisionRule:
  statement: Live within 60 days
  require:
    - { issue: rollout, op: "<=", value: 60 }

issues:
  - id: price
    name: Annual fee
    unit: USD/year
    range: { min: 180000, max: 260000, step: 10000 }
    us: { weight: 35, prefer: high }
    them: { weight: 25, prefer: low }
    notes: Opposed issue. List price is 262,000.

  - id: rollout
    name: Go-live
    unit: days
    range: { min: 30, max: 90, step: 15 }
    # Rushing costs us overtime.
    us: { weight: 8, points: [[30, 0], [45, 60], [60, 90], [90, 100]] }
    them: { weight: 20, prefer: low }

reservation: 40 # private
`

function read(text: string, format: 'yaml' | 'json'): unknown {
  const source = readSource(text, format)
  expect(source.errors).toEqual([])
  return source.value
}

const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'))

describe('rewritePlanText', () => {
  it('changes one weight on one line and keeps every comment and the key order', () => {
    const plan = read(example, 'yaml') as Plan
    const changed = JSON.parse(JSON.stringify(plan)) as Plan
    const issue = changed.issues[0]!
    issue.us.weight = issue.us.weight + 7
    const text = rewritePlanText(example, 'yaml', changed)
    expect(read(text, 'yaml')).toEqual(changed)
    expect(comments(text)).toEqual(comments(example))
    // Byte for byte the same file, but for the changed number.
    const before = example.split('\n')
    const after = text.split('\n')
    expect(after.length).toBe(before.length)
    expect(after.filter((line, k) => line !== before[k])).toHaveLength(1)
  })

  it('changes a word in a flow map, a quoted string and a multi-line note in place', () => {
    const plan = read(example, 'yaml') as Plan
    const changed = JSON.parse(JSON.stringify(plan)) as Plan
    changed.title = 'Renewal: "phase 2"'
    changed.issues[0]!.us.prefer = 'low'
    changed.parties.them.approvalPath = 'CFO alone'
    const text = rewritePlanText(example, 'yaml', changed)
    expect(read(text, 'yaml')).toEqual(changed)
    expect(comments(text)).toEqual(comments(example))
    expect(text).toContain('title: "Renewal: \\"phase 2\\""')
    expect(text).toContain('us: { weight: 35, prefer: low }')
    expect(text).toContain('approvalPath: CFO alone\n')
    expect(text.split('\n')).toHaveLength(example.split('\n').length)
  })

  it('rewrites a folded note and still keeps every comment', () => {
    const plan = read(example, 'yaml') as Plan
    const changed = JSON.parse(JSON.stringify(plan)) as Plan
    changed.parties.them.politics = 'Quiet for now.'
    const text = rewritePlanText(example, 'yaml', changed)
    expect(read(text, 'yaml')).toEqual(changed)
    expect(comments(text)).toEqual(comments(example))
  })

  it('gives back the very same text when nothing changed', () => {
    expect(rewritePlanText(example, 'yaml', read(example, 'yaml'))).toBe(example)
  })

  it('keeps each issue with its comments when issues are reordered, removed and added', () => {
    const text = [
      'parley: 1',
      'issues:',
      '  # the money',
      '  - id: price',
      '    name: Price # per year',
      '  # how fast',
      '  - id: rollout',
      '    name: Rollout',
      '',
    ].join('\n')
    const rewritten = rewritePlanText(text, 'yaml', {
      parley: 1,
      issues: [
        { id: 'rollout', name: 'Rollout' },
        { id: 'price', name: 'Annual price' },
        { id: 'support', name: 'Support' },
      ],
    })
    expect(read(rewritten, 'yaml')).toEqual({
      parley: 1,
      issues: [
        { id: 'rollout', name: 'Rollout' },
        { id: 'price', name: 'Annual price' },
        { id: 'support', name: 'Support' },
      ],
    })
    // A comment above an item travels with it.
    expect(rewritten).toMatch(/# how fast\n\s+- id: rollout/)
    expect(rewritten).toContain('# the money')
    expect(rewritten).toContain('name: Annual price # per year')
  })

  it('keeps the layout of a JSON plan and edits only what changed', () => {
    const text =
      '{\n    "parley": 1,\n    "title": "Old",\n    "range": { "min": 1, "max": 9 },\n    "issues": [1, 2]\n}\n'
    const rewritten = rewritePlanText(text, 'json', {
      parley: 1,
      title: 'New',
      range: { min: 1, max: 8 },
      issues: [1, 2],
    })
    expect(rewritten).toBe(
      '{\n    "parley": 1,\n    "title": "New",\n    "range": { "min": 1, "max": 8 },\n    "issues": [1, 2]\n}\n',
    )
  })

  it('turns any plan text into any other plan, in YAML and JSON (property)', () => {
    fc.assert(
      fc.property(
        planArb(),
        planArb(),
        fc.constantFrom('yaml' as const, 'json' as const),
        (from, to, format) => {
          const text = format === 'yaml' ? planToYaml(from) : planToJson(from)
          const rewritten = rewritePlanText(text, format, to)
          expect(read(rewritten, format)).toEqual(to)
          expect(rewritePlanText(text, format, from)).toBe(text)
        },
      ),
      { numRuns: runs(150) },
    )
  })
})
