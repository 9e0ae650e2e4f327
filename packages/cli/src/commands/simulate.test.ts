import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SIMULATION_DEFAULTS, SIMULATION_PARAMETERS } from '@parley/core'
import { syntheticPlan } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { EXIT } from '../exit-codes'

const run = runCaptured

const folder = mkdtempSync(join(tmpdir(), 'parley-simulate-'))
const plan = join(folder, 'synth.json')
writeFileSync(
  plan,
  JSON.stringify({
    ...syntheticPlan(4, 3),
    batna: { us: { utility: 30 }, them: { utility: 30 } },
    reservation: 40,
  }),
)
/** Quick runs: three counterparts, one learning round, a light posterior, short talks. */
const quick = ['--counterparts', '3', '--rounds', '1', '--set', 'posteriorSamples=100', '--set', 'deadline=4']

describe('parley simulate', () => {
  it('prints the contract of --json: every strategy, posteriorError for parley only', async () => {
    const result = await run(['simulate', plan, ...quick, '--json'])
    expect(result.code).toBe(EXIT.ok)
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout)
    expect(Object.keys(report)).toEqual(['plan', 'generator', 'counterparts', 'seed', 'strategies'])
    expect(report).toMatchObject({ plan, generator: 'perturbed', counterparts: 3, seed: 20261125 })
    expect(report.strategies.map((strategy: { name: string }) => strategy.name)).toEqual([
      'parley',
      'single-offer',
      'split-difference',
    ])
    for (const strategy of report.strategies) {
      expect(Object.keys(strategy)).toEqual([
        'name',
        'agreementRate',
        'meanRounds',
        'meanUs',
        'meanThem',
        'meanJoint',
        'nashShare',
        'frontierDistance',
        'posteriorError',
      ])
      if (strategy.name === 'parley') expect(strategy.posteriorError).toHaveLength(2)
      else expect(strategy.posteriorError).toBeNull()
    }
  })

  it('prints one table, and the same numbers for the same seed', async () => {
    const text = await run(['simulate', plan, ...quick, '--seed', '5'])
    expect(text.code).toBe(EXIT.ok)
    expect(text.stdout).toMatch(
      /strategy +│ agreements │ rounds │ U_us │ U_them \(true\) │ joint │ Nash share/,
    )
    for (const name of ['parley', 'single-offer', 'split-difference']) expect(text.stdout).toContain(name)
    const again = await run(['simulate', plan, ...quick, '--seed', '5'])
    expect(again.stdout).toBe(text.stdout)
  })

  it('plays a truth file, and refuses a wrong one with its place in the file', async () => {
    const good = join(folder, 'truth.yaml')
    writeFileSync(
      good,
      'issues:\n  i0: { weight: 1, scores: { "0": 100, "1": 50, "2": 0 } }\n  i1: { weight: 2, scores: { "0": 0, "1": 100, "2": 0 } }\n  i2: { weight: 1, scores: { "0": 100, "1": 50, "2": 0 } }\n  i3: { weight: 3, scores: { "0": 0, "1": 0, "2": 100 } }\nbatna: 35\n',
    )
    const played = await run(['simulate', plan, ...quick, '--generator', good, '--json'])
    expect(played.code).toBe(EXIT.ok)
    expect(JSON.parse(played.stdout).generator).toBe(good)
    const bad = join(folder, 'bad.yaml')
    writeFileSync(
      bad,
      'issues:\n  i0: { weight: -1, scores: { "0": 100, "1": 50, "2": 0 } }\n  i9: { weight: 1, prefer: low }\n',
    )
    const refused = await run(['simulate', plan, ...quick, '--generator', bad])
    expect(refused.code).toBe(EXIT.invalid)
    expect(refused.stderr).toContain(`${bad}:2:17 issues.i0.weight: must be greater than 0`)
    expect(refused.stderr).toContain(`${bad}:3:3 issues.i9: the plan has no issue 'i9'`)
    expect(refused.stderr).not.toMatch(/\n\s+at /)
    const json = await run(['simulate', plan, ...quick, '--generator', bad, '--json'])
    expect(json.code).toBe(EXIT.invalid)
    expect(JSON.parse(json.stdout).errors[0]).toMatchObject({ file: bad, path: 'issues.i0.weight' })
    const missing = await run(['simulate', plan, '--generator', join(folder, 'none.yaml')])
    expect(missing.code).toBe(EXIT.invalid)
    expect(missing.stderr).toContain('none.yaml: no such file')
    const unknown = await run(['simulate', plan, '--generator', 'shuffled'])
    expect(unknown.code).toBe(EXIT.invalid)
    expect(unknown.stderr).toContain(
      "--generator must be prior, perturbed, reordered or a truth file (.yaml, .yml or .json), not 'shuffled'",
    )
  })

  it("refuses an invalid plan with parley check's messages", async () => {
    const broken = join(folder, 'broken.yaml')
    writeFileSync(broken, 'parley: 1\ntitle: x\ncontext: custom\nissues: []\n')
    const simulated = await run(['simulate', broken])
    const checked = await run(['check', broken])
    expect(simulated.code).toBe(EXIT.invalid)
    const errors = (text: string) => text.split('\n').filter((line) => line.startsWith('error '))
    expect(errors(simulated.stderr).length).toBeGreaterThan(0)
    expect(errors(simulated.stderr)).toEqual(errors(checked.stderr))
  })

  it('tells invalid flag values (exit 1) from bad usage (exit 2)', async () => {
    const invalid = [
      ['--counterparts', '0'],
      ['--rounds', 'three'],
      ['--answers', 'vote'],
      ['--seed', '-1'],
      ['--workers', '0'],
      ['--set', 'choiseScale=2'],
      ['--set', 'deadline=0'],
      ['--set', 'choiceScale'],
    ]
    for (const flags of invalid) {
      const result = await run(['simulate', plan, ...flags])
      expect(result.code, flags.join(' ')).toBe(EXIT.invalid)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    expect((await run(['simulate', plan, '--set', 'choiseScale=2'])).stderr).toContain(
      "unknown setting 'choiseScale'",
    )
    expect((await run(['simulate', plan, '--bogus'])).code).toBe(EXIT.usage)
    expect((await run(['simulate'])).code).toBe(EXIT.usage)
  })

  it('documents every parameter of the model with its default in --help', async () => {
    const help = await run(['simulate', '--help'])
    expect(help.code).toBe(EXIT.ok)
    for (const parameter of SIMULATION_PARAMETERS)
      expect(help.stdout).toContain(`${parameter.name}=${SIMULATION_DEFAULTS[parameter.name]}`)
    for (const flag of [
      '--counterparts',
      '--generator',
      '--rounds',
      '--answers',
      '--seed',
      '--workers',
      '--json',
    ])
      expect(help.stdout).toContain(flag)
  })
})
