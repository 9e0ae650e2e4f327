import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import { describe, expect, it } from 'vitest'
import { parley, ROOT, temporaryFolder } from './parley'

interface CoachJson {
  stage: string
  moves: { title: string; stages: string[] }[]
  phrases: { id: string; kind: string; text: string }[]
  script: string[]
  advice: string[]
}

describe('parley coach', () => {
  it('prints the playbook for the current stage with filled phrases and a call script', () => {
    const run = parley(['coach', 'examples/sales-saas-renewal.yaml', '--json'])
    expect(run.code).toBe(0)
    const report = run.json() as CoachJson
    expect(report.stage).toBe('setup')
    expect(report.moves.length).toBeGreaterThan(0)
    // The setup call: opening, rule, discovery, standard (no bundles, trade or close before the set is made).
    expect(report.script.length).toBe(4)
    // The quoted rule ends with its full stop.
    expect(report.phrases).toContainEqual({
      id: 'sales-rule',
      kind: 'decision-rule',
      text: 'Here is the test I heard, and every option we bring will pass it. Please correct anything that is off: All claims teams live within 60 days of signature, with spend the CFO can forecast.',
    })
    const human = parley(['coach', 'examples/sales-saas-renewal.yaml'])
    expect(human.stdout).toContain('For you only (never read this out)')
    expect(human.stdout).toContain('Call script')
  })

  it('fills phrases with the facts of each example, and keeps issue names as written', () => {
    const report = parley(['coach', 'examples/partnership-data-sharing.yaml', '--json']).json() as CoachJson
    // The hospital's style is indirect (culture in the plan): the softer wording is used. Every issue
    // is in scope (the list used to stop at the fifth).
    expect(report.phrases.find((phrase) => phrase.id === 'partnership-open')?.text).toBe(
      'We are grateful for the time and keen to understand what matters to Northgate University Hospital. Could we begin with what this partnership should achieve and protect for each of us, before we turn to data scope, field-of-use limit on trained models, pilot length before the expansion review, revenue share on products trained on the data, hospital audit access, joint steering committee cadence and suspension when a privacy metric is missed?',
    )
    const procurement = parley([
      'coach',
      'examples/procurement-city-services-rfp.yaml',
      '--json',
    ]).json() as CoachJson
    expect(procurement.phrases.find((phrase) => phrase.id === 'procurement-open')?.text).toContain(
      'uptime SLA',
    )
  })

  it('shows another stage with --stage, and refuses an unknown one', () => {
    const report = parley([
      'coach',
      'examples/hiring-senior-engineer.yaml',
      '--stage',
      'midgame',
      '--json',
    ]).json() as CoachJson
    expect(report.stage).toBe('midgame')
    expect(report.moves.every((move) => move.stages.includes('midgame'))).toBe(true)
    expect(parley(['coach', 'examples/hiring-senior-engineer.yaml', '--stage', 'haggle']).code).toBe(1)
  })
})

describe('parley lint', () => {
  it('passes the examples with no error-level finding, exit 0', () => {
    for (const example of [
      'sales-saas-renewal',
      'partnership-data-sharing',
      'procurement-city-services-rfp',
      'hiring-senior-engineer',
    ]) {
      const run = parley(['lint', `examples/${example}.yaml`, '--json'])
      expect(run.code, example).toBe(0)
      const { findings } = run.json() as { findings: { severity: string }[] }
      expect(findings.filter((finding) => finding.severity === 'error')).toEqual([])
    }
  })

  it('exits 3 on an error-level finding and says where and how to fix it', () => {
    const folder = temporaryFolder()
    const plan = join(folder, 'leaky.yaml')
    writeFileSync(
      plan,
      readFileSync('examples/sales-saas-renewal.yaml', 'utf8').replace(
        'statement: All claims teams live within 60 days of signature, with spend the CFO can forecast.',
        'statement: All claims teams live within 60 days; we cannot go below 48 points.',
      ),
    )
    const run = parley(['lint', plan])
    expect(run.code).toBe(3)
    expect(run.stdout).toMatch(
      /error .*leaky\.yaml:\d+:\d+ decisionRule\.statement \[private-figure-in-shared-text\]: "48" is our reservation/,
    )
    expect(run.stdout).toContain('fix: Take the figure out')
    const json = parley(['lint', plan, '--json']).json() as {
      findings: { id: string; severity: string; where: string; message: string; fix: string }[]
    }
    expect(json.findings).toContainEqual(
      expect.objectContaining({ id: 'private-figure-in-shared-text', severity: 'error' }),
    )
    // check lists the findings too, but keeps its own exit code.
    const check = parley(['check', plan, '--json'])
    expect(check.code).toBe(0)
    expect((check.json() as { findings: { id: string }[] }).findings.map((finding) => finding.id)).toContain(
      'private-figure-in-shared-text',
    )
  })

  it('writes SARIF 2.1.0 that validates against the SARIF schema', () => {
    const folder = temporaryFolder()
    const plan = join(folder, 'gap.yaml')
    // Without a plan to improve our BATNA, the gap with theirs is a finding.
    writeFileSync(
      plan,
      readFileSync('examples/partnership-data-sharing.yaml', 'utf8').replace(/\n {4}improve: .*\n/, '\n'),
    )
    const run = parley(['lint', plan, '--format', 'sarif'])
    expect(run.code).toBe(0)
    const log = run.json() as {
      version: string
      runs: {
        results: { ruleId: string; locations?: { physicalLocation: { region?: { startLine: number } } }[] }[]
      }[]
    }
    const schema = JSON.parse(
      readFileSync(
        join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
        'utf8',
      ),
    )
    const validate = new AjvDraft04({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    }).compile(schema)
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ runs: [] })).toBe(false)
    expect(log.version).toBe('2.1.0')
    const gap = log.runs[0]?.results.find((result) => result.ruleId === 'batna-gap')
    expect(gap?.locations?.[0]?.physicalLocation.region?.startLine).toBeGreaterThan(1)
  })
})

describe('parley debrief', () => {
  it('lists the prompts with their answers and the figures of the outcome', () => {
    const folder = temporaryFolder()
    const plan = join(folder, 'calder.yaml')
    writeFileSync(plan, readFileSync('examples/sales-saas-renewal.yaml', 'utf8'))
    const terms = {
      price: 250000,
      rollout: 45,
      billing: 'milestone',
      support: 'enterprise',
      credits: 10,
      term: 36,
      uplift: 3,
    }
    parley([
      'journal',
      'add',
      plan,
      '{"type":"interest-stated","text":"the date matters most","ranking":["rollout"]}',
    ])
    parley(['journal', 'add', plan, JSON.stringify({ type: 'offer-sent', bundles: [{ terms }] })])
    parley([
      'journal',
      'add',
      plan,
      JSON.stringify({
        type: 'agreed',
        terms,
        changeControl: 'written requests',
        exit: 'off-ramp on repeated SLA misses',
        governance: { reviewCadence: 'quarterly' },
      }),
    ])
    parley([
      'journal',
      'add',
      plan,
      '{"type":"debrief","answers":{"sales-value-created":"phasing the rollout"}}',
    ])
    const run = parley(['debrief', plan, '--json'])
    expect(run.code).toBe(0)
    const result = run.json() as {
      prompts: { id: string; answer: string | null }[]
      figures: { agreed: boolean; surplus: number; distanceToFrontier: number }
    }
    expect(result.prompts.find((prompt) => prompt.id === 'sales-value-created')?.answer).toBe(
      'phasing the rollout',
    )
    expect(result.figures.agreed).toBe(true)
    expect(result.figures.surplus).toBeGreaterThan(0)
    expect(result.figures.distanceToFrontier).toBeGreaterThanOrEqual(0)
    expect(parley(['debrief', plan]).stdout).toContain('Distance to the Pareto frontier')
    expect(parley(['status', plan, '--json']).json()).toMatchObject({ stage: 'debrief' })
  })
})
