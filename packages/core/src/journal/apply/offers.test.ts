import { describe, expect, it } from 'vitest'
import { starterPlan } from '../../playbooks/starters'
import { compileSpace } from '../../scoring/space'
import { event as testEvent } from '../../testing/events'
import type { JournalEvent } from '../events'
import { realityTest } from '../reality'
import { replay } from '../replay'
import { latestBundlesInPlay, offerAwaitsAnswer } from './offers'

const space = compileSpace(starterPlan('sales'))
// The events as their bodies read, with the bookkeeping fields filled in by core's test helper.
const event = ({ type, ...fields }: { type: string } & Record<string, unknown>) =>
  testEvent(type as JournalEvent['type'], fields)
const terms = Object.fromEntries(space.issues.map((issue) => [issue.id, issue.levels[0]]))
const other = Object.fromEntries(space.issues.map((issue) => [issue.id, issue.levels.at(-1)]))
const sent = () =>
  event({
    type: 'offer-sent',
    bundles: [
      { label: 'A', terms },
      { label: 'B', terms: other },
    ],
  })

describe('a round waiting for their answer', () => {
  it('is open from our offer until they choose, rank or reject', () => {
    expect(offerAwaitsAnswer(replay(space, []))).toBe(false)
    const offer = sent()
    expect(offerAwaitsAnswer(replay(space, [offer]))).toBe(true)
    expect(offerAwaitsAnswer(replay(space, [offer, event({ type: 'note', text: 'called' })]))).toBe(true)
    for (const answer of [
      { type: 'bundle-chosen', label: 'A', side: 'them' },
      { type: 'bundles-ranked', order: ['B', 'A'], side: 'them' },
      { type: 'offer-rejected', side: 'them' },
    ])
      expect(offerAwaitsAnswer(replay(space, [offer, event(answer)])), answer.type).toBe(false)
  })

  it('is past once we concede, propose a contingency, or agree', () => {
    // A bundle on the table from an earlier single offer, for the concession and the contingency to change.
    const single = event({ type: 'offer-sent', bundles: [{ label: 'S', terms }] })
    const offer = sent()
    const issue = space.issues[0]
    if (!issue) throw new Error('the starter plan has issues')
    for (const move of [
      { type: 'concession', give: { [issue.id]: issue.levels[1] }, get: {} },
      {
        type: 'contingency-proposed',
        contingency: {
          id: 'k1',
          metric: 'monthly uptime',
          op: '<',
          threshold: 99,
          consequence: { issue: issue.id, level: issue.levels[0] },
        },
      },
      { type: 'agreed', terms },
    ]) {
      const state = replay(space, [single, offer, event(move)])
      expect(state.applied.map((applied) => applied.type)).toContain(move.type)
      expect(offerAwaitsAnswer(state), move.type).toBe(false)
    }
  })

  it('keeps the set in the reality test only while it waits for their answer', () => {
    const offer = sent()
    const labels = (journal: JournalEvent[]) => {
      const state = replay(space, journal)
      return realityTest(
        space,
        state,
        space.issues.map(() => 1 / space.issues.length),
      ).items.map((item) => item.label)
    }
    expect(labels([offer])).toEqual(['A', 'B'])
    expect(labels([offer, event({ type: 'bundle-chosen', label: 'B', side: 'them' })])).toEqual([
      'on the table',
    ])
  })

  it('keeps in play every bundle of the set while it waits, then only their pick while it is the table', () => {
    const offer = sent()
    expect(latestBundlesInPlay(replay(space, [offer]))).toEqual(['A', 'B'])
    const chosen = [offer, event({ type: 'bundle-chosen', label: 'B', side: 'them' })]
    expect(latestBundlesInPlay(replay(space, chosen))).toEqual(['B'])
    const [issue] = space.issues
    if (!issue) throw new Error('the starter plan has issues')
    // A concession moves the table off their pick: no bundle of the set is in play any more.
    const conceded = [
      ...chosen,
      event({ type: 'concession', give: { [issue.id]: issue.levels[1] }, get: {} }),
    ]
    expect(latestBundlesInPlay(replay(space, conceded))).toEqual([])
    expect(latestBundlesInPlay(replay(space, [...chosen, event({ type: 'agreed', terms: other })]))).toEqual(
      [],
    )
  })

  it('opens again with the next offer', () => {
    const journal = [sent(), event({ type: 'bundle-chosen', label: 'A', side: 'them' })]
    expect(offerAwaitsAnswer(replay(space, journal))).toBe(false)
    expect(offerAwaitsAnswer(replay(space, [...journal, sent()]))).toBe(true)
  })
})
