import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Terms } from '../model/plan'
import { formatPath } from '../model/problem'
import { type Offer, readOffer, scoreOffer, termsOf, utilityOf } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { type Admission, type AdmissionDefaults, admitEvent, PREVIEW_EVENT } from './admit'
import type { JournalEvent } from './events'
import { completeEvent, isEventType, readEvent } from './read'
import { checkNewEvent, type NegotiationState, nextRound, replay } from './replay'

const space = compileSpace(acmePlan())
const at = '2026-11-25T10:00:00.000Z'
const idOf = (k: number) => `01JA${String(k).padStart(22, '0')}`
const defaults = (k: number): AdmissionDefaults => ({ id: idOf(k), at, planVersion: 3 })
const empty = { events: [], state: replay(space, []) }
const sent = {
  type: 'offer-sent',
  bundles: [
    { terms: { price: 110000, rollout: 60, support: 'enterprise' } },
    { terms: { price: 130000, rollout: 30, support: 'premium' } },
  ],
}

/** Admits bodies one after another over a remembered journal, as the server does. */
function admitAll(bodies: readonly unknown[]): { journal: { events: JournalEvent[] }; last: Admission } {
  let events: JournalEvent[] = []
  let state = replay(space, [])
  let last: Admission = { ok: false, problems: [] }
  bodies.forEach((body, k) => {
    last = admitEvent(space, { events, state }, body, defaults(k))
    if (last.ok) {
      events = [...events, last.event]
      state = last.state
    }
  })
  return { journal: { events }, last }
}

const problemsOf = (admission: Admission) =>
  admission.ok ? [] : admission.problems.map((p) => `${p.code} ${formatPath(p.at)}: ${p.message}`)

describe('admitting an event', () => {
  it('fills in what the body leaves out: id, time, side, round, plan version and labels', () => {
    const admitted = admitEvent(space, empty, sent, defaults(0))
    expect(admitted.ok).toBe(true)
    if (!admitted.ok) return
    expect(admitted.event).toMatchObject({ id: idOf(0), at, side: 'us', round: 1, planVersion: 3 })
    expect(admitted.event.type === 'offer-sent' && admitted.event.bundles.map((b) => b.label)).toEqual([
      'A',
      'B',
    ])
    expect(admitted.state).toEqual(replay(space, [admitted.event]))
  })

  it('keeps what the body gives', () => {
    const admitted = admitEvent(space, empty, { ...sent, id: idOf(9), side: 'them' }, defaults(0))
    expect(admitted.ok && [admitted.event.id, admitted.event.side]).toEqual([idOf(9), 'them'])
  })

  it('refuses a body the schemas do not read, at its path', () => {
    expect(problemsOf(admitEvent(space, empty, { type: 'bundle-chosen' }, defaults(0)))).toEqual([
      expect.stringMatching(/^\w+ label: /),
    ])
    expect(problemsOf(admitEvent(space, empty, { type: 'offer-snet' }, defaults(0)))[0]).toMatch(
      /did you mean 'offer-sent'/,
    )
    expect(problemsOf(admitEvent(space, empty, 'not an event', defaults(0)))).toHaveLength(1)
  })

  it('refuses a move that does not fit the journal so far', () => {
    expect(problemsOf(admitEvent(space, empty, { type: 'bundle-chosen', label: 'A' }, defaults(0)))).toEqual([
      'no_offer label: no offer has been sent yet: record an offer-sent event first',
    ])
  })

  it('refuses an id already in the journal, and a retraction of what is not there', () => {
    const { journal } = admitAll([sent])
    const state = replay(space, journal.events)
    expect(
      problemsOf(admitEvent(space, { ...journal, state }, { ...sent, id: idOf(0) }, defaults(1))),
    ).toEqual([`duplicate_id id: an event with id ${idOf(0)} is already in the journal`])
    const retract = { type: 'retract', target: idOf(7), reason: 'typed the wrong offer' }
    expect(problemsOf(admitEvent(space, { ...journal, state }, retract, defaults(1)))).toEqual([
      `unknown_target target: no event in the journal has the id ${idOf(7)}`,
    ])
  })

  it('admits a retraction against the whole journal, and replays it', () => {
    const retract = { type: 'retract', target: idOf(0), reason: 'typed the wrong offer' }
    const { journal, last } = admitAll([sent, retract])
    expect(last.ok).toBe(true)
    if (last.ok) expect(last.state).toEqual(replay(space, journal.events))
    expect(problemsOf(admitAll([sent, retract, retract]).last)).toEqual([
      `already_retracted target: ${idOf(0)} is already retracted`,
    ])
  })

  it('admits a preview under an id no recorded event has', () => {
    const admitted = admitEvent(space, empty, sent, PREVIEW_EVENT)
    expect(admitted.ok && admitted.event.id).toBe(PREVIEW_EVENT.id)
  })
})

describe('warnings when a move falls short for us', () => {
  const good = { price: 130000, rollout: 45, support: 'premium' }
  const warned = (admission: Admission) =>
    admission.ok ? admission.warnings.map((w) => `${formatPath(w.at)}: ${w.message}`) : ['refused']

  it('records an offer that breaks the rule and falls below our floor, and says so at the bundle', () => {
    const body = {
      type: 'offer-sent',
      bundles: [{ terms: good }, { terms: { price: 100000, rollout: 90, support: 'enterprise' } }],
    }
    const admitted = admitEvent(space, empty, body, defaults(0))
    expect(admitted.ok).toBe(true)
    expect(warned(admitted)).toEqual([
      'bundles[1]: bundle B breaks the decision rule agreed with them: rollout <= 60',
      'bundles[1]: bundle B is worth 24.4 to us, below our reservation and our BATNA (40.0)',
    ])
    expect(admitted.ok && admitted.warnings.every((w) => w.severity === 'warning')).toBe(true)
    expect(admitted.ok && admitted.state.offers).toHaveLength(1)
  })

  it('warns of nothing for an offer that meets the rule, our limits and our floor', () => {
    expect(
      warned(admitEvent(space, empty, { type: 'offer-sent', bundles: [{ terms: good }] }, defaults(0))),
    ).toEqual([])
  })

  it('records an agreement below our limits and BATNA, warning at its terms; a good one passes quietly', () => {
    const { journal } = admitAll([{ type: 'offer-sent', bundles: [{ terms: good }] }])
    const state = replay(space, journal.events)
    const poor = { type: 'agreed', terms: { price: 95000, rollout: 30, support: 'enterprise' } }
    expect(warned(admitEvent(space, { ...journal, state }, poor, defaults(5)))).toEqual([
      'terms: the agreement is worth 6.7 to us, below our reservation and our BATNA (40.0)',
      'terms: the agreement breaks our limit price >= 100000',
    ])
    expect(
      warned(admitEvent(space, { ...journal, state }, { type: 'agreed', terms: good }, defaults(5))),
    ).toEqual([])
  })

  it('judges a concession by the bundle it leaves on the table', () => {
    const { journal } = admitAll([{ type: 'offer-sent', bundles: [{ terms: good }] }])
    const state = replay(space, journal.events)
    const gift = { type: 'concession', give: { price: 100000 }, get: {} }
    expect(warned(admitEvent(space, { ...journal, state }, gift, defaults(5)))).toEqual([
      'get: a gift: this give costs us 40.0 points and asks nothing back: trade it for something we value instead',
      ': the bundle on the table after this concession is worth 26.1 to us, below our reservation and our BATNA (40.0)',
    ])
    const trade = { type: 'concession', give: { support: 'enterprise' }, get: { price: 135000 } }
    expect(warned(admitEvent(space, { ...journal, state }, trade, defaults(5)))).toEqual([])
  })

  it('says when a term of a concession moves the wrong way for its half: a give our way, a get theirs', () => {
    const { journal } = admitAll([{ type: 'offer-sent', bundles: [{ terms: good }] }])
    const state = replay(space, journal.events)
    // From our offer (price 130,000, support premium): a higher price is worth more to us, and
    // support enterprise costs us (as the trade above shows, it is a give).
    const backwards = { type: 'concession', give: { price: 140000 }, get: { support: 'enterprise' } }
    const admitted = admitEvent(space, { ...journal, state }, backwards, defaults(5))
    expect(admitted.ok && admitted.warnings.map((w) => w.code)).toEqual(['give_gains_us', 'get_costs_us'])
    expect(warned(admitted)).toEqual([
      expect.stringMatching(
        /^give\.price: give price 140,000 USD\/year: from our latest position \(130,000 USD\/year\) this moves price our way, worth \+\d+\.\d to us: was it a get\?$/,
      ),
      expect.stringMatching(
        /^get\.support: get support enterprise: from their latest position \(premium\) this moves support their way, costing us \d+\.\d points: was it a give\?$/,
      ),
    ])
  })

  it('says when a term of a concession moves nothing: a give where we stand, a get where they stand', () => {
    const { journal } = admitAll([{ type: 'offer-sent', bundles: [{ terms: good }] }])
    const state = replay(space, journal.events)
    // The table is our offer: price 130,000 is where we stand, and (nothing else said) where they do.
    const idle = { type: 'concession', give: { price: 130000 }, get: { support: 'premium' } }
    expect(warned(admitEvent(space, { ...journal, state }, idle, defaults(5)))).toEqual([
      'give.price: give price 130,000 USD/year: our latest position on price is already 130,000 USD/year, so this gives them nothing',
      'get.support: get support premium: their latest position on support is already premium, so this asks nothing of them',
    ])
    const admitted = admitEvent(space, { ...journal, state }, idle, defaults(5))
    expect(admitted.ok && admitted.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['give_moves_nothing', 'warning'],
      ['get_moves_nothing', 'warning'],
    ])
    // Half idle: only that half is named.
    const half = { type: 'concession', give: { support: 'enterprise' }, get: { price: 130000 } }
    expect(warned(admitEvent(space, { ...journal, state }, half, defaults(5)))).toEqual([
      'get.price: get price 130,000 USD/year: their latest position on price is already 130,000 USD/year, so this asks nothing of them',
    ])
  })

  it('says when their counter is one of our bundles exactly as we offered it', () => {
    const { journal } = admitAll([sent])
    const state = replay(space, journal.events)
    const counter = (terms: Terms) => ({ type: 'offer-rejected', counter: { terms } })
    const second = sent.bundles[1]?.terms as Terms
    expect(warned(admitEvent(space, { ...journal, state }, counter(second), defaults(5)))).toEqual([
      'counter.terms: their counter is bundle B exactly as we offered it: it changes nothing, yet it is recorded as a rejection; if they took bundle B, retract this and record that they chose it',
    ])
    // One term moved, or no counter: nothing to say.
    expect(
      warned(admitEvent(space, { ...journal, state }, counter({ ...second, price: 120000 }), defaults(5))),
    ).toEqual([])
    expect(warned(admitEvent(space, { ...journal, state }, { type: 'offer-rejected' }, defaults(5)))).toEqual(
      [],
    )
    // A single offer: it is "our offer".
    const single = admitAll([{ type: 'offer-sent', bundles: [{ terms: good }] }]).journal
    expect(
      warned(
        admitEvent(space, { ...single, state: replay(space, single.events) }, counter(good), defaults(5)),
      ),
    ).toEqual([
      'counter.terms: their counter is our offer exactly as we offered it: it changes nothing, yet it is recorded as a rejection; if they took our offer, retract this and record that they chose it',
    ])
  })

  it('says when a contingency moves nothing: its consequence is the level the deal already has', () => {
    const { journal } = admitAll([{ type: 'offer-sent', bundles: [{ terms: good }] }])
    const state = replay(space, journal.events)
    const contingency = (level: string, exchange?: Terms) => ({
      type: 'contingency-proposed',
      contingency: {
        id: 'k',
        metric: 'monthly uptime',
        op: '<',
        threshold: 99.5,
        consequence: { issue: 'support', level },
      },
      ...(exchange ? { exchange } : {}),
    })
    // The table has support premium: a consequence of premium changes nothing.
    expect(warned(admitEvent(space, { ...journal, state }, contingency('premium'), defaults(5)))).toEqual([
      'contingency.consequence.level: the consequence, support tier premium, is the level the deal already has: whatever the measure shows, nothing moves; name the level it should move to',
    ])
    expect(warned(admitEvent(space, { ...journal, state }, contingency('enterprise'), defaults(5)))).toEqual(
      [],
    )
    // Its exchange moves the deal first: enterprise by exchange, then enterprise by consequence is idle.
    expect(
      warned(
        admitEvent(
          space,
          { ...journal, state },
          contingency('enterprise', { support: 'enterprise' }),
          defaults(5),
        ),
      ),
    ).toHaveLength(1)
  })

  it('takes meeting their counter on an issue as a give, though the table already has that level', () => {
    const { journal } = admitAll([
      { type: 'offer-sent', bundles: [{ terms: good }] },
      { type: 'offer-rejected', side: 'them', counter: { terms: { ...good, price: 115000 } } },
    ])
    const state = replay(space, journal.events)
    // Their counter is on the table at 115,000; we stood at 130,000: giving 115,000 moves us.
    const meet = { type: 'concession', give: { price: 115000 }, get: { rollout: 60 } }
    const admitted = admitEvent(space, { ...journal, state }, meet, defaults(5))
    expect(admitted.ok).toBe(true)
    expect(admitted.ok && admitted.warnings.filter((w) => w.code.endsWith('_moves_nothing'))).toEqual([])
  })
})

describe('admitting over a remembered state (property)', () => {
  const terms = fc.record({
    price: fc.constantFrom(90000, 110000, 125000, 140000),
    rollout: fc.constantFrom(30, 60, 120),
    support: fc.constantFrom('standard', 'premium', 'enterprise'),
  })
  const label = fc.constantFrom('A', 'B', 'C')
  /** A body as a person or a form writes it; `reuse` picks an earlier id by index. */
  const body: fc.Arbitrary<(ids: readonly string[]) => unknown> = fc.oneof(
    fc.array(terms, { minLength: 1, maxLength: 3 }).map((bundles) => () => ({
      type: 'offer-sent',
      bundles: bundles.map((t) => ({ terms: t })),
    })),
    label.map((l) => () => ({ type: 'bundle-chosen', label: l })),
    fc.tuple(terms, terms).map(([give, get]) => () => ({
      type: 'concession',
      give: { price: give.price },
      get: { rollout: get.rollout },
    })),
    terms.map((t) => () => ({ type: 'agreed', terms: t })),
    fc.constant(() => ({ type: 'note', text: 'a note' })),
    fc.constant(() => ({ type: 'bundle-chosen' })),
    fc.constant(() => ({ type: 'no-such-type' })),
    fc.nat().map((k) => (ids: readonly string[]) => ({
      type: 'retract',
      target: ids.length > 0 ? ids[k % ids.length] : idOf(999),
      reason: 'a mistake',
    })),
    fc.nat().map((k) => (ids: readonly string[]) => ({
      type: 'note',
      text: 'a note under a reused id',
      id: ids.length > 0 ? ids[k % ids.length] : idOf(998),
    })),
  )

  /**
   * The warnings by definition: each bundle the move puts in play — every bundle of an offer, the
   * agreed terms, the bundle on the table after a concession — scored against the plan, in the state
   * a full replay gives: a `breaks_rule`, `below_floor` or `breaks_limit` warning at its place; and
   * for a concession, each give or get that leaves its side's position where it stood.
   */
  function warningsByDefinition(state: NegotiationState, event: JournalEvent): string[] {
    const judged = (offer: Offer, at: string) => {
      const score = scoreOffer(space, offer)
      const below =
        (score.margin.reservation !== null && score.margin.reservation < 0) ||
        (score.margin.batnaUs !== null && score.margin.batnaUs < 0)
      return [
        score.meetsDecisionRule ? '' : `breaks_rule ${at}`,
        below ? `below_floor ${at}` : '',
        score.breaksLimits ? `breaks_limit ${at}` : '',
      ].filter((item) => item !== '')
    }
    if (event.type === 'offer-sent')
      return (state.offers.at(-1)?.bundles ?? []).flatMap((bundle, k) =>
        judged(bundle.offer, `bundles[${k}]`),
      )
    if (event.type === 'agreed' && state.agreed) return judged(state.agreed.offer, 'terms')
    if (event.type === 'concession' && state.table) {
      // A term that leaves the side's position where it stood (our give, their get) moves nothing.
      const record = state.concessions.at(-1)
      const idle = (half: 'give' | 'get', before?: Offer, after?: Offer) =>
        Object.keys(record?.[half] ?? {})
          .filter((id) => {
            const i = space.issues.findIndex((issue) => issue.id === id)
            return before?.values[i] === after?.values[i]
          })
          .map((id) => `${half === 'give' ? 'give' : 'get'}_moves_nothing ${half}.${id}`)
      // A term that moves the wrong way for its half: a give worth more to us than where we stood, a
      // get worth less to us than where they stood (each term alone, from that side's position).
      const us = (terms: Terms) => {
        const read = readOffer(space, terms)
        if (!read.ok) throw new Error('a position with one term changed does not read')
        return utilityOf(space, read.offer).us
      }
      const backwards = (half: 'give' | 'get', from?: Offer) =>
        Object.entries(record?.[half] ?? {})
          .filter(([id, level]) => {
            if (!from) return false
            const terms = termsOf(space, from)
            const change = us({ ...terms, [id]: level }) - us(terms)
            return half === 'give' ? change > 1e-9 : change < -1e-9
          })
          .map(([id]) => `${half === 'give' ? 'give_gains_us' : 'get_costs_us'} ${half}.${id}`)
      const gift =
        record &&
        Object.keys(record.give).length > 0 &&
        Object.keys(record.get).length === 0 &&
        us(termsOf(space, record.ourPosition)) - us(termsOf(space, record.ourPositionAfterGive)) > 1e-9
      return [
        ...idle('give', record?.ourPosition, record?.ourPositionAfterGive),
        ...idle('get', record?.theirPosition, record?.theirPositionAfterGet),
        ...backwards('give', record?.ourPosition),
        ...backwards('get', record?.theirPosition),
        ...(gift ? ['gift get'] : []),
        ...judged(state.table.offer, ''),
      ]
    }
    return []
  }

  const warningsOf = (admission: Admission) =>
    admission.ok ? admission.warnings.map((w) => `${w.code} ${formatPath(w.at)}`) : []

  /** The definition: complete against a full replay, read, then check against the whole journal. */
  function byDefinition(events: readonly JournalEvent[], raw: unknown, k: number): Admission {
    const state = replay(space, events)
    const type = (raw as { type?: unknown }).type
    const completed = completeEvent(raw, {
      ...defaults(k),
      round: isEventType(type) ? nextRound(state, type) : 0,
    })
    const read = readEvent(completed)
    if (!read.ok) return { ok: false, problems: read.errors }
    const problems = checkNewEvent(space, events, read.event).filter((p) => p.severity === 'error')
    if (problems.length > 0) return { ok: false, problems }
    const after = replay(space, [...events, read.event])
    // Compared by code and place below; the wording is `shortfalls.ts`'s, tested there and in lint.
    return { ok: true, event: read.event, state: after, warnings: [] }
  }

  it('gives what checking against a full replay gives, event after event, warnings included', () => {
    let warnings = 0
    fc.assert(
      fc.property(fc.array(body, { maxLength: 12 }), (makers) => {
        let events: JournalEvent[] = []
        let state = replay(space, [])
        makers.forEach((make, k) => {
          const raw = make(events.map((event) => event.id))
          const admitted = admitEvent(space, { events, state }, raw, defaults(k))
          const expected = byDefinition(events, raw, k)
          expect({ ...admitted, warnings: [] }).toEqual({ ...expected, warnings: [] })
          if (admitted.ok && expected.ok)
            expect(warningsOf(admitted)).toEqual(warningsByDefinition(expected.state, admitted.event))
          warnings += warningsOf(admitted).length
          if (admitted.ok) {
            events = [...events, admitted.event]
            state = admitted.state
          }
        })
      }),
      { numRuns: 200 },
    )
    // The bodies include bundles that break the rule and our limit: the comparison is not vacuous.
    expect(warnings).toBeGreaterThan(0)
  })
})
