import { compileSpace, type JournalEvent, learnerStateBytes, learnerStateOf, negotiation } from '@parley/core'
import { event } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { resumableLearning } from './derivation'
import { salesPlan } from './prepare/test-plans'

describe('opening a negotiation with what the server learned', () => {
  const plan = salesPlan()
  const space = compileSpace(plan)
  const record = { plan, version: 4 }

  it("uses the server's learner state only for the saved plan at the version it names, unedited", () => {
    const state = negotiation(space, []).learner?.snapshot()
    if (!state) throw new Error('no learner')
    const learned = { state, version: 4 }
    expect(resumableLearning(learned, record, plan)).toBe(state)
    // Learned on another version, or the plan edited since: learned in the browser instead.
    expect(resumableLearning({ state, version: 3 }, record, plan)).toBeUndefined()
    expect(resumableLearning(learned, record, { ...plan, title: 'edited' })).toBeUndefined()
    expect(resumableLearning(undefined, record, plan)).toBeUndefined()
    expect(resumableLearning(learned, undefined, plan)).toBeUndefined()
  })

  it('gives the figures of learning every move in the browser, from bytes as the server sends them', () => {
    const terms = (pick: (count: number) => number) =>
      Object.fromEntries(space.issues.map((issue) => [issue.id, issue.levels[pick(issue.levels.length)]]))
    const events: JournalEvent[] = [
      event('offer-sent', {
        bundles: [
          { label: 'A', terms: terms(() => 0) },
          { label: 'B', terms: terms((count) => count - 1) },
        ],
      }),
      event('bundle-chosen', { label: 'B' }),
    ]
    const whole = negotiation(space, events)
    expect(whole.posterior.moves.length).toBe(1)
    const sent = learnerStateOf(learnerStateBytes(whole.learner?.snapshot() as never, { version: 4 }))
    const state = resumableLearning(sent && { state: sent.state, version: 4 }, record, plan)
    expect(state).toBeDefined()
    expect(negotiation(space, events, undefined, state).posterior).toEqual(whole.posterior)
  })
})
