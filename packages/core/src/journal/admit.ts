/**
 * Admitting a new event to a journal: the one way a move becomes an event, for `parley journal
 * add`, the server's append and the web app's previews alike. The body a person or a form wrote
 * is completed with what its writer need not send (id, time, side, round, plan version, bundle
 * labels), read by the event schemas, and checked against the journal so far. A retraction
 * changes the past, so it is checked against the whole journal and the journal replayed; any other
 * event is applied to the state the journal replays to, so an append need not replay anything.
 *
 * An admitted move may still be a mistake by the method: an offer, an agreement or the bundle a
 * concession leaves on the table that is worth less to us than our reservation or BATNA, breaks our
 * limits or breaks the decision rule. Those come back as warnings beside the event — recorded, never
 * refused: the journal is the record of what happened, and what happened may be a mistake.
 */

import { formatLevelWithUnit, inSentence } from '../language/levels'
import { TOLERANCE } from '../model/limits'
import type { Level } from '../model/plan'
import { type PathProblem, type PathSegment, pathWarning } from '../model/problem'
import { compileRequirements } from '../scoring/constraints'
import { formatPoints } from '../scoring/figures'
import { type Offer, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { giveCost, isGiftOf } from './concessions'
import type { JournalEvent } from './events'
import { changedIssues, sameLevel } from './positions'
import { completeEvent, isEventType, readEvent } from './read'
import {
  type ConcessionRecord,
  checkNewEvent,
  type NegotiationState,
  nextRound,
  replay,
  stateAfter,
} from './replay'
import { floorMessage, limitMessage, ruleMessage, shortfallsOf } from './shortfalls'
import { applyTerms } from './terms'

/** A journal as an event joins it: its events in order, and the state they replay to. */
export interface ReplayedJournal {
  /** Every event recorded, retracted or skipped ones included: a new id must differ from all of them. */
  events: readonly JournalEvent[]
  /** `replay(space, events)`, which a caller that appends often keeps instead of replaying each time. */
  state: NegotiationState
}

/** What the caller fills in when the body leaves it out: the id, the time (ISO 8601) and the plan version. */
export interface AdmissionDefaults {
  id: string
  at: string
  planVersion: string | number
}

export type Admission =
  | {
      ok: true
      /** The event as it will be recorded. */
      event: JournalEvent
      /** The state of the journal with the event added: `replay(space, [...events, event])`. */
      state: NegotiationState
      /**
       * Where the move falls short for us, judged on the state with it (severity `warning`, at paths
       * inside the event): the event is admitted all the same.
       */
      warnings: PathProblem[]
    }
  | {
      ok: false
      /** What is wrong, at paths inside the event: its shape first, then its fit with the journal. */
      problems: PathProblem[]
    }

/**
 * A move weighed before it is recorded (a preview, a drafted agreement) is admitted with these: an
 * id no recorded event has, and a fixed time and plan version. None of them changes what the move
 * does, so the preview gives what the recorded event will give.
 */
export const PREVIEW_EVENT: Readonly<AdmissionDefaults> = Object.freeze({
  id: '00000000000000000000000000',
  at: '2000-01-01T00:00:00.000Z',
  planVersion: 'preview',
})

/**
 * Completes, reads and checks a new event at the end of a journal. Admitted: the event and the
 * journal's state with it; refused: the problems, errors only, each at its path in the event. A
 * reused id is refused (`duplicate_id`), as is anything a replay would skip.
 */
export function admitEvent(
  space: Space,
  journal: ReplayedJournal,
  raw: unknown,
  defaults: AdmissionDefaults,
): Admission {
  const type = raw !== null && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined
  const completed = completeEvent(raw, {
    ...defaults,
    // A body of no known type is refused by `readEvent` before its round matters.
    round: isEventType(type) ? nextRound(journal.state, type) : 0,
  })
  const read = readEvent(completed)
  if (!read.ok) return { ok: false, problems: read.errors }
  const { event } = read
  if (event.type === 'retract') {
    const problems = errorsOf(checkNewEvent(space, journal.events, event))
    return problems.length > 0
      ? { ok: false, problems }
      : { ok: true, event, state: replay(space, [...journal.events, event]), warnings: [] }
  }
  // A reused id is worded by `checkNewEvent`, which answers it before replaying anything.
  if (journal.events.some((existing) => existing.id === event.id))
    return { ok: false, problems: errorsOf(checkNewEvent(space, journal.events, event)) }
  const next = stateAfter(space, journal.state, event)
  const problems = errorsOf(next.problems)
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, event, state: next.state, warnings: admissionWarnings(space, event, next.state) }
}

/**
 * The bundles a move puts in play, each with how to name it and where it sits in the event: every
 * bundle of an offer, the agreed terms, and the bundle a concession leaves on the table.
 */
function bundlesInPlay(
  event: JournalEvent,
  state: NegotiationState,
): { what: string; at: PathSegment[]; offer: Offer }[] {
  switch (event.type) {
    case 'offer-sent': {
      const offer = state.offers.at(-1)
      return (offer?.bundles ?? []).map((bundle, k) => ({
        what: `bundle ${bundle.label}`,
        at: ['bundles', k],
        offer: bundle.offer,
      }))
    }
    case 'agreed':
      return state.agreed ? [{ what: 'the agreement', at: ['terms'], offer: state.agreed.offer }] : []
    case 'alternatives-offered':
      return (state.alternativesOffered?.bundles ?? []).map((bundle, k) => ({
        what: `alternative ${bundle.label}`,
        at: ['bundles', k],
        offer: bundle.offer,
      }))
    case 'concession': {
      const concession = state.concessions.at(-1)
      return concession
        ? [{ what: 'the bundle on the table after this concession', at: [], offer: concession.after }]
        : []
    }
    default:
      return []
  }
}

/** The warnings for a move just admitted, judged as the linter judges it (see `shortfalls.ts`). */
function admissionWarnings(space: Space, event: JournalEvent, state: NegotiationState): PathProblem[] {
  const idle =
    event.type === 'concession'
      ? [
          ...idleTerms(space, state.concessions.at(-1)),
          ...backwardsTerms(space, state.concessions.at(-1)),
          ...giftWarning(space, state.concessions.at(-1)),
        ]
      : event.type === 'alternatives-offered'
        ? worseForUs(space, state)
        : event.type === 'contingency-proposed'
          ? idleContingency(space, state)
          : event.type === 'offer-rejected'
            ? counterAsOffered(space, state)
            : []
  const bundles = bundlesInPlay(event, state)
  if (bundles.length === 0) return idle
  const requirements = compileRequirements(space)
  return idle.concat(
    bundles.flatMap(({ what, at, offer }) => {
      const shortfalls = shortfallsOf(space, offer, requirements)
      const warnings: PathProblem[] = []
      const warn = (code: string, message: string | undefined) => {
        if (message) warnings.push(pathWarning(code, at, message))
      }
      warn('breaks_rule', ruleMessage(what, shortfalls))
      warn('below_floor', floorMessage(what, shortfalls))
      warn('breaks_limit', limitMessage(what, shortfalls))
      return warnings
    }),
  )
}

/**
 * A counter that is one of the bundles we offered, exactly as we offered it: it moves nothing, yet
 * the journal reads it as a rejection and a counter (their position, the next move, the concession
 * log). Recorded all the same, but seldom what was meant: their choice of that bundle recorded as a
 * counter, or a counter typed against the wrong bundle.
 */
function counterAsOffered(space: Space, state: NegotiationState): PathProblem[] {
  const { table } = state
  const offer = state.offers.at(-1)
  if (table?.source !== 'counter' || !offer) return []
  const same = offer.bundles.find((bundle) => changedIssues(space, bundle.offer, table.offer).length === 0)
  if (!same) return []
  const which = offer.bundles.length > 1 ? `bundle ${same.label}` : 'our offer'
  return [
    pathWarning(
      'counter_as_offered',
      ['counter', 'terms'],
      `their counter is ${which} exactly as we offered it: it changes nothing, yet it is recorded as a rejection; if they took ${which}, retract this and record that they chose it`,
    ),
  ]
}

/**
 * A contingency whose consequence is the level the deal already has on that issue (once its
 * exchange is applied): whatever the measure shows, nothing moves. Recorded all the same, but
 * seldom what was meant — a level copied from the table, or the wrong issue.
 */
function idleContingency(space: Space, state: NegotiationState): PathProblem[] {
  const record = state.contingencies.at(-1)
  if (!record) return []
  const { issue: id, level } = record.contingency.consequence
  const issue = space.byId.get(id)
  if (!issue) return []
  const exchanged = record.exchange?.[id]
  const standing = exchanged !== undefined ? exchanged : record.base.values[issue.index]
  if (!sameLevel(standing, level)) return []
  return [
    pathWarning(
      'idle_contingency',
      ['contingency', 'consequence', 'level'],
      `the consequence, ${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}, is the level the deal already has: whatever the measure shows, nothing moves; name the level it should move to`,
    ),
  ]
}

/**
 * Alternatives offered before signing that are worth less to us than the agreement: the step
 * promises each is at least as good for us, so one that is not gives away value if they take it.
 */
function worseForUs(space: Space, state: NegotiationState): PathProblem[] {
  const offered = state.alternativesOffered
  if (!offered) return []
  const agreed = utilityOf(space, offered.agreed).us
  return offered.bundles.flatMap((bundle, k) => {
    const us = utilityOf(space, bundle.offer).us
    return us < agreed - TOLERANCE
      ? [
          pathWarning(
            'alternative_worse_for_us',
            ['bundles', k],
            `alternative ${bundle.label} is worth ${formatPoints(us)} to us, less than the agreement (${formatPoints(agreed)}): if they sign it, we give ${formatPoints(agreed - us)} points for nothing`,
          ),
        ]
      : []
  })
}

/**
 * The terms of a concession that move nothing: a give at the level we already stand on (our
 * latest position, which gives are measured from) or a get at the level they already stand on.
 * Recorded all the same, but worth nothing either way, which is seldom what was meant: a trade
 * typed against the wrong bundle, or a level copied from the table.
 */
function idleTerms(space: Space, record: ConcessionRecord | undefined): PathProblem[] {
  if (!record) return []
  const idle = (half: 'give' | 'get', from: Offer, whose: string): PathProblem[] =>
    Object.entries(record[half]).flatMap(([id, level]) => {
      const issue = space.issues.find((candidate) => candidate.id === id)
      if (!issue || !sameLevel(from.values[issue.index], level)) return []
      const value = formatLevelWithUnit(level, issue.unit)
      return [
        pathWarning(
          half === 'give' ? 'give_moves_nothing' : 'get_moves_nothing',
          [half, id],
          half === 'give'
            ? `${half} ${id} ${value}: ${whose} latest position on ${id} is already ${value}, so this gives them nothing`
            : `${half} ${id} ${value}: ${whose} latest position on ${id} is already ${value}, so this asks nothing of them`,
        ),
      ]
    })
  return [...idle('give', record.ourPosition, 'our'), ...idle('get', record.theirPosition, 'their')]
}

/**
 * The terms of a concession that move the wrong way for their half: a give that moves an issue our
 * way from our latest position, or a get that moves it theirs from their latest position. Recorded
 * all the same (the concession log flags them too), but most often a trade typed the wrong way
 * round, or a second give written as a get.
 */
function backwardsTerms(space: Space, record: ConcessionRecord | undefined): PathProblem[] {
  if (!record) return []
  const backwards = (half: 'give' | 'get', from: Offer, whose: string): PathProblem[] => {
    const before = utilityOf(space, from).us
    return Object.entries(record[half]).flatMap(([id, level]) => {
      const issue = space.byId.get(id)
      if (!issue) return []
      const moved = applyTerms(space, from, { [id]: level }, [])
      if (!moved.ok) return []
      const change = utilityOf(space, moved.offer).us - before
      const value = formatLevelWithUnit(level, issue.unit)
      const was = formatLevelWithUnit(from.values[issue.index] as Level, issue.unit)
      if (half === 'give' && change > TOLERANCE)
        return [
          pathWarning(
            'give_gains_us',
            [half, id],
            `give ${id} ${value}: from ${whose} latest position (${was}) this moves ${id} our way, worth +${formatPoints(change)} to us: was it a get?`,
          ),
        ]
      if (half === 'get' && change < -TOLERANCE)
        return [
          pathWarning(
            'get_costs_us',
            [half, id],
            `get ${id} ${value}: from ${whose} latest position (${was}) this moves ${id} their way, costing us ${formatPoints(-change)} points: was it a give?`,
          ),
        ]
      return []
    })
  }
  return [...backwards('give', record.ourPosition, 'our'), ...backwards('get', record.theirPosition, 'their')]
}

/** A give that costs us something with nothing back: the gift the method warns against, said as it is recorded. */
function giftWarning(space: Space, record: ConcessionRecord | undefined): PathProblem[] {
  if (!record) return []
  const cost = giveCost(space, record)
  if (!isGiftOf(record, cost)) return []
  return [
    pathWarning(
      'gift',
      ['get'],
      `a gift: this give costs us ${formatPoints(cost)} points and asks nothing back: trade it for something we value instead`,
    ),
  ]
}

function errorsOf(problems: readonly PathProblem[]): PathProblem[] {
  return problems.filter((problem) => problem.severity === 'error')
}
