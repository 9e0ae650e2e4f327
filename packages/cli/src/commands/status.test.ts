import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { journalOf, renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

const B = RENEWAL_B

interface StatusJson {
  realityTest: {
    items: {
      label: string
      terms: Record<string, unknown>
      verdict: string
      reason: string
      giveaway?: number
      givenBack?: number
      proposal?: { terms: Record<string, unknown>; utility: { us: number; them: number } }
    }[]
  }
  jointGain: { terms: Record<string, unknown>; utility: { us: number; them: number } } | null
  table: { source: string; terms: Record<string, unknown>; utility: { us: number; them: number } } | null
  offersInPlay: unknown[]
  awaitingAnswer: boolean
  warnings: { code: string; bundle?: string }[]
  estimate: { label: string }
  postSettlement: {
    terms: Record<string, unknown>
    utility: { us: number; them: number }
    gain: { us: number; them: number }
    chance: number
  }[]
  nextMove: { text: string; command?: string }
}

describe('parley status: the reality test as a trade adviser', () => {
  it('answers a counter with only a lower price with a trade, in JSON and in text', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'B', terms: B }] },
      { type: 'offer-rejected', side: 'them', counter: { terms: { ...B, price: 200000 } } },
    ])
    const json = await runCaptured(['status', plan, '--json'])
    expect(json.code).toBe(EXIT.ok)
    const status = JSON.parse(json.stdout) as StatusJson
    const counter = status.realityTest.items.find((item) => item.label === 'their counter')
    expect(counter).toMatchObject({ verdict: 'counter', terms: { ...B, price: 200000 } })
    expect(counter?.reason).toContain('gives us nothing back')
    expect(counter?.giveaway).toBeGreaterThan(10)
    expect(Object.keys(counter?.proposal ?? {}).sort()).toEqual(['terms', 'utility'])
    expect(counter?.proposal?.utility.us).toBeGreaterThan((status.table?.utility.us ?? 0) + 10)
    const text = await runCaptured(['status', plan])
    expect(text.code).toBe(EXIT.ok)
    expect(text.stdout).toContain('their counter: counter — it only moves annual subscription fee')
    expect(text.stdout).toContain(
      `Giveaway: accepting it gives away ${counter?.giveaway?.toFixed(1)} of our points for nothing`,
    )
    expect(text.stdout).toMatch(
      /Proposal: U_us \d+\.\d, U_them \d+\.\d \(est\., learned from 1 move\) — price /,
    )
    expect(text.stdout).toMatch(/Next move: counter with /)
  })

  it('says what a counter that gives back next to nothing takes and gives back, in JSON and in text', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'B', terms: B }] },
      {
        type: 'offer-rejected',
        side: 'them',
        counter: { terms: { ...B, price: 200000, support: 'standard' } },
      },
    ])
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    const counter = status.realityTest.items.find((item) => item.label === 'their counter')
    expect(counter?.verdict).toBe('counter')
    const giveaway = counter?.giveaway ?? 0
    const givenBack = counter?.givenBack ?? 0
    expect(givenBack).toBeGreaterThan(0)
    expect(counter?.proposal).toBeDefined()
    const text = await runCaptured(['status', plan])
    expect(text.stdout).toContain(
      `Giveaway: accepting it gives away ${giveaway.toFixed(1)} of our points against our last offer (it takes ${(giveaway + givenBack).toFixed(1)} and gives back ${givenBack.toFixed(1)})`,
    )
    expect(text.stdout).not.toContain('for nothing')
  })

  it('shows the joint gain in sight over the table, with what it adds for each side', async () => {
    // A single offer leaves room both sides gain from (term 24 is better for both than 12 here).
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: { ...B, term: 12 } }] },
    ])
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    const gain = status.jointGain
    if (!gain) throw new Error('no joint gain')
    const table = status.table?.utility ?? { us: 0, them: 0 }
    expect(gain.utility.us).toBeGreaterThan(table.us)
    expect(gain.utility.them).toBeGreaterThan(table.them)
    const text = (await runCaptured(['status', plan])).stdout
    const us = (gain.utility.us - table.us).toFixed(1)
    const them = (gain.utility.them - table.them).toFixed(1)
    expect(text).toContain(
      `Joint gain in sight: +${us} for us, +${them} for them (est., plan) over the table`,
    )
    // It says what changes from the table, issue by issue, and the bundle in full below.
    const line = text.split('\n').find((entry) => entry.startsWith('Joint gain in sight'))
    const changed = Object.keys(gain.terms).filter((id) => gain.terms[id] !== status.table?.terms[id])
    expect(changed.length).toBeGreaterThan(0)
    expect(line?.match(/ instead of /g)).toHaveLength(changed.length)
    expect(line).toContain('contract term')
    expect(text).toContain(
      `  in full: ${Object.entries(gain.terms)
        .map(([id, level]) => `${id} ${level}`)
        .join(' · ')}`,
    )
    // Over their counter, it says so: the table is theirs, not a position of ours.
    const countered = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: { ...B, term: 12 } }] },
      { type: 'offer-rejected', side: 'them', counter: { terms: { ...B, term: 12, price: 220000 } } },
    ])
    const theirs = JSON.parse((await runCaptured(['status', countered, '--json'])).stdout) as StatusJson
    if (!theirs.jointGain) throw new Error('no joint gain over their counter')
    const overCounter = (await runCaptured(['status', countered])).stdout
    expect(overCounter).toMatch(/Joint gain in sight: .* over their counter — /)
    // The heading says whose move the table is, in words (the JSON keeps the source's name).
    expect(theirs.table?.source).toBe('counter')
    expect(overCounter).toContain('On the table (their counter): ')
  })

  it('says nothing is learned before their first move, and what their moves taught after it', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: [{ label: 'B', terms: B }] }])
    expect((await runCaptured(['status', plan])).stdout).toContain(
      "No move of theirs is recorded yet: this is the plan's estimate (",
    )
    const ranked = renewalNegotiation([
      {
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: { ...B, price: 220000 } },
          { label: 'B', terms: B },
        ],
      },
      { type: 'bundles-ranked', side: 'them', order: ['B', 'A'] },
    ])
    expect((await runCaptured(['status', ranked])).stdout).toMatch(
      /Their last move taught us \d+\.\d\d bits; all their moves \d+\.\d\d bits/,
    )
  })

  it('says who expects to lose by a contingency without joint value', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'B', terms: { ...B, uplift: 0 } }] },
      {
        type: 'contingency-proposed',
        contingency: {
          metric: 'adoption',
          op: '>=',
          threshold: 80,
          consequence: { issue: 'uplift', level: 7 },
          beliefs: { us: 0.3, them: 0.7 },
        },
        exchange: { price: 225000 },
      },
    ])
    const json = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as {
      contingencies: { them: { gain: number } | null; jointValue: boolean }[]
    }
    const them = json.contingencies[0]?.them?.gain ?? 0
    expect(them).toBeLessThan(0)
    expect((await runCaptured(['status', plan])).stdout).toContain(
      `— no joint value: by our estimate of their belief they expect to lose ${(-them).toFixed(1)} points by it, so as it stands they are unlikely to accept`,
    )
  })

  it('names the command for the next move as it runs here, and it runs as printed', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'B', terms: B }] },
      {
        type: 'contingency-proposed',
        contingency: {
          id: 'adopt',
          metric: 'adoption',
          op: '>=',
          threshold: 80,
          consequence: { issue: 'uplift', level: 5 },
        },
      },
    ])
    const printed = /Next move: .* \((parley [^)]*)\)\n/.exec(
      (await runCaptured(['status', plan])).stdout,
    )?.[1]
    expect(printed).toBe(`parley accept-contingency ${plan} adopt`)
    const argv = (printed ?? '').split(' ').slice(1)
    expect((await runCaptured(argv)).code).toBe(EXIT.ok)
    expect(journalOf(plan).at(-1)).toMatchObject({ type: 'contingency-accepted', target: 'adopt' })
  })

  it('has no joint gain with nothing on the table', async () => {
    const plan = renewalNegotiation([{ type: 'interest-stated', side: 'them', text: 'a forecastable bill' }])
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    expect(status.jointGain).toBeNull()
    expect((await runCaptured(['status', plan])).stdout).not.toContain('Joint gain')
  })

  it('lists, once an agreement is recorded, the alternatives to offer before signing, in JSON and in text', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: { ...B, term: 12 } }] },
      { type: 'agreed', terms: { ...B, term: 12 } },
    ])
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    expect(status.postSettlement.length).toBeGreaterThan(0)
    expect(status.postSettlement[0]?.terms).toEqual(status.jointGain?.terms)
    const agreed = status.table?.utility ?? { us: 0, them: 0 }
    for (const option of status.postSettlement) {
      expect(option.utility.us).toBeGreaterThanOrEqual(agreed.us - 1e-9)
      expect(option.gain.us).toBeCloseTo(option.utility.us - agreed.us, 9)
    }
    expect(status.nextMove.text).toMatch(/^before signing, offer the/)
    const text = (await runCaptured(['status', plan])).stdout
    expect(text).toContain('Before you sign')
    const first = status.postSettlement[0]
    if (!first) throw new Error('no alternative')
    expect(text).toContain(
      `  1. +${first.gain.us.toFixed(1)} for us, +${first.gain.them.toFixed(1)} for them — U_us ${first.utility.us.toFixed(1)}, U_them ${first.utility.them.toFixed(1)}, better for them in ${Math.round(first.chance * 100)}% of our estimate's draws`,
    )
    // Shown once, as the first alternative, not again as a joint gain.
    expect(text).not.toContain('Joint gain in sight')
  })

  it('offers the alternatives before signing (offer --alternatives), then waits for their signature', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: { ...B, term: 12 } }] },
    ])
    const early = await runCaptured(['offer', plan, '--alternatives'])
    expect(early.code).toBe(EXIT.no)
    expect(early.stderr).toContain('there is no agreement to offer alternatives beside')
    expect(journalOf(plan)).toHaveLength(1)
    await runCaptured(['agree', plan, '--table'])
    const listed = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    const offered = await runCaptured(['offer', plan, '--alternatives', '--json'])
    expect(offered.code).toBe(EXIT.ok)
    const written = JSON.parse(offered.stdout) as { event: { id: string; type: string; bundles: unknown[] } }
    expect(written.event.type).toBe('alternatives-offered')
    expect(written.event.bundles).toEqual(
      listed.postSettlement.map((option, k) => ({ label: String(k + 1), terms: option.terms })),
    )
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson & {
      postSettlementOffered: string | null
    }
    expect(status.postSettlementOffered).toBe(written.event.id)
    expect(status.nextMove.text).toMatch(/^wait for their signature/)
    const text = (await runCaptured(['status', plan])).stdout
    // The command the next move names, as it runs on this plan: the step before named `offer --alternatives`.
    expect(text).toContain(`(parley agree ${plan} --alternative N)`)
    expect(listed.nextMove.command).toBe('parley offer PLAN --alternatives')
    expect(text).toContain(
      'Before you sign — alternatives offered beside the agreement, waiting for their signature',
    )
    // Offered once: again is refused, nothing written.
    const again = await runCaptured(['offer', plan, '--alternatives'])
    expect(again.code).toBe(EXIT.no)
    expect(again.stderr).toContain('the alternatives are offered already')
    expect(journalOf(plan).filter((event) => event.type === 'alternatives-offered')).toHaveLength(1)
    // They sign the first: the step is done.
    expect((await runCaptured(['agree', plan, '--alternative', '1'])).code).toBe(EXIT.ok)
    const done = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    expect(done.postSettlement).toEqual([])
    expect(journalOf(plan).at(-1)).toMatchObject({ type: 'agreed', terms: listed.postSettlement[0]?.terms })
  })

  it('shows the agreement, not the offers that led to it, once the terms are agreed', async () => {
    const plan = renewalNegotiation([])
    expect((await runCaptured(['offer', plan, '--meso'])).code).toBe(EXIT.ok)
    const sent = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    expect(sent.awaitingAnswer).toBe(true)
    expect((await runCaptured(['status', plan])).stdout).toContain(
      'Offers in play (waiting for their answer)',
    )
    expect((await runCaptured(['reply', plan, '--chose', 'B'])).code).toBe(EXIT.ok)
    // Their choice moved the estimate: in play, the set's figures have drifted since it was sent.
    const open = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    expect(open.offersInPlay).toHaveLength(3)
    expect(open.awaitingAnswer).toBe(false)
    expect(open.warnings.some((w) => w.code === 'sent_figures_changed')).toBe(true)
    const before = (await runCaptured(['status', plan])).stdout
    expect(before).toContain('Our latest offer (answered: the table below is where it stands)')
    expect(before).not.toContain('Offers in play')
    expect(before).toMatch(/now worth .* to them by our estimate/)
    // Only their pick's figures are explained in the text: the bundles they passed over are history.
    expect(before).toContain('Bundle B of round 1 is now worth')
    const passedOver = open.warnings.filter((w) => w.code === 'sent_figures_changed' && w.bundle !== 'B')
    expect(passedOver.length).toBeGreaterThan(0)
    for (const warning of passedOver)
      expect(before).not.toContain(`Bundle ${warning.bundle} of round 1 is now worth`)

    expect((await runCaptured(['agree', plan, '--table'])).code).toBe(EXIT.ok)
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as StatusJson
    expect(status.offersInPlay).toEqual([])
    expect(status.table?.source).toBe('agreement')
    const chosen = (open.offersInPlay as { label: string; terms: Record<string, unknown> }[]).find(
      (bundle) => bundle.label === 'B',
    )
    expect(status.table?.terms).toEqual(chosen?.terms)
    // Kept in JSON as history; not explained in the text, where no offer is in play.
    expect(status.warnings.some((w) => w.code === 'sent_figures_changed')).toBe(true)
    const text = (await runCaptured(['status', plan])).stdout
    const agreed = status.table?.utility ?? { us: 0, them: 0 }
    expect(text).toContain(
      `Agreed: U_us ${agreed.us.toFixed(1)}, U_them ${agreed.them.toFixed(1)} (${status.estimate.label}) — `,
    )
    expect(text).not.toContain('Offers in play')
    expect(text).not.toContain('Our latest offer')
    expect(text).not.toContain('On the table')
    expect(text).not.toMatch(/now worth .* to them by our estimate/)
  })
})
