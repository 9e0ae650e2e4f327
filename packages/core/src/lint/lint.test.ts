import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import type { Plan } from '../model/plan'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { type Finding, lint } from './lint'
import { RULES } from './rules'

/** The reference plan, answered for applicability, so it starts clean. */
function plan(changes: Partial<Plan> = {}): Plan {
  return { ...acmePlan(), applicability: { verifiable: true, timeForDiscovery: true }, ...changes }
}

function findings(p: Plan, events: JournalEvent[] = [], phrases: string[] = []): Finding[] {
  const space = compileSpace(p)
  return lint({
    space,
    events,
    state: replay(space, events),
    phrases: phrases.map((text, k) => ({ id: `p${k}`, kind: 'open', text })),
  })
}

const fired = (p: Plan, events: JournalEvent[] = [], phrases: string[] = []) =>
  new Set(findings(p, events, phrases).map((f) => f.id))

const interest = () => event('interest-stated', { text: 'speed first', ranking: ['rollout', 'price'] })
const single = (terms: Record<string, string | number>) =>
  event('offer-sent', { bundles: [{ label: 'A', terms }] })
const good = { price: 130000, rollout: 45, support: 'premium' }

describe('lint', () => {
  it('finds nothing wrong with a well-prepared plan and an orderly negotiation', () => {
    const events = [
      interest(),
      single(good),
      event('concession', { give: { support: 'enterprise' }, get: { price: 135000 } }),
      event('agreed', {
        terms: { price: 135000, rollout: 45, support: 'enterprise' },
        measures: [
          {
            metric: 'sites live',
            threshold: 45,
            reporting: 'weekly rollout report',
            remedy: 'service credit',
          },
        ],
        changeControl: 'written change requests',
        exit: 'off-ramp after two missed SLAs',
        governance: { reviewCadence: 'quarterly' },
        fairnessStory: 'Both sides priced against the same analyst benchmark and traded support for price.',
      }),
    ]
    expect(findings(plan(), events, ['Comparable deals run from 95,000 to 125,000 USD/year.'])).toEqual([])
  })

  const cases: [keyof typeof RULES, () => { plan: Plan; events?: JournalEvent[]; phrases?: string[] }][] = [
    ['noBatna', () => ({ plan: plan({ batna: { them: { utility: 35 } } }) })],
    [
      'noReservation',
      () => {
        const { reservation: _r, ...rest } = plan()
        return { plan: rest }
      },
    ],
    ['reservationBelowBatna', () => ({ plan: plan({ reservation: 30 }) })],
    [
      'noDecisionRule',
      () => {
        const { decisionRule: _d, ...rest } = plan()
        return { plan: rest }
      },
    ],
    [
      'privateFigure',
      () => ({ plan: plan({ decisionRule: { statement: 'Anything above 55 works for us' } }) }),
    ],
    [
      'internalEvidence',
      () => ({
        plan: plan({
          evidence: [
            { claim: 'Lost deals went to cheaper rivals', source: 'win/loss interviews', shareable: false },
          ],
          anchor: { issue: 'price', low: 120000, high: 135000, rationale: 'Our win/loss interviews say so.' },
        }),
      }),
    ],
    ['winWin', () => ({ plan: plan(), phrases: ['This is a win-win for both of us.'] })],
    [
      'gift',
      () => ({
        plan: plan(),
        events: [interest(), single(good), event('concession', { give: { price: 125000 }, get: {} })],
      }),
    ],
    [
      'oneWayRun',
      () => ({
        plan: plan(),
        events: [
          interest(),
          single(good),
          event('concession', { give: { price: 125000 }, get: {} }),
          event('concession', { give: { rollout: 30 }, get: {} }),
        ],
      }),
    ],
    [
      'tooManyBundles',
      () => ({
        plan: plan(),
        events: [
          interest(),
          event('offer-sent', {
            bundles: [good, good, good, good].map((terms, k) => ({ label: 'ABCD'[k], terms })),
          }),
        ],
      }),
    ],
    [
      'notEquivalent',
      () => ({
        plan: plan(),
        events: [
          interest(),
          event('offer-sent', {
            bundles: [
              { label: 'A', terms: good },
              { label: 'B', terms: { ...good, price: 100000 } },
            ],
          }),
        ],
      }),
    ],
    [
      'offerBelowReservation',
      () => ({
        plan: plan(),
        events: [interest(), single({ price: 95000, rollout: 30, support: 'enterprise' })],
      }),
    ],
    [
      'unmeasurable',
      () => ({
        plan: plan(),
        events: [
          interest(),
          single(good),
          event('contingency-proposed', {
            contingency: {
              metric: 'uptime',
              op: '<',
              threshold: 99.9,
              consequence: { issue: 'price', level: 125000 },
            },
          }),
        ],
      }),
    ],
    [
      'noGovernance',
      () => ({ plan: plan(), events: [interest(), single(good), event('agreed', { terms: good })] }),
    ],
    [
      'agreementBelowBatna',
      () => ({
        plan: plan(),
        events: [
          interest(),
          event('agreed', {
            terms: { price: 90000, rollout: 30, support: 'enterprise' },
            changeControl: 'x',
            exit: 'y',
            governance: { reviewCadence: 'z' },
          }),
        ],
      }),
    ],
    [
      'anchorWithoutEvidence',
      () => ({ plan: plan({ anchor: { issue: 'price', low: 120000, high: 135000 } }) }),
    ],
    ['anchorBeforeDiscovery', () => ({ plan: plan(), events: [single(good)] })],
    [
      'batnaGap',
      () => ({ plan: plan({ batna: { us: { utility: 40 }, them: { utility: 60 } }, reservation: 45 }) }),
    ],
    ['pressure', () => ({ plan: plan(), phrases: ['This is our final offer.'] })],
    [
      'hiddenTerm',
      () => ({
        plan: plan(),
        events: [
          interest(),
          single(good),
          event('agreed', {
            terms: good,
            changeControl: 'x',
            exit: 'y',
            governance: { reviewCadence: 'z' },
            contingencies: [
              {
                metric: 'adoption',
                op: '<',
                threshold: 50,
                consequence: { issue: 'price', level: 140000 },
                measurement: { source: 'logs', reporting: 'monthly' },
              },
            ],
            measures: [{ metric: 'adoption', threshold: 50, reporting: 'monthly', remedy: 'price step' }],
          }),
        ],
      }),
    ],
    [
      'singleIssue',
      () => ({
        plan: plan({
          issues: [acmePlan().issues[0]!],
          decisionRule: { statement: 'price only' },
          limits: [],
          anchor: undefined,
        }),
      }),
    ],
    [
      'unverifiable',
      () => ({ plan: plan({ applicability: { verifiable: false, timeForDiscovery: true } }) }),
    ],
    [
      'noTimeForDiscovery',
      () => ({ plan: plan({ applicability: { verifiable: true, timeForDiscovery: false } }) }),
    ],
    [
      'applicabilityUnknown',
      () => {
        const { applicability: _a, ...rest } = plan()
        return { plan: rest }
      },
    ],
    ['unreachableReservation', () => ({ plan: plan({ reservation: 95 }) })],
    [
      'tradeableNotCheap',
      () => ({
        plan: plan({
          issues: acmePlan().issues.map((issue) =>
            issue.id === 'price' ? { ...issue, tradeable: true } : issue,
          ),
        }),
      }),
    ],
    [
      'approvalBlocked',
      () => ({
        plan: plan({
          parties: {
            ...acmePlan().parties,
            them: {
              ...acmePlan().parties.them,
              approvalLimits: [{ issue: 'price', op: '<=', value: 120000, approver: 'CFO' }],
            },
          },
        }),
        events: [interest(), single(good)],
      }),
    ],
    ['offerBreaksRule', () => ({ plan: plan(), events: [interest(), single({ ...good, rollout: 90 })] })],
    [
      'agreementBelowReservation',
      () => ({
        plan: plan(),
        events: [interest(), single(good), event('agreed', { terms: { ...good, price: 115000 } })],
      }),
    ],
    [
      'agreementWithoutMeasures',
      () => ({ plan: plan(), events: [interest(), single(good), event('agreed', { terms: good })] }),
    ],
    [
      'noFairnessStory',
      () => ({ plan: plan(), events: [interest(), single(good), event('agreed', { terms: good })] }),
    ],
    [
      'secondAgreement',
      () => ({
        plan: plan(),
        events: [
          interest(),
          single(good),
          event('agreed', { terms: good }),
          event('agreed', { terms: { ...good, support: 'enterprise' } }),
        ],
      }),
    ],
    ['placeholder', () => ({ plan: plan({ title: '<Customer> renewal 2027' }) })],
  ]

  it('has a test for every rule', () => {
    expect(new Set(cases.map(([key]) => key))).toEqual(new Set(Object.keys(RULES)))
  })

  it.each(cases)('%s fires when it should', (key, make) => {
    const { plan: p, events = [], phrases = [] } = make()
    expect(fired(p, events, phrases)).toContain(RULES[key].id)
  })

  it('uses the right severities: errors only for what the method forbids', () => {
    const errors = Object.values(RULES)
      .filter((rule) => rule.severity === 'error')
      .map((rule) => rule.id)
    expect(errors.sort()).toEqual([
      'agreement-below-batna',
      'agreement-below-reservation',
      'internal-evidence-in-shared-text',
      'offer-below-reservation',
      'offer-breaks-rule',
      'private-figure-in-shared-text',
      'unfilled-placeholder',
    ])
  })

  it('does not mistake digits inside other numbers or words, or shared numbers, for a private figure', () => {
    const statement = 'Rollout within 60 days; 155 seats; version 55b; the benchmark is 95000'
    expect(fired(plan({ decisionRule: { statement } }))).not.toContain('private-figure-in-shared-text')
    // 100000 is our limit, but it is also a level of price: saying it reveals nothing.
    expect(fired(plan({ decisionRule: { statement: 'Offers from 100000 upwards' } }))).not.toContain(
      'private-figure-in-shared-text',
    )
    expect(fired(plan({ decisionRule: { statement: 'We cannot go under 55.0' } }))).toContain(
      'private-figure-in-shared-text',
    )
  })

  it('accepts win-win language when numbers stand behind it', () => {
    expect(fired(plan(), [], ['A win-win: 20% faster rollout and a 5,000 saving.'])).not.toContain(
      'win-win-without-numbers',
    )
  })
})
