import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTEXTS, planJsonSchema, planJsonSchemaText, starterPlan } from '@parley/core'
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
})
