import { event } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { dealRoomNews } from './deal-room-answer'

const ISSUES = [{ id: 'price', name: 'Price', unit: 'USD', numeric: true }]
const offer = event('offer-sent', { bundles: [{ label: 'A', terms: { price: 100 } }] })

describe('the deal room news on the midgame', () => {
  it('says what they answered through the deal room to our latest offer, with their comment', () => {
    const chosen = event('bundle-chosen', { label: 'B', side: 'them', source: 'deal-room', comment: 'Fine' })
    expect(dealRoomNews([offer, chosen], 'Calder', ISSUES)).toBe(
      'Calder chose option B in the deal room: “Fine”',
    )
    const rejected = event('offer-rejected', {
      side: 'them',
      source: 'deal-room',
      counter: { terms: { price: 90 } },
    })
    expect(dealRoomNews([offer, chosen, rejected], 'Calder', ISSUES)).toBe(
      'Calder turned our offer down in the deal room, countering with Price 90 USD',
    )
  })

  it('says which they signed in the deal room: an alternative offered before signing, or the agreement as it was', () => {
    const agreed = event('agreed', { terms: { price: 100 } })
    const offered = event('alternatives-offered', {
      bundles: [
        { label: '1', terms: { price: 110 } },
        { label: '2', terms: { price: 120 } },
      ],
    })
    const sign = (terms: Record<string, unknown>) =>
      event('agreed', { terms, side: 'them', source: 'deal-room' })
    expect(dealRoomNews([offer, agreed, offered, sign({ price: 120 })], 'Calder', ISSUES)).toBe(
      'Calder signed alternative 2 of those offered before signing in the deal room',
    )
    expect(dealRoomNews([offer, agreed, offered, sign({ price: 100 })], 'Calder', ISSUES)).toBe(
      'Calder signed the agreement as it was in the deal room',
    )
  })

  it('says nothing of answers typed in by the team, or of answers to an offer since replaced', () => {
    const typed = event('bundle-chosen', { label: 'A', side: 'them' })
    expect(dealRoomNews([offer, typed], 'Calder', ISSUES)).toBeUndefined()
    const old = event('bundle-chosen', { label: 'A', side: 'them', source: 'deal-room' })
    expect(dealRoomNews([offer, old, offer], 'Calder', ISSUES)).toBeUndefined()
  })
})
