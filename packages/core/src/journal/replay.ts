/**
 * Replay: the state of a negotiation, derived from the plan and its journal. Nothing is stored
 * twice: the stage of the method, the bundle on the table, the offers in play, the concessions,
 * the contingencies and what their moves reveal are all recomputed from the events. Retracted
 * events are skipped (so everything, the posterior included, is as if they never happened). An
 * event that no longer fits the plan (an issue renamed or removed since) becomes a finding and is
 * skipped; the rest of the negotiation still replays.
 */
import type { Terms } from '../model/plan'
import { type PathProblem, type PathSegment, pathError } from '../model/problem'
import { type Offer, termsOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import type { Contingency, EventOf, JournalEvent } from './events'
import { applyTerms, readBundle } from './terms'

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

export type TableSource = 'offer' | 'choice' | 'counter' | 'concession'

/** The bundle currently on the table: the latest single offer, the bundle they chose, their counter, or the result of a concession. */
export interface TableBundle {
  offer: Offer
  terms: Terms
  source: TableSource
  eventId: string
}

export interface ConcessionRecord {
  eventId: string
  round: number
  at: string
  give: Terms
  get: Terms
  trigger?: string
  before: Offer
  /** The table after our give alone. */
  afterGive: Offer
  after: Offer
}

export interface ContingencyRecord {
  eventId: string
  contingency: Contingency
  /** The bundle the contingency attaches to (the table when it was proposed). */
  base: Offer
  exchange?: Terms
  accepted: boolean
}

/** What one of their moves reveals about their priorities, for the learner. */
export type Observation =
  | { kind: 'choice'; eventId: string; offered: Offer[]; chosen: number }
  | { kind: 'ranking'; eventId: string; offered: Offer[]; order: number[] }
  | { kind: 'counter'; eventId: string; offered: Offer[]; counter: Offer }
  | {
      kind: 'stated'
      eventId: string
      ranking: number[]
      relative: { issue: number; over: number; factor: number }[]
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

export interface NegotiationState {
  stage: Stage
  /** The current round: how many offers we have sent (at least 1 once anything happened). */
  round: number
  /** Events that count, in order (retracted and misfitting ones left out). */
  applied: JournalEvent[]
  offers: OfferRecord[]
  table?: TableBundle
  /** Their latest counter, if the latest move was a rejection with one. */
  counter?: { eventId: string; offer: Offer; terms: Terms }
  concessions: ConcessionRecord[]
  contingencies: ContingencyRecord[]
  observations: Observation[]
  interests: EventOf<'interest-stated'>[]
  agreed?: AgreedRecord
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
export function deriveStage(space: Space, state: Omit<NegotiationState, 'stage'>): Stage {
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
export function applyEvent(space: Space, state: NegotiationState, event: JournalEvent): PathProblem[] {
  const problems: PathProblem[] = []
  const latestOffer = state.offers[state.offers.length - 1]
  const labelIndex = (label: string) =>
    latestOffer?.bundles.findIndex((bundle) => bundle.label === label) ?? -1
  const needOffer = (at: PathSegment[]): boolean => {
    if (latestOffer) return true
    problems.push(pathError('no_offer', at, 'no offer has been sent yet: record an offer-sent event first'))
    return false
  }
  switch (event.type) {
    case 'offer-sent': {
      const bundles: OfferedBundle[] = []
      const labels = new Set<string>()
      event.bundles.forEach((bundle, k) => {
        const label = bundle.label ?? String.fromCharCode(65 + k)
        if (labels.has(label))
          problems.push(
            pathError(
              'duplicate_label',
              ['bundles', k, 'label'],
              `label '${label}' is used twice in this offer`,
            ),
          )
        labels.add(label)
        const read = readBundle(space, bundle.terms, ['bundles', k, 'terms'])
        if (!read.ok) problems.push(...read.errors)
        else
          bundles.push({
            label,
            ...(bundle.name ? { name: bundle.name } : {}),
            offer: read.offer,
            terms: termsOf(space, read.offer),
          })
      })
      if (problems.length > 0) return problems
      state.offers.push({ eventId: event.id, round: event.round, bundles })
      const single = bundles.length === 1 ? bundles[0] : undefined
      if (single)
        state.table = { offer: single.offer, terms: single.terms, source: 'offer', eventId: event.id }
      state.counter = undefined
      return problems
    }
    case 'bundle-chosen': {
      if (!needOffer(['label'])) return problems
      const k = labelIndex(event.label)
      if (k < 0) {
        problems.push(
          pathError(
            'unknown_label',
            ['label'],
            `the latest offer has no bundle '${event.label}' (it has ${latestOffer?.bundles.map((b) => b.label).join(', ')})`,
          ),
        )
        return problems
      }
      const chosen = latestOffer?.bundles[k] as OfferedBundle
      state.table = { offer: chosen.offer, terms: chosen.terms, source: 'choice', eventId: event.id }
      if ((latestOffer?.bundles.length ?? 0) > 1) {
        state.observations.push({
          kind: 'choice',
          eventId: event.id,
          offered: latestOffer?.bundles.map((b) => b.offer) ?? [],
          chosen: k,
        })
      }
      return problems
    }
    case 'bundles-ranked': {
      if (!needOffer(['order'])) return problems
      const order: number[] = []
      event.order.forEach((label, position) => {
        const k = labelIndex(label)
        if (k < 0)
          problems.push(
            pathError('unknown_label', ['order', position], `the latest offer has no bundle '${label}'`),
          )
        else if (order.includes(k))
          problems.push(pathError('duplicate_label', ['order', position], `'${label}' is ranked twice`))
        else order.push(k)
      })
      if (problems.length > 0) return problems
      const top = latestOffer?.bundles[order[0] ?? 0] as OfferedBundle
      state.table = { offer: top.offer, terms: top.terms, source: 'choice', eventId: event.id }
      state.observations.push({
        kind: 'ranking',
        eventId: event.id,
        offered: latestOffer?.bundles.map((b) => b.offer) ?? [],
        order,
      })
      return problems
    }
    case 'offer-rejected': {
      if (!needOffer([])) return problems
      if (event.counter) {
        const offered = latestOffer?.bundles ?? []
        const complete = readBundle(space, event.counter.terms, ['counter', 'terms'])
        let counter: Offer | undefined = complete.ok ? complete.offer : undefined
        if (!counter) {
          // A counter may name only what they changed, when what they rejected was one bundle.
          const base = offered.length === 1 ? offered[0]?.offer : undefined
          if (base) {
            const moved = applyTerms(space, base, event.counter.terms, ['counter', 'terms'])
            if (moved.ok) counter = moved.offer
            else problems.push(...moved.errors)
          } else if (!complete.ok) {
            problems.push(
              ...complete.errors.map((error) =>
                error.code === 'missing_issue'
                  ? {
                      ...error,
                      message: `${error.message}; a counter to several bundles must name every issue`,
                    }
                  : error,
              ),
            )
          }
        }
        if (problems.length > 0 || !counter) return problems
        const terms = termsOf(space, counter)
        state.counter = { eventId: event.id, offer: counter, terms }
        state.table = { offer: counter, terms, source: 'counter', eventId: event.id }
        state.observations.push({
          kind: 'counter',
          eventId: event.id,
          offered: offered.map((b) => b.offer),
          counter,
        })
      }
      return problems
    }
    case 'interest-stated': {
      const ranking: number[] = []
      event.ranking?.forEach((id, k) => {
        const issue = space.byId.get(id)
        if (!issue) problems.push(pathError('unknown_issue', ['ranking', k], `unknown issue '${id}'`))
        else if (ranking.includes(issue.index))
          problems.push(pathError('duplicate_issue', ['ranking', k], `'${id}' is ranked twice`))
        else ranking.push(issue.index)
      })
      const relative: { issue: number; over: number; factor: number }[] = []
      event.relative?.forEach((item, k) => {
        const issue = space.byId.get(item.issue)
        const over = space.byId.get(item.over)
        if (!issue)
          problems.push(pathError('unknown_issue', ['relative', k, 'issue'], `unknown issue '${item.issue}'`))
        if (!over)
          problems.push(pathError('unknown_issue', ['relative', k, 'over'], `unknown issue '${item.over}'`))
        if (issue && over && issue === over)
          problems.push(pathError('same_issue', ['relative', k, 'over'], 'compares an issue with itself'))
        if (issue && over && issue !== over)
          relative.push({ issue: issue.index, over: over.index, factor: item.factor })
      })
      if (problems.length > 0) return problems
      state.interests.push(event)
      if (ranking.length >= 2 || relative.length > 0)
        state.observations.push({ kind: 'stated', eventId: event.id, ranking, relative })
      return problems
    }
    case 'concession': {
      const table = state.table
      if (!table) {
        problems.push(
          pathError(
            'nothing_on_the_table',
            [],
            'a concession changes the bundle on the table, and there is none: record a single offer, their choice or their counter first',
          ),
        )
        return problems
      }
      if (Object.keys(event.give).length === 0 && Object.keys(event.get).length === 0) {
        problems.push(pathError('empty_concession', ['give'], 'a concession needs a give, a get, or both'))
        return problems
      }
      const afterGive = applyTerms(space, table.offer, event.give, ['give'])
      if (!afterGive.ok) return afterGive.errors
      const after = applyTerms(space, afterGive.offer, event.get, ['get'])
      if (!after.ok) return after.errors
      state.concessions.push({
        eventId: event.id,
        round: event.round,
        at: event.at,
        give: event.give,
        get: event.get,
        ...(event.trigger !== undefined ? { trigger: event.trigger } : {}),
        before: table.offer,
        afterGive: afterGive.offer,
        after: after.offer,
      })
      state.table = {
        offer: after.offer,
        terms: termsOf(space, after.offer),
        source: 'concession',
        eventId: event.id,
      }
      return problems
    }
    case 'contingency-proposed': {
      const { contingency } = event
      const issue = space.byId.get(contingency.consequence.issue)
      if (!issue) {
        problems.push(
          pathError(
            'unknown_issue',
            ['contingency', 'consequence', 'issue'],
            `unknown issue '${contingency.consequence.issue}'`,
          ),
        )
        return problems
      }
      const base = state.agreed?.offer ?? state.table?.offer
      if (!base) {
        problems.push(
          pathError(
            'nothing_on_the_table',
            [],
            'a contingency attaches to the bundle on the table, and there is none yet',
          ),
        )
        return problems
      }
      const consequence = applyTerms(space, base, { [issue.id]: contingency.consequence.level }, [
        'contingency',
        'consequence',
        'level',
      ])
      if (!consequence.ok)
        return consequence.errors.map((error) => ({ ...error, at: ['contingency', 'consequence', 'level'] }))
      if (event.exchange) {
        const exchanged = applyTerms(space, base, event.exchange, ['exchange'])
        if (!exchanged.ok) return exchanged.errors
      }
      const key = contingency.id ?? event.id
      if (state.contingencies.some((record) => (record.contingency.id ?? record.eventId) === key)) {
        problems.push(
          pathError(
            'duplicate_contingency',
            ['contingency', 'id'],
            `a contingency '${key}' was already proposed`,
          ),
        )
        return problems
      }
      state.contingencies.push({
        eventId: event.id,
        contingency,
        base,
        ...(event.exchange ? { exchange: event.exchange } : {}),
        accepted: false,
      })
      return problems
    }
    case 'contingency-accepted': {
      const record = state.contingencies.find(
        (item) => item.eventId === event.target || item.contingency.id === event.target,
      )
      if (!record) {
        problems.push(
          pathError(
            'unknown_contingency',
            ['target'],
            `no proposed contingency has the id '${event.target}'`,
          ),
        )
        return problems
      }
      record.accepted = true
      return problems
    }
    case 'agreed': {
      const read = readBundle(space, event.terms, ['terms'])
      if (!read.ok) return read.errors
      event.contingencies?.forEach((contingency, k) => {
        const consequence = applyTerms(
          space,
          read.offer,
          { [contingency.consequence.issue]: contingency.consequence.level },
          ['contingencies', k, 'consequence'],
        )
        if (!consequence.ok) problems.push(...consequence.errors)
      })
      if (problems.length > 0) return problems
      state.agreed = { eventId: event.id, event, offer: read.offer }
      state.table = {
        offer: read.offer,
        terms: termsOf(space, read.offer),
        source: 'offer',
        eventId: event.id,
      }
      return problems
    }
    case 'debrief':
      Object.assign(state.debrief, event.answers)
      return problems
    case 'note':
    case 'retract':
      return problems
  }
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
