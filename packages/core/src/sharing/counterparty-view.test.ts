import { describe, expect, it } from 'vitest'
import { replay } from '../journal/replay'
import { parsePlanText } from '../plan/parse'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan, yamlOf } from '../testing/plans'
import { counterpartyView } from './counterparty-view'

const space = compileSpace(acmePlan())
const A = { price: 130000, rollout: 45, support: 'premium' }
const B = { price: 110000, rollout: 60, support: 'enterprise' }
const offered = event('offer-sent', {
  bundles: [
    { label: 'A', terms: A },
    { label: 'B', terms: B },
  ],
})
const view = (...events: ReturnType<typeof event>[]) => counterpartyView(space, replay(space, events))

describe('the bundle on the table, in the counterparty view', () => {
  it('is absent before anything is on the table, and a set offered is not yet one', () => {
    expect(view().table).toBeNull()
    expect(view(offered).table).toBeNull()
  })

  it('is the bundle they ranked first, with its label', () => {
    expect(view(offered, event('bundles-ranked', { order: ['B', 'A'] })).table).toEqual({
      label: 'B',
      terms: B,
      theirs: false,
    })
  })

  it('is their counter, marked as theirs until we move on it', () => {
    const counter = { ...B, price: 120000 }
    const countered = view(offered, event('offer-rejected', { counter: { terms: counter } }))
    expect(countered.table).toEqual({ label: null, terms: counter, theirs: true })
    const moved = view(
      offered,
      event('offer-rejected', { counter: { terms: counter } }),
      event('concession', { give: { support: 'premium' }, get: { rollout: 45 } }),
    )
    expect(moved.table?.terms).toEqual({ ...counter, support: 'premium', rollout: 45 })
    expect(moved.table?.theirs).toBe(false)
  })

  it('loses its label once a concession or an accepted exchange has changed it', () => {
    const chose = event('bundle-chosen', { label: 'A' })
    const moved = view(
      offered,
      chose,
      event('concession', { give: { support: 'enterprise' }, get: { price: 135000 } }),
    )
    expect(moved.table).toEqual({
      label: null,
      terms: { price: 135000, rollout: 45, support: 'enterprise' },
      theirs: false,
    })
    const exchanged = view(
      offered,
      chose,
      event('contingency-proposed', {
        contingency: {
          id: 'uptime',
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 120000 },
          beliefs: { us: 0.1, them: 0.4 },
        },
        exchange: { rollout: 30 },
      }),
      event('contingency-accepted', { target: 'uptime' }),
    )
    expect(exchanged.table).toEqual({ label: null, terms: { ...A, rollout: 30 }, theirs: false })
    expect(exchanged.contingencies.map((contingency) => contingency.accepted)).toEqual([true])
  })

  it('words a contingency with the issue name and the level as the plan writes them, and no belief', () => {
    const proposed = view(
      offered,
      event('bundle-chosen', { label: 'A' }),
      event('contingency-proposed', {
        contingency: {
          metric: 'monthly uptime',
          op: '>=',
          threshold: 99.9,
          within: 'the first quarter',
          consequence: { issue: 'price', level: 135000 },
          beliefs: { us: 0.37, them: 0.61 },
        },
      }),
    )
    expect(proposed.contingencies[0]?.wording).toBe(
      'if monthly uptime is at least 99.9 within the first quarter, then annual price moves to 135,000 USD/year',
    )
    expect(proposed.contingencies[0]?.accepted).toBe(false)
    expect(JSON.stringify(proposed)).not.toMatch(/0\.37|0\.61|beliefs/)
  })
})

describe('what the view adds for documents', () => {
  it('leaves out evidence marked shareable: false and points the anchor at the shared list', () => {
    const plan = acmePlan()
    const benchmark = { claim: 'Market price for 500 seats', range: [95000, 125000] as [number, number] }
    const internal = { claim: 'Lost deals went 12% cheaper', source: 'win/loss interviews', shareable: false }
    const space = compileSpace({
      ...plan,
      evidence: [internal, benchmark, { ...internal, claim: 'Our price book floor' }],
      anchor: { issue: 'price', low: 120000, high: 135000, evidence: [0, 1, 2] },
    })
    // A plan file may say it, and reads back the same.
    const read = parsePlanText(yamlOf(space.plan), { format: 'yaml' })
    expect(read.ok && read.plan.evidence?.[0]?.shareable).toBe(false)
    const shared = counterpartyView(space)
    expect(shared.evidence.map((item) => item.claim)).toEqual(['Market price for 500 seats'])
    expect(shared.anchor?.evidence).toEqual([0])
    expect(JSON.stringify(shared)).not.toMatch(/win\/loss|price book|12% cheaper/)
  })

  it('carries the issues of their stated interests by name, never our wording of them nor the factors', () => {
    const stated = view(
      event('interest-stated', {
        text: 'Speed first',
        ranking: ['rollout'],
        relative: [{ issue: 'rollout', over: 'price', factor: 2.5 }],
      }),
    )
    expect(stated.statedInterests).toEqual([{ issues: ['Rollout to all sites', 'Annual price'] }])
    expect(JSON.stringify(stated)).not.toContain('2.5')
    expect(JSON.stringify(stated)).not.toContain('Speed first')
  })

  it('names only the decision maker, by name and role, from the counterparty map', () => {
    const plan = acmePlan()
    const space = compileSpace({
      ...plan,
      parties: {
        ...plan.parties,
        them: {
          ...plan.parties.them,
          stakeholders: [
            {
              name: 'Dana Okafor',
              role: 'CFO',
              decides: true,
              faceSaving: 'a capped spend',
              notes: 'hates surprises',
            },
            { name: 'Sam Ortiz', role: 'Sourcing', interests: ['a savings number'] },
          ],
        },
      },
    })
    const shared = counterpartyView(space)
    expect(shared.decider).toEqual([{ name: 'Dana Okafor', role: 'CFO' }])
    expect(JSON.stringify(shared)).not.toMatch(/Sam Ortiz|capped spend|surprises|savings number/)
  })

  it("gives a recorded offer's bundles the issues where they differ, and a rationale from what they stated", () => {
    const shared = view(event('interest-stated', { text: 'Speed first', ranking: ['rollout'] }), offered)
    expect(shared.bundles.map((bundle) => [bundle.emphasis, bundle.emphasisFrom])).toEqual([
      [['Annual price', 'Rollout to all sites', 'Support tier'], 'terms'],
      [['Annual price', 'Rollout to all sites', 'Support tier'], 'terms'],
    ])
    expect(shared.bundles.map((bundle) => bundle.rationale)).toEqual([
      'On rollout to all sites, which you raised: 45 days.',
      'On rollout to all sites, which you raised: 60 days.',
    ])
  })

  it('says a proposed bundle puts a stated interest first, or where it leans, and never a utility', () => {
    const stated = replay(space, [event('interest-stated', { text: 'Speed first', ranking: ['rollout'] })])
    const shared = counterpartyView(space, stated, [
      { label: 'A', emphasis: ['rollout'], terms: A },
      { label: 'B', emphasis: ['support', 'price'], terms: B },
      { label: 'C', emphasis: [], terms: A },
    ])
    expect(shared.bundles.map((bundle) => bundle.rationale)).toEqual([
      'Puts rollout to all sites first, as you asked: 45 days.',
      'Leans on support tier and annual price: support tier enterprise; annual price 110,000 USD/year.',
      null,
    ])
  })
})
