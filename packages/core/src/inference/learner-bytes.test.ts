import { describe, expect, it } from 'vitest'
import { offerFromLevels } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { syntheticPlan } from '../testing/synthetic'
import { learnerStateBytes, learnerStateOf } from './learner-bytes'
import type { Observation } from './observation'
import { PriorityLearner } from './posterior'

// One uncertain issue, so the state carries directions too.
const base = syntheticPlan(4, 3)
const space = compileSpace({
  ...base,
  issues: base.issues.map((issue, i) =>
    i === 1 ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
  ),
})
const offered = [
  space.issues.map(() => 0),
  space.issues.map((issue) => issue.levels.length - 1),
  space.issues.map((issue, i) => (i % 2 ? issue.levels.length - 1 : 0)),
].map((levels) => offerFromLevels(space, levels))
const moves: Observation[] = [
  { kind: 'ranking', eventId: 'e1', offered, order: [2, 0, 1] },
  { kind: 'choice', eventId: 'e2', offered, chosen: 1 },
]

function learned(): PriorityLearner {
  const learner = new PriorityLearner(space, { samples: 300 })
  for (const move of moves) learner.observe(move)
  return learner
}

describe('a learner state as bytes', () => {
  it('reads back exactly, with the caller’s fields (past ASCII too), and resumes to the same posterior', () => {
    const learner = learned()
    learner.posterior()
    const state = learner.snapshot()
    const bytes = learnerStateBytes(state, { version: 7, title: 'Zoë’s renewal 🙂' })
    const read = learnerStateOf(bytes)
    expect(read?.kept).toEqual({ version: 7, title: 'Zoë’s renewal 🙂' })
    expect(read?.state).toEqual(state)
    expect(read?.state.flips).toBeDefined()
    // From a copy at another offset, as a network answer's buffer may be.
    const shifted = new Uint8Array(bytes.length + 3)
    shifted.set(bytes, 3)
    expect(learnerStateOf(shifted.subarray(3))?.state).toEqual(state)
    const resumed = PriorityLearner.resume(space, moves, read?.state as never, { samples: 300 })
    expect(resumed?.posterior()).toEqual(learner.posterior())
  })

  it('writes and reads the same bytes on a runtime without TextEncoder and TextDecoder', () => {
    const state = learned().snapshot()
    const kept = { title: 'Zoë’s renewal 🙂' }
    const withCoders = learnerStateBytes(state, kept)
    const global = globalThis as Record<string, unknown>
    const coders = { TextEncoder: global.TextEncoder, TextDecoder: global.TextDecoder }
    try {
      delete global.TextEncoder
      delete global.TextDecoder
      const without = learnerStateBytes(state, kept)
      expect(without).toEqual(withCoders)
      expect(learnerStateOf(without)).toEqual({ state, kept })
    } finally {
      Object.assign(global, coders)
    }
    expect(learnerStateOf(withCoders)).toEqual({ state, kept })
  })

  it('gives nothing for bytes that are not a whole state', () => {
    const bytes = learnerStateBytes(learned().snapshot())
    expect(learnerStateOf(new Uint8Array())).toBeUndefined()
    expect(learnerStateOf(bytes.subarray(0, bytes.length - 1))).toBeUndefined()
    expect(learnerStateOf(Uint8Array.from([...bytes, 0]))).toBeUndefined()
    const garbled = Uint8Array.from(bytes)
    garbled[5] = 0x7b // `{` inside the header's JSON
    expect(learnerStateOf(garbled)).toBeUndefined()
    const huge = Uint8Array.from(bytes)
    new DataView(huge.buffer).setUint32(0, 0xffffffff, true)
    expect(learnerStateOf(huge)).toBeUndefined()
    const notState = learnerStateBytes({ ...learned().snapshot(), count: -1 })
    expect(learnerStateOf(notState)).toBeUndefined()
  })
})
