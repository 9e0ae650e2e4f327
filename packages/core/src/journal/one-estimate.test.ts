import { describe, expect, it } from 'vitest'
import { debriefView } from '../debrief/view'
import { inferPriorities } from '../inference/posterior'
import { meso } from '../meso/meso'
import { mesoView } from '../meso/view'
import { coach } from '../playbooks/coach'
import { utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import type { JournalEvent } from './events'
import { replay } from './replay'
import { negotiationStatus } from './status'

/** U_them status gives for these terms once they are on the table (a single offer adds no observation). */
function statusThem(space: Space, events: JournalEvent[], terms: Record<string, string | number>): number {
  const status = negotiationStatus(space, [
    ...events,
    event('offer-sent', { bundles: [{ label: 'A', terms }] }, 2),
  ])
  return status.table?.utility.them ?? Number.NaN
}

describe('one estimate everywhere', () => {
  it('before any observation: meso, status, coach and debrief all use the plan estimate exactly', () => {
    const space = renewalSpace()
    const first = meso(space)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const events = [
      event('offer-sent', { bundles: first.set.bundles.map(({ label, terms }) => ({ label, terms })) }),
    ]
    const status = negotiationStatus(space, events)
    expect(status.estimate).toEqual({ label: 'est., plan', learned: false, moves: 0 })
    const state = replay(space, events)
    status.offersInPlay.forEach((bundle, k) => {
      const offer = state.offers[0]?.bundles[k]?.offer
      if (!offer) throw new Error('offer missing')
      // Exactly: the plan's sums, not the posterior's finite-sample mean (47.7 vs 48.3 in issue 12).
      expect(bundle.utility.them).toBe(utilityOf(space, offer).them)
      expect(bundle.utility.them).toBe(first.set.bundles[k]?.utility.them)
    })
    expect(coach(space, events).estimate).toBe('est., plan')
    expect(debriefView(space, state, inferPriorities(space, state.observations)).figures.estimate).toBe(
      'est., plan',
    )
  })

  it('after their pick: meso --json utility.them equals what status gives for the same terms, both learned', () => {
    const space = renewalSpace()
    const first = meso(space)
    if (!first.ok) throw new Error('no first set')
    const events = [
      event('offer-sent', { bundles: first.set.bundles.map(({ label, terms }) => ({ label, terms })) }),
      event('bundle-chosen', { label: 'B' }),
    ]
    const state = replay(space, events)
    const posterior = inferPriorities(space, state.observations)
    const status = negotiationStatus(space, events, { state, posterior })
    expect(status.estimate).toEqual({ label: 'est., learned from 1 move', learned: true, moves: 1 })
    // The set is below their pick at the default target; lower the target until one exists.
    let result = mesoView(space, {}, posterior, state)
    if (!result.ok && result.failure.suggestedTarget)
      result = mesoView(space, { target: result.failure.suggestedTarget }, posterior, state)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.view.estimate).toBe(status.estimate.label)
    for (const bundle of result.set.bundles)
      expect(bundle.utility.them).toBeCloseTo(statusThem(space, events, bundle.terms), 9)
    expect(coach(space, events, {}, { state, posterior }).estimate).toBe('est., learned from 1 move')
    expect(debriefView(space, state, posterior).figures.estimate).toBe('est., learned from 1 move')
  })
})
