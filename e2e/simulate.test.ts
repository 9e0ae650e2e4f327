// The built `parley simulate`: the same numbers on worker threads as in one thread, and clean refusals.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'

const plan = 'examples/sales-saas-renewal.yaml'
// A small run: enough counterparts that both threads get some (in tasks of one counterpart each).
const quick = ['--counterparts', '4', '--rounds', '1', '--set', 'posteriorSamples=100', '--set', 'deadline=4']

describe('parley simulate (built)', () => {
  it('gives identical results on 1 and 2 worker threads', () => {
    const one = parley(['simulate', plan, ...quick, '--generator', 'reordered', '--json'])
    const two = parley(['simulate', plan, ...quick, '--generator', 'reordered', '--workers', '2', '--json'])
    expect(one.code).toBe(0)
    expect(two.code).toBe(0)
    expect(two.stdout).toBe(one.stdout)
    const report = one.json() as { counterparts: number; strategies: { name: string }[] }
    expect(report.counterparts).toBe(4)
    expect(report.strategies.map((strategy) => strategy.name)).toEqual([
      'parley',
      'single-offer',
      'split-difference',
    ])
  })

  it('refuses an invalid plan and bad input with messages, never a stack trace', () => {
    const folder = temporaryFolder()
    const broken = join(folder, 'broken.yaml')
    writeFileSync(broken, 'parley: 1\ntitle: x\ncontext: custom\nissues:\n  - { id: price }\n')
    const refused = parley(['simulate', broken])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/broken\.yaml:5:\d+ issues\[0\]/)
    const truth = join(folder, 'truth.json')
    writeFileSync(truth, '{ "issues": { "price": { "weight": 1, "prefer": "low" } }, "batna": "high" }')
    const badTruth = parley(['simulate', plan, '--generator', truth])
    expect(badTruth.code).toBe(1)
    expect(badTruth.stderr).toContain('batna: must be a number')
    for (const run of [refused, badTruth, parley(['simulate', plan, '--workers', 'many'])]) {
      expect(run.code).toBe(1)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
    expect(parley(['simulate', plan, '--unknown']).code).toBe(2)
  })
})
