import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

const words = Object.entries(RENEWAL_B).map(([issue, level]) => `${issue}=${level}`)

describe('parley score --bundle', () => {
  it('scores ISSUE=LEVEL words exactly as --offer scores the same terms in JSON', async () => {
    const plan = renewalNegotiation([])
    const byWords = await runCaptured(['score', plan, '--bundle', ...words, '--json'])
    const byJson = await runCaptured(['score', plan, '--offer', JSON.stringify(RENEWAL_B), '--json'])
    expect(byWords.code).toBe(EXIT.ok)
    expect(JSON.parse(byWords.stdout)).toEqual(JSON.parse(byJson.stdout))
    expect((await runCaptured(['score', plan, '--bundle', ...words])).stdout).toContain('U_us')
  })

  it('refuses a wrong issue or level on --bundle with the plan’s help (exit 1)', async () => {
    const plan = renewalNegotiation([])
    const wrong = await runCaptured(['score', plan, '--bundle', ...words.slice(1), 'prise=230000'])
    expect(wrong.code).toBe(EXIT.invalid)
    expect(wrong.stderr).toContain("--bundle prise: unknown issue 'prise' (did you mean 'price'?)")
    const level = await runCaptured(['score', plan, '--bundle', ...words.slice(0, -1), 'uplift=lots'])
    expect(level.code).toBe(EXIT.invalid)
    expect(level.stderr).toContain('--bundle uplift')
    const notTerms = await runCaptured(['score', plan, '--bundle', 'price'])
    expect(notTerms.code).toBe(EXIT.invalid)
    expect(notTerms.stderr).toContain("'price' is not ISSUE=LEVEL")
  })

  it('takes exactly one of --offer and --bundle (exit 2)', async () => {
    const plan = renewalNegotiation([])
    const neither = await runCaptured(['score', plan])
    expect(neither.code).toBe(EXIT.usage)
    expect(neither.stderr).toContain('--offer JSON|FILE or --bundle ISSUE=LEVEL')
    const both = await runCaptured([
      'score',
      plan,
      '--offer',
      JSON.stringify(RENEWAL_B),
      '--bundle',
      ...words,
    ])
    expect(both.code).toBe(EXIT.usage)
  })
})
