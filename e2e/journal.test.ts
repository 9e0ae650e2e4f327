import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'

function workspace() {
  const folder = temporaryFolder()
  const plan = join(folder, 'calder.yaml')
  copyFileSync('examples/sales-saas-renewal.yaml', plan)
  return { folder, plan, journal: join(folder, 'calder.journal.jsonl') }
}

interface Status {
  stage: string
  round: number
  posterior: Record<string, { mean: number; low: number; high: number }>
  concessions: {
    give: object
    get: object
    giveCostUs: number
    getValueUs: number
    valueUs: number
    valueThem: number
    gift: boolean
    money?: object
  }[]
  balance: { us: number; them: number }
  realityTest: { items: { label: string; verdict: string }[] }
  nextMove: { text: string }
  findings: { code: string; message: string }[]
  problems: { line: number; code: string }[]
}

const set = {
  type: 'offer-sent',
  bundles: [
    {
      terms: {
        price: 210000,
        rollout: 45,
        billing: 'annual-upfront',
        support: 'enterprise',
        credits: 5,
        term: 36,
        uplift: 7,
      },
    },
    {
      terms: {
        price: 260000,
        rollout: 45,
        billing: 'milestone',
        support: 'premium',
        credits: 5,
        term: 24,
        uplift: 0,
      },
    },
    {
      terms: {
        price: 250000,
        rollout: 45,
        billing: 'annual-upfront',
        support: 'enterprise',
        credits: 15,
        term: 36,
        uplift: 0,
      },
    },
  ],
}

describe('parley journal and status', () => {
  it('records moves, filling in ids, times, sides, rounds, labels and the plan version', () => {
    const { plan, journal } = workspace()
    expect(parley(['status', plan, '--json']).json()).toMatchObject({ stage: 'setup', round: 0 })
    const added = parley(['journal', 'add', plan, JSON.stringify(set), '--json'])
    expect(added.code).toBe(0)
    const { event } = added.json() as { event: Record<string, unknown> }
    expect(event.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(event.side).toBe('us')
    expect(event.round).toBe(1)
    expect(event.planVersion).toMatch(/^[0-9a-f]{12}$/)
    expect((event.bundles as { label: string }[]).map((bundle) => bundle.label)).toEqual(['A', 'B', 'C'])
    expect(parley(['journal', 'add', plan, '{"type":"bundle-chosen","label":"B"}']).stdout).toContain(
      'they chose B',
    )
    const lines = readFileSync(journal, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[1]!)).toMatchObject({ type: 'bundle-chosen', label: 'B', side: 'them' })
    expect(parley(['status', plan, '--json']).json()).toMatchObject({ stage: 'midgame', round: 1 })
  })

  it('records a move that falls short for us, and warns: stderr, and warnings in --json', () => {
    const { plan, journal } = workspace()
    // Below our price and credit limits, past the 60-day rule, and worth less to us than our BATNA.
    const poor = {
      price: 180000,
      rollout: 90,
      billing: 'milestone',
      support: 'enterprise',
      credits: 20,
      term: 12,
      uplift: 0,
    }
    const added = parley([
      'journal',
      'add',
      plan,
      JSON.stringify({ type: 'offer-sent', bundles: [{ terms: poor }] }),
    ])
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('Added offer:')
    expect(added.stderr).toMatch(
      /warning EVENT:1:\d+ bundles\[0\]: bundle A breaks the decision rule agreed with them: rollout <= 60\n/,
    )
    expect(added.stderr).toMatch(
      /warning EVENT:1:\d+ bundles\[0\]: bundle A is worth [\d.]+ to us, below our reservation and our BATNA \(35\.0\)/,
    )
    expect(added.stderr).toContain('bundle A breaks our limits price >= 190000 and credits <= 15')
    expect(added.stderr).toContain(
      'Recorded all the same (3 warnings). If it was a slip, retract it: parley retract',
    )
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1)
    // The same judgement in JSON, and on an agreement.
    const agreed = parley(['journal', 'add', plan, JSON.stringify({ type: 'agreed', terms: poor }), '--json'])
    expect(agreed.code).toBe(0)
    const { warnings } = agreed.json() as { warnings: { code: string; path: string; message: string }[] }
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ['breaks_rule', 'terms'],
      ['below_floor', 'terms'],
      ['breaks_limit', 'terms'],
    ])
    // The linter says the same of the journal, and refuses it.
    const lint = parley(['lint', plan])
    expect(lint.code).toBe(3)
    expect(lint.stdout).toMatch(
      /error \S*calder\.journal\.jsonl:1 event 1 bundles\[0\] \[offer-breaks-rule\]: bundle A breaks the decision rule agreed with them: rollout <= 60/,
    )
    expect(lint.stdout).toContain('[agreement-below-batna]')
  })

  it('records a move that keeps to the plan without a warning', () => {
    const { plan } = workspace()
    const added = parley(['journal', 'add', plan, JSON.stringify(set), '--json'])
    expect(added.code).toBe(0)
    expect((added.json() as { warnings: unknown[] }).warnings).toEqual([])
    const human = parley(['journal', 'add', plan, '{"type":"bundle-chosen","label":"B"}'])
    expect(human.stderr).toBe('')
    const list = parley(['journal', 'list', plan]).stdout
    expect(list).toContain('offer of 3 bundles (A, B and C)')
    parley(['journal', 'add', plan, '{"type":"debrief","answers":{"sales-value-created":"phasing"}}'])
    expect(parley(['journal', 'list', plan]).stdout).toContain('debrief (1 answer)')
  })

  it('refuses an event that does not fit, says where, and writes nothing', () => {
    const { plan, journal } = workspace()
    const bad = parley([
      'journal',
      'add',
      plan,
      '{"type":"offer-sent","bundles":[{"terms":{"price":200000,"rollout":45,"billing":"monthly","support":"premium","credits":5,"term":24,"uplift":0}}]}',
    ])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(
      "EVENT:1:81 bundles[0].terms.billing: 'monthly' is not an option of 'billing'",
    )
    const gift = parley(['journal', 'add', plan, '{"type":"concession","give":{"price":250000},"get":{}}'])
    expect(gift.code).toBe(1)
    expect(gift.stderr).toContain('a concession changes the bundle on the table, and there is none')
    expect(parley(['journal', 'add', plan, '{"type":"offer-snet"}']).stderr).toContain(
      "did you mean 'offer-sent'?",
    )
    expect(() => readFileSync(journal)).toThrow()
  })

  it('logs meeting them halfway after their counter as a give measured from our offer, and the debrief counts it', () => {
    const { plan } = workspace()
    const ours = {
      price: 240000,
      rollout: 60,
      billing: 'quarterly',
      support: 'premium',
      credits: 10,
      term: 36,
      uplift: 5,
    }
    parley(['journal', 'add', plan, JSON.stringify({ type: 'offer-sent', bundles: [{ terms: ours }] })])
    parley([
      'journal',
      'add',
      plan,
      '{"type":"offer-rejected","counter":{"terms":{"price":210000,"term":24}}}',
    ])
    parley(['journal', 'add', plan, '{"type":"concession","give":{"price":220000},"get":{"term":36}}'])
    const status = parley(['status', plan, '--json']).json() as Status
    const [halfway] = status.concessions
    // 240k -> 220k costs us 35 of 100 weight times 25 points; their 24 -> 36 months earns 20 times 30.
    expect(halfway!.giveCostUs).toBeCloseTo(8.75, 9)
    expect(halfway!.getValueUs).toBeCloseTo(6, 9)
    expect(halfway!.money).toMatchObject({ unit: 'USD/year' })
    expect((halfway!.money as { giveCostUs: number }).giveCostUs).toBeCloseTo(20000, 6)
    expect(status.balance.us).toBeCloseTo(6 - 8.75, 9)
    const debrief = parley(['debrief', plan, '--json']).json() as {
      figures: { reciprocity: { concessions: number; reciprocated: number; valueRatio: number | null } }
    }
    expect(debrief.figures.reciprocity).toMatchObject({ concessions: 1, reciprocated: 1 })
    expect(debrief.figures.reciprocity.valueRatio).toBeCloseTo(6 / 8.75, 9)
  })

  it('keeps a concession log with values, flags gifts and learns from their moves', () => {
    const { plan } = workspace()
    parley(['journal', 'add', plan, JSON.stringify(set)])
    parley(['journal', 'add', plan, '{"type":"bundle-chosen","label":"B"}'])
    parley(['journal', 'add', plan, '{"type":"concession","give":{"credits":15},"get":{"term":36}}'])
    parley(['journal', 'add', plan, '{"type":"concession","give":{"price":250000},"get":{}}'])
    const status = parley(['status', plan, '--json']).json() as Status
    expect(status.concessions).toHaveLength(2)
    const [traded, gift] = status.concessions
    expect(traded!.gift).toBe(false)
    expect(traded!.valueUs).toBeCloseTo(traded!.getValueUs - traded!.giveCostUs, 9)
    expect(gift!.gift).toBe(true)
    expect(gift!.giveCostUs).toBeGreaterThan(0)
    expect(status.balance.us).toBeCloseTo(traded!.valueUs + gift!.valueUs, 9)
    const shares = Object.values(status.posterior)
    expect(shares.reduce((sum, entry) => sum + entry.mean, 0)).toBeCloseTo(1, 9)
    for (const entry of shares) {
      expect(entry.low).toBeLessThanOrEqual(entry.mean)
      expect(entry.high).toBeGreaterThanOrEqual(entry.mean)
    }
    expect(status.nextMove.text).toContain('gift')
    expect(status.realityTest.items[0]).toMatchObject({ label: 'on the table', verdict: 'accept' })
    const human = parley(['status', plan])
    expect(human.stdout).toContain('Concession log')
    expect(human.stdout).toContain('Their priorities')
    expect(human.stdout).toContain('Reality test')
    // No issue is marked uncertain: no direction column, which would be empty on every row.
    expect(human.stdout).not.toMatch(/│ {2}│$/m)
    expect(human.stdout).not.toContain('lean the other way')
  })

  it("shows their priorities with the chance they lean the other way when an issue's direction is uncertain", () => {
    const { plan } = workspace()
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8').replace(
        'them: { weight: 15, scores: { standard: 0, premium: 70, enterprise: 100 } }',
        'them: { weight: 15, scores: { standard: 0, premium: 70, enterprise: 100 }, uncertain: true }',
      ),
    )
    parley(['journal', 'add', plan, JSON.stringify(set)])
    parley(['journal', 'add', plan, '{"type":"bundles-ranked","order":["C","A","B"]}'])
    const human = parley(['status', plan])
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/│ support +│.*│ \d+% they lean the other way +│$/m)
    expect(human.stdout).toMatch(/│ price +│.*│ +│$/m)
  })

  it('uses what it learned for the next MESO set', () => {
    const { plan } = workspace()
    parley(['journal', 'add', plan, JSON.stringify(set)])
    parley(['journal', 'add', plan, '{"type":"bundles-ranked","order":["C","A","B"]}'])
    const next = parley(['meso', plan, '--json']).json() as {
      model: { learned: boolean }
      bundles: unknown[]
    }
    expect(next.model.learned).toBe(true)
    expect(next.bundles).toHaveLength(3)
  })

  it('takes back a mistaken move with a retraction and recomputes without it', () => {
    const { plan } = workspace()
    parley(['journal', 'add', plan, JSON.stringify(set)])
    const chose = (
      parley(['journal', 'add', plan, '{"type":"bundle-chosen","label":"A"}', '--json']).json() as {
        event: { id: string }
      }
    ).event
    const before = parley(['status', plan, '--json']).json() as Status
    parley([
      'journal',
      'add',
      plan,
      JSON.stringify({ type: 'retract', target: chose.id, reason: 'they chose C, not A' }),
    ])
    const after = parley(['status', plan, '--json']).json() as Status
    expect(after.stage).toBe('first-move')
    expect(after.posterior).not.toEqual(before.posterior)
    expect(parley(['journal', 'list', plan]).stdout).toContain('(retracted)')
  })

  it('survives a journal cut off mid-line: reports the line and keeps the events before it', () => {
    const { plan, journal } = workspace()
    parley(['journal', 'add', plan, JSON.stringify(set)])
    parley(['journal', 'add', plan, '{"type":"bundle-chosen","label":"B"}'])
    appendFileSync(journal, '{"type":"concession","give":{"cred')
    const status = parley(['status', plan, '--json'])
    expect(status.code).toBe(0)
    const result = status.json() as Status
    expect(result.stage).toBe('midgame')
    expect(result.problems).toEqual([expect.objectContaining({ line: 3, code: 'truncated' })])
    // The next append starts on a new line, so nothing more is lost.
    expect(parley(['journal', 'add', plan, '{"type":"note","text":"after the crash"}']).code).toBe(0)
    const again = parley(['journal', 'list', plan, '--json']).json() as {
      events: unknown[]
      problems: { line: number; code: string }[]
    }
    expect(again.events).toHaveLength(3)
    expect(again.problems).toEqual([expect.objectContaining({ line: 3, code: 'syntax' })])
  })

  it('reports events that no longer fit an edited plan, and keeps going', () => {
    const { plan } = workspace()
    parley(['journal', 'add', plan, JSON.stringify(set)])
    parley(['journal', 'add', plan, '{"type":"note","text":"good call"}'])
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8')
        .replace('  - id: uplift', '  - id: renewal_cap')
        .replace('{ issue: uplift', '{ issue: renewal_cap'),
    )
    const status = parley(['status', plan, '--json'])
    expect(status.code).toBe(0)
    const result = status.json() as Status
    expect(result.findings.map((finding) => finding.code)).toContain('unknown_issue')
    expect(result.stage).toBe('setup')
  })
})
