import { negotiationStatus } from '@parley/core'
import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { journalOf, salesSpace } from './sales-fixture'
import { giveawayText, jointGainText, proposalText } from './trade-advice'

const B = RENEWAL_B

describe('the trade advice on the trading screens', () => {
  const space = salesSpace()
  const status = negotiationStatus(
    space,
    journalOf(space, [
      { type: 'offer-sent', bundles: [{ label: 'B', terms: B }] },
      { type: 'offer-rejected', counter: { terms: { ...B, price: 200000 } } },
    ]),
  )
  const counter = status.realityTest.items.find((item) => item.label === 'their counter')
  if (!counter) throw new Error('no counter')

  it('shows what accepting a price-only counter gives away, and the trade to propose instead', () => {
    expect(counter.verdict).toBe('counter')
    expect(giveawayText(counter)).toBe(
      `Accepting it gives away ${counter.giveaway?.toFixed(1)} of our points for nothing (against our last offer).`,
    )
    const proposal = counter.proposal
    if (!proposal) throw new Error('no proposal')
    expect(proposalText(space.issues, counter, status.estimate.label)).toBe(
      `Propose instead: ${proposal.utility.us.toFixed(1)} to us, ${proposal.utility.them.toFixed(1)} to them (est., learned from 1 move) — Annual subscription fee ${Number(proposal.terms.price).toLocaleString('en-US')} USD/year · Go-live for all claims teams ${proposal.terms.rollout} days after signature · Billing schedule ${proposal.terms.billing} · Support tier ${proposal.terms.support} · Service credit cap ${proposal.terms.credits} % of monthly fee · Contract term ${proposal.terms.term} months · Renewal price cap ${proposal.terms.uplift} % per year`,
    )
  })

  it('says what a counter that gives back next to nothing takes and gives, not "for nothing"', () => {
    const lopsided = negotiationStatus(
      space,
      journalOf(space, [
        { type: 'offer-sent', bundles: [{ label: 'B', terms: B }] },
        { type: 'offer-rejected', counter: { terms: { ...B, price: 200000, support: 'standard' } } },
      ]),
    ).realityTest.items.find((item) => item.label === 'their counter')
    if (!lopsided?.giveaway || !lopsided.givenBack) throw new Error('not read as lopsided')
    expect(giveawayText(lopsided)).toBe(
      `Accepting it gives away ${lopsided.giveaway.toFixed(1)} of our points against our last offer (it takes ${(lopsided.giveaway + lopsided.givenBack).toFixed(1)} and gives back ${lopsided.givenBack.toFixed(1)}).`,
    )
  })

  it('says nothing of a giveaway or a proposal for a bundle that is not a one-sided counter', () => {
    const ours = negotiationStatus(
      space,
      journalOf(space, [{ type: 'offer-sent', bundles: [{ label: 'B', terms: B }] }]),
    )
    const item = ours.realityTest.items[0]
    if (!item) throw new Error('nothing in play')
    expect(giveawayText(item)).toBeUndefined()
    expect(proposalText(space.issues, item, ours.estimate.label)).toBeUndefined()
  })

  it('writes the joint gain over the table for each side, signed', () => {
    const gain = status.jointGain
    if (!gain) throw new Error('no joint gain')
    expect(jointGainText(gain, status.estimate.label)).toBe(
      `+${gain.gain.us.toFixed(1)} for us, +${gain.gain.them.toFixed(1)} for them (est., learned from 1 move)`,
    )
  })
})
