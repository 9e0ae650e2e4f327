/**
 * A simulated negotiation's journal: the moves Parley's method makes and hears, written as real
 * journal events and replayed by the journal's own handlers, so the posterior, the MESO sets and
 * the reality test the simulator measures are what `parley status` and `parley meso` give for that
 * journal (exactly, with the product's 2,000 posterior samples). Ids, times and the plan version are fixed by position, so two
 * counterparts whose talks went alike have equal journals (and share the memo of their posteriors).
 */
import { type Posterior, PriorityLearner } from '../inference/posterior'
import { DEFAULT_SIDE, type EventOf, type EventType, type JournalEvent } from '../journal/events'
import { type NegotiationState, nextRound, replay, stateAfter } from '../journal/replay'
import type { Terms } from '../model/plan'
import type { Space } from '../scoring/space'
import type { PreparedPlan } from './prepared'

/** The terms of a bundle given as level indices. */
export function termsOfLevels(space: Space, levels: ArrayLike<number>): Terms {
  const terms: Terms = {}
  for (const issue of space.issues) {
    const level = issue.levels[levels[issue.index] ?? 0]
    if (level !== undefined) terms[issue.id] = level
  }
  return terms
}

type Payload<T extends EventType> = Omit<EventOf<T>, 'id' | 'at' | 'side' | 'round' | 'planVersion' | 'type'>

export class SimulatedJournal {
  readonly events: JournalEvent[] = []
  state: NegotiationState
  /** The journal's content as one string: the memo key of everything computed from it. */
  key = ''
  private learner: PriorityLearner | undefined

  constructor(private readonly prepared: PreparedPlan) {
    this.state = replay(prepared.space, [])
  }

  add<T extends Exclude<EventType, 'retract'>>(type: T, payload: Payload<T>): void {
    const event = {
      id: `01S${String(this.events.length + 1).padStart(23, '0')}`,
      at: '2026-01-01T00:00:00.000Z',
      side: DEFAULT_SIDE[type],
      round: nextRound(this.state, type),
      planVersion: 'simulation',
      type,
      ...payload,
    } as Exclude<JournalEvent, { type: 'retract' }>
    const next = stateAfter(this.prepared.space, this.state, event)
    if (next.problems.length > 0)
      throw new Error(`simulated ${type} does not fit the journal: ${next.problems[0]?.message}`)
    this.state = next.state
    this.events.push(event)
    this.key += `${JSON.stringify({ type, ...payload })}\n`
  }

  /**
   * The posterior over their weights after the moves so far: what `inferPriorities` (and so
   * `parley status`) gives for this journal, learned one move at a time from the last journal state
   * this journal (or another one that went the same way) learned.
   */
  posterior(): Posterior {
    const { prepared } = this
    const observations = this.state.observations
    const entry = prepared.learners.get(this.key, () => {
      const learner = this.learned().fork()
      for (const observation of observations.slice(learner.observed)) learner.observe(observation)
      return { learner, posterior: learner.posterior() }
    })
    this.learner = entry.learner
    return entry.posterior
  }

  /** The learner of the latest journal state learned (kept as it is: it is forked before it learns more). */
  private learned(): PriorityLearner {
    const { prepared } = this
    this.learner ??= prepared.learners.get('', () => {
      const learner = new PriorityLearner(prepared.space, { samples: prepared.settings.posteriorSamples })
      return { learner, posterior: learner.posterior() }
    }).learner
    return this.learner
  }
}
