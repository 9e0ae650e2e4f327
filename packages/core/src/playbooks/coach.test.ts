/**
 * The coach's words against the defects seen on a real-shaped renewal (issue 13): each test is one
 * of them, on a plan with the shape of that deal (a price, a term, an SLA, a data export with
 * option labels such as `monthly-csv`, a support tier).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import { negotiationStatus } from '../journal/status'
import { lintNegotiation } from '../lint/negotiation'
import type { Level, Plan, Terms } from '../model/plan'
import { constraintHolds, ruleAndLimits } from '../scoring/constraints'
import { offerFromLevels } from '../scoring/offer'
import { compileSpace, type IssueModel } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { event } from '../testing/events'
import { exampleSpace } from '../testing/examples'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { type CoachReport, coach, SCRIPT, shareableCoach, tradePicks } from './coach'
import { PLAYBOOKS } from './library'
import { fillPhrases } from './phrases'
import { REOPENING_KINDS } from './types'

function renewalPlan(): Plan {
  return {
    parley: 1,
    title: 'Claims platform renewal',
    context: 'sales',
    parties: {
      us: { name: 'Brightline' },
      them: {
        name: 'Calder Mutual',
        stakeholders: [{ name: 'Dana', role: 'CFO', decides: true, faceSaving: 'needs a saving to report' }],
      },
    },
    decisionRule: { statement: 'Claims teams live within 60 days, with spend the CFO can forecast.' },
    issues: [
      {
        id: 'price',
        name: 'Annual fee',
        unit: 'USD/year',
        range: { min: 180000, max: 260000, step: 10000 },
        us: { weight: 35, prefer: 'high' },
        them: { weight: 30, prefer: 'low' },
      },
      {
        id: 'term',
        name: 'Contract term',
        unit: 'months',
        options: [12, 24, 36],
        us: { weight: 20, scores: { '12': 0, '24': 70, '36': 100 } },
        them: { weight: 10, scores: { '12': 60, '24': 100, '36': 50 } },
      },
      {
        id: 'sla',
        name: 'SLA',
        unit: 'percent',
        options: [99.5, 99.9, 99.95],
        us: { weight: 10, scores: { '99.5': 100, '99.9': 60, '99.95': 0 } },
        them: { weight: 20, scores: { '99.5': 0, '99.9': 70, '99.95': 100 } },
      },
      {
        id: 'export',
        name: 'Data export',
        unit: 'format',
        options: ['monthly-csv', 'weekly-csv', 'live-api'],
        us: { weight: 10, scores: { 'monthly-csv': 100, 'weekly-csv': 70, 'live-api': 20 } },
        them: { weight: 25, scores: { 'monthly-csv': 0, 'weekly-csv': 50, 'live-api': 100 } },
      },
      {
        id: 'support',
        name: 'Support tier',
        unit: 'tier',
        options: ['standard', 'premium', 'enterprise'],
        us: { weight: 8, scores: { standard: 100, premium: 80, enterprise: 30 } },
        them: { weight: 15, scores: { standard: 0, premium: 70, enterprise: 100 } },
        tradeable: true,
      },
    ],
    batna: { us: { description: 'Keep the current contract', utility: 30 }, them: { utility: 30 } },
    reservation: 40,
  }
}

const space = compileSpace(renewalPlan())
const A: Terms = { price: 250000, term: 36, sla: 99.9, export: 'monthly-csv', support: 'premium' }
const B: Terms = { price: 230000, term: 36, sla: 99.9, export: 'weekly-csv', support: 'enterprise' }
const offered = () =>
  event('offer-sent', {
    bundles: [
      { label: 'A', terms: A },
      { label: 'B', terms: B },
    ],
  })

/** The terms as a recap must say them: every issue, each level as the plan writes it. */
const TERMS_A =
  'annual fee 250,000 USD/year, contract term 36 months, SLA 99.9 percent, data export monthly-csv and support tier premium'
const TERMS_B =
  'annual fee 230,000 USD/year, contract term 36 months, SLA 99.9 percent, data export weekly-csv and support tier enterprise'

const ofKind = (report: CoachReport, kind: string) => report.phrases.filter((phrase) => phrase.kind === kind)

describe('the recap reads the bundle on the table', () => {
  it('recaps the bundle they ranked first, with every term (it used to quote option A)', () => {
    const report = coach(space, [offered(), event('bundles-ranked', { order: ['B', 'A'] })])
    expect(report.stage).toBe('midgame')
    expect(ofKind(report, 'recap').map((phrase) => phrase.text)).toEqual([
      `To recap where we are: ${TERMS_B}.`,
    ])
    expect(report.script).toContain(`To recap where we are: ${TERMS_B}.`)
    expect([...report.phrases.map((phrase) => phrase.text), ...report.script].join(' ')).not.toContain(
      'monthly-csv',
    )
  })

  it('says a single bundle we offered midgame once: the recap, not the recap and "Option A" again', () => {
    const counter = { ...A, price: 240000 }
    const events = [
      offered(),
      event('offer-rejected', { counter: { terms: counter } }),
      event('offer-sent', { bundles: [{ label: 'A', terms: B }] }),
    ]
    const report = coach(space, events)
    expect(report.stage).toBe('midgame')
    const withTerms = report.script.filter((line) => line.includes(TERMS_B))
    expect(withTerms).toHaveLength(1)
    expect(ofKind(report, 'bundle')).toEqual([])
    // A single bundle that is not the table (their choice of an earlier set is) keeps its line.
    const set = coach(space, [
      offered(),
      event('bundle-chosen', { label: 'A' }),
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: A },
          { label: 'B', terms: B },
        ],
      }),
    ])
    expect(ofKind(set, 'bundle').length).toBe(2)
  })

  it('confirms the table after concessions, not the bundle they chose before them', () => {
    const events = [
      offered(),
      event('bundle-chosen', { label: 'A' }),
      event('concession', { give: { sla: 99.95 }, get: { term: 36 } }),
      event('concession', { give: { export: 'live-api' }, get: { price: 260000 } }),
    ]
    const close = coach(space, events, { stage: 'close' })
    expect(close.script.at(-1)).toBe(
      'To confirm what we are signing: annual fee 260,000 USD/year, contract term 36 months, SLA 99.95 percent, data export live-api and support tier premium. Next we write the definitions, service levels, review dates and escalation path, so nothing is left for later.',
    )
  })

  it('says their counter back as their proposal, never as where we are (which sounds like agreeing to it)', () => {
    const counter = { ...A, price: 240000 }
    const events = [offered(), event('offer-rejected', { counter: { terms: counter } })]
    const report = coach(space, events)
    const proposal =
      'annual fee 240,000 USD/year, contract term 36 months, SLA 99.9 percent, data export monthly-csv and support tier premium'
    expect(ofKind(report, 'recap').map((phrase) => phrase.text)).toEqual([
      `To recap your proposal: ${proposal}.`,
    ])
    expect(report.script).toContain(`To recap your proposal: ${proposal}.`)
    expect(report.script.join(' ')).not.toContain('To recap where we are')
    // Taken to the close as it is, it is what we sign.
    expect(coach(space, events, { stage: 'close' }).script.at(-1)).toContain(
      `To confirm what we are signing: ${proposal}.`,
    )
    // Once we move on it, the table is no longer theirs alone: where we are.
    const moved = coach(space, [
      ...events,
      event('concession', { give: { term: 24 }, get: { support: 'premium' } }),
    ])
    expect(ofKind(moved, 'recap').map((phrase) => phrase.text)).toEqual([
      'To recap where we are: annual fee 240,000 USD/year, contract term 24 months, SLA 99.9 percent, data export monthly-csv and support tier premium.',
    ])
  })

  it("moves the recap by an accepted contingency's exchange", () => {
    const events = [
      offered(),
      event('bundle-chosen', { label: 'A' }),
      event('contingency-proposed', {
        contingency: {
          id: 'uptime',
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 240000 },
        },
        exchange: { support: 'enterprise' },
      }),
      event('contingency-accepted', { target: 'uptime' }),
    ]
    const [recap] = ofKind(coach(space, events), 'recap')
    expect(recap?.text).toBe(
      'To recap where we are: annual fee 250,000 USD/year, contract term 36 months, SLA 99.9 percent, data export monthly-csv and support tier enterprise.',
    )
  })
})

describe('no hidden terms', () => {
  it('names the terms the same in every bundle of a set, grouped (they used to be left out)', () => {
    const report = coach(space, [offered()])
    expect(report.stage).toBe('first-move')
    expect(ofKind(report, 'bundle').map((phrase) => phrase.text)).toEqual([
      'Option A: annual fee 250,000 USD/year, data export monthly-csv and support tier premium; the same in both: contract term 36 months and SLA 99.9 percent.',
      'Option B: annual fee 230,000 USD/year, data export weekly-csv and support tier enterprise; the same in both: contract term 36 months and SLA 99.9 percent.',
    ])
    // Both options are in the script, after the set is introduced.
    const set = report.script.findIndex((line) => line.startsWith('Here are two options, A and B.'))
    expect(set).toBeGreaterThanOrEqual(0)
    expect(report.script.slice(set + 1, set + 3)).toEqual(
      ofKind(report, 'bundle').map((phrase) => phrase.text),
    )
  })

  it('lists every issue in the scope of the conversation (it used to stop at five)', () => {
    const seven: Plan = {
      ...renewalPlan(),
      issues: [
        ...renewalPlan().issues,
        {
          ...renewalPlan().issues[4]!,
          id: 'training',
          name: 'Training days',
          unit: 'days',
          options: ['0', '2', '5'],
        },
        {
          ...renewalPlan().issues[4]!,
          id: 'cap',
          name: 'Renewal cap',
          unit: 'tier',
          options: ['standard', 'premium', 'enterprise'],
        },
      ],
    }
    const [open] = ofKind(coach(compileSpace(seven), []), 'open')
    expect(open?.text).toContain(
      'annual fee, contract term, SLA, data export, support tier, training days and renewal cap.',
    )
  })
})

describe('stage-aware words', () => {
  const agreed = [
    offered(),
    event('bundle-chosen', { label: 'B' }),
    event('agreed', { terms: B, fairnessStory: 'Both sides moved on what mattered least to them.' }),
  ]

  it('proposes no change of terms once they are agreed but the alternatives before signing, and the close script closes', () => {
    const report = coach(space, agreed)
    expect(report.stage).toBe('close')
    expect(report.phrases.filter((phrase) => REOPENING_KINDS.includes(phrase.kind))).toEqual([])
    expect(report.faceSaving).toEqual([])
    expect(report.proposed).toEqual([])
    // The alternatives the words offer are the ones status lists before signing, by what each changes.
    expect(negotiationStatus(space, agreed).postSettlement.map((option) => option.terms)).toEqual([
      { ...B, price: 250000, export: 'live-api' },
      { ...B, price: 260000, term: 24, sla: 99.95, export: 'live-api', support: 'premium' },
    ])
    expect(report.script).toEqual([
      'Why this is fair to both sides: Both sides moved on what mattered least to them.',
      'Before we sign: we would be just as happy with the same terms but with annual fee 250,000 USD/year and data export live-api, or with annual fee 260,000 USD/year, contract term 24 months, SLA 99.95 percent, data export live-api and support tier premium. If either of those suits you better, we will sign it instead; if not, we sign what we agreed.',
      `To confirm what we are signing: ${TERMS_B}. Next we write the definitions, service levels, review dates and escalation path, so nothing is left for later.`,
    ])
    expect(report.advice.some((line) => line.startsWith('Before you sign, offer the 2 alternatives'))).toBe(
      true,
    )
    // One alternative reads as one; none, and the line is left out.
    const one = counterpartyView(space, replay(space, agreed), undefined, [
      { terms: { ...B, price: 250000 } },
    ])
    expect(
      fillPhrases(
        PLAYBOOKS.sales.phrases.filter((phrase) => phrase.kind === 'post-settlement'),
        one,
      )[0]?.text,
    ).toBe(
      'Before we sign: we would be just as happy with the same terms but with annual fee 250,000 USD/year. If that suits you better, we will sign it instead; if not, we sign what we agreed.',
    )
    const none = counterpartyView(space, replay(space, agreed))
    expect(
      fillPhrases(
        PLAYBOOKS.sales.phrases.filter((phrase) => phrase.kind === 'post-settlement'),
        none,
      ),
    ).toEqual([])
    // Even the midgame's playbook, asked for after the agreement, reopens nothing.
    const midgame = coach(space, agreed, { stage: 'midgame' })
    expect(midgame.phrases.filter((phrase) => REOPENING_KINDS.includes(phrase.kind))).toEqual([])
    expect(midgame.faceSaving).toEqual([])
  })

  it('has nothing to say to them at the debrief: it speaks to us (it used to offer "Here are 1 options, A.")', () => {
    const report = coach(space, [
      ...agreed,
      event('debrief', { answers: { 'sales-value-created': 'the SLA' } }),
    ])
    expect(report.stage).toBe('debrief')
    expect(report.phrases).toEqual([])
    expect(report.script).toEqual([])
    expect(report.advice[0]).toContain('The debrief is for your side')
    expect(report.moves.every((move) => move.stages.includes('debrief'))).toBe(true)
  })

  it('uses only the templates of the stage, and every line of the script is one of the phrases', () => {
    const templates = new Map(PLAYBOOKS.sales.phrases.map((template) => [template.id, template]))
    for (const events of [[], [offered()], [offered(), event('bundle-chosen', { label: 'A' })], agreed]) {
      const report = coach(space, events)
      for (const phrase of report.phrases)
        expect(templates.get(phrase.id.split(':')[0] ?? '')?.stages).toContain(report.stage)
      for (const line of report.script) expect(report.phrases.map((phrase) => phrase.text)).toContain(line)
      expect(report.script.length).toBeLessThanOrEqual(SCRIPT[report.stage].length + 3)
    }
  })
})

describe('trades that can happen', () => {
  const table = (terms: Terms): JournalEvent[] => [event('offer-sent', { bundles: [{ label: 'A', terms }] })]
  const picks = (terms: Terms) => {
    const state = replay(space, table(terms))
    return tradePicks(space, space.share.them, state.table?.offer)
  }

  it('never asks for an issue already at our best level, nor gives one already at theirs', () => {
    // Price at our best and support at their best: neither can move that way any more.
    const result = picks({ price: 260000, term: 24, sla: 99.9, export: 'weekly-csv', support: 'enterprise' })
    expect(result.get).not.toBe('price')
    expect(result.give).not.toBe('support')
    expect(result.give).toBeDefined()
    expect(result.get).toBeDefined()
  })

  it("never offers a move past our own limit or the rule: the renewal's go-live already at our 45-day floor", () => {
    const renewal = renewalSpace()
    // The table after the README tour's concession: go-live at 45 days, our limit (rollout >= 45).
    const terms = {
      price: 250000,
      rollout: 45,
      billing: 'quarterly',
      support: 'enterprise',
      credits: 15,
      term: 36,
      uplift: 3,
    }
    const state = replay(renewal, table(terms))
    // They care about go-live most of all: the trade that would cost us least to give is past our floor.
    const weights = renewal.issues.map((issue) => (issue.id === 'rollout' ? 0.6 : 0.4 / 6))
    const result = tradePicks(renewal, weights, state.table?.offer)
    expect(result.give).toBeDefined()
    expect(result.give).not.toBe('rollout')
    const heard = event('interest-stated', {
      side: 'them',
      text: 'launch date first',
      ranking: ['rollout', 'price'],
    })
    const report = coach(renewal, [heard, ...table(terms), event('offer-rejected', {})])
    expect(ofKind(report, 'conditional-trade').length).toBeGreaterThan(0)
    for (const phrase of ofKind(report, 'conditional-trade'))
      expect(phrase.text).not.toMatch(/look at go-live|change on go-live/i)
  })

  it('proposes a trade exactly when one exists that keeps what the table keeps (brute force)', () => {
    const renewal = renewalSpace()
    const kept = (values: readonly Level[], before: readonly Level[]) =>
      ruleAndLimits(renewal).every((c) => !constraintHolds(c, before) || constraintHolds(c, values))
    fc.assert(
      fc.property(
        fc.tuple(...renewal.issues.map((issue) => fc.nat({ max: issue.levels.length - 1 }))),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
          minLength: renewal.issues.length,
          maxLength: renewal.issues.length,
        }),
        (picked, weights) => {
          const offer = offerFromLevels(renewal, picked)
          const result = tradePicks(renewal, weights, offer)
          // Every pair (give, get) and every combination of a level better for them on the one and
          // better for us on the other that keeps the requirements the table keeps.
          const feasible = (give: IssueModel, get: IssueModel) =>
            give.levels.some((g, gk) =>
              get.levels.some((k, kk) => {
                if ((give.score.them[gk] ?? 0) <= (give.score.them[picked[give.index] as number] ?? 0))
                  return false
                if ((get.score.us[kk] ?? 0) <= (get.score.us[picked[get.index] as number] ?? 0)) return false
                const values = [...offer.values]
                values[give.index] = g
                values[get.index] = k
                return kept(values, offer.values)
              }),
            )
          const pairs = renewal.issues.flatMap((give) =>
            renewal.issues.filter((get) => get !== give && feasible(give, get)).map((get) => [give, get]),
          )
          if (result.give === undefined) expect(pairs).toEqual([])
          else {
            const give = renewal.issues.find((issue) => issue.id === result.give) as IssueModel
            const get = renewal.issues.find((issue) => issue.id === result.get) as IssueModel
            expect(feasible(give, get)).toBe(true)
          }
        },
      ),
      { numRuns: runs(200) },
    )
  })

  it('says no conditional trade when nothing can move both ways', () => {
    // Everything at our best: there is nothing left to ask for.
    const ours = { price: 260000, term: 36, sla: 99.5, export: 'monthly-csv', support: 'standard' }
    expect(picks(ours)).toEqual({})
    const report = coach(space, [...table(ours), event('offer-rejected', {})])
    expect(report.stage).toBe('midgame')
    expect(ofKind(report, 'conditional-trade')).toEqual([])
  })
})

describe('the decision rule in the words', () => {
  const renewal = renewalSpace()
  const offer = (terms: Terms) => event('offer-sent', { bundles: [{ label: 'A', terms }] })
  const rule = (report: CoachReport) => ofKind(report, 'decision-rule')

  it('never promises that every option passes the test while the one in play breaks it, and says why', () => {
    // Go-live in 90 days: the rule agreed with them is every team live within 60.
    const late = { ...RENEWAL_B, rollout: 90 }
    const report = coach(renewal, [offer(late)])
    expect(report.stage).toBe('first-move')
    expect(rule(report)).toEqual([])
    expect(report.script.join('\n')).not.toMatch(/every option we bring will pass it/)
    expect(report.advice.join('\n')).toContain(
      'Bundle A breaks the decision rule agreed with them: rollout <= 60',
    )
    // Still on the table after their answer: no promise then either.
    const answered = coach(renewal, [offer(late), event('offer-rejected', {})])
    expect(rule(answered)).toEqual([])
    expect(answered.advice.join('\n')).toContain('The bundle on the table breaks the decision rule')
  })

  it('states the test when every option in play passes it', () => {
    const report = coach(renewal, [offer(RENEWAL_B)])
    expect(rule(report).map((phrase) => phrase.text)).toEqual([
      expect.stringContaining('every option we bring will pass it'),
    ])
    expect(report.advice.join('\n')).not.toContain('breaks the decision rule')
  })
})

describe('the answer to a counter that only moves issues their way', () => {
  const renewal = renewalSpace()
  const sent = event('offer-sent', { bundles: [{ label: 'B', terms: RENEWAL_B }] })
  const priceOnly = event('offer-rejected', { counter: { terms: { ...RENEWAL_B, price: 200000 } } })

  it("says the trade adviser's proposal — what it grants, what it asks back — and no trade that gives more", () => {
    const report = coach(renewal, [sent, priceOnly])
    const counter = negotiationStatus(renewal, [sent, priceOnly]).realityTest.items.find(
      (item) => item.label === 'their counter',
    )
    const proposal = counter?.proposal
    const moves = counter?.proposalMoves
    if (!proposal || !moves) throw new Error('the price-only counter has no proposal')
    expect(moves.asked.length).toBeGreaterThan(0)
    const [line] = ofKind(report, 'counter-trade')
    if (!line) throw new Error('no counter-trade line')
    expect(report.script).toContain(line.text)
    // Every term it names is the proposal's, said as the recap says terms.
    const named = (id: string) => {
      const issue = renewal.byId.get(id)
      if (!issue) throw new Error(id)
      const level = proposal.terms[id]
      return typeof level === 'number' ? level.toLocaleString('en-US') : String(level)
    }
    for (const id of [...moves.granted, ...moves.asked]) expect(line.text).toContain(named(id))
    if (moves.granted.length > 0) expect(line.id).toBe('sales-counter-trade')
    else expect(line.id).toBe('sales-counter-held')
    // Their 200,000 lies below the benchmark (210,000 to 270,000): the benchmark is quoted against it
    // while our answer lies within it.
    const price = Number(proposal.terms.price)
    expect(ofKind(report, 'benchmark').length > 0).toBe(price >= 210000 && price <= 270000)
    // Offering "room on" an issue their counter already moved their way would contradict the advice.
    expect(ofKind(report, 'conditional-trade')).toEqual([])
    expect(report.advice.join('\n')).toContain('rather than accept it')
  })

  it('leaves the counter-trade out when nothing is to be answered, and keeps the conditional trade then', () => {
    const report = coach(renewal, [sent, event('offer-rejected', {})])
    expect(ofKind(report, 'counter-trade')).toEqual([])
    expect(ofKind(report, 'conditional-trade').length).toBeGreaterThan(0)
  })
})

const procurementSpace = () => exampleSpace('procurement-city-services-rfp')

describe('the pause, which answers a request the agreed rule cannot take', () => {
  const renewal = renewalSpace()
  const pause = (report: CoachReport) => ofKind(report, 'pause')
  const sent = event('offer-sent', { bundles: [{ label: 'A', terms: RENEWAL_B }] })

  it('is said only while their counter on the table breaks the rule and no trade answers it', () => {
    // Our own offer in play, answered or not: there is no request of theirs to decline.
    expect(pause(coach(renewal, [sent]))).toEqual([])
    expect(pause(coach(renewal, [sent, event('offer-rejected', {})]))).toEqual([])
    // Their counter within the rule (a lower price): the trade adviser answers it, not the pause.
    const within = coach(renewal, [
      sent,
      event('offer-rejected', { counter: { terms: { ...RENEWAL_B, price: 220000 } } }),
    ])
    expect(pause(within)).toEqual([])
    // Their counter asks for go-live in 90 days, against the rule of every team live within 60 (a
    // later go-live is our way too: a real exchange, which the rule alone rules out).
    const beyond = coach(renewal, [
      sent,
      event('offer-rejected', { counter: { terms: { ...RENEWAL_B, rollout: 90 } } }),
    ])
    expect(ofKind(beyond, 'counter-trade')).toEqual([])
    expect(pause(beyond).map((phrase) => phrase.text)).toEqual([
      expect.stringContaining('That request falls outside what we agreed'),
    ])
    expect(beyond.script.join('\n')).toContain('That request falls outside what we agreed')
  })

  it('gives way to the trade when their counter breaks the rule and only moves their way', () => {
    // The city's RFP: a bid qualifies only at 99.9% uptime or more; the vendor counters with 99.5 alone.
    const rfp = procurementSpace()
    const ours = {
      price: 2500000,
      transition_fee: 0,
      uptime: 99.9,
      response: 15,
      support_hours: '24x7',
      holdback: 15,
      credits: 10,
      offramp: 6,
    }
    const report = coach(rfp, [
      event('offer-sent', { bundles: [{ label: 'A', terms: ours }] }),
      event('offer-rejected', { counter: { terms: { ...ours, uptime: 99.5 } } }),
    ])
    const [trade] = ofKind(report, 'counter-trade')
    expect(trade?.text).toContain('uptime SLA 99.9 % per month')
    expect(pause(report)).toEqual([])
    expect(report.script).toContain(trade?.text)
  })
})

describe("the anchor's rationale in the words", () => {
  const renewal = renewalSpace()
  const rationale = /That puts us in the upper half of the range/
  const said = (report: CoachReport) => report.phrases.some((phrase) => rationale.test(phrase.text))
  const on = (price: number) => [
    event('offer-sent', { bundles: [{ label: 'A', terms: { ...RENEWAL_B, price } }] }),
    event('offer-rejected', {}),
  ]

  it('is said while the price in play lies within our anchor (240,000 to 255,000), and not once it does not', () => {
    expect(said(coach(renewal, on(250000)))).toBe(true)
    // 230,000 on the table: "the upper half of the range" would no longer be true of it.
    const below = coach(renewal, on(230000))
    expect(said(below)).toBe(false)
    // The evidence is still quoted, without the rationale.
    expect(
      below.phrases.some(
        (phrase) => phrase.kind === 'benchmark' && phrase.text.includes('210,000 to 270,000'),
      ),
    ).toBe(true)
    // Outside the benchmark's range (210,000 to 270,000) the benchmark is not quoted either: "the
    // reference we are pricing against" would not be true of 200,000; the advice says why.
    const outside = coach(renewal, on(200000))
    expect(ofKind(outside, 'benchmark')).toEqual([])
    expect(outside.advice.join('\n')).toContain(
      'The words leave out the benchmark (Benchmark price for claims workflow platforms at 400 to 500 seats: 210,000 to 270,000 USD/year): annual subscription fee 200,000 USD/year in play lies outside it',
    )
    expect(below.advice.join('\n')).not.toContain('leave out the benchmark')
    const both = coach(renewal, [
      ...on(250000),
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: { ...RENEWAL_B, price: 200000 } },
          { label: 'B', terms: { ...RENEWAL_B, price: 190000, rollout: 45 } },
        ],
      }),
    ])
    expect(both.advice.join('\n')).toContain(
      'annual subscription fee 200,000 USD/year and 190,000 USD/year in play lie outside it',
    )
    // A new set being put to them counts too, beside a table still within the anchor.
    const set = event('offer-sent', {
      bundles: [
        { label: 'A', terms: { ...RENEWAL_B, price: 230000 } },
        { label: 'B', terms: { ...RENEWAL_B, price: 250000, rollout: 45 } },
      ],
    })
    expect(said(coach(renewal, [...on(250000), set]))).toBe(false)
  })
})

describe('face-saving variants under the current estimate', () => {
  // Acme's renewal, where the CFO signs up to 125,000, and case-study rights that cost them a little.
  const reference = {
    id: 'reference',
    name: 'Case-study rights',
    unit: 'rights',
    options: ['none', 'case-study'],
    us: { weight: 4, scores: { none: 0, 'case-study': 100 } },
    them: { weight: 5, scores: { none: 100, 'case-study': 60 } },
  }
  const capped = compileSpace({
    ...acmePlan(),
    issues: [...acmePlan().issues, reference],
    parties: {
      ...acmePlan().parties,
      them: {
        ...acmePlan().parties.them,
        approvalLimits: [{ issue: 'price', op: '<=', value: 125000, approver: 'CFO' }],
      },
    },
  })
  const journal = (ranking?: string[]) => [
    event('offer-sent', {
      bundles: [{ label: 'A', terms: { price: 130000, rollout: 45, support: 'premium', reference: 'none' } }],
    }),
    ...(ranking ? [event('interest-stated', { text: 'what matters to us', ranking })] : []),
    event('offer-rejected', {}),
  ]

  it('offers a variant paid with what the estimate says they value little', () => {
    const report = coach(capped, journal())
    expect(report.faceSaving.map((variant) => variant.compensation)).toEqual([['reference']])
    expect(ofKind(report, 'face-saving').map((phrase) => phrase.text)).toEqual([
      'On annual price, you choose the variant that works best for your internal review. Every variant meets the standard we agreed.',
    ])
  })

  it('offers none once the journal shows the compensation is what they value most, and says no face-saving line', () => {
    const report = coach(capped, journal(['reference', 'price']))
    expect(report.faceSaving).toEqual([])
    expect(ofKind(report, 'face-saving')).toEqual([])
  })
})

describe('words as people write them', () => {
  it('presents a single bundle as a bundle, not as "1 options"', () => {
    const report = coach(space, [event('offer-sent', { bundles: [{ label: 'A', terms: A }] })])
    const text = [...report.phrases.map((phrase) => phrase.text), ...report.script].join('\n')
    expect(text).not.toMatch(/\b1 options\b|\bHere are one\b/)
    expect(ofKind(report, 'bundle').map((phrase) => phrase.text)).toEqual([`Option A: ${TERMS_A}.`])
  })

  it('ends a quoted rule with its full stop, and never doubles one after a contingency (no "credit.." or "credit.?")', () => {
    const events = [
      offered(),
      event('bundle-chosen', { label: 'A' }),
      event('contingency-proposed', {
        contingency: {
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 240000 },
          text: 'if monthly uptime falls below 99.9 percent, the next invoice carries a service credit.',
        },
      }),
    ]
    for (const style of ['direct', 'indirect'] as const) {
      const report = coach(compileSpace({ ...renewalPlan(), culture: { style } }), events)
      const text = [...report.phrases.map((phrase) => phrase.text), ...report.script]
      expect(text.join('\n')).not.toMatch(/\.\.|\.\?|""/)
      const [contingency] = ofKind(report, 'contingency')
      expect(contingency?.text).toContain('service credit')
      // An uptime contingency says nothing about a date.
      expect(contingency?.text).not.toMatch(/date/)
      const [rule] = ofKind(report, 'decision-rule')
      expect(rule?.text).toMatch(/with spend the CFO can forecast\.$/)
    }
  })

  it('writes a contingency without its own wording in words, with the issue name and its unit', () => {
    const report = coach(space, [
      offered(),
      event('bundle-chosen', { label: 'A' }),
      event('contingency-proposed', {
        contingency: {
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          within: 'the first quarter',
          consequence: { issue: 'price', level: 240000 },
        },
      }),
    ])
    expect(ofKind(report, 'contingency')[0]?.text).toContain(
      'if monthly uptime is below 99.9 within the first quarter, then annual fee moves to 240,000 USD/year',
    )
  })
})

describe('placeholders are never read aloud', () => {
  it('leaves out the words that would read one, and names the field to fill in instead', () => {
    const starter: Plan = {
      ...renewalPlan(),
      parties: { us: { name: '<Our company>' }, them: { name: '<Customer>' } },
      decisionRule: { statement: '<the test both sides agree, in units and dates>' },
    }
    const report = coach(compileSpace(starter), [])
    const said = [...report.phrases.map((phrase) => phrase.text), ...report.script]
    expect(said.length).toBeGreaterThan(0)
    expect(said.join('\n')).not.toMatch(/</)
    expect(report.toFill).toEqual(['parties.them.name', 'decisionRule.statement'])
    expect(report.advice[0]).toBe(
      'Fill in parties.them.name and decisionRule.statement first: they still hold a placeholder, and the words that would read it aloud are left out until then.',
    )
    expect(JSON.stringify(shareableCoach(report))).not.toContain('parties.them.name')
  })
})

describe('shareableCoach', () => {
  it('keeps the phrases and the script, and nothing of the advice for us', () => {
    const report = coach(space, [offered(), event('bundles-ranked', { order: ['B', 'A'] })])
    const shareable = shareableCoach(report)
    expect(Object.keys(shareable).sort()).toEqual(['phrases', 'script'])
    expect(shareable.phrases).toEqual(report.phrases)
    expect(shareable.script).toEqual(report.script)
    const text = JSON.stringify(shareable)
    for (const line of report.advice) expect(text).not.toContain(line)
    expect(text).not.toMatch(/reservation|Hold your floor|U_us/)
  })
})

describe('the advice on a counter that only moves issues their way (issue 12)', () => {
  it('says the trade to offer instead of accepting it, and keeps it out of what can be shared', () => {
    const space = renewalSpace()
    const B = RENEWAL_B
    const events = [
      event('offer-sent', { bundles: [{ label: 'B', terms: B }] }),
      event('offer-rejected', { counter: { terms: { ...B, price: 200000 } } }),
    ]
    const report = coach(space, events)
    const line = report.advice.find((text) => text.startsWith('Their counter only moves issues their way'))
    expect(line).toMatch(
      /: counter with .* if they accept .*, rather than accept it, which would give away \d+\.\d of our points for nothing\.$/,
    )
    expect(JSON.stringify(shareableCoach(report))).not.toContain('give away')
  })

  it('says what a counter that gives back next to nothing takes and gives, without "for nothing"', () => {
    const space = renewalSpace()
    const B = RENEWAL_B
    const report = coach(space, [
      event('offer-sent', { bundles: [{ label: 'B', terms: B }] }),
      event('offer-rejected', { counter: { terms: { ...B, price: 200000, support: 'standard' } } }),
    ])
    const line = report.advice.find((text) => text.startsWith('Their counter gives back next to nothing'))
    expect(line).toMatch(
      /: counter with .*, rather than accept it, which would give away \d+\.\d of our points \(it takes \d+\.\d and gives back \d+\.\d\)\.$/,
    )
    expect(report.advice.some((text) => text.startsWith('Their counter only moves'))).toBe(false)
    expect(JSON.stringify(shareableCoach(report))).not.toContain('give away')
  })
})

describe('before their first move', () => {
  it('never reads the posterior: the coach and the linter value them by the plan, so none is drawn', () => {
    const space = renewalSpace()
    const derived = {
      state: replay(space, []),
      get posterior(): never {
        throw new Error('the posterior was read before any of their moves')
      },
    }
    expect(coach(space, [], {}, derived).stage).toBe(derived.state.stage)
    expect(() => lintNegotiation(space, [], derived)).not.toThrow()
  })
})
