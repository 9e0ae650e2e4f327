/**
 * What a move would do before it is recorded. The body a form builds is completed, read and
 * applied exactly as the server will (core's `completeEvent`, `readEvent`, `stateAfter`), over the
 * journal as replayed here; then the concession log or the contingency's value comes from the same
 * core functions the status uses, under the same estimate of their weights. A trade is weighed
 * while there is still time to change it, and the numbers match what the log shows once recorded.
 */
import {
  type ConcessionLine,
  type ContingencyValue,
  completeEvent,
  concessionLog,
  evaluateContingency,
  formatPath,
  type JournalEvent,
  meanWeights,
  type Negotiation,
  type NegotiationState,
  nextRound,
  readEvent,
  type Space,
  stateAfter,
} from '@parley/core'
import type { EventBody } from './events'
import type { FormProblem } from './problems'

export type Tried =
  | { ok: true; event: JournalEvent; state: NegotiationState }
  | { ok: false; problems: FormProblem[] }

/** Stands in for the id and time the real event will get; neither affects what it does. */
const PREVIEW_ID = '00000000000000000000000000'
const PREVIEW_AT = '2000-01-01T00:00:00.000Z'

/** The negotiation's state with the event applied, or the problems the server would answer with. */
export function tryEvent(space: Space, state: NegotiationState, body: EventBody): Tried {
  const type = body.type as JournalEvent['type']
  const completed = completeEvent(body, {
    id: PREVIEW_ID,
    at: PREVIEW_AT,
    round: nextRound(state, type),
    planVersion: 0,
  })
  const read = readEvent(completed)
  if (!read.ok)
    return {
      ok: false,
      problems: read.errors.map((problem) => ({ path: formatPath(problem.at), message: problem.message })),
    }
  if (read.event.type === 'retract') return { ok: true, event: read.event, state }
  const next = stateAfter(space, state, read.event)
  const errors = next.problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0)
    return {
      ok: false,
      problems: errors.map((problem) => ({ path: formatPath(problem.at), message: problem.message })),
    }
  return { ok: true, event: read.event, state: next.state }
}

export type Preview<T> = { ok: true; value: T } | { ok: false; problems: FormProblem[] }

/** The concession's line in the log (its values, flags and the new balance), as it would be recorded. */
export function previewConcession(
  space: Space,
  derived: Negotiation,
  body: EventBody,
): Preview<ConcessionLine> {
  const tried = tryEvent(space, derived.state, body)
  if (!tried.ok) return tried
  const line = concessionLog(space, tried.state.concessions, meanWeights(derived.posterior.beliefs)).at(-1)
  return line ? { ok: true, value: line } : { ok: false, problems: [] }
}

/** What the contingency is worth to each side, as it would be recorded. */
export function previewContingency(
  space: Space,
  derived: Negotiation,
  body: EventBody,
): Preview<ContingencyValue> {
  const tried = tryEvent(space, derived.state, body)
  if (!tried.ok) return tried
  const record = tried.state.contingencies.at(-1)
  return record
    ? { ok: true, value: evaluateContingency(space, record, meanWeights(derived.posterior.beliefs)) }
    : { ok: false, problems: [] }
}
