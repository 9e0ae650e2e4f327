/**
 * The deal room: what the other side reads through a share link, and how their answer becomes a
 * journal event. What they read is built only by core's `counterpartyView` (the allow-listed
 * projection, leak-tested) over the negotiation's plan and journal, plus the id of the latest
 * offer so an answer can name it. An answer becomes `bundle-chosen`, `bundles-ranked` or
 * `offer-rejected` with `side: 'them'` and `source: 'deal-room'`, and is admitted exactly as the
 * team's own appends are (journal.ts), after checking that it answers the offer on the table. Once
 * the terms are agreed and the team offers alternatives beside the agreement before signing, the
 * view lists them and a signature becomes the agreement (`agreed`) with the terms they sign.
 */
import type { z } from '@hono/zod-openapi'
import {
  type AgreedRecord,
  type CounterpartyView,
  counterpartyView,
  pendingAlternatives,
  replay,
  type Space,
  signedAgreement,
  type Terms,
} from '@parley/core'
import type { EventDecision, JournalSoFar, StoredEvent } from '@parley/store'
import type { AnswerInputSchema } from './http/deal-room-schemas'
import { decideEvent, replayedJournal, storedEvents } from './journal'
import type { Memo } from './memo'
import { type PlannedNegotiation, spaceOf } from './plans'

export type Answer = z.output<typeof AnswerInputSchema>

export interface DealRoomRead {
  view: CounterpartyView
  /** The event id of the latest offer; null while none has been sent. */
  offerId: string | null
  /**
   * Once the terms are agreed, the id of the alternatives the team offers beside the agreement
   * before signing, while they wait for a signature (the view lists them as `alternatives`); null
   * otherwise.
   */
  alternativesId: string | null
  /** Whether the room takes no more answers: the terms are agreed and nothing waits for a signature. */
  closed: boolean
}

/** What the other side sees of a negotiation now. */
export function dealRoomRead(
  memo: Memo,
  negotiation: PlannedNegotiation,
  stored: readonly StoredEvent[],
): DealRoomRead {
  const space = spaceOf(memo, negotiation)
  const state = replay(space, storedEvents(stored))
  const pending = pendingAlternatives(state)
  return {
    view: counterpartyView(space, state, undefined, pending?.bundles ?? []),
    offerId: state.offers.at(-1)?.eventId ?? null,
    alternativesId: pending?.eventId ?? null,
    closed: Boolean(state.agreed) && !pending,
  }
}

/**
 * The journal event an answer is, before admission fills in the time, round and plan version. A
 * signature is the recorded agreement (`agreed`) with the terms signed: its own, or an alternative's.
 */
export function answerEvent(answer: Answer, agreed?: AgreedRecord, signed?: Terms): Record<string, unknown> {
  const common = { id: answer.answerId, side: 'them', source: 'deal-room' }
  switch (answer.type) {
    case 'sign':
      if (!agreed || !signed) throw new Error('a signature is made into an event only beside an agreement')
      return { ...signedAgreement(agreed.event, signed), ...common }
    case 'choose':
      return {
        ...common,
        type: 'bundle-chosen',
        label: answer.bundle,
        ...(answer.comment ? { comment: answer.comment } : {}),
      }
    case 'rank':
      return {
        ...common,
        type: 'bundles-ranked',
        order: answer.ranking,
        ...(answer.comment ? { comment: answer.comment } : {}),
      }
    case 'reject':
      return {
        ...common,
        type: 'offer-rejected',
        ...(answer.counter && Object.keys(answer.counter).length > 0
          ? { counter: { terms: answer.counter } }
          : {}),
        ...(answer.comment ? { reason: answer.comment } : {}),
      }
  }
}

/** Where a problem of the event sits in the answer the other side sent. */
const ANSWER_PATHS: readonly [RegExp, string][] = [
  [/^counter\.terms/, 'counter'],
  [/^label/, 'bundle'],
  [/^order/, 'ranking'],
  [/^reason/, 'comment'],
]

function answerPath(path: string): string {
  for (const [pattern, field] of ANSWER_PATHS) if (pattern.test(path)) return path.replace(pattern, field)
  return path
}

/** A problem of the event as the answer's sender reads it: at the answer's field, naming the issue by its name. */
function answerProblem(
  space: Space,
  problem: { code: string; message: string; path: string },
): { code: string; message: string; path: string } {
  const path = answerPath(problem.path)
  const issue = /^counter\.([^.[]+)/.exec(path)?.[1]
  const name = issue === undefined ? undefined : space.byId.get(issue)?.name
  return { ...problem, path, message: name ? `${name}: ${problem.message}` : problem.message }
}

/** A field the answer needs for its type, missing: said before admission, in the answer's words. */
export function missingField(answer: Answer): { path: string; message: string } | undefined {
  // An agreed event has no place for words of theirs: refused rather than dropped.
  if (answer.type === 'sign' && answer.comment !== undefined && answer.comment !== '')
    return { path: 'comment', message: 'a signature takes no comment: sign, then tell the team' }
  if (answer.type === 'choose' && answer.bundle === undefined)
    return { path: 'bundle', message: 'is required to choose: the label of the bundle chosen' }
  if (answer.type === 'rank' && answer.ranking === undefined)
    return { path: 'ranking', message: 'is required to rank: the labels, most preferred first' }
  return undefined
}

/**
 * Decides an answer under the negotiation's lock: refused when it does not answer the latest offer
 * (a newer one is on the table) or the terms are agreed; else admitted as the team's events are,
 * with the problems' paths named as the answer names its fields.
 */
export async function decideAnswer(
  memo: Memo,
  answer: Answer,
  negotiation: PlannedNegotiation,
  journal: JournalSoFar,
  now: Date,
): Promise<EventDecision> {
  const replayed = await replayedJournal(memo, negotiation, journal)
  const { state } = replayed
  const pending = pendingAlternatives(state)
  if (answer.type === 'sign' || state.agreed) {
    if (!state.agreed)
      return {
        ok: false,
        code: 'nothing_to_sign',
        message: 'no terms are agreed yet: there is nothing to sign',
        path: '',
      }
    if (!pending || answer.type !== 'sign')
      return {
        ok: false,
        code: 'negotiation_closed',
        message: pending
          ? 'the terms are agreed: sign the agreement as it is, or one of the alternatives offered beside it'
          : 'the terms are agreed: this negotiation takes no more answers',
        path: '',
      }
    if (pending.eventId !== answer.offerId)
      return {
        ok: false,
        code: 'stale_offer',
        message: 'the team changed what is offered before signing: reload the page to see it, and sign that',
        path: 'offerId',
      }
    const chosen = answer.alternative === undefined ? undefined : pending.bundles[answer.alternative - 1]
    if (answer.alternative !== undefined && !chosen)
      return {
        ok: false,
        code: 'unknown_alternative',
        message: `there ${pending.bundles.length === 1 ? 'is 1 alternative' : `are ${pending.bundles.length} alternatives`}: give ${pending.bundles.length === 1 ? '1' : `1 to ${pending.bundles.length}`}, or none to sign the agreement as it is`,
        path: 'alternative',
      }
    const terms = chosen ? chosen.terms : state.agreed.event.terms
    return decideEvent(memo, answerEvent(answer, state.agreed, terms), negotiation, journal, now)
  }
  const latest = state.offers.at(-1)?.eventId
  if (latest !== answer.offerId)
    return {
      ok: false,
      code: 'stale_offer',
      message: latest
        ? 'a newer offer is on the table: reload the page to see it, and answer that one'
        : 'there is no offer to answer yet',
      path: 'offerId',
    }
  const decision = await decideEvent(memo, answerEvent(answer), negotiation, journal, now)
  if (decision.ok) return decision
  const space = spaceOf(memo, negotiation)
  const detail = Array.isArray(decision.detail)
    ? (decision.detail as { code: string; message: string; path: string }[]).map((problem) =>
        answerProblem(space, problem),
      )
    : undefined
  return { ...decision, ...answerProblem(space, decision), ...(detail ? { detail } : {}) }
}
