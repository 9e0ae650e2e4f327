import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { journalOf, renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

const closed = () =>
  renewalNegotiation([
    { type: 'offer-sent', bundles: [{ label: 'A', terms: RENEWAL_B }] },
    { type: 'agreed', terms: RENEWAL_B },
  ])

describe('parley debrief --answer', () => {
  it('records the answers as one debrief event, then shows them beside the prompts', async () => {
    const plan = closed()
    const run = await runCaptured([
      'debrief',
      plan,
      '--answer',
      'sales-value-created=the milestone billing did most of the work',
      '--answer',
      'sales-next-time= bring the rollout plan to the first call ',
    ])
    expect(run.code).toBe(EXIT.ok)
    expect(journalOf(plan).at(-1)).toMatchObject({
      type: 'debrief',
      answers: {
        'sales-value-created': 'the milestone billing did most of the work',
        'sales-next-time': 'bring the rollout plan to the first call',
      },
    })
    expect(run.stdout).toContain('Added debrief (2 answers)')
    expect(run.stdout).toMatch(/\(sales-value-created\)\n {4}the milestone billing did most of the work\n/)
    // What is still open says how to answer it, on this plan.
    expect(run.stdout).toContain(
      `not answered yet: parley debrief ${plan} --answer sales-bundles-worked="..."`,
    )
  })

  it('keeps the later answer to the same prompt', async () => {
    const plan = closed()
    await runCaptured(['debrief', plan, '--answer', 'sales-next-time=first'])
    await runCaptured(['debrief', plan, '--answer', 'sales-next-time=second'])
    const view = JSON.parse((await runCaptured(['debrief', plan, '--json'])).stdout) as {
      prompts: { id: string; answer: string | null }[]
    }
    expect(view.prompts.find((prompt) => prompt.id === 'sales-next-time')?.answer).toBe('second')
  })

  it('gives the event written with --json, as every move does', async () => {
    const plan = closed()
    const run = await runCaptured(['debrief', plan, '--answer', 'sales-safeguards=the exit clause', '--json'])
    expect(run.code).toBe(EXIT.ok)
    const written = JSON.parse(run.stdout) as { event: { type: string; answers: Record<string, string> } }
    expect(written.event).toMatchObject({
      type: 'debrief',
      answers: { 'sales-safeguards': 'the exit clause' },
    })
  })

  it('refuses a prompt the playbook does not have (exit 1) and an empty answer (exit 2), writing nothing', async () => {
    const plan = closed()
    const before = journalOf(plan)
    const typo = await runCaptured(['debrief', plan, '--answer', 'sales-next-tme=x'])
    expect(typo.code).toBe(EXIT.invalid)
    expect(typo.stderr).toContain("no debrief prompt 'sales-next-tme' (did you mean 'sales-next-time'?)")
    const empty = await runCaptured(['debrief', plan, '--answer', 'sales-next-time='])
    expect(empty.code).toBe(EXIT.usage)
    expect(empty.stderr).toContain('--answer sales-next-time: give the answer after')
    expect(journalOf(plan)).toEqual(before)
  })

  it('shows the debrief without recording anything when no answer is given', async () => {
    const plan = closed()
    const before = journalOf(plan)
    const run = await runCaptured(['debrief', plan])
    expect(run.code).toBe(EXIT.ok)
    expect(run.stdout).toContain('Debrief')
    expect(journalOf(plan)).toEqual(before)
  })
})
