import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Plan, parsePlanText } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { draftPlan, draftText, sharedDraftOf } from './shared-draft'

const EXAMPLE = join(__dirname, '../../../../examples/sales-saas-renewal.yaml')

function examplePlan(): Plan {
  const read = parsePlanText(readFileSync(EXAMPLE, 'utf8'), { format: 'yaml' })
  if (!read.ok) throw new Error('the example plan is valid')
  return read.plan
}

describe("the team's draft", () => {
  it('reads back in the form the plan it kept, problems and all', () => {
    const plan = { ...examplePlan(), reservation: 150 }
    expect(draftPlan(draftText(plan))).toEqual(plan)
  })

  it('is repaired as text when it does not read as a plan-shaped document', () => {
    expect(draftPlan({ text: 'title: [unclosed', format: 'yaml' })).toBeUndefined()
    expect(draftPlan({ text: '{"title": "x", "issues": "none"}', format: 'json' })).toBeUndefined()
    expect(draftPlan({ text: '- a list', format: 'yaml' })).toBeUndefined()
  })

  it('counts the problems listed and those left unlisted', () => {
    const draft = {
      version: 3,
      updatedAt: '2026-12-05T12:00:00.000Z',
      updatedBy: 'U1',
      valid: false,
      problems: [{ code: 'x', path: 'reservation', message: 'm', line: null, column: null }],
      unlisted: 4,
    }
    expect(sharedDraftOf(draft)).toEqual({
      version: 3,
      updatedAt: '2026-12-05T12:00:00.000Z',
      updatedBy: 'U1',
      valid: false,
      problems: 5,
    })
  })
})
