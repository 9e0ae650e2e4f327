import { describe, expect, it } from 'vitest'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { learningInWords } from './learning-words'
import { negotiationStatus } from './status'

describe('what their moves taught us, in words', () => {
  const space = renewalSpace()

  it('says nothing is learned before any move of theirs, whatever we have sent', () => {
    const status = negotiationStatus(space, [
      event('offer-sent', { bundles: [{ label: 'A', terms: RENEWAL_B }] }),
    ])
    expect(learningInWords(status.learning)).toBe(
      `No move of theirs is recorded yet: this is the plan's estimate (${status.learning.samples} samples, seed ${status.learning.seed}).`,
    )
  })

  it('gives what their last move and all their moves taught us, in bits, once they have moved', () => {
    const status = negotiationStatus(space, [
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: RENEWAL_B },
          { label: 'B', terms: { ...RENEWAL_B, price: 250000, rollout: 45 } },
        ],
      }),
      event('bundle-chosen', { side: 'them', label: 'B' }),
    ])
    expect(status.learning.moves).toHaveLength(1)
    expect(learningInWords(status.learning)).toMatch(
      /^Their last move taught us \d+\.\d\d bits; all their moves \d+\.\d\d bits \(\d+ samples, seed \d+\)\.$/,
    )
  })
})
