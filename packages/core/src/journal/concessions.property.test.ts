import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan, Terms } from '../model/plan'
import { readOffer, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { event } from '../testing/events'
import { journalArb } from '../testing/journals'
import { runs } from '../testing/property-runs'
import { concessionLog, theirUtility } from './concessions'
import type { JournalEvent } from './events'
import { replay } from './replay'

interface Expected {
  giveCostUs: number
  getValueUs: number
  valueThem: number
  /** Whether a position stood elsewhere than the table: the cases the old measure got wrong. */
  offTable: boolean
}

/**
 * Journals built for this property: offers, picks, counters and concessions in any order, so a
 * concession often follows a counter or a later offer, where each side's position is off the table.
 */
function tradingArb(plan: Plan): fc.Arbitrary<JournalEvent[]> {
  const issues = compileSpace(plan).issues
  const terms: fc.Arbitrary<Terms> = fc
    .tuple(...issues.map((issue) => fc.constantFrom(...issue.levels)))
    .map((levels) => Object.fromEntries(issues.map((issue, k) => [issue.id, levels[k] ?? 0])))
  const partial = (minLength: number): fc.Arbitrary<Terms> =>
    terms.chain((full) =>
      fc
        .subarray(Object.keys(full), { minLength: Math.min(minLength, issues.length) })
        .map((keys) => Object.fromEntries(keys.map((key) => [key, full[key] ?? 0]))),
    )
  const move = fc.oneof(
    {
      arbitrary: fc
        .array(terms, { minLength: 1, maxLength: 3 })
        .map((bundles) => event('offer-sent', { bundles: bundles.map((t) => ({ terms: t })) })),
      weight: 3,
    },
    {
      arbitrary: fc.constantFrom('A', 'B', 'C').map((label) => event('bundle-chosen', { label })),
      weight: 2,
    },
    {
      arbitrary: fc
        .shuffledSubarray(['A', 'B', 'C'], { minLength: 2 })
        .map((order) => event('bundles-ranked', { order })),
      weight: 1,
    },
    {
      arbitrary: fc
        .oneof(terms, partial(1))
        .map((counter) => event('offer-rejected', { counter: { terms: counter } })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(partial(1), partial(0)).map(([give, get]) => event('concession', { give, get })),
      weight: 5,
    },
    {
      arbitrary: fc.tuple(fc.constantFrom('k1', 'k2'), partial(1)).map(([id, exchange]) =>
        event('contingency-proposed', {
          contingency: {
            id,
            metric: 'monthly uptime',
            op: '<',
            threshold: 99,
            consequence: { issue: issues[0]?.id ?? '', level: issues[0]?.levels[0] ?? 0 },
          },
          exchange,
        }),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom('k1', 'k2').map((target) => event('contingency-accepted', { target })),
      weight: 1,
    },
  )
  return fc
    .array(move, { minLength: 1, maxLength: 12 })
    .map((moves) => moves.map((e, k) => ({ ...e, id: `01JC${String(k).padStart(22, '0')}` }) as JournalEvent))
}

// Half the journals come from the shared generator (every kind of event, agreements included).
const negotiationArb = planArb({ maxIssues: 4, maxLevels: 4 }).chain((plan) =>
  fc.oneof(tradingArb(plan), journalArb(plan, { maxEvents: 10 })).map((events) => ({ plan, events })),
)

/**
 * The concessions' values re-derived by walking the events that replay applied, with plain maps:
 * our latest position is the last single bundle we offered, their pick from our latest set, or
 * our last concession (or accepted exchange) on the issue, or, when they counter a set of ours
 * without choosing from it, the bundle of it their counter changes least; theirs is their counter or pick, moved
 * by later gets (or accepted exchanges); where a side holds none, the table.
 */
function bruteForce(space: Space, events: readonly JournalEvent[]): Expected[] {
  const full = (terms: Terms) => {
    const read = readOffer(space, terms)
    if (!read.ok) throw new Error(`brute force built an invalid bundle: ${read.errors[0]?.message}`)
    return read.offer
  }
  const us = (terms: Terms) => utilityOf(space, full(terms)).us
  const them = (terms: Terms) => theirUtility(space, space.share.them, full(terms))
  const complete = (terms: Terms) => space.issues.every((issue) => terms[issue.id] !== undefined)
  let table: Terms | undefined
  let ours: Terms = {}
  let theirs: Terms = {}
  let latest: Terms[] = []
  // Whether a set of several bundles of ours awaits their answer.
  let open = false
  let agreed = false
  const exchanges: { eventId: string; id?: string; exchange?: Terms }[] = []
  const expected: Expected[] = []
  const label = (name: string) => latest[name.charCodeAt(0) - 65]
  for (const event of events) {
    switch (event.type) {
      case 'offer-sent':
        latest = event.bundles.map((bundle) => ({ ...bundle.terms }))
        open = latest.length > 1
        if (latest.length === 1 && latest[0]) {
          table = { ...latest[0] }
          ours = { ...latest[0] }
        }
        break
      case 'bundle-chosen':
      case 'bundles-ranked': {
        const pick = label(event.type === 'bundle-chosen' ? event.label : (event.order[0] ?? ''))
        if (!pick) throw new Error('replay applied a pick of a bundle never offered')
        table = { ...pick }
        ours = { ...pick }
        theirs = { ...pick }
        open = false
        break
      }
      case 'offer-rejected':
        if (event.counter) {
          // A partial counter changes the table (replay refuses one while a set awaits their answer).
          const counter = complete(event.counter.terms)
            ? { ...event.counter.terms }
            : { ...table, ...event.counter.terms }
          table = counter
          theirs = { ...counter }
          if (open) {
            const moved = (bundle: Terms) =>
              space.issues.filter((issue) => {
                const a = bundle[issue.id]
                const b = counter[issue.id]
                return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) > 1e-9 : a !== b
              }).length
            const least = latest.reduce((best, bundle) => (moved(bundle) < moved(best) ? bundle : best))
            ours = { ...least }
            open = false
          }
        }
        break
      case 'concession': {
        if (!table) throw new Error('replay applied a concession with nothing on the table')
        const fromUs = { ...table, ...ours }
        const fromThem = { ...table, ...theirs }
        const gave = { ...fromUs, ...event.give }
        const got = { ...fromThem, ...event.get }
        expected.push({
          giveCostUs: us(fromUs) - us(gave),
          getValueUs: us(got) - us(fromThem),
          valueThem: them(gave) - them(fromUs) + them(got) - them(fromThem),
          offTable:
            Object.keys(event.give).some((id) => fromUs[id] !== table?.[id]) ||
            Object.keys(event.get).some((id) => fromThem[id] !== table?.[id]),
        })
        table = { ...table, ...event.give, ...event.get }
        ours = { ...ours, ...event.give, ...event.get }
        theirs = { ...theirs, ...event.get }
        open = false
        break
      }
      case 'contingency-proposed':
        exchanges.push({
          eventId: event.id,
          ...(event.contingency.id ? { id: event.contingency.id } : {}),
          ...(event.exchange ? { exchange: event.exchange } : {}),
        })
        break
      case 'contingency-accepted': {
        const proposal = exchanges.find((item) => item.eventId === event.target || item.id === event.target)
        if (proposal?.exchange && table && !agreed) {
          table = { ...table, ...proposal.exchange }
          ours = { ...ours, ...proposal.exchange }
          theirs = { ...theirs, ...proposal.exchange }
          open = false
        }
        break
      }
      case 'agreed':
        table = { ...event.terms }
        agreed = true
        break
      default:
        break
    }
  }
  return expected
}

function check(plan: Plan, events: readonly JournalEvent[]) {
  const space = compileSpace(plan)
  const state = replay(space, events)
  const log = concessionLog(space, state.concessions, space.share.them)
  const expected = bruteForce(space, state.applied)
  return { log, expected }
}

describe('concessions measured from each side’s latest position', () => {
  it('values every give and get as a walk of the applied events does (brute force)', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events }) => {
        const { log, expected } = check(plan, events)
        expect(log).toHaveLength(expected.length)
        let balanceUs = 0
        let balanceThem = 0
        log.forEach((line, k) => {
          const want = expected[k]
          if (!want) throw new Error('a line the brute force did not expect')
          expect(line.giveCostUs).toBeCloseTo(want.giveCostUs, 9)
          expect(line.getValueUs).toBeCloseTo(want.getValueUs, 9)
          expect(line.valueUs).toBeCloseTo(want.getValueUs - want.giveCostUs, 9)
          expect(line.valueThem).toBeCloseTo(want.valueThem, 9)
          balanceUs += want.getValueUs - want.giveCostUs
          balanceThem += want.valueThem
          expect(line.balance.us).toBeCloseTo(balanceUs, 9)
          expect(line.balance.them).toBeCloseTo(balanceThem, 9)
          const gave = Object.keys(line.give).length > 0
          const got = Object.keys(line.get).length > 0
          expect(line.gift).toBe(gave && !got && want.giveCostUs > 1e-9)
          expect(line.reciprocated).toBe(got && want.getValueUs > 0)
          expect(line.flags.includes('give_gains_us')).toBe(gave && want.giveCostUs < -1e-9)
          expect(line.flags.includes('get_costs_us')).toBe(got && want.getValueUs < -1e-9)
        })
      }),
      { numRuns: runs(300) },
    )
  })

  it('is checked on journals where a position stands off the table, not only the easy ones', () => {
    const samples = fc.sample(negotiationArb, { numRuns: 300, seed: 12 })
    const offTable = samples.filter(({ plan, events }) =>
      check(plan, events).expected.some((item) => item.offTable),
    )
    expect(offTable.length).toBeGreaterThan(10)
  })
})
