import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTEXTS, parsePlanText, planJsonSchema, planJsonSchemaText, starterPlan } from '@parley/core'
import { acmePlan } from '@parley/core/testing'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from './parley'

describe('schema/plan.v1.json', () => {
  it('is the JSON Schema generated from the plan schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(join(ROOT, 'schema/plan.v1.json'), 'utf8')).toBe(planJsonSchemaText())
  })

  it('accepts every example and starter plan, and rejects an unknown field', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(planJsonSchema())
    const examples = readdirSync(join(ROOT, 'examples')).filter((name) => /\.(ya?ml|json)$/.test(name))
    for (const name of examples) {
      const plan = parse(readFileSync(join(ROOT, 'examples', name), 'utf8'), {
        version: '1.2',
        schema: 'core',
      })
      expect(validate(plan), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
    for (const context of CONTEXTS) expect(validate(starterPlan(context))).toBe(true)
    expect(validate({ ...starterPlan('sales'), reservaton: 3 })).toBe(false)
  })

  it("agrees with parley check on what is optional: a unit on text options, an anchor's issue", () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(planJsonSchema())
    const plan = acmePlan()
    const { issue: _issue, ...anchor } = plan.anchor ?? { issue: '', low: 0, high: 0 }
    const drop = (id: string) =>
      plan.issues.map(({ unit, ...issue }) => (issue.id === id ? issue : { ...issue, unit }))
    const term = {
      id: 'term',
      name: 'Term',
      options: [12, 24],
      us: { weight: 1, prefer: 'high' },
      them: { weight: 1, prefer: 'low' },
    }
    const cases: [string, unknown, boolean][] = [
      ['text options without a unit', { ...plan, issues: drop('support') }, true],
      ['an anchor without its issue', { ...plan, anchor }, true],
      ['a range without a unit', { ...plan, issues: drop('price') }, false],
      ['numeric options without a unit', { ...plan, issues: [...plan.issues, term] }, false],
    ]
    for (const [name, value, valid] of cases) {
      expect(validate(value), name).toBe(valid)
      expect(parsePlanText(JSON.stringify(value), { format: 'json' }).ok, name).toBe(valid)
    }
  })
})
