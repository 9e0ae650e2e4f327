import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { negotiation } from '../journal/status'
import { readOffer } from '../scoring/offer'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { explainsBundleInPlay, FIGURE_CHANGE_MIN, sentFiguresChanged } from './figures-changed'
import { negotiatorWarnings } from './warnings'

const space = renewalSpace()
const A = { ...RENEWAL_B, price: 250000, credits: 5 }
const C = { ...RENEWAL_B, billing: 'annual-upfront', uplift: 0 }
const sent = event('offer-sent', {
  bundles: [
    { label: 'A', terms: A },
    { label: 'B', terms: { ...RENEWAL_B } },
    { label: 'C', terms: C },
  ],
})

describe('why the figures of bundles already sent changed', () => {
  it('says nothing while the estimate is still the plan’s', () => {
    const learned = negotiation(space, [sent])
    const estimate = currentEstimate(space, learned.state, learned.posterior)
    expect(sentFiguresChanged(space, learned.state, estimate)).toEqual([])
  })

  it('gives each sent bundle’s worth to them then and now, when it moved by half a point or more', () => {
    const learned = negotiation(space, [
      sent,
      event('interest-stated', { text: 'credits first', ranking: ['credits', 'uplift'] }),
      event('bundles-ranked', { order: ['C', 'B', 'A'] }),
    ])
    const estimate = currentEstimate(space, learned.state, learned.posterior)
    const warnings = sentFiguresChanged(space, learned.state, estimate)
    expect(warnings.length).toBeGreaterThan(0)
    const plan = currentEstimate(space, { observations: [] })
    for (const label of ['A', 'B', 'C']) {
      const terms = label === 'A' ? A : label === 'C' ? C : RENEWAL_B
      const read = readOffer(space, terms)
      if (!read.ok) throw new Error('unreadable')
      const before = plan.them(read.offer)
      const after = estimate.them(read.offer)
      const warning = warnings.find((w) => w.bundle === label)
      expect(warning !== undefined, label).toBe(Math.abs(after - before) >= FIGURE_CHANGE_MIN)
      if (!warning) continue
      expect(warning.before).toBeCloseTo(before, 9)
      expect(warning.after).toBeCloseTo(after, 9)
      expect(warning.moves).toEqual({ before: 0, after: 2 })
      expect(warning.severity).toBe('notice')
      expect(warning.message).toMatch(new RegExp(`^Bundle ${label} of round 1 is now`))
      expect(warning.message).toContain('it read when we sent it')
      expect(warning.message).toContain(`${after > before ? 'more' : 'less'} than the`)
      expect(warning.message).toContain('our estimate of what they value changed with their 2 answers since')
    }
    // All the warnings together take the estimate at sending from the shares the posterior kept.
    const gathered = negotiatorWarnings(space, learned.state, estimate, { posterior: learned.posterior })
    expect(gathered.filter((w) => w.code === 'sent_figures_changed')).toEqual(warnings)
  })

  it('compares with the estimate at the time a later set was sent, not with the plan’s', () => {
    const chosen = event('bundle-chosen', { label: 'B' })
    const second = event('offer-sent', { bundles: [{ label: 'A', terms: A }] }, 2)
    const learned = negotiation(space, [sent, chosen, second, event('bundle-chosen', { label: 'A' }, 2)])
    const estimate = currentEstimate(space, learned.state, learned.posterior)
    const atSecond = currentEstimate(space, { observations: learned.state.observations.slice(0, 1) })
    const read = readOffer(space, A)
    if (!read.ok) throw new Error('unreadable')
    const warning = sentFiguresChanged(space, learned.state, estimate).find((w) => w.round === 2)
    if (warning) {
      expect(warning.before).toBeCloseTo(atSecond.them(read.offer), 9)
      expect(warning.moves).toEqual({ before: 1, after: 2 })
      expect(warning.message).toContain('changed with their 1 answer since')
    } else
      expect(Math.abs(estimate.them(read.offer) - atSecond.them(read.offer))).toBeLessThan(FIGURE_CHANGE_MIN)
  })
})

describe('which changed figures are explained in words', () => {
  it('those of the set while it waits for their answer, then of their pick only, and none once agreed', () => {
    const stated = event('interest-stated', {
      text: 'the uplift cap matters far more than the fee',
      relative: [{ issue: 'uplift', over: 'price', factor: 3 }],
    })
    const changes = (learned: ReturnType<typeof negotiation>) =>
      sentFiguresChanged(space, learned.state, currentEstimate(space, learned.state, learned.posterior))
    const waiting = negotiation(space, [sent, stated])
    const explained = (learned: ReturnType<typeof negotiation>) =>
      changes(learned)
        .filter((warning) => explainsBundleInPlay(warning, learned.state))
        .map((warning) => warning.bundle)
    const all = changes(waiting).map((warning) => warning.bundle)
    expect(all.length).toBeGreaterThan(1)
    expect(explained(waiting)).toEqual(all)
    const chosen = negotiation(space, [sent, stated, event('bundle-chosen', { label: 'C' })])
    expect(explained(chosen).every((label) => label === 'C')).toBe(true)
    expect(changes(chosen).some((w) => w.bundle !== 'C')).toBe(true)
    const agreed = negotiation(space, [
      sent,
      stated,
      event('bundle-chosen', { label: 'C' }),
      event('agreed', { terms: C }),
    ])
    expect(explained(agreed)).toEqual([])
  })
})
