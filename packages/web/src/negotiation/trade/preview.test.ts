import { mesoView, negotiationStatus } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { concessionEvent, contingencyEvent } from './events'
import { previewConcession, previewContingency, tryEvent } from './preview'
import { journalOf, negotiation, salesSpace } from './sales-fixture'

const space = salesSpace()
const set = mesoView(space)
if (!set.ok) throw new Error(set.failure.message)
const journal = journalOf(space, [
  { type: 'offer-sent', bundles: set.set.bundles.map((b) => ({ name: b.name, terms: b.terms })) },
  { type: 'bundle-chosen', label: 'B' },
])
const derived = negotiation(space, journal)

describe('weighing a move before recording it', () => {
  it('gives the concession the line and balance the status shows once it is recorded', () => {
    const built = concessionEvent({ give: { credits: '20' }, get: { term: '36' }, trigger: '' }, space.issues)
    if (!built.ok) throw new Error('not built')
    const preview = previewConcession(space, journal, derived, built.event)
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    const after = [
      ...journal,
      ...journalOf(space, [...journal.map(() => ({ type: 'note', text: '-' })), built.event]).slice(-1),
    ]
    const status = negotiationStatus(space, after, negotiation(space, after))
    const line = status.concessions.at(-1)
    expect(preview.value.valueUs).toBeCloseTo(line?.valueUs ?? Number.NaN, 12)
    expect(preview.value.valueThem).toBeCloseTo(line?.valueThem ?? Number.NaN, 12)
    expect(preview.value.balance).toEqual(status.balance)
    expect(preview.value.money?.unit).toBe('USD/year')
  })
  it('flags a gift before it is given', () => {
    const built = concessionEvent({ give: { price: '190000' }, get: {}, trigger: '' }, space.issues)
    if (!built.ok) throw new Error('not built')
    const preview = previewConcession(space, journal, derived, built.event)
    expect(preview.ok && preview.value.flags).toContain('gift')
  })
  it('weighs meeting them halfway after their counter as a give from our own offer, as the status logs it', () => {
    const ours = {
      price: 240000,
      rollout: 60,
      billing: 'quarterly',
      support: 'premium',
      credits: 10,
      term: 36,
      uplift: 5,
    }
    const countered = journalOf(space, [
      { type: 'offer-sent', bundles: [{ terms: ours }] },
      { type: 'offer-rejected', counter: { terms: { price: 210000 } } },
    ])
    const built = concessionEvent({ give: { price: '220000' }, get: {}, trigger: '' }, space.issues)
    if (!built.ok) throw new Error('not built')
    const preview = previewConcession(space, countered, negotiation(space, countered), built.event)
    if (!preview.ok) throw new Error('the concession does not fit')
    // 240k -> 220k: 35 of 100 weight times 25 points, 20,000 USD/year; a gift, not a gain.
    expect(preview.value.giveCostUs).toBeCloseTo(8.75, 9)
    expect(preview.value.money?.giveCostUs).toBeCloseTo(20000, 6)
    expect(preview.value.flags).toEqual(['gift'])
    const after = [...countered, ...journalOf(space, [...countered, built.event]).slice(-1)]
    const status = negotiationStatus(space, after, negotiation(space, after))
    expect(status.concessions.at(-1)?.giveCostUs).toBeCloseTo(preview.value.giveCostUs, 12)
    expect(status.balance).toEqual(preview.value.balance)
  })
  it('answers with the server’s problems when the move does not fit', () => {
    const nothing = negotiation(space, [])
    const built = concessionEvent({ give: { credits: '20' }, get: {}, trigger: '' }, space.issues)
    if (!built.ok) throw new Error('not built')
    const preview = previewConcession(space, [], nothing, built.event)
    expect(preview.ok).toBe(false)
    if (!preview.ok) expect(preview.problems[0]?.message).toMatch(/nothing|no/)
    const unknown = tryEvent(
      space,
      { events: journal, state: derived.state },
      { type: 'bundle-chosen', label: 'Z' },
    )
    expect(unknown.ok === false && unknown.problems[0]?.path).toBe('label')
  })
  it('values a contingency for both sides', () => {
    const built = contingencyEvent(
      {
        side: 'us',
        metric: 'all teams live',
        op: '>',
        threshold: '45',
        within: '',
        issue: 'credits',
        level: '5',
        source: 'tracker',
        reporting: 'weekly',
        ours: 10,
        theirs: 60,
        exchangeIssue: '',
        exchangeLevel: '',
        text: '',
      },
      space.issues,
    )
    if (!built.ok) throw new Error('not built')
    const preview = previewContingency(space, journal, derived, built.event)
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    expect(preview.value.verifiable).toBe(true)
    expect(preview.value.us?.gain).toBeTypeOf('number')
  })
})
