/**
 * The starter plans `parley init` writes: valid as written, with `<...>` placeholders where only the
 * user knows the answer (each a warning of the plan, and an error of the linter until filled) and
 * applicability left for the user to answer.
 */
import { describe, expect, it } from 'vitest'
import { lint } from '../lint/lint'
import { CONTEXTS } from '../model/plan'
import { formatPath } from '../model/problem'
import { parsePlanText } from '../plan/parse'
import { placeholders } from '../plan/placeholders'
import { validatePlanValue } from '../plan/validate'
import { compileSpace } from '../scoring/space'
import { starterPlan, starterPlanYaml } from './starters'

describe.each(CONTEXTS)('the %s starter', (context) => {
  const plan = starterPlan(context)
  const blanks = placeholders(plan).map((blank) => formatPath(blank.at))

  it('is valid as written, and its YAML reads back as the same plan', () => {
    const parsed = parsePlanText(starterPlanYaml(context), { format: 'yaml' })
    expect(parsed.ok).toBe(true)
    const validated = validatePlanValue(plan)
    expect(parsed.ok && validated.ok && parsed.plan).toEqual(validated.ok && validated.plan)
  })

  it('leaves blanks to fill, each a placeholder warning that names its path', () => {
    expect(blanks.length).toBeGreaterThan(5)
    expect(blanks).toContain('parties.them.name')
    const parsed = parsePlanText(starterPlanYaml(context), { format: 'yaml' })
    const warnings = parsed.ok ? parsed.warnings : []
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual(
      blanks.map((path) => ['placeholder', path]),
    )
    expect(warnings.every((warning) => warning.message.includes('placeholder'))).toBe(true)
    // Every warning points at its line in the file the user edits.
    expect(warnings.every((warning) => (warning.line ?? 0) > 1)).toBe(true)
  })

  it('is refused by the linter until filled: an error at every placeholder', () => {
    const space = compileSpace(plan)
    const found = lint({ space }).filter((finding) => finding.id === 'unfilled-placeholder')
    expect(found.map((finding) => finding.place.document === 'plan' && formatPath(finding.place.at))).toEqual(
      blanks,
    )
    expect(found.every((finding) => finding.severity === 'error')).toBe(true)
  })

  it('leaves applicability unanswered, asks for it in the YAML, and the linter notes it', () => {
    expect(plan.applicability).toEqual({})
    const yaml = starterPlanYaml(context)
    expect(yaml).toContain('\napplicability: {}\n')
    expect(yaml).toMatch(
      /# Private, and yours to answer[^\n]*\n# [^\n]*\n# applicability: \{ verifiable: true/,
    )
    const ids = lint({ space: compileSpace(plan) }).map((finding) => finding.id)
    expect(ids).toContain('applicability-unknown')
  })
})

describe('starter plans', () => {
  it('adds the editor schema hint only when asked', () => {
    expect(starterPlanYaml('sales', { schemaRef: '../schema/plan.v1.json' })).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schema\/plan\.v1\.json\n/,
    )
    expect(starterPlanYaml('sales')).not.toContain('yaml-language-server')
  })

  it('gives each context its own issues, and a copy the caller may change', () => {
    const ids = CONTEXTS.map((context) =>
      starterPlan(context)
        .issues.map((issue) => issue.id)
        .join(','),
    )
    expect(new Set(ids).size).toBe(CONTEXTS.length)
    const copy = starterPlan('sales')
    copy.title = 'changed'
    expect(starterPlan('sales').title).toBe('<Customer> subscription 2027')
  })
})
