/**
 * What a move would do before it is recorded. The body a form builds is admitted exactly as the
 * server will admit it (core's `admitEvent`, under core's preview id), over the journal as
 * replayed here; then the concession log or the contingency's value comes from the same core
 * functions the status uses, under the same estimate of their weights. A trade is weighed while
 * there is still time to change it, and the numbers match what the log shows once recorded.
 */
import {
  admitEvent,
  type ConcessionLine,
  type ContingencyValue,
  concessionLog,
  currentEstimate,
  evaluateContingency,
  formatPath,
  type JournalEvent,
  type Negotiation,
  type NegotiationState,
  PREVIEW_EVENT,
  type ReplayedJournal,
  type Space,
  type TradeCostsThemWarning,
  tradesCostingThem,
} from '@parley/core'
import type { EventBody } from './events'
import type { FormProblem } from './problems'

export type Tried =
  | { ok: true; event: JournalEvent; state: NegotiationState }
  | { ok: false; problems: FormProblem[] }

/** The negotiation's state with the event applied, or the problems the server would answer with. */
export function tryEvent(space: Space, journal: ReplayedJournal, body: EventBody): Tried {
  const admitted = admitEvent(space, journal, body, PREVIEW_EVENT)
  if (!admitted.ok)
    return {
      ok: false,
      problems: admitted.problems.map((problem) => ({
        path: formatPath(problem.at),
        message: problem.message,
      })),
    }
  return { ok: true, event: admitted.event, state: admitted.state }
}

export type Preview<T> = { ok: true; value: T } | { ok: false; problems: FormProblem[] }

/** The concession's line in the log (its values, flags and the new balance), as it would be recorded. */
export function previewConcession(
  space: Space,
  events: readonly JournalEvent[],
  derived: Negotiation,
  body: EventBody,
): Preview<ConcessionLine> {
  const tried = tryEvent(space, { events, state: derived.state }, body)
  if (!tried.ok) return tried
  const line = concessionLog(
    space,
    tried.state.concessions,
    currentEstimate(space, derived.state, derived.posterior),
  ).at(-1)
  return line ? { ok: true, value: line } : { ok: false, problems: [] }
}

/** Core's warning when the concession, as it would be recorded, costs them more than it gives them. */
export function previewTradeWarning(
  space: Space,
  events: readonly JournalEvent[],
  derived: Negotiation,
  body: EventBody,
): TradeCostsThemWarning | undefined {
  const tried = tryEvent(space, { events, state: derived.state }, body)
  if (!tried.ok) return undefined
  const estimate = currentEstimate(space, derived.state, derived.posterior)
  return tradesCostingThem(space, tried.state.concessions, estimate).find(
    (warning) => warning.eventId === tried.event.id,
  )
}

/** What the contingency is worth to each side, as it would be recorded. */
export function previewContingency(
  space: Space,
  events: readonly JournalEvent[],
  derived: Negotiation,
  body: EventBody,
): Preview<ContingencyValue> {
  const tried = tryEvent(space, { events, state: derived.state }, body)
  if (!tried.ok) return tried
  const record = tried.state.contingencies.at(-1)
  return record
    ? {
        ok: true,
        value: evaluateContingency(space, record, currentEstimate(space, derived.state, derived.posterior)),
      }
    : { ok: false, problems: [] }
}
