import { mesoView, negotiation } from '@parley/core'
import { describe, expect, it } from 'vitest'
import {
  type AnswerForm,
  answerEvent,
  type Built,
  type ContingencyForm,
  concessionEvent,
  contingencyAcceptedEvent,
  contingencyEvent,
  type EventBody,
  interestEvent,
  offerSentEvent,
  retractEvent,
} from './events'
import { tryEvent } from './preview'
import { journalOf, salesSpace } from './sales-fixture'

const space = salesSpace()
const issues = space.issues

function bodyOf(built: Built): EventBody {
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '))
  return built.event
}

function mesoBundles() {
  const result = mesoView(space)
  if (!result.ok) throw new Error(result.failure.message)
  return result.set.bundles
}

const answer = (change: Partial<AnswerForm>): AnswerForm => ({
  kind: 'chosen',
  chosen: '',
  order: [],
  counter: false,
  counterTerms: {},
  reason: '',
  ...change,
})

const contingency = (change: Partial<ContingencyForm>): ContingencyForm => ({
  side: 'us',
  metric: 'all 14 teams live',
  op: '>',
  threshold: '60',
  within: '',
  issue: 'credits',
  level: '15',
  source: '',
  reporting: '',
  ours: undefined,
  theirs: undefined,
  exchangeIssue: '',
  exchangeLevel: '',
  text: '',
  ...change,
})

describe('discovery answers', () => {
  it('records the question and the answer, with the priorities it shows', () => {
    expect(
      interestEvent({
        question: 'What will you measure?',
        answer: '  go-live date  ',
        ranking: ['rollout', 'price'],
      }),
    ).toEqual({
      ok: true,
      event: {
        type: 'interest-stated',
        text: 'What will you measure? — go-live date',
        ranking: ['rollout', 'price'],
      },
    })
  })
  it('leaves the ranking out when none is given', () => {
    const built = interestEvent({ answer: 'budget certainty', ranking: [] })
    expect(built.ok && built.event).toEqual({ type: 'interest-stated', text: 'budget certainty' })
  })
  it('refuses an empty answer at the text', () => {
    expect(interestEvent({ question: 'Q?', answer: ' ', ranking: [] })).toEqual({
      ok: false,
      problems: [{ path: 'text', message: 'write down what they said first' }],
    })
  })
})

describe('offers', () => {
  it('sends the bundles by name and terms, leaving labels to the server', () => {
    const bundles = mesoBundles()
    const built = offerSentEvent(bundles)
    expect(built.ok).toBe(true)
    if (!built.ok) return
    expect(built.event.bundles).toEqual(bundles.map((b) => ({ name: b.name, terms: b.terms })))
    expect(tryEvent(space, { events: [], state: negotiation(space, []).state }, built.event).ok).toBe(true)
  })
  it('refuses an empty set', () => {
    expect(offerSentEvent([]).ok).toBe(false)
  })
})

describe('their answer', () => {
  const sent = journalOf(space, [bodyOf(offerSentEvent(mesoBundles()))])
  const journal = { events: sent, state: negotiation(space, sent).state }

  it('records a choice by label, with what they said as a note', () => {
    const built = answerEvent(answer({ chosen: 'B', reason: 'speed matters' }), issues)
    expect(built).toEqual({ ok: true, event: { type: 'bundle-chosen', label: 'B', note: 'speed matters' } })
    if (built.ok) expect(tryEvent(space, journal, built.event).ok).toBe(true)
  })
  it('asks for the bundle when none is chosen', () => {
    expect(answerEvent(answer({}), issues)).toEqual({
      ok: false,
      problems: [{ path: 'label', message: 'choose the bundle they picked' }],
    })
  })
  it('records a ranking in the order given', () => {
    const built = answerEvent(answer({ kind: 'ranked', order: ['C', 'A', 'B'] }), issues)
    expect(built).toEqual({ ok: true, event: { type: 'bundles-ranked', order: ['C', 'A', 'B'] } })
    if (built.ok) expect(tryEvent(space, journal, built.event).ok).toBe(true)
  })
  it('records a rejection with a counter as levels, numbers as numbers', () => {
    const keys = {
      price: '200000',
      rollout: '45',
      billing: 'milestone',
      support: 'enterprise',
      credits: '20',
      term: '24',
      uplift: '0',
    }
    const built = answerEvent(
      answer({ kind: 'rejected', counter: true, counterTerms: keys, reason: 'over budget' }),
      issues,
    )
    expect(built).toEqual({
      ok: true,
      event: {
        type: 'offer-rejected',
        counter: {
          terms: {
            price: 200000,
            rollout: 45,
            billing: 'milestone',
            support: 'enterprise',
            credits: 20,
            term: 24,
            uplift: 0,
          },
        },
        reason: 'over budget',
      },
    })
    if (built.ok) expect(tryEvent(space, journal, built.event).ok).toBe(true)
  })
  it('gives the server’s refusal of an incomplete counter to several bundles at its path', () => {
    const built = answerEvent(
      answer({ kind: 'rejected', counter: true, counterTerms: { price: '200000' } }),
      issues,
    )
    expect(built.ok).toBe(true)
    if (!built.ok) return
    const tried = tryEvent(space, journal, built.event)
    expect(tried.ok).toBe(false)
    if (!tried.ok) expect(tried.problems[0]?.path).toBe('counter.terms')
  })
  it('records a rejection without a counter', () => {
    expect(answerEvent(answer({ kind: 'rejected' }), issues)).toEqual({
      ok: true,
      event: { type: 'offer-rejected' },
    })
  })
  it('asks for the counter’s levels when a counter is said to exist', () => {
    const built = answerEvent(answer({ kind: 'rejected', counter: true }), issues)
    expect(built.ok === false && built.problems[0]?.path).toBe('counter.terms')
  })
})

describe('concessions', () => {
  it('builds the give and the get from the selects, leaving empty ones unchanged', () => {
    const built = concessionEvent(
      { give: { credits: '15', term: '' }, get: { term: '36' }, trigger: ' if they sign by Friday ' },
      issues,
    )
    expect(built).toEqual({
      ok: true,
      event: {
        type: 'concession',
        give: { credits: 15 },
        get: { term: 36 },
        trigger: 'if they sign by Friday',
      },
    })
  })
  it('records a gift as a give with an empty get', () => {
    const built = concessionEvent({ give: { support: 'enterprise' }, get: {}, trigger: '' }, issues)
    expect(built.ok && built.event).toEqual({ type: 'concession', give: { support: 'enterprise' }, get: {} })
  })
  it('refuses a concession that moves nothing, as the server words it', () => {
    expect(concessionEvent({ give: {}, get: { price: '' }, trigger: '' }, issues)).toEqual({
      ok: false,
      problems: [{ path: 'give', message: 'a concession needs a give, a get, or both' }],
    })
  })
})

describe('contingencies', () => {
  it('builds the full contingency with beliefs as probabilities', () => {
    const built = contingencyEvent(
      contingency({
        within: '90 days',
        source: 'rollout tracker',
        reporting: 'weekly to both PMs',
        ours: 20,
        theirs: 55,
        exchangeIssue: 'term',
        exchangeLevel: '36',
      }),
      issues,
    )
    expect(built).toEqual({
      ok: true,
      event: {
        type: 'contingency-proposed',
        contingency: {
          metric: 'all 14 teams live',
          op: '>',
          threshold: 60,
          within: '90 days',
          consequence: { issue: 'credits', level: 15 },
          measurement: { source: 'rollout tracker', reporting: 'weekly to both PMs' },
          beliefs: { us: 0.2, them: 0.55 },
        },
        exchange: { term: 36 },
      },
    })
  })
  it('says who proposed it when they did', () => {
    const built = contingencyEvent(contingency({ side: 'them' }), issues)
    expect(built.ok && built.event.side).toBe('them')
  })
  it('asks for both probabilities or neither, in range', () => {
    const one = contingencyEvent(contingency({ ours: 20 }), issues)
    expect(one.ok === false && one.problems).toEqual([
      { path: 'contingency.beliefs.them', message: 'give both probabilities, or neither' },
    ])
    const wide = contingencyEvent(contingency({ ours: 120, theirs: 10 }), issues)
    expect(wide.ok === false && wide.problems[0]).toEqual({
      path: 'contingency.beliefs.us',
      message: 'must be a percentage from 0 to 100',
    })
  })
  it('names each missing part at its path', () => {
    const built = contingencyEvent(contingency({ metric: '', threshold: '', issue: '', level: '' }), issues)
    expect(built.ok === false && built.problems.map((p) => p.path)).toEqual([
      'contingency.metric',
      'contingency.threshold',
      'contingency.consequence.issue',
    ])
  })
  it('accepts by the proposal’s id, by them unless they proposed it', () => {
    expect(contingencyAcceptedEvent('X')).toEqual({
      ok: true,
      event: { type: 'contingency-accepted', target: 'X' },
    })
    expect(contingencyAcceptedEvent('X', 'us')).toEqual({
      ok: true,
      event: { type: 'contingency-accepted', target: 'X', side: 'us' },
    })
  })
})

describe('retractions', () => {
  it('needs a reason', () => {
    expect(retractEvent('01J00000000000000000000000', '  ').ok).toBe(false)
    expect(retractEvent('01J00000000000000000000000', 'typed the wrong bundle')).toEqual({
      ok: true,
      event: { type: 'retract', target: '01J00000000000000000000000', reason: 'typed the wrong bundle' },
    })
  })
})
