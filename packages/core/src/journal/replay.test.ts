import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPath } from '../model/problem'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { counterBase } from './apply/offers'
import type { JournalEvent } from './events'
import { readEvent } from './read'
import { checkNewEvent, replay, stateAfter } from './replay'

const space = compileSpace(acmePlan())
const offer = (label: string, price: number, rollout: number, support: string) => ({
  label,
  terms: { price, rollout, support },
})
const meso = () =>
  event('offer-sent', {
    bundles: [
      offer('A', 110000, 60, 'enterprise'),
      offer('B', 130000, 30, 'premium'),
      offer('C', 125000, 45, 'enterprise'),
    ],
  })

describe('replay', () => {
  it('derives the stage of the method from the plan and the journal', () => {
    expect(replay(space, []).stage).toBe('setup')
    const { batna: _b, reservation: _r, ...unprepared } = acmePlan()
    expect(replay(compileSpace(unprepared), []).stage).toBe('prepare')
    const interest = event('interest-stated', { text: 'launch date first', ranking: ['rollout', 'price'] })
    expect(replay(space, [interest]).stage).toBe('first-move')
    const sent = meso()
    expect(replay(space, [interest, sent]).stage).toBe('first-move')
    const chose = event('bundle-chosen', { label: 'B' })
    expect(replay(space, [interest, sent, chose]).stage).toBe('midgame')
    const agreed = event('agreed', { terms: { price: 130000, rollout: 30, support: 'premium' } })
    expect(replay(space, [interest, sent, chose, agreed]).stage).toBe('close')
    expect(
      replay(space, [interest, sent, chose, agreed, event('debrief', { answers: { value: 'phasing' } })])
        .stage,
    ).toBe('debrief')
  })

  it('is deterministic: the same events give the same state', () => {
    const events = [
      meso(),
      event('bundle-chosen', { label: 'C' }),
      event('concession', { give: { rollout: 30 }, get: { price: 130000 } }),
    ]
    expect(JSON.stringify(replay(space, events))).toBe(JSON.stringify(replay(space, events)))
  })

  it('puts the chosen bundle, a single offer or their counter on the table, whichever came last', () => {
    const sent = meso()
    let state = replay(space, [sent, event('bundle-chosen', { label: 'B' })])
    expect(state.table?.terms).toEqual({ price: 130000, rollout: 30, support: 'premium' })
    expect(state.observations).toEqual([expect.objectContaining({ kind: 'choice', chosen: 1 })])
    state = replay(space, [
      sent,
      event('offer-rejected', { counter: { terms: { price: 115000, rollout: 30, support: 'enterprise' } } }),
    ])
    expect(state.table?.source).toBe('counter')
    const single = event('offer-sent', { bundles: [offer('A', 120000, 45, 'premium')] })
    // A partial counter to a single offer takes the rest from it.
    state = replay(space, [single, event('offer-rejected', { counter: { terms: { price: 110000 } } })])
    expect(state.table?.terms).toEqual({ price: 110000, rollout: 45, support: 'premium' })
  })

  it('reads a partial counter against the bundle on the table, unless a set awaits their answer', () => {
    const sent = meso()
    const single = event('offer-sent', { bundles: [offer('A', 120000, 45, 'premium')] })
    const partial = event('offer-rejected', { counter: { terms: { price: 110000 } } })
    // After our concession on a single offer: the table as the concession left it, not the offer.
    const conceded = event('concession', { give: { rollout: 30 }, get: { support: 'standard' } })
    let state = replay(space, [single, conceded, partial])
    expect(state.findings).toEqual([])
    expect(state.table?.terms).toEqual({ price: 110000, rollout: 30, support: 'standard' })
    // After their choice from a set: the bundle they chose.
    state = replay(space, [sent, event('bundle-chosen', { label: 'B' }), partial])
    expect(state.table?.terms).toEqual({ price: 110000, rollout: 30, support: 'premium' })
    // A new set over that table awaits their answer: they must say which bundle (or name every issue).
    state = replay(space, [sent, event('bundle-chosen', { label: 'B' }), meso(), partial])
    expect(counterBase(state)).toBeUndefined()
    expect(state.table?.source).toBe('choice')
    expect(state.findings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('a counter to several bundles must name every issue'),
      }),
    ])
  })

  it("moves the table by an accepted contingency's exchange, and not before it is accepted", () => {
    const sent = meso()
    const chose = event('bundle-chosen', { label: 'B' })
    const proposed = event('contingency-proposed', {
      contingency: {
        id: 'uptime',
        metric: 'uptime',
        op: '<',
        threshold: 99.9,
        consequence: { issue: 'price', level: 110000 },
        beliefs: { us: 0.1, them: 0.5 },
      },
      exchange: { support: 'enterprise' },
    })
    const pending = replay(space, [sent, chose, proposed])
    expect(pending.table?.terms).toEqual({ price: 130000, rollout: 30, support: 'premium' })
    const accepted = event('contingency-accepted', { target: 'uptime' })
    const after = replay(space, [sent, chose, proposed, accepted])
    expect(after.table?.terms).toEqual({ price: 130000, rollout: 30, support: 'enterprise' })
    expect(after.table?.source).toBe('contingency')
    expect(after.table?.eventId).toBe(accepted.id)
  })

  it('skips a retracted event, and everything it implied', () => {
    const sent = meso()
    const chose = event('bundle-chosen', { label: 'A' })
    const state = replay(space, [
      sent,
      chose,
      event('retract', { target: chose.id, reason: 'they chose B, not A' }),
      event('bundle-chosen', { label: 'B' }),
    ])
    expect(state.retracted).toEqual([chose.id])
    expect(state.observations).toHaveLength(1)
    expect(state.table?.terms.support).toBe('premium')
  })

  it('reports events that no longer fit an edited plan as findings, and keeps going', () => {
    const sent = meso()
    const events = [sent, event('bundle-chosen', { label: 'B' }), event('note', { text: 'call went well' })]
    const edited = acmePlan()
    edited.issues[2] = { ...edited.issues[2]!, id: 'support_tier' }
    const state = replay(compileSpace(edited), events)
    expect(state.findings.map((finding) => `${formatPath(finding.at)}: ${finding.code}`)).toEqual(
      expect.arrayContaining(['bundles[0].terms.support: unknown_issue', 'label: no_offer']),
    )
    expect(state.applied.map((e) => e.type)).toEqual(['note'])
  })
})

describe('checking new events', () => {
  const base = [meso()]
  const problems = (raw: Record<string, unknown>) => {
    const read = readEvent({
      id: '01J00000000000000000000999',
      at: '2026-11-25T10:00:00Z',
      side: 'us',
      round: 1,
      planVersion: 'x',
      ...raw,
    })
    if (!read.ok) return read.errors.map((error) => `${formatPath(error.at)}: ${error.message}`)
    return checkNewEvent(space, base, read.event).map((error) => `${formatPath(error.at)}: ${error.message}`)
  }

  it('rejects unknown event types, unknown fields and bad ids, like plans', () => {
    expect(problems({ type: 'bundle-chosn', label: 'A' })).toEqual([
      'type: unknown event type "bundle-chosn" (did you mean \'bundle-chosen\'?)',
    ])
    expect(problems({ type: 'bundle-chosen', label: 'A', lable: 'B' })).toEqual([
      "lable: unknown field 'lable' (did you mean 'label'?)",
    ])
    expect(
      readEvent({
        type: 'note',
        text: 'x',
        id: 'nope',
        at: '2026-11-25T10:00:00Z',
        side: 'us',
        round: 1,
        planVersion: 1,
      }).ok,
    ).toBe(false)
  })

  it('rejects events naming unknown issues or levels', () => {
    expect(problems({ type: 'offer-sent', bundles: [offer('A', 110000, 60, 'gold')] })).toEqual([
      "bundles[0].terms.support: 'gold' is not an option of 'support' (options: standard, premium, enterprise)",
    ])
    expect(problems({ type: 'interest-stated', text: 'x', ranking: ['rollout', 'pirce'] })).toEqual([
      "ranking[1]: unknown issue 'pirce'",
    ])
    expect(problems({ type: 'bundle-chosen', label: 'D' })).toEqual([
      "label: the latest offer has no bundle 'D' (it has A, B, C)",
    ])
  })

  it('rejects a concession with nothing on the table', () => {
    expect(problems({ type: 'concession', give: { price: 120000 }, get: {} })).toEqual([
      ': a concession changes the bundle on the table, and there is none: record a single offer, their choice or their counter first',
    ])
  })

  it('rejects a duplicate id and a retraction of nothing', () => {
    const [sent] = base
    expect(checkNewEvent(space, base, { ...sent!, type: 'note', text: 'x' } as never)[0]?.code).toBe(
      'duplicate_id',
    )
    expect(problems({ type: 'retract', target: '01J00000000000000000000777', reason: 'oops' })).toEqual([
      'target: no event in the journal has the id 01J00000000000000000000777',
    ])
  })
})

describe('stateAfter (appending without replaying)', () => {
  const levels = {
    price: [90000, 110000, 125000, 140000],
    rollout: [30, 60, 120],
    support: ['standard', 'premium', 'enterprise'],
  }
  const terms = fc.record({
    price: fc.constantFrom(...levels.price),
    rollout: fc.constantFrom(...levels.rollout),
    support: fc.constantFrom(...levels.support),
  })
  const partial = terms.chain((full) =>
    fc
      .subarray(Object.keys(full))
      .map((keys) => Object.fromEntries(keys.map((key) => [key, full[key as keyof typeof full]]))),
  )
  const label = fc.constantFrom('A', 'B', 'C', 'D')
  // Events of every kind but retraction, some of which do not fit where they land (a choice before
  // any offer, a label never offered): those must be refused exactly as a replay skips them.
  const move = fc.oneof(
    fc
      .array(terms, { minLength: 1, maxLength: 3 })
      .map((bundles) => event('offer-sent', { bundles: bundles.map((t) => ({ terms: t })) })),
    label.map((l) => event('bundle-chosen', { label: l })),
    fc.shuffledSubarray(['A', 'B', 'C'], { minLength: 2 }).map((order) => event('bundles-ranked', { order })),
    fc
      .option(partial)
      .map((counter) => event('offer-rejected', counter ? { counter: { terms: counter } } : {})),
    fc
      .shuffledSubarray(['price', 'rollout', 'support'], { minLength: 1 })
      .map((ranking) => event('interest-stated', { text: 'what matters', ranking })),
    fc.tuple(partial, partial).map(([give, get]) => event('concession', { give, get })),
    fc.constantFrom('k1', 'k2').map((id) =>
      event('contingency-proposed', {
        contingency: {
          id,
          metric: 'uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 110000 },
          beliefs: { us: 0.1, them: 0.5 },
        },
      }),
    ),
    fc.constantFrom('k1', 'k2', 'nothing').map((target) => event('contingency-accepted', { target })),
    fc.constant(event('note', { text: 'a note' })),
    terms.map((t) => event('agreed', { terms: t })),
    fc.constant(event('debrief', { answers: { value: 'phasing' } })),
  )

  /** Appends each event with stateAfter, checking it against a full replay; the types it accepted. */
  function appendAll(moves: readonly JournalEvent[]): Set<string> {
    const acceptedTypes = new Set<string>()
    // Fresh ids: the same generated event may appear twice.
    const events = moves.map((e, k) => ({ ...e, id: `01JN${String(k).padStart(22, '0')}` }) as JournalEvent)
    let state = replay(space, [])
    let accepted: JournalEvent[] = []
    for (const next of events) {
      const before = JSON.stringify(state)
      const result = stateAfter(space, state, next as Exclude<JournalEvent, { type: 'retract' }>)
      expect(JSON.stringify(state)).toBe(before)
      expect(result.problems).toEqual(checkNewEvent(space, accepted, next))
      if (result.problems.length === 0) {
        accepted = [...accepted, next]
        acceptedTypes.add(next.type)
        expect(result.state).toEqual(replay(space, accepted))
        state = result.state
      }
    }
    return acceptedTypes
  }

  it('gives what a full replay gives, event after event (property)', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 14 }), (moves) => {
        appendAll(moves)
      }),
      { numRuns: 300 },
    )
  })

  it('is checked on journals that reach every kind of event, not only the easy ones', () => {
    // A fixed sample, so that what the generator reaches is known, whatever the property's seed.
    const reached = new Set<string>()
    for (const moves of fc.sample(fc.array(move, { maxLength: 14 }), { numRuns: 300, seed: 20261125 }))
      for (const type of appendAll(moves)) reached.add(type)
    expect([...reached].sort()).toEqual([
      'agreed',
      'bundle-chosen',
      'bundles-ranked',
      'concession',
      'contingency-accepted',
      'contingency-proposed',
      'debrief',
      'interest-stated',
      'note',
      'offer-rejected',
      'offer-sent',
    ])
  })
})
