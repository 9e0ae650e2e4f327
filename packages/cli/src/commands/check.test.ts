import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

interface CheckJson {
  valid: boolean
  findings: { id: string; severity: string; message: string }[]
}

const JOURNAL = [
  { type: 'offer-sent', bundles: [{ label: 'B', terms: RENEWAL_B }] },
  { type: 'offer-rejected', side: 'them', counter: { terms: { ...RENEWAL_B, price: 200000 } } },
]

describe('parley check on a plan with a journal', () => {
  it('lints the journal as `parley lint` does, reading the posterior kept beside it', async () => {
    const plan = renewalNegotiation(JOURNAL)
    const cache = plan.replace(/\.yaml$/, '.journal.jsonl.cache')
    const checked = await runCaptured(['check', plan, '--json'])
    expect(checked.code).toBe(EXIT.ok)
    const report = JSON.parse(checked.stdout) as CheckJson
    expect(report.valid).toBe(true)
    // The journal's own findings are there: the offer went out before any discovery.
    expect(report.findings.map((finding) => finding.id)).toContain('anchor-before-discovery')
    // Kept beside the journal by the first read, as every journal command keeps it.
    expect(existsSync(cache)).toBe(true)
    const linted = JSON.parse((await runCaptured(['lint', plan, '--json'])).stdout) as CheckJson
    expect(report.findings).toEqual(linted.findings.filter((finding) => finding.id !== 'placeholder'))
    // Read again from what is kept: the same findings.
    const again = JSON.parse((await runCaptured(['check', plan, '--json'])).stdout) as CheckJson
    expect(again.findings).toEqual(report.findings)
  })

  it('reads a plan without a journal, and keeps nothing beside it', async () => {
    const plan = renewalNegotiation([])
    const journal = plan.replace(/\.yaml$/, '.journal.jsonl')
    rmSync(journal)
    const checked = await runCaptured(['check', plan])
    expect(checked.code).toBe(EXIT.ok)
    expect(checked.stdout).toContain('Outcome space')
    expect(existsSync(`${journal}.cache`)).toBe(false)
    expect(existsSync(journal)).toBe(false)
  })

  it('refuses an invalid plan with its messages, journal or not', async () => {
    const plan = renewalNegotiation(JOURNAL)
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^title: .*$/m, 'title: 42\nbogus: true'))
    const checked = await runCaptured(['check', plan, '--json'])
    expect(checked.code).toBe(EXIT.invalid)
    const report = JSON.parse(checked.stdout) as { valid: boolean; errors: { message: string }[] }
    expect(report.valid).toBe(false)
    expect(report.errors.length).toBeGreaterThan(0)
  })
})
