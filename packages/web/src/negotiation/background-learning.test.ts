import { compileSpace, type JournalEvent, negotiation, type Plan } from '@parley/core'
import { event } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import {
  BackgroundLearning,
  type LearnedElsewhere,
  type LearningAnswer,
  type LearningPort,
  type LearningRequest,
} from './background-learning'
import { salesPlan } from './prepare/test-plans'

/** A port that keeps what is posted; the test answers as learner-worker.ts does, with core itself. */
function port() {
  const posted: LearningRequest[] = []
  let terminated = 0
  const channel: LearningPort = {
    postMessage: (request) => posted.push(request),
    onmessage: null,
    onerror: null,
    terminate: () => {
      terminated++
    },
  }
  const answer = (reply: LearningAnswer) =>
    channel.onmessage?.({ data: reply } as MessageEvent<LearningAnswer>)
  const learn = (request: LearningRequest) => {
    const state = negotiation(compileSpace(request.plan), request.events).learner?.snapshot()
    if (!state) throw new Error('no learner')
    answer({ id: request.id, state })
  }
  return { channel, posted, answer, learn, terminated: () => terminated }
}

function setup(connect?: () => LearningPort) {
  const learned: LearnedElsewhere[] = []
  let broken = 0
  const background = new BackgroundLearning(
    connect,
    (state) => learned.push(state),
    () => {
      broken++
    },
  )
  return { background, learned, broken: () => broken }
}

const plan = salesPlan()
const terms = (space: ReturnType<typeof compileSpace>, pick: (count: number) => number) =>
  Object.fromEntries(space.issues.map((issue) => [issue.id, issue.levels[pick(issue.levels.length)]]))

function journal(space: ReturnType<typeof compileSpace>): JournalEvent[] {
  return [
    event('offer-sent', {
      bundles: [
        { label: 'A', terms: terms(space, () => 0) },
        { label: 'B', terms: terms(space, (count) => count - 1) },
      ],
    }),
    event('bundle-chosen', { label: 'B' }),
    event('offer-sent', {
      bundles: [
        { label: 'C', terms: terms(space, (count) => Math.floor(count / 2)) },
        { label: 'D', terms: terms(space, (count) => count - 1) },
      ],
    }),
    event('bundles-ranked', { order: ['D', 'C'] }),
  ]
}

describe('learning a journal off the page', () => {
  it("answers with a state the page resumes to learning every move's figures, for the space asked about", () => {
    const { channel, posted, learn } = port()
    const { background, learned } = setup(() => channel)
    const space = compileSpace(plan)
    const events = journal(space)
    expect(background.available).toBe(true)
    background.request(space, plan, events)
    expect(posted).toHaveLength(1)
    learn(posted[0] as LearningRequest)
    expect(learned).toHaveLength(1)
    const [answer] = learned
    expect(answer?.space).toBe(space)
    expect(answer?.events).toBe(events)
    const resumed = negotiation(space, events, undefined, answer?.state)
    expect(resumed.posterior.moves.length).toBe(2)
    expect(resumed.posterior).toEqual(negotiation(space, events).posterior)
  })

  it('sends one request at a time, and then only the latest asked for meanwhile', () => {
    const { channel, posted, learn } = port()
    const { background, learned } = setup(() => channel)
    // Typing in their weight: a plan per keystroke.
    const plans: Plan[] = [20, 30, 40].map((weight) => ({
      ...plan,
      issues: plan.issues.map((issue, k) =>
        k === 0 ? { ...issue, them: { ...issue.them, weight } } : issue,
      ),
    }))
    const spaces = plans.map((edited) => compileSpace(edited))
    const events = journal(spaces[0] as ReturnType<typeof compileSpace>)
    for (const [k, edited] of plans.entries()) background.request(spaces[k] as never, edited, events)
    // The same again while in flight, or waiting: not sent twice.
    background.request(spaces[0] as never, plans[0] as Plan, events)
    background.request(spaces[2] as never, plans[2] as Plan, events)
    expect(posted.map((request) => request.plan)).toEqual([plans[0]])
    learn(posted[0] as LearningRequest)
    expect(posted.map((request) => request.plan)).toEqual([plans[0], plans[2]])
    learn(posted[1] as LearningRequest)
    expect(learned.map((answer) => answer.space)).toEqual([spaces[0], spaces[2]])
    expect(negotiation(spaces[2] as never, events, undefined, learned[1]?.state).posterior).toEqual(
      negotiation(spaces[2] as never, events).posterior,
    )
    // An answer to a request it no longer waits for is let go.
    learn(posted[0] as LearningRequest)
    expect(learned).toHaveLength(2)
  })

  it('gives up on a worker that fails, or that cannot start, and says so: the page learns for itself', () => {
    const space = compileSpace(plan)
    const failing = port()
    const one = setup(() => failing.channel)
    one.background.request(space, plan, [])
    failing.channel.onerror?.(new Event('error'))
    expect(one.broken()).toBe(1)
    expect(one.background.available).toBe(false)
    expect(failing.terminated()).toBe(1)
    one.background.request(space, plan, [])
    expect(failing.posted).toHaveLength(1)

    // Core threw there (a bug): the page learns, and shows it.
    const throwing = port()
    const two = setup(() => throwing.channel)
    two.background.request(space, plan, [])
    throwing.answer({ id: throwing.posted[0]?.id ?? 0, error: 'boom' })
    expect(two.broken()).toBe(1)
    expect(two.learned).toEqual([])

    const three = setup(() => {
      throw new Error('workers are not allowed here')
    })
    three.background.request(space, plan, [])
    expect(three.broken()).toBe(1)
    expect(three.background.available).toBe(false)

    // No workers at all (Node): nothing is asked.
    const none = setup(undefined)
    expect(none.background.available).toBe(false)
    none.background.request(space, plan, [])
    expect(none.broken()).toBe(0)
  })
})
