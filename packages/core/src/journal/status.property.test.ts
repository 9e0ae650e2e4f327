/**
 * `negotiation` continued from the negotiation of an earlier journal, or from its learner's state
 * sent as bytes (as the server sends it to the web app), gives exactly what replaying and learning
 * the whole journal gives: when the journal grew, when an early move changed, and when the earlier
 * journal is not a prefix of this one at all.
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { learnerStateBytes, learnerStateOf } from '../inference/learner-bytes'
import { PriorityLearner } from '../inference/posterior'
import { compileSpace } from '../scoring/space'
import { journalArb } from '../testing/journals'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { movesToLearn, negotiation } from './status'

const plan = acmePlan()
const space = compileSpace(plan)

describe('negotiation continued from an earlier one or its snapshot', () => {
  it('learns the same as learning every move again, whatever the earlier journal was', () => {
    fc.assert(
      fc.property(
        journalArb(plan, { maxEvents: 8 }),
        journalArb(plan, { maxEvents: 8 }),
        fc.nat(),
        (events, other, cut) => {
          const whole = negotiation(space, events)
          const prefix = events.slice(0, cut % (events.length + 1))
          // A prefix of this journal, and an unrelated journal (nothing to continue from).
          for (const earlier of [prefix, other]) {
            const before = negotiation(space, earlier)
            const continued = negotiation(space, events, before)
            expect(continued.posterior).toEqual(whole.posterior)
            expect(continued.state).toEqual(whole.state)
            const sent = learnerStateOf(learnerStateBytes(before.learner?.snapshot() as never))
            expect(sent).toBeDefined()
            const resumed = negotiation(space, events, undefined, sent?.state)
            expect(resumed.posterior).toEqual(whole.posterior)
            expect(resumed.learner?.observed).toBe(whole.learner?.observed)
            // Both: whichever learned more of these moves (the server's state after a move recorded).
            const latest = learnerStateOf(learnerStateBytes(whole.learner?.snapshot() as never))?.state
            expect(negotiation(space, events, before, latest).posterior).toEqual(whole.posterior)
            expect(negotiation(space, events, before, sent?.state).posterior).toEqual(whole.posterior)
            // The earlier negotiation is left as it was.
            expect(before.posterior).toEqual(negotiation(space, earlier).posterior)
          }
        },
      ),
      { numRuns: runs(20) },
    )
  })

  it('says how many moves it would learn: exactly the moves the learner then observes', () => {
    const observe = vi.spyOn(PriorityLearner.prototype, 'observe')
    let learnedSome = 0
    try {
      fc.assert(
        fc.property(
          journalArb(plan, { maxEvents: 8 }),
          journalArb(plan, { maxEvents: 8 }),
          fc.nat(),
          (events, other, cut) => {
            const prefix = events.slice(0, cut % (events.length + 1))
            const snapshotOf = (journal: typeof events) => negotiation(space, journal).learner?.snapshot()
            const cases = [
              [undefined, undefined],
              [negotiation(space, prefix), undefined],
              [negotiation(space, other), undefined],
              [undefined, snapshotOf(prefix)],
              [negotiation(space, prefix), snapshotOf(events)],
              [negotiation(space, events), snapshotOf(prefix)],
              // Another journal's state: it does not fit, and every move is learned.
              [undefined, snapshotOf(other)],
              [negotiation(space, prefix), snapshotOf(other)],
            ] as const
            for (const [before, snapshot] of cases) {
              const expected = movesToLearn(space, events, before, snapshot)
              observe.mockClear()
              negotiation(space, events, before, snapshot)
              expect(observe).toHaveBeenCalledTimes(expected)
              learnedSome += expected
            }
            // Afresh: every observation the journal holds.
            expect(movesToLearn(space, events)).toBe(negotiation(space, events).learner?.observed)
          },
        ),
        { numRuns: runs(20) },
      )
      // The journals drawn hold their moves: the counts above are not all 0.
      expect(learnedSome).toBeGreaterThan(0)
    } finally {
      observe.mockRestore()
    }
  })
})
