import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Plan } from '../model/plan'
import { formatProblem, type Problem } from '../model/problem'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { acmePlan, yamlOf } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { defaultAnchorIssue, isMoneyUnit } from './defaults'
import { parsePlanText } from './parse'
import { validatePlanValue } from './validate'

// Read through the bundler, as core has no file system (`import.meta.glob` is typed in architecture.test.ts).
const EXAMPLES: Record<string, string> = import.meta.glob(['../../../../examples/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

function parsed(plan: unknown): Plan {
  const result = parsePlanText(yamlOf(plan), { format: 'yaml', file: 'plan.yaml' })
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
  return result.plan
}

function errorsOf(plan: unknown): Problem[] {
  const result = parsePlanText(yamlOf(plan), { format: 'yaml', file: 'plan.yaml' })
  if (result.ok) throw new Error('expected the plan to be rejected')
  return result.errors
}

/** The reference plan with its anchor's issue left out. */
function withoutAnchorIssue(plan: Plan): unknown {
  const { anchor, ...rest } = plan
  if (!anchor) throw new Error('the plan has no anchor')
  const { issue: _issue, ...written } = anchor
  return { ...rest, anchor: written }
}

describe('isMoneyUnit', () => {
  it('knows currency codes, symbols and names, and not other units', () => {
    for (const unit of [
      'USD/year',
      'USD',
      'EUR one-off',
      'USD at grant',
      '$',
      '€ per month',
      'dollars',
      'CHF/h',
    ])
      expect(isMoneyUnit(unit), unit).toBe(true)
    for (const unit of ['days', 'tier', '% of net revenue', 'months', 'SLA hours', 'FTE', 'all sites', 'usd'])
      expect(isMoneyUnit(unit), unit).toBe(false)
  })
})

describe('defaultAnchorIssue', () => {
  const price = { id: 'price', unit: 'USD/year', numeric: true }
  const setup = { id: 'setup_fee', unit: 'USD one-off', numeric: true }
  const rollout = { id: 'rollout', unit: 'days', numeric: true }
  const tier = { id: 'tier', unit: 'USD plan', numeric: false }

  it('prefers the numeraire, then the one money issue', () => {
    expect(defaultAnchorIssue([price, setup], 'setup_fee')).toMatchObject({ ok: true, issue: 'setup_fee' })
    expect(defaultAnchorIssue([rollout, price, tier], undefined)).toMatchObject({ ok: true, issue: 'price' })
  })

  it('refuses to guess among several money issues, or when there is none', () => {
    expect(defaultAnchorIssue([price, setup], undefined)).toMatchObject({
      ok: false,
      code: 'several_money_issues',
    })
    expect(defaultAnchorIssue([rollout, tier], undefined)).toMatchObject({
      ok: false,
      code: 'no_money_issue',
    })
  })
})

describe('an anchor without its issue', () => {
  it('defaults to the one money issue of the plan', () => {
    const plan = parsed(withoutAnchorIssue(acmePlan()))
    expect(plan.anchor).toEqual(acmePlan().anchor)
  })

  it('defaults to the numeraire when the plan names one', () => {
    const base = acmePlan()
    const setup = {
      id: 'setup_fee',
      name: 'Setup fee',
      unit: 'USD one-off',
      range: { min: 0, max: 20000, step: 5000 },
      us: { weight: 5, prefer: 'high' as const },
      them: { weight: 5, prefer: 'low' as const },
    }
    const plan = parsed({
      ...(withoutAnchorIssue(base) as Plan),
      issues: [...base.issues, setup],
      numeraire: 'price',
    })
    expect(plan.anchor?.issue).toBe('price')
  })

  it('is an error naming the money issues when there are several and no numeraire', () => {
    const base = acmePlan()
    const setup = {
      id: 'setup_fee',
      name: 'Setup fee',
      unit: 'USD one-off',
      range: { min: 0, max: 20000, step: 5000 },
      us: { weight: 5, prefer: 'high' as const },
      them: { weight: 5, prefer: 'low' as const },
    }
    const errors = errorsOf({ ...(withoutAnchorIssue(base) as Plan), issues: [...base.issues, setup] })
    expect(errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'anchor.issue: is required: the plan has several money issues (price, setup_fee) and no numeraire; name the issue the anchor is on, or set numeraire',
    ])
    expect(errors[0]?.line).toBeGreaterThan(0)
  })

  it('is an error when the plan has no money issue', () => {
    const base = acmePlan()
    const issues = base.issues.map((issue) => (issue.id === 'price' ? { ...issue, unit: 'points' } : issue))
    const errors = errorsOf({ ...(withoutAnchorIssue(base) as Plan), issues })
    expect(errors.map((error) => error.path)).toEqual(['anchor.issue'])
    expect(errors[0]?.message).toContain('no money issue')
  })

  it('checks the anchor against the issue it defaults to', () => {
    const base = acmePlan()
    const plan = withoutAnchorIssue(base) as Plan
    const errors = errorsOf({ ...plan, anchor: { ...plan.anchor, high: 900000 } })
    expect(errors.map((error) => error.path)).toEqual(['anchor.high'])
    expect(errors[0]?.message).toContain("'price'")
  })
})

describe('a unit', () => {
  it('may be left out on an issue with text options', () => {
    const plan = acmePlan()
    const issues = plan.issues.map(({ unit, ...issue }) =>
      issue.id === 'support' ? issue : { ...issue, unit },
    )
    const valid = parsed({ ...plan, issues })
    expect(valid.issues.find((issue) => issue.id === 'support')?.unit).toBeUndefined()
    expect(compileSpace(valid).byId.get('support')?.unit).toBe('')
  })

  it('is still required on a range and on numeric options', () => {
    const plan = acmePlan()
    const numericOptions = {
      id: 'term',
      name: 'Term',
      options: [12, 24, 36],
      us: { weight: 5, prefer: 'high' as const },
      them: { weight: 5, prefer: 'low' as const },
    }
    const issues = [
      ...plan.issues.map(({ unit, ...issue }) => (issue.id === 'price' ? issue : { ...issue, unit })),
      numericOptions,
    ]
    const errors = errorsOf({ ...plan, issues })
    const price = plan.issues.findIndex((issue) => issue.id === 'price')
    expect(errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      `issues[${price}].unit: is required for a range: the unit its numbers are in (USD/year, days)`,
      `issues[${issues.length - 1}].unit: is required for numeric options: the unit its numbers are in (USD/year, days)`,
    ])
  })
})

describe('plans valid before optional units and anchor defaults', () => {
  it('read every example to exactly the value written', () => {
    expect(Object.keys(EXAMPLES).length).toBeGreaterThanOrEqual(4)
    for (const [name, text] of Object.entries(EXAMPLES)) {
      const result = parsePlanText(text, { format: 'yaml', file: name })
      if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
      expect(result.plan, name).toStrictEqual(parse(text, { version: '1.2', schema: 'core' }))
    }
  })

  it('validate a random valid plan to itself, with the same utilities', () => {
    fc.assert(
      fc.property(planArb(), (plan) => {
        const result = validatePlanValue(plan)
        if (!result.ok) throw new Error(JSON.stringify(result.errors))
        expect(result.plan).toStrictEqual(plan)
        const before = compileSpace(plan)
        const after = compileSpace(result.plan)
        for (const side of ['us', 'them'] as const)
          for (const [k, issue] of before.issues.entries())
            expect([...(after.issues[k]?.gain[side] ?? [])]).toEqual([...issue.gain[side]])
      }),
      { numRuns: runs(200) },
    )
  })
})
