import { describe, expect, it } from 'vitest'
import { listAnd } from '../language/english'
import { formatPoints } from '../scoring/figures'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { nextMove } from './next-move'
import { changesInWords } from './positions'
import { replay } from './replay'
import { negotiationStatus } from './status'

describe('the next move after their choice', () => {
  const space = renewalSpace()
  const other = { ...RENEWAL_B, price: 250000, rollout: 45 }

  it('records the agreement when they take the one bundle we offered', () => {
    const status = negotiationStatus(space, [
      event('offer-sent', { bundles: [{ label: 'A', terms: RENEWAL_B }] }),
      event('bundle-chosen', { label: 'A' }),
    ])
    expect(status.realityTest.items.find((item) => item.label === 'on the table')?.verdict).toBe('accept')
    expect(status.nextMove).toEqual({
      text: 'they took the bundle we offered: record the agreement, with measurable terms, governance and an exit',
      command: 'parley agree PLAN --table',
    })
  })

  it('builds the next set around a choice from a set, which teaches what they value', () => {
    const status = negotiationStatus(space, [
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: RENEWAL_B },
          { label: 'B', terms: other },
        ],
      }),
      event('bundle-chosen', { label: 'A' }),
    ])
    expect(status.nextMove.text).toMatch(/^build the next set around what their choice revealed/)
  })
})

describe('the next move after our concession', () => {
  const space = renewalSpace()
  const offered = event('offer-sent', { bundles: [{ label: 'B', terms: RENEWAL_B }] })

  it('asks for something back when the get was where they already stood', () => {
    // Our offer already has the 36-month term: asking for it again gets nothing.
    const status = negotiationStatus(space, [
      offered,
      event('concession', { give: { price: 220000 }, get: { term: 36 } }),
    ])
    const line = status.concessions.at(-1)
    expect(line?.gift).toBe(false)
    expect(line?.giveCostUs).toBeGreaterThan(0)
    expect(line?.getValueUs).toBe(0)
    expect(status.nextMove.text).toMatch(
      /^the last concession got nothing back: what it asked for is where they already stand/,
    )
  })

  it('says a gift is a gift while it is our latest move (a note after it changes nothing), and turns to their answer once they make one', () => {
    const gift = event('concession', { give: { price: 220000 }, get: {} })
    const noted = negotiationStatus(space, [offered, gift, event('note', { text: 'they went quiet' })])
    expect(noted.nextMove.text).toMatch(/^the last concession was a gift/)
    const countered = negotiationStatus(space, [
      offered,
      gift,
      event('offer-rejected', { side: 'them', counter: { terms: { ...RENEWAL_B, price: 210000 } } }),
    ])
    expect(countered.concessions.at(-1)?.gift).toBe(true)
    expect(countered.nextMove.text).not.toMatch(/gift/)
    expect(countered.nextMove.text).toMatch(/their counter/)
  })

  it('after a trade, proposes the bundle better for both when one is in sight, else asks for their answer to the table it left', () => {
    const events = [offered, event('concession', { give: { support: 'enterprise' }, get: { price: 240000 } })]
    const status = negotiationStatus(space, events)
    const line = status.concessions.at(-1)
    expect(line?.gift).toBe(false)
    expect(line?.getValueUs).toBeGreaterThan(0)
    expect(status.jointGain).not.toBeNull()
    const joint = status.jointGain as NonNullable<typeof status.jointGain>
    expect(status.nextMove).toEqual({
      text: `the bundle our concession left on the table is not the best both sides can do: before they answer, propose ${listAnd(changesInWords(space, replay(space, events).table?.terms ?? {}, joint.terms))} (+${formatPoints(joint.gain.us)} for us, +${formatPoints(joint.gain.them)} for them by our current estimate)`,
      command: 'parley offer PLAN --joint-gain',
    })
    // With nothing better for both in sight, their answer to the table is what comes next.
    const state = replay(space, events)
    expect(nextMove(space, state, status.concessions, status.realityTest, 0, null)).toEqual({
      text: 'ask whether they accept the bundle our concession left on the table, and record their answer: the agreement if they take it, their counter if they do not',
    })
    // A concession past our limits: the table is not one to ask them to accept.
    const past = [offered, event('concession', { give: { price: 185000 }, get: { uplift: 5 } })]
    const pastState = replay(space, past)
    const pastStatus = negotiationStatus(space, past)
    const onTable = pastStatus.realityTest.items.find((item) => item.label === 'on the table')
    expect(onTable?.verdict).toBe('counter')
    expect(nextMove(space, pastState, pastStatus.concessions, pastStatus.realityTest, 0, null)).toEqual({
      text: `the bundle our concession left on the table ${onTable?.reason}: we cannot sign it as it stands, so before they answer, say which term we cannot keep and what would bring it back, or propose a bundle we can sign`,
    })
    expect(onTable?.reason).toMatch(/^breaks our limit price/)
    // Proposed, the bundle better for both waits for their answer; so does a new set.
    const proposed = negotiationStatus(space, [
      ...events,
      event('offer-sent', { bundles: [{ label: 'A', terms: joint.terms }] }),
    ])
    expect(proposed.nextMove).toEqual({
      text: 'ask whether they accept our offer, and record their answer: that they took it, or their counter',
    })
    const set = negotiationStatus(space, [
      ...events,
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: joint.terms },
          { label: 'B', terms: { ...RENEWAL_B, price: 250000, rollout: 45 } },
        ],
      }),
    ])
    expect(set.nextMove.text).toBe(
      'ask which bundle works best for them and why, and record their choice, ranking or counter',
    )
    // Once they answer (their counter), the concession no longer decides: their counter does.
    const countered = negotiationStatus(space, [
      ...events,
      event('offer-rejected', { side: 'them', counter: { terms: { ...RENEWAL_B, price: 235000 } } }),
    ])
    expect(countered.nextMove.text).toMatch(/their counter/)
  })
})

describe('the next move, whatever is noted or retracted since', () => {
  const space = renewalSpace()
  const offered = event('offer-sent', { bundles: [{ label: 'B', terms: RENEWAL_B }] })
  const counter = event('offer-rejected', {
    side: 'them',
    counter: { terms: { ...RENEWAL_B, price: 210000 } },
  })

  it('still answers their counter after a note, and after a retracted mistake', () => {
    const answered = negotiationStatus(space, [offered, counter]).nextMove
    const noted = negotiationStatus(space, [
      offered,
      counter,
      event('note', { text: 'their CFO joins next call' }),
    ])
    expect(noted.nextMove).toEqual(answered)
    const mistake = event('bundle-chosen', { side: 'them', label: 'B' })
    const retracted = negotiationStatus(space, [
      offered,
      counter,
      mistake,
      event('retract', { target: mistake.id, reason: 'recorded by mistake' }),
    ])
    expect(retracted.nextMove).toEqual(answered)
  })
})

describe('the next move around a contingency', () => {
  const space = renewalSpace()
  const offered = event('offer-sent', { bundles: [{ label: 'B', terms: RENEWAL_B }] })
  const proposed = event('contingency-proposed', {
    contingency: {
      id: 'adoption',
      metric: 'adoption',
      op: '>=',
      threshold: 80,
      consequence: { issue: 'uplift', level: 5 },
    },
  })

  it('asks for their answer to the contingency we proposed, naming it in the command', () => {
    const status = negotiationStatus(space, [offered, proposed])
    expect(status.nextMove).toEqual({
      text: 'ask whether they accept the contingency (the condition, how it is measured and reported, and what moves if it happens), and record it when they do',
      command: 'parley accept-contingency PLAN adoption',
    })
  })

  it('says it is part of the deal once they accept it, and no longer suggests one', () => {
    const status = negotiationStatus(space, [
      offered,
      proposed,
      event('contingency-accepted', { target: 'adoption' }),
    ])
    expect(status.contingencies[0]?.accepted).toBe(true)
    expect(status.nextMove.text).toBe(
      'the contingency is part of the deal: keep trading on the rest, pairing each give with a get',
    )
  })
})
