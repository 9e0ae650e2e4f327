/**
 * Where a negotiation stands, all derived from the plan and the journal: stage and round, the
 * offers in play, the concession log and its balance, what we have learned of their priorities,
 * the contingencies and what they are worth, the reality test and the suggested next move.
 */

import { currentEstimate } from '../inference/estimate'
import { type Observation, observationKey } from '../inference/observation'
import {
  type IssuePosterior,
  type LearnerState,
  type MoveInformation,
  type Posterior,
  PriorityLearner,
} from '../inference/posterior'
import type { Terms } from '../model/plan'
import { utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { offerAwaitsAnswer } from './apply/offers'
import { type ConcessionLine, concessionLog, theirUtility } from './concessions'
import { type ContingencyValue, evaluateContingency } from './contingency'
import type { JournalEvent } from './events'
import { type JointGain, jointGainInSight } from './joint-gain'
import { type NextMove, nextMove } from './next-move'
import { alternativesBeforeSigning, type PostSettlementOption, pendingAlternatives } from './post-settlement'
import { type RealityTest, realityTest } from './reality'
import { type JournalFinding, type NegotiationState, replay, type Stage, type TableSource } from './replay'

export interface StatusBundle {
  label: string
  name?: string
  terms: Terms
  utility: { us: number; them: number }
}

export interface NegotiationStatus {
  stage: Stage
  round: number
  /** The bundles of the latest offer, until an agreement is recorded: then none are in play. */
  offersInPlay: StatusBundle[]
  /** Whether that offer still waits for their answer (core's `offerAwaitsAnswer`): once answered, its bundles are history. */
  awaitingAnswer: boolean
  table: (StatusBundle & { source: TableSource }) | null
  concessions: ConcessionLine[]
  balance: { us: number; them: number }
  /** Their weights as shares (summing to 1 across issues) with 80% intervals. */
  posterior: Record<string, IssuePosterior>
  /** Which estimate every U_them here is under: the plan's until the journal holds an observation, then the posterior's expectation. */
  estimate: { label: string; learned: boolean; moves: number }
  learning: {
    lastBits: number
    totalBits: number
    shift: number
    moves: MoveInformation[]
    samples: number
    seed: number
  }
  contingencies: ContingencyValue[]
  realityTest: RealityTest
  /**
   * A bundle better for both sides than the table under the current estimate, meeting the rule and
   * our limits (`joint-gain.ts`), with what it adds for each; null when there is no table or none
   * gains both by more than 0.05 points.
   */
  jointGain: JointGain | null
  /**
   * Once an agreement is recorded, until the debrief: alternatives to offer before signing, each at
   * least as good for us and possibly better for them (`post-settlement.ts`; the first is
   * `jointGain` when there is one); empty otherwise.
   */
  postSettlement: PostSettlementOption[]
  /**
   * The id of the `alternatives-offered` event when `postSettlement` lists alternatives already
   * offered beside the latest agreement and not yet answered; null otherwise.
   */
  postSettlementOffered: string | null
  nextMove: NextMove
  findings: JournalFinding[]
}

export interface Negotiation {
  state: NegotiationState
  posterior: Posterior
  /** The learner behind the posterior, for the next `negotiation` of the same journal grown by a move. */
  learner?: PriorityLearner
}

/**
 * Replays the journal and learns from it: the two things every view of a negotiation needs.
 * `before`: the negotiation of an earlier version of this journal on the same space, or on one that
 * learns alike (`learnsAlike`: the caller knows which); when the moves it learned from are the first moves of this one,
 * only the moves added since are learned, with exactly the posterior learning all of them gives.
 * `snapshot`: a learner's state taken on this space (the caller knows it was: the server names
 * the plan's version) after moves that begin this journal; resumed the same way when it learned
 * more of them than `before`, and ignored when it does not fit.
 */
export function negotiation(
  space: Space,
  events: readonly JournalEvent[],
  before?: Negotiation,
  snapshot?: LearnerState,
): Negotiation {
  const state = replay(space, events)
  const observations = state.observations
  const start = startOfLearning(observations, before, snapshot)
  const resumed = start.resume && snapshot ? PriorityLearner.resume(space, observations, snapshot) : undefined
  const learner =
    resumed ?? (start.continues ? before?.learner?.fork() : undefined) ?? new PriorityLearner(space)
  for (const observation of observations.slice(learner.observed)) learner.observe(observation)
  return { state, posterior: learner.posterior(), learner }
}

/**
 * How many of the journal's moves `negotiation(space, events, before, snapshot)` would learn here
 * and now: 0 when it resumes or continues from a learner that knows them all, every move when it
 * starts afresh. Learning is what costs (a move takes a few to a few tens of milliseconds, more
 * when the sampler resamples), so a caller that must stay responsive — the web app — can learn
 * elsewhere when this is more than a move or two. A snapshot of other moves than the journal's is
 * not resumed, and counts for nothing.
 */
export function movesToLearn(
  space: Space,
  events: readonly JournalEvent[],
  before?: Negotiation,
  snapshot?: LearnerState,
): number {
  const observations = replay(space, events).observations
  return observations.length - startOfLearning(observations, before, snapshot).observed
}

/**
 * Where learning these observations starts: from `before`'s learner when it learned the first of
 * them (a fork, so `before` stays what it was: React may compute a memo twice from the same
 * inputs), from the snapshot when it learned more of them than that (the server's, after a move the
 * browser would otherwise learn itself), or from nothing.
 */
function startOfLearning(
  observations: readonly Observation[],
  before: Negotiation | undefined,
  snapshot: LearnerState | undefined,
): { continues: boolean; resume: boolean; observed: number } {
  const kept = before?.learner
  const continues =
    kept !== undefined &&
    kept.observed <= observations.length &&
    before?.state.observations.length === kept.observed &&
    before.state.observations.every(
      (observation, k) => observationKey(observation) === observationKey(observations[k] as Observation),
    )
  // A snapshot of other moves than these (a move retracted since, say) is not resumed.
  const fits =
    snapshot !== undefined &&
    snapshot.observed <= observations.length &&
    snapshot.keys
      .slice(0, snapshot.observed)
      .every((key, k) => key === observationKey(observations[k] as Observation))
  const resume = fits && (!continues || snapshot.observed > kept.observed)
  const observed = resume ? snapshot.observed : continues ? kept.observed : 0
  return { continues, resume, observed }
}

export function negotiationStatus(
  space: Space,
  events: readonly JournalEvent[],
  derived: Negotiation = negotiation(space, events),
): NegotiationStatus {
  const { state, posterior } = derived
  // One estimate for every U_them below, the same `meso` shows: the plan's exactly until an observation.
  const weights = currentEstimate(space, state, posterior)
  const bundle = (
    label: string,
    offer: Parameters<typeof utilityOf>[1],
    terms: Terms,
    name?: string,
  ): StatusBundle => ({
    label,
    ...(name ? { name } : {}),
    terms,
    utility: { us: utilityOf(space, offer).us, them: theirUtility(space, weights, offer) },
  })
  const log = concessionLog(space, state.concessions, weights)
  const reality = realityTest(space, state, weights)
  const joint = jointGainInSight(space, state, posterior)
  // Before signing only: once the debrief has begun the deal is signed.
  const alternatives = alternativesBeforeSigning(
    space,
    state,
    posterior,
    state.agreed && state.table?.eventId === state.agreed.eventId ? { jointGain: joint } : {},
  )
  const latest = state.offers.at(-1)
  return {
    stage: state.stage,
    round: state.round,
    offersInPlay:
      latest && !state.agreed ? latest.bundles.map((b) => bundle(b.label, b.offer, b.terms, b.name)) : [],
    awaitingAnswer: offerAwaitsAnswer(state),
    table: state.table
      ? { ...bundle('on the table', state.table.offer, state.table.terms), source: state.table.source }
      : null,
    concessions: log,
    balance: log.at(-1)?.balance ?? { us: 0, them: 0 },
    posterior: posterior.issues,
    estimate: { label: weights.label, learned: weights.learned, moves: weights.moves },
    learning: {
      lastBits: posterior.lastBits,
      totalBits: posterior.totalBits,
      shift: posterior.shift,
      moves: posterior.moves,
      samples: posterior.samples,
      seed: posterior.seed,
    },
    contingencies: state.contingencies.map((record) => evaluateContingency(space, record, weights)),
    realityTest: reality,
    jointGain: joint,
    postSettlement: alternatives,
    postSettlementOffered: alternatives.length > 0 ? (pendingAlternatives(state)?.eventId ?? null) : null,
    nextMove: nextMove(space, state, log, reality, alternatives.length, joint),
    findings: state.findings,
  }
}
