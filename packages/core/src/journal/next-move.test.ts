import { describe, expect, it } from 'vitest'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
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
