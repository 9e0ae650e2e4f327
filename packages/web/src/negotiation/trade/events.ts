/**
 * Journal events from what a person filled in: each form's state in, the event body out (or the
 * problems to show beside its fields, with the same paths the server uses). The server fills in
 * the id, time, side, round, plan version and bundle labels, so a body carries only the move.
 */
import { type ContingencyOp, type Level, readThreshold, type Terms } from '@parley/core'
import { type IssueLevels, levelOfKey } from './level-choice'
import type { FormProblem } from './problems'

export type EventBody = { type: string } & Record<string, unknown>
export type Built = { ok: true; event: EventBody } | { ok: false; problems: FormProblem[] }

function built(event: EventBody, problems: readonly FormProblem[]): Built {
  return problems.length > 0 ? { ok: false, problems: [...problems] } : { ok: true, event }
}

/** Levels chosen in select boxes (keyed by level key, empty = unchanged) as terms. */
export function termsFromKeys(
  issues: readonly IssueLevels[],
  keys: Readonly<Record<string, string>>,
  at: string,
  problems: FormProblem[],
): Terms {
  const terms: Terms = {}
  for (const issue of issues) {
    const key = keys[issue.id] ?? ''
    if (key === '') continue
    const level = levelOfKey(issue, key)
    if (level === undefined)
      problems.push({ path: `${at}.${issue.id}`, message: `'${key}' is not a level of '${issue.id}'` })
    else terms[issue.id] = level
  }
  return terms
}

// Discovery ---------------------------------------------------------------------------------------

export interface InterestForm {
  /** The discovery question asked, if the answer is to one. */
  question?: string
  answer: string
  /** Issue ids, most important to them first. */
  ranking: readonly string[]
}

/** What they said matters: `<question> — <answer>`, with the priorities it shows when given. */
export function interestEvent(form: InterestForm): Built {
  const answer = form.answer.trim()
  const problems: FormProblem[] = []
  if (answer === '') problems.push({ path: 'text', message: 'write down what they said first' })
  const ranking = form.ranking.filter((id) => id !== '')
  return built(
    {
      type: 'interest-stated',
      text: form.question ? `${form.question} — ${answer}` : answer,
      ...(ranking.length > 0 ? { ranking } : {}),
    },
    problems,
  )
}

// Offers ------------------------------------------------------------------------------------------

/** A set (or a single offer) as sent; the labels A, B, C are filled in by the server. */
export function offerSentEvent(bundles: readonly { name?: string; terms: Terms }[]): Built {
  const problems: FormProblem[] =
    bundles.length === 0 ? [{ path: 'bundles', message: 'there is no bundle to record' }] : []
  return built(
    {
      type: 'offer-sent',
      bundles: bundles.map((bundle) => ({
        ...(bundle.name ? { name: bundle.name } : {}),
        terms: { ...bundle.terms },
      })),
    },
    problems,
  )
}

// Their answer ------------------------------------------------------------------------------------

export const ANSWER_KINDS = ['chosen', 'ranked', 'rejected'] as const
export type AnswerKind = (typeof ANSWER_KINDS)[number]

export interface AnswerForm {
  kind: AnswerKind
  /** Label of the bundle they chose. */
  chosen: string
  /** Labels, best for them first. */
  order: readonly string[]
  /** Whether they made a counter-offer with the rejection. */
  counter: boolean
  /** Their counter: a level key per issue (empty = not named). */
  counterTerms: Readonly<Record<string, string>>
  /** Their reason (a rejection's `reason`; otherwise kept as the event's note). */
  reason: string
}

export function answerEvent(form: AnswerForm, issues: readonly IssueLevels[]): Built {
  const problems: FormProblem[] = []
  const reason = form.reason.trim()
  switch (form.kind) {
    case 'chosen':
      if (form.chosen === '') problems.push({ path: 'label', message: 'choose the bundle they picked' })
      return built(
        { type: 'bundle-chosen', label: form.chosen, ...(reason ? { note: reason } : {}) },
        problems,
      )
    case 'ranked':
      if (form.order.length < 2)
        problems.push({ path: 'order', message: 'a ranking needs at least two bundles' })
      return built(
        { type: 'bundles-ranked', order: [...form.order], ...(reason ? { note: reason } : {}) },
        problems,
      )
    case 'rejected': {
      const terms = form.counter ? termsFromKeys(issues, form.counterTerms, 'counter.terms', problems) : {}
      if (form.counter && Object.keys(terms).length === 0 && problems.length === 0)
        problems.push({
          path: 'counter.terms',
          message: 'name the levels of their counter, or say they made none',
        })
      return built(
        {
          type: 'offer-rejected',
          ...(form.counter ? { counter: { terms } } : {}),
          ...(reason ? { reason } : {}),
        },
        problems,
      )
    }
  }
}

// Concessions -------------------------------------------------------------------------------------

export interface ConcessionForm {
  /** Level keys per issue: where we move (empty = unchanged). */
  give: Readonly<Record<string, string>>
  /** Level keys per issue: where they move in return (empty = unchanged; none at all is a gift). */
  get: Readonly<Record<string, string>>
  trigger: string
}

export function concessionEvent(form: ConcessionForm, issues: readonly IssueLevels[]): Built {
  const problems: FormProblem[] = []
  const give = termsFromKeys(issues, form.give, 'give', problems)
  const get = termsFromKeys(issues, form.get, 'get', problems)
  if (problems.length === 0 && Object.keys(give).length === 0 && Object.keys(get).length === 0)
    problems.push({ path: 'give', message: 'a concession needs a give, a get, or both' })
  const trigger = form.trigger.trim()
  return built({ type: 'concession', give, get, ...(trigger ? { trigger } : {}) }, problems)
}

// Contingencies -----------------------------------------------------------------------------------

export interface ContingencyForm {
  /** Who proposes it. */
  side: 'us' | 'them'
  metric: string
  op: ContingencyOp
  /** A number (`99.9`) or words (`the March audit`). */
  threshold: string
  within: string
  /** The consequence: this issue moves to this level (a level key). */
  issue: string
  level: string
  source: string
  reporting: string
  /** Each side's probability that the condition occurs, in percent; theirs is our estimate. */
  ours: number | undefined
  theirs: number | undefined
  /** What it is traded for, applied to the bundle on the table (optional). */
  exchangeIssue: string
  exchangeLevel: string
  /** The wording both sides see (optional). */
  text: string
}

function probability(value: number | undefined, path: string, problems: FormProblem[]): number | undefined {
  if (value === undefined) return undefined
  if (value < 0 || value > 100) {
    problems.push({ path, message: 'must be a percentage from 0 to 100' })
    return undefined
  }
  // Percent to probability without binary noise (12.3 → 0.123, not 0.12300000000000001).
  return Number((value / 100).toPrecision(12))
}

export function contingencyEvent(form: ContingencyForm, issues: readonly IssueLevels[]): Built {
  const problems: FormProblem[] = []
  const metric = form.metric.trim()
  if (metric === '')
    problems.push({ path: 'contingency.metric', message: 'is required: what will be measured' })
  if (form.threshold.trim() === '')
    problems.push({ path: 'contingency.threshold', message: 'is required: the value that triggers it' })
  const issue = issues.find((candidate) => candidate.id === form.issue)
  let level: Level | undefined
  if (!issue) problems.push({ path: 'contingency.consequence.issue', message: 'choose the issue that moves' })
  else {
    level = levelOfKey(issue, form.level)
    if (level === undefined)
      problems.push({ path: 'contingency.consequence.level', message: 'choose the level it moves to' })
  }
  const us = probability(form.ours, 'contingency.beliefs.us', problems)
  const them = probability(form.theirs, 'contingency.beliefs.them', problems)
  if ((form.ours === undefined) !== (form.theirs === undefined))
    problems.push({
      path: form.ours === undefined ? 'contingency.beliefs.us' : 'contingency.beliefs.them',
      message: 'give both probabilities, or neither',
    })
  let exchange: Terms | undefined
  if (form.exchangeIssue !== '') {
    const traded = issues.find((candidate) => candidate.id === form.exchangeIssue)
    const tradedLevel = traded ? levelOfKey(traded, form.exchangeLevel) : undefined
    if (!traded || tradedLevel === undefined)
      problems.push({ path: 'exchange', message: 'choose the level it is traded for, or no exchange' })
    else exchange = { [traded.id]: tradedLevel }
  }
  const source = form.source.trim()
  const reporting = form.reporting.trim()
  const within = form.within.trim()
  const text = form.text.trim()
  const contingency = {
    metric,
    op: form.op,
    threshold: readThreshold(form.threshold),
    ...(within ? { within } : {}),
    consequence: { issue: form.issue, level: level ?? '' },
    ...(source || reporting
      ? { measurement: { ...(source ? { source } : {}), ...(reporting ? { reporting } : {}) } }
      : {}),
    ...(us !== undefined && them !== undefined ? { beliefs: { us, them } } : {}),
    ...(text ? { text } : {}),
  }
  return built(
    {
      type: 'contingency-proposed',
      ...(form.side === 'them' ? { side: 'them' } : {}),
      contingency,
      ...(exchange ? { exchange } : {}),
    },
    problems,
  )
}

/**
 * A proposed contingency accepted, named by its proposal's event id or its own id: by them when we
 * proposed it, by us when they did.
 */
export function contingencyAcceptedEvent(target: string, by: 'us' | 'them' = 'them'): Built {
  return { ok: true, event: { type: 'contingency-accepted', target, ...(by === 'us' ? { side: 'us' } : {}) } }
}

// Retractions -------------------------------------------------------------------------------------

/** The journal stays append-only: a retraction names the event and why; replay skips the event. */
export function retractEvent(target: string, reason: string): Built {
  const why = reason.trim()
  return built(
    { type: 'retract', target, reason: why },
    why === '' ? [{ path: 'reason', message: 'say why it is retracted: the journal keeps both' }] : [],
  )
}
