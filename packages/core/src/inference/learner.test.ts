import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { mulberry32 } from '../random'
import { offerFromLevels } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { copyLearnerState } from '../testing/learner-state'
import { acmePlan } from '../testing/plans'
import { syntheticPlan } from '../testing/synthetic'
import { thinBeliefs } from './beliefs'
import type { Observation } from './observation'
import { inferPriorities, type LearnerState, PriorityLearner } from './posterior'

// One uncertain issue, so the directions are learned (and drawn) too.
const plan: Plan = {
  ...syntheticPlan(5, 4),
  issues: syntheticPlan(5, 4).issues.map((issue, i) =>
    i === 1 ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
  ),
}

function journal(space: ReturnType<typeof compileSpace>): Observation[] {
  // Three bundles: every issue at its first level, at its last, and alternating.
  const offered = [
    space.issues.map(() => 0),
    space.issues.map((issue) => issue.levels.length - 1),
    space.issues.map((issue, i) => (i % 2 ? issue.levels.length - 1 : 0)),
  ].map((levels) => offerFromLevels(space, levels))
  const random = mulberry32(5)
  return Array.from({ length: 6 }, (_, k): Observation => {
    const pick = Math.floor(random() * offered.length)
    switch (k % 4) {
      case 0:
        return {
          kind: 'ranking',
          eventId: `e${k}`,
          offered,
          order: [pick, ...[0, 1, 2].filter((j) => j !== pick)],
        }
      case 1:
        return { kind: 'counter', eventId: `e${k}`, offered, counter: offered[pick] ?? (offered[0] as never) }
      case 2:
        return { kind: 'stated', eventId: `e${k}`, ranking: [2, 0], relative: [] }
      default:
        return { kind: 'choice', eventId: `e${k}`, offered, chosen: pick }
    }
  })
}

describe('PriorityLearner', () => {
  it('learning move by move, forked anywhere, gives exactly the posterior of the whole journal', () => {
    for (const space of [compileSpace(plan), compileSpace(acmePlan())]) {
      const moves = journal(space)
      const learner = new PriorityLearner(space, { samples: 200 })
      for (let k = 0; k <= moves.length; k++) {
        expect(learner.posterior()).toEqual(inferPriorities(space, moves.slice(0, k), { samples: 200 }))
        // A fork goes its own way; the original is not moved by it.
        const fork = learner.fork()
        for (const move of moves.slice(k)) fork.observe(move)
        expect(fork.posterior()).toEqual(inferPriorities(space, moves, { samples: 200 }))
        expect(learner.observed).toBe(k)
        const next = moves[k]
        if (next) learner.observe(next)
      }
    }
  })

  it('a snapshot taken anywhere and resumed gives exactly the posterior of the whole journal', () => {
    for (const space of [compileSpace(plan), compileSpace(acmePlan())]) {
      const moves = journal(space)
      const whole = inferPriorities(space, moves, { samples: 200 })
      const learner = new PriorityLearner(space, { samples: 200 })
      for (let k = 0; k <= moves.length; k++) {
        // Every other time with the figures per issue already computed, which the snapshot then keeps.
        if (k % 2) learner.posterior()
        // Copied, as a snapshot kept outside the process would come back.
        const state = copyLearnerState(learner.snapshot())
        expect(state.figures !== undefined).toBe(k % 2 === 1)
        const resumed = PriorityLearner.resume(space, moves, state, { samples: 200 })
        expect(resumed?.observed).toBe(k)
        expect(resumed?.posterior()).toEqual(inferPriorities(space, moves.slice(0, k), { samples: 200 }))
        for (const move of moves.slice(k)) resumed?.observe(move)
        expect(resumed?.posterior()).toEqual(whole)
        const next = moves[k]
        if (next) learner.observe(next)
      }
    }
  })

  it('a resumed learner thins to the draws of the learner it was taken from, row by row, and learns on from there', () => {
    // The synthetic plan has an issue marked uncertain (directions drawn too); acme has none.
    for (const [space, uncertain] of [
      [compileSpace(plan), true],
      [compileSpace(acmePlan()), false],
    ] as const) {
      const moves = journal(space)
      const whole = inferPriorities(space, moves, { samples: 200 })
      const learner = new PriorityLearner(space, { samples: 200 })
      for (let k = 0; k <= moves.length; k++) {
        // With the figures per issue in the snapshot, as the cache beside a journal keeps them: the
        // resumed learner reads no sample until asked.
        learner.posterior()
        const resumed = PriorityLearner.resume(space, moves, copyLearnerState(learner.snapshot()), {
          samples: 200,
        })
        if (!resumed) throw new Error('the snapshot does not resume')
        const thinned = thinBeliefs(resumed.posterior().beliefs, 50)
        expect(thinned).toEqual(thinBeliefs(learner.posterior().beliefs, 50))
        expect(thinned.flipped !== undefined).toBe(uncertain)
        // Its own snapshot after thinning, and the moves after it, are still the journal's.
        expect(
          PriorityLearner.resume(space, moves, resumed.snapshot(), { samples: 200 })?.posterior(),
        ).toEqual(learner.posterior())
        for (const move of moves.slice(k)) resumed.observe(move)
        expect(resumed.posterior()).toEqual(whole)
        expect(
          PriorityLearner.resume(space, moves, resumed.snapshot(), { samples: 200 })?.posterior(),
        ).toEqual(whole)
        expect(thinBeliefs(resumed.posterior().beliefs, 50)).toEqual(thinBeliefs(whole.beliefs, 50))
        const next = moves[k]
        if (next) learner.observe(next)
      }
    }
  })

  describe('a snapshot that can not be this learner is not resumed', () => {
    const space = compileSpace(plan)
    const moves = journal(space)
    const learner = new PriorityLearner(space, { samples: 50 })
    for (const move of moves.slice(0, 3)) learner.observe(move)
    learner.posterior()
    const state = learner.snapshot()
    const figures = state.figures ?? {}
    const [first = '', entry = { mean: 0, low: 0, high: 0, estimate: 0 }] = Object.entries(figures)[0] ?? []
    const cases: [string, LearnerState, Observation[]?, object?][] = [
      ['another version of the sampler', { ...state, version: state.version + 1 }],
      ['another seed', state, moves, { samples: 50, seed: 7 }],
      ['another number of samples', state, moves, { samples: 60 }],
      ['another number of issues', { ...state, issues: state.issues + 1 }],
      ['samples cut short', { ...state, samples: state.samples.slice(1) }],
      [
        'a share that is not one',
        { ...state, samples: state.samples.map((x, i) => (i === 3 ? Number.NaN : x)) },
      ],
      ['directions missing for an uncertain issue', (({ flips: _, ...rest }) => rest)(state)],
      ['a log weight that is not a number', { ...state, logWeight: state.logWeight.map(() => Number.NaN) }],
      ['an order that is not a permutation', { ...state, orders: state.orders.map(() => 0) }],
      ['orders cut short', { ...state, orders: state.orders.slice(1) }],
      [
        'an order that names an issue twice, in the reading that may reorder',
        {
          ...state,
          readings: state.readings.map(() => 1),
          orders: state.orders.map((_, k) => (k === state.issues * 5 + 1 ? 0 : k % state.issues)),
        },
      ],
      [
        'an order that names no issue, in the reading that may reorder',
        {
          ...state,
          readings: state.readings.map(() => 1),
          orders: state.orders.map((_, k) => (k === state.issues * 7 ? state.issues : k % state.issues)),
        },
      ],
      ['a reading other than 0 or 1', { ...state, readings: state.readings.map(() => 2) }],
      [
        "another order than the estimate's in the reading that keeps it",
        {
          ...state,
          readings: state.readings.map(() => 0),
          orders: state.orders.map((_, k) => (k < state.issues ? (k + 1) % state.issues : k % state.issues)),
        },
      ],
      ['more moves than the journal has', state, moves.slice(0, 2)],
      ['moves of other events', state, moves.map((move) => ({ ...move, eventId: `x${move.eventId}` }))],
      [
        'other moves under the same event ids (another offer answered, or the plan read another way)',
        state,
        moves.map((move) => (move.kind === 'ranking' ? { ...move, order: [...move.order].reverse() } : move)),
      ],
      ['keys missing', { ...state, keys: state.keys.slice(1) }],
      ['a count of moves that disagrees', { ...state, observed: 2 }],
      [
        'a mean that is not a share',
        { ...state, figures: { ...figures, [first]: { ...entry, mean: 1.5 } } as never },
      ],
      [
        'figures of another estimate',
        { ...state, figures: { ...figures, [first]: { ...entry, estimate: 0.5 } } as never },
      ],
      [
        'figures for fewer issues',
        { ...state, figures: Object.fromEntries(Object.entries(figures).slice(1)) },
      ],
    ]
    for (const [name, changed, observations, options] of cases)
      it(name, () => {
        expect(
          PriorityLearner.resume(space, observations ?? moves, changed, options ?? { samples: 50 }),
        ).toBeUndefined()
      })
    it('and an order in the reading that may reorder, each issue once, is', () => {
      const reordered = {
        ...state,
        readings: state.readings.map(() => 1),
        orders: state.orders.map((_, k) => (k + 1) % state.issues),
      }
      expect(PriorityLearner.resume(space, moves, reordered, { samples: 50 })).toBeDefined()
    })
    it('and a resumed learner, before it reads a sample, gives back the snapshot it came from', () => {
      expect(PriorityLearner.resume(space, moves, state, { samples: 50 })?.snapshot()).toEqual(state)
    })
    it('and a resumed learner leaves the snapshot it came from as it was, whatever it learns next', () => {
      const kept = copyLearnerState(state)
      const resumed = PriorityLearner.resume(space, moves, state, { samples: 50 })
      for (const move of moves.slice(3)) resumed?.observe(move)
      resumed?.snapshot()
      expect(state).toEqual(kept)
    })
    it('and the snapshot itself is', () => {
      expect(PriorityLearner.resume(space, moves, state, { samples: 50 })?.posterior()).toEqual(
        learner.posterior(),
      )
    })
  })
})
