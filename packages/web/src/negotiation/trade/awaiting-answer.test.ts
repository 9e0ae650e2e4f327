import { compileSpace, type JournalEvent, replay, starterPlan } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { awaitingAnswer } from './awaiting-answer'

const space = compileSpace(starterPlan('sales'))
let n = 0
const event = (fields: Record<string, unknown>) =>
  ({
    id: `01JA${String(++n).padStart(22, '0')}`,
    at: '2026-12-05T10:00:00.000Z',
    side: 'us',
    round: 1,
    planVersion: 't',
    ...fields,
  }) as JournalEvent
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
    expect(awaitingAnswer(replay(space, []))).toBe(false)
    const offer = sent()
    expect(awaitingAnswer(replay(space, [offer]))).toBe(true)
    expect(awaitingAnswer(replay(space, [offer, event({ type: 'note', text: 'called' })]))).toBe(true)
    for (const answer of [
      { type: 'bundle-chosen', label: 'A', side: 'them' },
      { type: 'bundles-ranked', order: ['B', 'A'], side: 'them' },
      { type: 'offer-rejected', side: 'them' },
    ])
      expect(awaitingAnswer(replay(space, [offer, event(answer)])), answer.type).toBe(false)
  })

  it('opens again with the next offer', () => {
    const journal = [sent(), event({ type: 'bundle-chosen', label: 'A', side: 'them' })]
    expect(awaitingAnswer(replay(space, journal))).toBe(false)
    expect(awaitingAnswer(replay(space, [...journal, sent()]))).toBe(true)
  })
})
