/**
 * The published JSON Schema of the plan format (`schema/plan.v1.json`), generated from the zod
 * schema so editors autocomplete plans. Rules that span several fields are checked by Parley only.
 */
import { z } from 'zod'
import { PlanSchema } from './plan'

const PLAN_SCHEMA_ID = 'https://parley.dev/schema/plan.v1.json'

export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  })
  return {
    $schema: schema.$schema,
    $id: PLAN_SCHEMA_ID,
    title: 'Parley plan, format 1',
    description:
      'The preparation of one negotiation: parties, issues, BATNAs, reservation, decision rule, counterparty map, evidence, anchor. Cross-field rules (levels, references, scores for every option) are checked by `parley check`.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  }
}

/** The schema as the committed file holds it: two-space JSON with a final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`
}
