/**
 * The rules for what the method forbids or warns of in offers and agreements — a bundle that
 * breaks the agreed rule or falls below our floor, an agreement with no measures, no fairness story,
 * or a second one — and a plan still holding placeholders: each fires, where it should, and only then.
 */
import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import type { Plan } from '../model/plan'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { type Finding, lint } from './lint'

/** The reference plan, answered for applicability: reservation 55, BATNA 40, price >= 100000, rollout <= 60. */
function plan(changes: Partial<Plan> = {}): Plan {
  return { ...acmePlan(), applicability: { verifiable: true, timeForDiscovery: true }, ...changes }
}

function findingsOf(id: string, p: Plan, events: JournalEvent[] = []): Finding[] {
  const space = compileSpace(p)
  return lint({ space, events, state: replay(space, events) }).filter((finding) => finding.id === id)
}

const interest = () => event('interest-stated', { text: 'speed first', ranking: ['rollout', 'price'] })
const good = { price: 130000, rollout: 45, support: 'premium' }
const offer = (...bundles: Record<string, string | number>[]) =>
  event('offer-sent', { bundles: bundles.map((terms, k) => ({ label: 'ABC'[k], terms })) })
/** An agreement with everything the method asks for, so each test takes away one thing. */
const complete = {
  terms: good,
  measures: [{ metric: 'sites live', threshold: 45, reporting: 'weekly report', remedy: 'service credit' }],
  changeControl: 'written change requests',
  exit: 'off-ramp after two missed SLAs',
  governance: { reviewCadence: 'quarterly' },
  fairnessStory: 'Both sides priced against the same benchmark.',
}

describe('offer-breaks-rule', () => {
  it('points at the event and the bundle of a set that breaks the agreed rule, as an error', () => {
    const sent = offer(good, { ...good, rollout: 90 }, { ...good, rollout: 75, price: 140000 })
    const found = findingsOf('offer-breaks-rule', plan(), [interest(), sent])
    expect(found.map((finding) => [finding.severity, finding.place, finding.message])).toEqual([
      [
        'error',
        { document: 'journal', event: 1, eventId: sent.id, at: ['bundles', 1] },
        'bundle B breaks the decision rule agreed with them: rollout <= 60',
      ],
      [
        'error',
        { document: 'journal', event: 1, eventId: sent.id, at: ['bundles', 2] },
        'bundle C breaks the decision rule agreed with them: rollout <= 60',
      ],
    ])
  })

  it('fires on a single offer, and names every item of the rule it breaks', () => {
    const rule = {
      statement: 'fast and supported',
      require: [
        { issue: 'rollout', op: '<=' as const, value: 60 },
        { issue: 'support', op: 'in' as const, value: ['premium', 'enterprise'] },
      ],
    }
    const found = findingsOf('offer-breaks-rule', plan({ decisionRule: rule }), [
      interest(),
      offer({ ...good, rollout: 90, support: 'standard' }),
    ])
    expect(found.map((finding) => finding.message)).toEqual([
      'bundle A breaks the decision rule agreed with them: rollout <= 60 and support in [premium, enterprise]',
    ])
  })

  it('is silent for bundles that meet the rule, and for a plan whose rule has no machine-checkable item', () => {
    expect(
      findingsOf('offer-breaks-rule', plan(), [interest(), offer(good, { ...good, rollout: 60 })]),
    ).toEqual([])
    const spoken = plan({ decisionRule: { statement: 'Time to value under 60 days' } })
    expect(findingsOf('offer-breaks-rule', spoken, [interest(), offer({ ...good, rollout: 90 })])).toEqual([])
  })
})

describe('offer-below-reservation', () => {
  it('catches a bundle below our BATNA when the plan has no reservation', () => {
    const { reservation: _r, ...noReservation } = plan()
    const found = findingsOf('offer-below-reservation', noReservation, [
      interest(),
      offer({ price: 100000, rollout: 30, support: 'enterprise' }),
    ])
    expect(found.map((finding) => finding.message)).toEqual([
      'bundle A is worth 13.3 to us, below our BATNA (40.0)',
    ])
  })

  it('is silent for a bundle at or above both', () => {
    expect(findingsOf('offer-below-reservation', plan(), [interest(), offer(good)])).toEqual([])
  })
})

describe('agreement-below-reservation', () => {
  it('fires for an agreement above our BATNA but below our reservation, at its terms', () => {
    const agreed = event('agreed', { ...complete, terms: { ...good, price: 115000 } })
    const found = findingsOf('agreement-below-reservation', plan(), [interest(), offer(good), agreed])
    expect(found.map((finding) => [finding.severity, finding.place, finding.message])).toEqual([
      [
        'error',
        { document: 'journal', event: 2, eventId: agreed.id, at: ['terms'] },
        'the agreement is worth 46.1 to us, below our reservation',
      ],
    ])
  })

  it('leaves an agreement below our BATNA to agreement-below-batna, but still names a broken limit', () => {
    const poor = event('agreed', { ...complete, terms: { price: 95000, rollout: 30, support: 'enterprise' } })
    const events = [interest(), offer(good), poor]
    expect(findingsOf('agreement-below-reservation', plan(), events).map((f) => f.message)).toEqual([
      'the agreement breaks our limit price >= 100000',
    ])
    expect(findingsOf('agreement-below-batna', plan(), events)).toHaveLength(1)
  })

  it('is silent for an agreement worth our reservation or more', () => {
    expect(
      findingsOf('agreement-below-reservation', plan(), [interest(), offer(good), event('agreed', complete)]),
    ).toEqual([])
  })
})

describe('agreement-without-measures', () => {
  it('fires for an agreement with no measures, as a warning at its measures', () => {
    const { measures: _m, ...unmeasured } = complete
    const agreed = event('agreed', unmeasured)
    const found = findingsOf('agreement-without-measures', plan(), [interest(), offer(good), agreed])
    expect(found.map((finding) => [finding.severity, finding.place])).toEqual([
      ['warning', { document: 'journal', event: 2, eventId: agreed.id, at: ['measures'] }],
    ])
    expect(found[0]?.message).toContain('no measures')
  })

  it('counts its contingencies when it has some but no measures', () => {
    const contingency = {
      metric: 'uptime',
      op: '<',
      threshold: 99.9,
      consequence: { issue: 'price', level: 125000 },
      measurement: { source: 'status page', reporting: 'monthly' },
    }
    const found = findingsOf('agreement-without-measures', plan(), [
      interest(),
      offer(good),
      event('contingency-proposed', { contingency }),
      event('agreed', { ...complete, measures: [], contingencies: [contingency] }),
    ])
    expect(found.map((finding) => finding.message)).toEqual([
      'the agreement has 1 contingency but no measures (metric, threshold, reporting, remedy)',
    ])
  })

  it('is silent when the agreement has measures', () => {
    expect(
      findingsOf('agreement-without-measures', plan(), [interest(), offer(good), event('agreed', complete)]),
    ).toEqual([])
  })
})

describe('no-fairness-story', () => {
  it('fires for an agreement with no fairness story, or a blank one', () => {
    const { fairnessStory: _f, ...untold } = complete
    expect(
      findingsOf('no-fairness-story', plan(), [interest(), offer(good), event('agreed', untold)]),
    ).toHaveLength(1)
    expect(
      findingsOf('no-fairness-story', plan(), [
        interest(),
        offer(good),
        event('agreed', { ...complete, fairnessStory: '  ' }),
      ]),
    ).toHaveLength(1)
  })

  it('is silent when the agreement tells one, and before any agreement', () => {
    expect(
      findingsOf('no-fairness-story', plan(), [interest(), offer(good), event('agreed', complete)]),
    ).toEqual([])
    expect(findingsOf('no-fairness-story', plan(), [interest(), offer(good)])).toEqual([])
  })
})

describe('second-agreement', () => {
  it('fires at each agreement after the first, naming the one it replaces', () => {
    const first = event('agreed', complete)
    const second = event('agreed', { ...complete, terms: { ...good, support: 'enterprise' } })
    const found = findingsOf('second-agreement', plan(), [interest(), offer(good), first, second])
    expect(found.map((finding) => [finding.severity, finding.place, finding.message])).toEqual([
      [
        'warning',
        { document: 'journal', event: 3, eventId: second.id, at: [] },
        'a second agreement: it replaces the one recorded at event 3',
      ],
    ])
  })

  it('is silent for one agreement, and when the first was retracted', () => {
    const first = event('agreed', complete)
    expect(findingsOf('second-agreement', plan(), [interest(), offer(good), first])).toEqual([])
    const retracted = [
      interest(),
      offer(good),
      first,
      event('retract', { target: first.id, reason: 'recorded too early' }),
      event('agreed', complete),
    ]
    expect(findingsOf('second-agreement', plan(), retracted)).toEqual([])
  })
})

describe('unfilled-placeholder', () => {
  it('is an error at each text still holding a placeholder, naming the path and the blank', () => {
    const p = plan({
      title: '<Customer> renewal 2027',
      batna: { us: { description: '<what we do without this deal>', utility: 40 }, them: { utility: 35 } },
    })
    const found = findingsOf('unfilled-placeholder', p)
    expect(found.map((finding) => [finding.severity, finding.place, finding.message])).toEqual([
      ['error', { document: 'plan', at: ['title'] }, 'title still holds the placeholder <Customer>'],
      [
        'error',
        { document: 'plan', at: ['batna', 'us', 'description'] },
        'batna.us.description still holds the placeholder <what we do without this deal>',
      ],
    ])
  })

  it('is silent for a filled plan, and for the operators of a rule written in its statement', () => {
    expect(findingsOf('unfilled-placeholder', plan())).toEqual([])
    const statement = 'Rollout <= 60 days and price < 140000, uptime > 99.9'
    expect(findingsOf('unfilled-placeholder', plan({ decisionRule: { statement } }))).toEqual([])
  })
})
