import { describe, expect, it } from 'vitest'
import { journalLines } from './journal-summary'
import { journalOf, negotiation, salesSpace } from './sales-fixture'

const space = salesSpace()
const offer = {
  type: 'offer-sent',
  bundles: [
    {
      name: 'price-optimised',
      terms: {
        price: 210000,
        rollout: 60,
        billing: 'milestone',
        support: 'premium',
        credits: 5,
        term: 36,
        uplift: 7,
      },
    },
    {
      name: 'billing-optimised',
      terms: {
        price: 250000,
        rollout: 45,
        billing: 'milestone',
        support: 'enterprise',
        credits: 15,
        term: 24,
        uplift: 7,
      },
    },
    {
      name: 'term-optimised',
      terms: {
        price: 240000,
        rollout: 60,
        billing: 'quarterly',
        support: 'premium',
        credits: 10,
        term: 24,
        uplift: 5,
      },
    },
  ],
}

describe('the journal in words', () => {
  const events = journalOf(space, [
    { type: 'interest-stated', text: 'launch first', ranking: ['rollout', 'price'] },
    offer,
    { type: 'bundles-ranked', order: ['B', 'A', 'C'] },
    { type: 'concession', give: { support: 'enterprise' }, get: {} },
    { type: 'concession', give: { credits: 10 }, get: { term: 36 }, note: 'they asked twice' },
    {
      type: 'contingency-proposed',
      contingency: {
        metric: 'uptime',
        op: '<',
        threshold: 99.9,
        within: 'a quarter',
        consequence: { issue: 'credits', level: 15 },
      },
    },
  ])
  const proposal = events[5]?.id ?? ''
  const all = [
    ...events,
    ...journalOf(space, [{ type: 'contingency-accepted', target: proposal }]).map((e) => ({
      ...e,
      id: '01J00000000000000000009999',
    })),
  ]
  const retraction = {
    ...all[3],
    type: 'retract',
    target: all[3]?.id,
    reason: 'recorded by mistake',
    id: '01J00000000000000000009998',
  }
  const journal = [...all, retraction] as typeof all
  const lines = journalLines(space.issues, journal, negotiation(space, journal).state.retracted)

  it('says what each move was, with names and units', () => {
    expect(lines.map((line) => line.summary)).toEqual([
      'launch first (cares most about Go-live for all claims teams, then Annual subscription fee)',
      'Sent 3 bundles: A (price-optimised), B (billing-optimised), C (term-optimised)',
      'They ranked B (billing-optimised) first, then A (price-optimised), then C (term-optimised)',
      'We give Support tier enterprise, and get nothing in return',
      'We give Service credit cap 10 % of monthly fee; we get Contract term 36 months (note: they asked twice)',
      'We propose: if uptime < 99.9 within a quarter, then Service credit cap 15 % of monthly fee',
      'Accepted: if uptime < 99.9 within a quarter, then Service credit cap 15 % of monthly fee',
      'Retracts “We give Support tier enterprise, and get nothing in return”: recorded by mistake',
    ])
  })
  it('marks the retracted event with the reason, and lets only the others be retracted', () => {
    expect(lines[3]).toMatchObject({
      retracted: true,
      retractionReason: 'recorded by mistake',
      retractable: false,
    })
    expect(lines.filter((line) => line.retractable).length).toBe(6)
    expect(lines[7]).toMatchObject({ type: 'retract', typeLabel: 'Retraction', retractable: false })
  })
  it('keeps whose move it was and when', () => {
    expect(lines[2]).toMatchObject({ side: 'them', typeLabel: 'Bundles ranked', round: 1 })
    expect(lines[0]?.at).toBe('2026-10-01T09:00:00.000Z')
  })
  it('shows why replay skipped an event', () => {
    const skipped = journalLines(
      space.issues,
      events,
      [],
      [{ eventId: events[0]?.id, message: 'unknown issue' }],
    )
    expect(skipped[0]?.skipped).toEqual(['unknown issue'])
  })
  it('words a single offer, a choice and a rejection', () => {
    const single = journalOf(space, [
      { type: 'offer-sent', bundles: [offer.bundles[0]] },
      { type: 'offer-rejected', counter: { terms: { price: 190000 } }, reason: 'budget' },
      { ...offer },
      { type: 'bundle-chosen', label: 'C' },
    ])
    expect(journalLines(space.issues, single, []).map((line) => line.summary)).toEqual([
      'Sent an offer: Annual subscription fee 210,000 USD/year · Go-live for all claims teams 60 days after signature · Billing schedule milestone · Support tier premium · Service credit cap 5 % of monthly fee · Contract term 36 months · Renewal price cap 7 % per year',
      'They rejected the offer; their counter: Annual subscription fee 190,000 USD/year; reason: budget',
      'Sent 3 bundles: A (price-optimised), B (billing-optimised), C (term-optimised)',
      'They chose C (term-optimised)',
    ])
  })
})
