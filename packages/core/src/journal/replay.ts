/**
 * Replay: the state of a negotiation, derived from the plan and its journal. Nothing is stored
 * twice: the stage of the method, the bundle on the table, the offers in play, the concessions,
 * the contingencies and what their moves reveal are all recomputed from the events. Retracted
 * events are skipped (so everything, the posterior included, is as if they never happened). An
 * event that no longer fits the plan (an issue renamed or removed since) becomes a finding and is
 * skipped; the rest of the negotiation still replays.
 */
import type { Observation } from '../inference/observation'
import type { Terms } from '../model/plan'
import { type PathProblem, type PathSegment, pathError } from '../model/problem'
import type { Offer } from '../scoring/offer'
import type { Space } from '../scoring/space'
import type { EventHandler } from './apply/handler'
import { EVENT_HANDLERS } from './apply/handlers'
import type { Contingency, EventOf, EventType, JournalEvent } from './events'

export const STAGES = ['prepare', 'setup', 'first-move', 'midgame', 'close', 'debrief'] as const
export type Stage = (typeof STAGES)[number]

export interface OfferedBundle {
  label: string
  name?: string
  offer: Offer
  terms: Terms
}

export interface OfferRecord {
  eventId: string
  round: number
  bundles: OfferedBundle[]
}

export type TableSource = 'offer' | 'choice' | 'counter' | 'concession' | 'contingency' | 'agreement'

/**
 * The bundle currently on the table: the latest single offer, the bundle they chose (or ranked
 * first), their counter, the result of a concession, the table with an accepted contingency's
 * exchange applied, or the agreed terms.
 */
export interface TableBundle {
  offer: Offer
  terms: Terms
  source: TableSource
  eventId: string
}

/**
 * A concession as replayed. The table's moves (`before`, `afterGive`, `after`) say where the bundle
 * on the table went; what the concession is worth is measured from each side's latest position, not
 * from the table: after their counter the table is *their* counter, and a give measured from there
 * would read as a gain when we meet them halfway. See `concessionLog` for the values.
 */
export interface ConcessionRecord {
  eventId: string
  round: number
  at: string
  give: Terms
  get: Terms
  trigger?: string
  /** The table before the concession. */
  before: Offer
  /** The table after our give alone. */
  afterGive: Offer
  /** The table after the give and the get. */
  after: Offer
  /** Where our give is measured from: the table before, with our latest position laid over it. */
  ourPosition: Offer
  /** Our latest position with the give applied. */
  ourPositionAfterGive: Offer
  /** Where their get is measured from: the table before, with their latest position laid over it. */
  theirPosition: Offer
  /** Their latest position with the get applied. */
  theirPositionAfterGet: Offer
}

export interface ContingencyRecord {
  eventId: string
  contingency: Contingency
  /** The bundle the contingency attaches to (the table when it was proposed). */
  base: Offer
  exchange?: Terms
  accepted: boolean
}

export interface JournalFinding {
  severity: 'error' | 'warning'
  code: string
  message: string
  /** The event it is about, and its position in the journal (0-based). */
  eventId?: string
  index: number
  /** Where in the event: `bundles[0].terms.support`. */
  at: readonly PathSegment[]
}

export interface AgreedRecord {
  eventId: string
  event: EventOf<'agreed'>
  offer: Offer
}

export interface AlternativesRecord {
  eventId: string
  agreedEventId: string
  agreed: Offer
  bundles: OfferedBundle[]
}

export interface NegotiationState {
  stage: Stage
  /** The current round: how many offers we have sent (at least 1 once anything happened). */
  round: number
  /** Events that count, in order (retracted and misfitting ones left out). */
  applied: JournalEvent[]
  offers: OfferRecord[]
  table?: TableBundle
  /**
   * Their latest counter, if the latest move was a rejection with one, and `against`: where we stood
   * when they made it (our position then, named by what set it), which the reality test reads it against.
   */
  counter?: { eventId: string; offer: Offer; terms: Terms; against: { label: string; offer: Offer } }
  /**
   * Our latest position, per issue: its level in the last single bundle we offered, in the bundle
   * they chose or ranked first from our latest set, or where our last concession (or accepted
   * contingency exchange) on it left the table. When they counter a set of ours without choosing
   * from it, the bundle of that set their counter changes least (the first of them on a tie).
   * Issues we hold no position on yet are absent.
   */
  ourPosition: Terms
  /**
   * What last set our position: a bundle's label, `our last concession` or `the accepted exchange`;
   * undefined before any position and while a set of ours of several bundles awaits their answer.
   */
  ourPositionFrom?: string
  /**
   * Their latest position, per issue: its level in their latest counter or in the bundle they chose
   * or ranked first, or where the last get of a concession (or accepted contingency exchange) on it
   * left the table. Absent issues: they have taken no position, and the table stands for it.
   */
  theirPosition: Terms
  concessions: ConcessionRecord[]
  contingencies: ContingencyRecord[]
  observations: Observation[]
  interests: EventOf<'interest-stated'>[]
  agreed?: AgreedRecord
  /**
   * The latest alternatives we offered before signing, and the agreement they were offered beside
   * (`agreedEventId`, `agreed`): pending while that agreement is the latest, answered once another
   * agreement is recorded after them (the one they signed).
   */
  alternativesOffered?: AlternativesRecord
  debrief: Record<string, string>
  retracted: string[]
  findings: JournalFinding[]
}

function emptyState(): NegotiationState {
  return {
    stage: 'prepare',
    round: 0,
    applied: [],
    offers: [],
    ourPosition: {},
    theirPosition: {},
    concessions: [],
    contingencies: [],
    observations: [],
    interests: [],
    debrief: {},
    retracted: [],
    findings: [],
  }
}

/** The stage of the method the negotiation is in, from the plan and what has happened. */
function deriveStage(space: Space, state: Omit<NegotiationState, 'stage'>): Stage {
  const types = new Set(state.applied.map((event) => event.type))
  if (types.has('debrief')) return 'debrief'
  if (state.agreed) return 'close'
  const responded = [
    'bundle-chosen',
    'bundles-ranked',
    'offer-rejected',
    'concession',
    'contingency-proposed',
  ].some((type) => types.has(type as JournalEvent['type']))
  if (state.offers.length > 0 && responded) return 'midgame'
  if (state.offers.length > 0 || state.interests.length > 0) return 'first-move'
  const { plan } = space
  const prepared = plan.batna?.us !== undefined && plan.reservation !== undefined
  return prepared ? 'setup' : 'prepare'
}

/**
 * Checks one event against the plan and the state so far; applies it when it fits.
 * Returns the problems (paths inside the event) when it does not.
 */
function applyEvent(space: Space, state: NegotiationState, event: JournalEvent): PathProblem[] {
  return handle(space, state, event.type, event)
}

/** The handler of the event's type: the type parameter ties the table's entry to the event. */
function handle<T extends EventType>(
  space: Space,
  state: NegotiationState,
  type: T,
  event: EventOf<T>,
): PathProblem[] {
  const handler: EventHandler<T> = EVENT_HANDLERS[type]
  return handler(space, state, event)
}

/** Replays a journal over a plan. */
export function replay(space: Space, events: readonly JournalEvent[]): NegotiationState {
  const state = emptyState()
  const ids = new Map<string, number>()
  events.forEach((event, index) => {
    if (ids.has(event.id)) {
      state.findings.push({
        severity: 'error',
        code: 'duplicate_id',
        message: `event id ${event.id} is used again (first at event ${(ids.get(event.id) ?? 0) + 1}); this one is ignored`,
        eventId: event.id,
        index,
        at: ['id'],
      })
    } else ids.set(event.id, index)
  })
  // Retractions apply wherever they sit; retracting a retraction is not allowed.
  const retracted = new Set<string>()
  events.forEach((event, index) => {
    if (event.type !== 'retract') return
    const target = ids.get(event.target)
    const targetEvent = target === undefined ? undefined : events[target]
    if (!targetEvent) {
      state.findings.push({
        severity: 'warning',
        code: 'unknown_target',
        message: `retracts ${event.target}, which is not in the journal`,
        eventId: event.id,
        index,
        at: ['target'],
      })
    } else if (targetEvent.type === 'retract') {
      state.findings.push({
        severity: 'warning',
        code: 'retract_retract',
        message: 'a retraction can not itself be retracted; record the event again instead',
        eventId: event.id,
        index,
        at: ['target'],
      })
    } else retracted.add(event.target)
  })
  state.retracted = [...retracted]
  events.forEach((event, index) => {
    if (retracted.has(event.id) || ids.get(event.id) !== index) return
    const problems = applyEvent(space, state, event)
    if (problems.length === 0) {
      state.applied.push(event)
      state.round = Math.max(state.round, event.round)
    } else {
      for (const problem of problems) {
        state.findings.push({
          severity: 'error',
          code: problem.code,
          message: `${problem.message} — event skipped (it may predate a change to the plan)`,
          eventId: event.id,
          index,
          at: problem.at,
        })
      }
    }
  })
  state.round = Math.max(state.round, Math.max(state.offers.length, 0))
  state.stage = deriveStage(space, state)
  return state
}

/**
 * A copy of a state that `applyEvent` can change without touching the original: the lists are new,
 * and the records `applyEvent` changes in place (contingencies, debrief answers) are copied.
 */
function forkState(state: NegotiationState): NegotiationState {
  return {
    ...state,
    applied: [...state.applied],
    offers: [...state.offers],
    ourPosition: { ...state.ourPosition },
    theirPosition: { ...state.theirPosition },
    concessions: [...state.concessions],
    contingencies: state.contingencies.map((record) => ({ ...record })),
    observations: [...state.observations],
    interests: [...state.interests],
    debrief: { ...state.debrief },
    retracted: [...state.retracted],
    findings: [...state.findings],
  }
}

/**
 * The state after one more event at the end of the journal, from the state before it, without
 * replaying the journal: what `replay` would give for the journal with the event added, for an
 * event that is not a retraction (those change the past; replay them). Appends stay cheap however
 * long the journal is. The given state is left as it was.
 */
export function stateAfter(
  space: Space,
  state: NegotiationState,
  event: Exclude<JournalEvent, { type: 'retract' }>,
): { problems: PathProblem[]; state: NegotiationState } {
  const next = forkState(state)
  const problems = applyEvent(space, next, event)
  if (problems.length > 0) return { problems, state }
  next.applied.push(event)
  next.round = Math.max(next.round, event.round, next.offers.length)
  next.stage = deriveStage(space, next)
  return { problems, state: next }
}

/** Whether a new event fits the negotiation as it stands; its problems otherwise (for appends). */
export function checkNewEvent(
  space: Space,
  events: readonly JournalEvent[],
  event: JournalEvent,
): PathProblem[] {
  if (events.some((existing) => existing.id === event.id)) {
    return [pathError('duplicate_id', ['id'], `an event with id ${event.id} is already in the journal`)]
  }
  if (event.type === 'retract') {
    const target = events.find((existing) => existing.id === event.target)
    if (!target)
      return [pathError('unknown_target', ['target'], `no event in the journal has the id ${event.target}`)]
    if (target.type === 'retract')
      return [pathError('retract_retract', ['target'], 'a retraction can not itself be retracted')]
    const state = replay(space, events)
    if (state.retracted.includes(event.target))
      return [pathError('already_retracted', ['target'], `${event.target} is already retracted`)]
    return []
  }
  const state = replay(space, events)
  return applyEvent(space, state, event)
}

/** The round a new event of this type belongs to. */
export function nextRound(state: NegotiationState, type: JournalEvent['type']): number {
  return type === 'offer-sent' ? state.offers.length + 1 : Math.max(1, state.offers.length)
}
