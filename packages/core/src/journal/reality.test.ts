import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { compileRequirements, constraintHolds } from '../scoring/constraints'
import { offerFromLevels, readOffer, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { allBundles } from '../testing/arbitraries'
import { event } from '../testing/events'
import { largestPlan } from '../testing/largest'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import type { JournalEvent } from './events'
import { JOINT_GAIN_MIN } from './joint-gain'
import { negotiation, negotiationStatus } from './status'
import { LOPSIDED_SHARE } from './trade-advice'

const B = RENEWAL_B

function usOf(space: Space, terms: Record<string, string | number>): number {
  const read = readOffer(space, terms)
  if (!read.ok) throw new Error('terms do not read')
  return utilityOf(space, read.offer).us
}

function counterItem(space: Space, events: JournalEvent[]) {
  const status = negotiationStatus(space, events)
  const item = status.realityTest.items.find((entry) => entry.label === 'their counter')
  if (!item) throw new Error('no counter in the reality test')
  return { status, item }
}

describe('the reality test as a trade adviser', () => {
  it('answers a counter that only lowers the price with a trade, not "accept" (issue 12)', () => {
    const space = renewalSpace()
    const counter = { ...B, price: 200000 }
    const events = [
      event('offer-sent', { bundles: [{ label: 'B', terms: B }] }),
      event('offer-rejected', { counter: { terms: counter } }),
    ]
    const { status, item } = counterItem(space, events)
    const derived = negotiation(space, events)
    // Above our reservation and within our limits, which is why the old test said accept.
    expect(item.margin.reservation).toBeGreaterThan(0)
    expect(item.breaksLimits).toBe(false)
    expect(item.verdict).toBe('counter')
    expect(item.giveaway).toBeCloseTo(usOf(space, B) - usOf(space, counter), 9)
    expect(item.reason).toContain('it only moves annual subscription fee 200,000 USD/year their way')
    expect(item.reason).toContain(`accepting gives away ${item.giveaway?.toFixed(1)} points for nothing`)
    // Compared with the evidence pack: below the benchmark, within the competing quote.
    expect(item.standards?.map((s) => [s.evidence, s.position])).toEqual([
      [0, 'below'],
      [1, 'within'],
    ])
    expect(item.reason).toContain(
      'their annual subscription fee 200,000 USD/year is below benchmark price for claims workflow platforms at 400 to 500 seats (210,000–270,000 USD/year;',
    )
    const proposal = item.proposal
    if (!proposal) throw new Error('no proposal')
    // At our target (what B is worth to us), within our limits and the rule, never back on their ask.
    expect(proposal.utility.us).toBeGreaterThanOrEqual(usOf(space, B) - 1e-9)
    expect(proposal.terms.price).toBeGreaterThanOrEqual(200000)
    expect(proposal.terms.price).toBeLessThanOrEqual(230000)
    const read = readOffer(space, proposal.terms)
    if (!read.ok) throw new Error('proposal does not read')
    const requirements = compileRequirements(space)
    for (const constraint of [...requirements.rule, ...requirements.limits])
      expect(constraintHolds(constraint, read.offer.values)).toBe(true)
    expect(proposal.utility.them).toBeCloseTo(
      currentEstimate(space, derived.state, derived.posterior).them(read.offer),
      9,
    )
    expect(item.advice).toMatch(/^counter with .* if they accept /)
    expect(status.nextMove.text).toMatch(/^counter with /)
    expect(status.nextMove.text).toContain('rather than accept their counter')
  })

  it('keeps accepting a counter that gives us something back', () => {
    const space = renewalSpace()
    const ours = { ...B, term: 24 }
    // They take 10,000 off the price and give us the 36-month term we value.
    const counter = { ...ours, price: 220000, term: 36 }
    const { item, status } = counterItem(space, [
      event('offer-sent', { bundles: [{ label: 'A', terms: ours }] }),
      event('offer-rejected', { counter: { terms: counter } }),
    ])
    expect(item.verdict).toBe('accept')
    expect(item.giveaway).toBeUndefined()
    expect(item.proposal).toBeUndefined()
    // Acceptable, but a bundle is better for both: the next move says to propose it before accepting.
    const joint = status.jointGain
    if (!joint) throw new Error('expected a joint gain over this counter')
    expect(status.nextMove.text).toMatch(
      /^their counter passes the reality test \(it meets the rule and our limits\), but a bundle is better for both: before accepting it, propose .* instead of .* \(\+\d+\.\d for us, \+\d+\.\d for them by our current estimate\)$/,
    )
    expect(status.nextMove.text).toContain(
      `+${joint.gain.us.toFixed(1)} for us, +${joint.gain.them.toFixed(1)} for them`,
    )
    expect(status.nextMove.command).toBe('parley offer PLAN --joint-gain')
    // Countering with that bundle leaves nothing better for both: accept, as the reality test says.
    const onFrontier = counterItem(space, [
      event('offer-sent', { bundles: [{ label: 'A', terms: ours }] }),
      event('offer-rejected', { counter: { terms: joint.terms } }),
    ])
    expect(onFrontier.item.verdict).toBe('accept')
    expect(onFrontier.status.jointGain).toBeNull()
    expect(onFrontier.status.nextMove.text).toMatch(/^reality-test their counter: accept \(/)
  })

  it('answers a counter that gives back next to nothing for what it takes with a trade too', () => {
    const space = renewalSpace()
    // They take 30,000 off the price and give back the standard support tier, which we prefer a little.
    const counter = { ...B, price: 200000, support: 'standard' }
    const { item, status } = counterItem(space, [
      event('offer-sent', { bundles: [{ label: 'B', terms: B }] }),
      event('offer-rejected', { counter: { terms: counter } }),
    ])
    const givenBack = usOf(space, { ...B, support: 'standard' }) - usOf(space, B)
    const takes = usOf(space, B) - usOf(space, { ...B, price: 200000 })
    expect(givenBack).toBeGreaterThan(0)
    expect(givenBack).toBeLessThan(LOPSIDED_SHARE * takes)
    expect(item.verdict).toBe('counter')
    expect(item.giveaway).toBeCloseTo(usOf(space, B) - usOf(space, counter), 9)
    expect(item.givenBack).toBeCloseTo(givenBack, 9)
    expect(item.reason).toContain(
      `it moves annual subscription fee 200,000 USD/year their way from our last offer (B) and gives back only`,
    )
    expect(item.reason).toContain(
      `worth ${givenBack.toFixed(1)} of the ${takes.toFixed(1)} points it takes: accepting gives away ${item.giveaway?.toFixed(1)} points`,
    )
    expect(item.reason).not.toContain('for nothing')
    expect(item.proposal?.utility.us).toBeGreaterThanOrEqual(usOf(space, B) - 1e-9)
    expect(status.nextMove.text).toContain(
      `as it stands it gives away ${item.giveaway?.toFixed(1)} of our points (it takes ${takes.toFixed(1)} and gives back ${givenBack.toFixed(1)})`,
    )
  })

  it('reads a counter to a set against the bundle they chose from it', () => {
    const space = renewalSpace()
    const A = { ...B, price: 250000, rollout: 45, billing: 'quarterly' }
    const { item } = counterItem(space, [
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: A },
          { label: 'B', terms: B },
        ],
      }),
      event('bundle-chosen', { label: 'B' }),
      event('offer-rejected', { counter: { terms: { ...B, support: 'enterprise' } } }),
    ])
    expect(item.verdict).toBe('counter')
    expect(item.reason).toContain('from our last offer (B)')
    expect(item.giveaway).toBeCloseTo(usOf(space, B) - usOf(space, { ...B, support: 'enterprise' }), 9)
    // No evidence is in the unit of the support tier: nothing to compare.
    expect(item.standards).toBeUndefined()
  })

  it('counters (with the trade) rather than walking away when a one-sided counter falls under our BATNA', () => {
    const space = renewalSpace()
    const counter = { ...B, price: 190000, billing: 'milestone', term: 12, uplift: 0 }
    const { item } = counterItem(space, [
      event('offer-sent', { bundles: [{ label: 'A', terms: B }] }),
      event('offer-rejected', { counter: { terms: counter } }),
    ])
    expect(item.utility.us).toBeLessThan(35)
    expect(item.verdict).toBe('counter')
    expect(item.reason).toMatch(/^worth .* to us, below our BATNA \(35\.0\); it only moves/)
    expect(item.proposal?.utility.us).toBeGreaterThanOrEqual(usOf(space, B) - 1e-9)
  })
})

describe('the reality test once the set is answered and once the terms are agreed', () => {
  it('tests the set while it waits, then their pick, then the agreement alone', () => {
    const space = renewalSpace()
    const A = { ...B, price: 250000, support: 'enterprise' }
    const C = { ...B, term: 24, billing: 'quarterly' }
    const offered = event('offer-sent', {
      bundles: [
        { label: 'A', terms: A },
        { label: 'B', terms: B },
        { label: 'C', terms: C },
      ],
    })
    // While the set waits for their answer, each of its bundles is tested; once they chose, the
    // others are history and only their pick, now the table, is.
    expect(negotiationStatus(space, [offered]).realityTest.items.map((item) => item.label)).toEqual([
      'A',
      'B',
      'C',
    ])
    const chosen = [offered, event('bundle-chosen', { label: 'B' })]
    expect(negotiationStatus(space, chosen).realityTest.items.map((item) => item.label)).toEqual([
      'on the table',
    ])
    const agreed = negotiationStatus(space, [...chosen, event('agreed', { terms: B })])
    expect(agreed.realityTest.items.map((item) => [item.label, item.terms])).toEqual([['agreed', B]])
  })
})

describe('joint gains in sight on the renewal, under the learned estimate (against brute force)', () => {
  it('dominates the table by the best product of gains over every bundle meeting the rule and our limits', () => {
    const space = renewalSpace()
    const events = [
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: { ...B, price: 250000, rollout: 45, billing: 'quarterly' } },
          { label: 'B', terms: B },
          { label: 'C', terms: { ...B, price: 240000, support: 'standard', credits: 5 } },
        ],
      }),
      event('bundles-ranked', { order: ['B', 'C', 'A'] }),
    ]
    const derived = negotiation(space, events)
    const status = negotiationStatus(space, events, derived)
    const estimate = currentEstimate(space, derived.state, derived.posterior)
    expect(status.estimate.learned).toBe(true)
    const table = derived.state.table
    if (!table) throw new Error('no table')
    const base = { us: utilityOf(space, table.offer).us, them: estimate.them(table.offer) }
    const requirements = compileRequirements(space)
    const constraints = [...requirements.rule, ...requirements.limits]
    let bestProduct = Number.NEGATIVE_INFINITY
    for (const levels of allBundles(space.issues.map((issue) => issue.levels.length))) {
      const offer = offerFromLevels(space, levels)
      if (!constraints.every((constraint) => constraintHolds(constraint, offer.values))) continue
      const gainUs = utilityOf(space, offer).us - base.us
      const gainThem = estimate.themOfLevels(levels) - base.them
      if (gainUs > JOINT_GAIN_MIN && gainThem > JOINT_GAIN_MIN)
        bestProduct = Math.max(bestProduct, gainUs * gainThem)
    }
    const gain = status.jointGain
    expect(Number.isFinite(bestProduct)).toBe(gain !== null)
    if (!gain) return
    expect(gain.gain.us).toBeGreaterThan(JOINT_GAIN_MIN)
    expect(gain.gain.them).toBeGreaterThan(JOINT_GAIN_MIN)
    expect(gain.utility.us - base.us).toBeCloseTo(gain.gain.us, 9)
    expect(gain.gain.us * gain.gain.them).toBeGreaterThanOrEqual(bestProduct - 1e-6)
  })

  it('is null with nothing on the table', () => {
    const space = renewalSpace()
    expect(negotiationStatus(space, []).jointGain).toBeNull()
  })
})

describe('on a plan too large for the advice to search', () => {
  it('holds our last offer against a one-sided counter instead of accepting it, and shows no joint gain', () => {
    const space = compileSpace(largestPlan(64, 1000))
    const ours = Object.fromEntries(space.issues.map((issue) => [issue.id, 500]))
    // Issue 0: we prefer low, they prefer high; they ask 900 instead of 500.
    const { item, status } = counterItem(space, [
      event('offer-sent', { bundles: [{ label: 'A', terms: ours }] }),
      event('offer-rejected', { counter: { terms: { ...ours, i0: 900 } } }),
    ])
    expect(item.verdict).toBe('counter')
    expect(item.proposal?.terms).toEqual(ours)
    expect(item.reason).toContain('our last offer held')
    expect(item.reason).toContain('the plan is too large to search for a better trade')
    expect(status.jointGain).toBeNull()
  })
})
