import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, ROOT } from './parley'

const examples = readdirSync(join(ROOT, 'examples')).filter((name) => /\.(ya?ml|json)$/.test(name))

describe('examples/', () => {
  it('has one complete plan per context', () => {
    const contexts = examples.map((name) => {
      const run = parley(['check', join('examples', name), '--json'])
      return (run.json() as { summary: { context: string } }).summary.context
    })
    expect(contexts.sort()).toEqual(['hiring', 'partnership', 'procurement', 'sales'])
  })

  it.each(examples)('%s passes parley check with no warnings and has what the method prepares', (name) => {
    const run = parley(['check', join('examples', name), '--json'])
    expect(run.code).toBe(0)
    const result = run.json() as {
      valid: boolean
      warnings: unknown[]
      summary: {
        issues: { tradeable: boolean }[]
        batna: { us: unknown; them: unknown }
        reservation: number | null
        limits: string[]
        decisionRule: { statement: string | null; require: string[] } | null
      }
    }
    expect(result.valid).toBe(true)
    expect(result.warnings).toEqual([])
    const { summary } = result
    expect(summary.issues.length).toBeGreaterThanOrEqual(5)
    expect(summary.issues.length).toBeLessThanOrEqual(9)
    expect(summary.issues.some((issue) => issue.tradeable)).toBe(true)
    expect(summary.batna.us).not.toBeNull()
    expect(summary.batna.them).not.toBeNull()
    expect(summary.reservation).not.toBeNull()
    expect(summary.limits.length).toBeGreaterThan(0)
    expect(summary.decisionRule?.statement).toBeTruthy()
    expect(summary.decisionRule?.require.length).toBeGreaterThan(0)
  })
})
