import { readFileSync } from 'node:fs'
import { bundleWarnings, compileSpace, currentEstimate, parsePlanText } from '@parley/core'
import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

const B = RENEWAL_B
const example = 'examples/sales-saas-renewal.yaml'
const space = (() => {
  const parsed = parsePlanText(readFileSync(example, 'utf8'), { format: 'yaml' })
  if (!parsed.ok) throw new Error('the example does not parse')
  return compileSpace(parsed.plan)
})()

interface Warned {
  code: string
  message: string
  bundle?: string
}

describe('warnings on the command line', () => {
  it('meso warns before the set is sent, as core does for the same bundles, in JSON and in text', async () => {
    const json = await runCaptured(['meso', example, '--json'])
    expect(json.code).toBe(EXIT.ok)
    const view = JSON.parse(json.stdout) as {
      bundles: { label: string; terms: never; efficientFor: Record<string, number> }[]
      warnings: Warned[]
    }
    const expected = bundleWarnings(space, currentEstimate(space, { observations: [] }), view.bundles)
    expect(expected.length).toBeGreaterThan(0)
    expect(view.warnings).toEqual(JSON.parse(JSON.stringify(expected)))
    const text = await runCaptured(['meso', example])
    expect(text.stdout).toContain('Before you send it')
    for (const warning of expected) expect(text.stdout).toContain(warning.message)
    expect(text.stdout).toMatch(/instead: price \d+/)
  })

  it('status warns about a recorded trade that costs them, with the trade in words', async () => {
    const events = [
      { type: 'offer-sent', bundles: [{ label: 'B', terms: B }] },
      // Credits 10 → 5 and uplift 3 → 7 cost them much; a slightly shorter rollout gives back little.
      { type: 'concession', give: { rollout: 45 }, get: { credits: 5, uplift: 7 } },
    ]
    const plan = renewalNegotiation(events)
    const json = await runCaptured(['status', plan, '--json'])
    expect(json.code).toBe(EXIT.ok)
    const { warnings } = JSON.parse(json.stdout) as { warnings: Warned[] }
    const costly = warnings.filter((w) => w.code === 'trade_costs_them')
    expect(costly).toHaveLength(1)
    expect(costly[0]?.message).toContain('expect a no')
    const text = await runCaptured(['status', plan])
    expect(text.stdout).toContain('Warnings')
    expect(text.stdout).toContain(costly[0]?.message)
  })

  it('status says nothing under Warnings for a journal with nothing to warn about', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: [{ label: 'B', terms: B }] }])
    const text = await runCaptured(['status', plan])
    expect(text.code).toBe(EXIT.ok)
    expect(text.stdout).not.toContain('Warnings')
    const { warnings } = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as {
      warnings: Warned[]
    }
    expect(warnings).toEqual([])
  })
})
