import {
  compileSpace,
  EventSchemas,
  type JournalEvent,
  negotiation,
  negotiationStatus,
  replay,
  starterPlan,
} from '@parley/core'
import { describe, expect, it } from 'vitest'
import {
  type AgreementForm,
  agreementEvent,
  contingencyKey,
  EMPTY_MEASURE,
  formPath,
  initialAgreementForm,
  missingTerms,
} from './agreement'
import { assessAgreement } from './assessment'

const space = compileSpace(starterPlan('sales'))
let counter = 0
function event(fields: Record<string, unknown>): JournalEvent {
  counter++
  return {
    id: `01J${String(counter).padStart(23, '0')}`,
    at: '2026-11-25T10:00:00.000Z',
    side: 'us',
    round: 1,
    planVersion: 'test',
    ...fields,
  } as JournalEvent
}
const bundle = { price: 120000, term: 24, payment: 45, rollout: 45, support: 'premium' }
const fullBundle = Object.fromEntries(
  space.issues.map((issue) => [issue.id, bundle[issue.id as keyof typeof bundle] ?? issue.levels[0]]),
)
const offer = event({ type: 'offer-sent', bundles: [{ label: 'A', terms: fullBundle }] })
const proposal = event({
  type: 'contingency-proposed',
  contingency: {
    id: 'uptime',
    metric: 'uptime',
    op: '<',
    threshold: 99.5,
    consequence: { issue: 'support', level: 'enterprise' },
    measurement: { source: 'status page', reporting: 'monthly' },
    beliefs: { us: 0.1, them: 0.4 },
  },
})
const accepted = event({ type: 'contingency-accepted', side: 'them', target: 'uptime' })
const journal = [offer, proposal, accepted]

function filled(form: AgreementForm): AgreementForm {
  return {
    ...form,
    measures: [
      { metric: 'uptime', threshold: '99.5', reporting: 'monthly report', remedy: 'service credit' },
      EMPTY_MEASURE,
      { metric: 'P1 response', threshold: 'within 4 hours', reporting: 'ticket log', remedy: 'escalation' },
    ],
    changeControl: ' Written change requests, agreed by both leads ',
    exit: 'Either side may leave after three missed targets in a quarter',
    reviewCadence: 'Quarterly business review',
    dataAccess: '',
    escalation: 'Account lead, then the COO',
    fairnessStory: 'Both sides moved.',
  }
}

describe('the agreement form', () => {
  it('opens on the bundle on the table with the accepted contingencies', () => {
    const state = replay(space, journal)
    const form = initialAgreementForm(space, state)
    expect(form.terms).toEqual(fullBundle)
    expect(form.contingencies).toEqual(['uptime'])
    // The accepted contingency's measurement is carried into the close, not asked for again.
    const support = space.byId.get('support')
    expect(form.measures).toEqual([
      {
        metric: 'uptime',
        threshold: '< 99.5',
        reporting: 'measured by status page; reported monthly',
        remedy: `${support?.name} moves to enterprise`,
      },
    ])
    expect(form.reviewCadence).toBe('')
  })

  it('leaves a contingency out until they accept it, and opens empty with nothing on the table', () => {
    const form = initialAgreementForm(space, replay(space, [offer, proposal]))
    expect(form.contingencies).toEqual([])
    const empty = initialAgreementForm(space, replay(space, []))
    expect(Object.values(empty.terms).every((level) => level === undefined)).toBe(true)
    expect(missingTerms(space, empty).map((problem) => problem.path)).toEqual(
      space.issues.map((issue) => `terms.${issue.id}`),
    )
  })

  it('becomes an agreed event the journal accepts, blank fields and rows left out, beliefs kept ours', () => {
    const state = replay(space, journal)
    const { input, measureRows } = agreementEvent(
      filled(initialAgreementForm(space, state)),
      state.contingencies,
    )
    expect(input).toEqual({
      type: 'agreed',
      terms: fullBundle,
      contingencies: [
        {
          id: 'uptime',
          metric: 'uptime',
          op: '<',
          threshold: 99.5,
          consequence: { issue: 'support', level: 'enterprise' },
          measurement: { source: 'status page', reporting: 'monthly' },
        },
      ],
      measures: [
        { metric: 'uptime', threshold: 99.5, reporting: 'monthly report', remedy: 'service credit' },
        { metric: 'P1 response', threshold: 'within 4 hours', reporting: 'ticket log', remedy: 'escalation' },
      ],
      changeControl: 'Written change requests, agreed by both leads',
      exit: 'Either side may leave after three missed targets in a quarter',
      governance: { reviewCadence: 'Quarterly business review', escalation: 'Account lead, then the COO' },
      fairnessStory: 'Both sides moved.',
    })
    expect(measureRows).toEqual([0, 2])
    const recorded = {
      ...input,
      id: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
      at: '2026-11-26T10:00:00Z',
      side: 'us',
      round: 1,
      planVersion: 'v',
    }
    expect(EventSchemas.agreed.safeParse(recorded).success).toBe(true)
  })

  it('records only the terms when nothing else is written', () => {
    const state = replay(space, [offer])
    expect(agreementEvent(initialAgreementForm(space, state), state.contingencies).input).toEqual({
      type: 'agreed',
      terms: fullBundle,
    })
  })

  it('opens on the recorded agreement to correct it, and gives back the same event', () => {
    const state = replay(space, journal)
    const { input } = agreementEvent(filled(initialAgreementForm(space, state)), state.contingencies)
    const agreedState = replay(space, [...journal, event(input)])
    const again = initialAgreementForm(space, agreedState)
    expect(again.measures).toHaveLength(2)
    expect(again.contingencies).toEqual([contingencyKey(agreedState.contingencies[0] as never)])
    expect(agreementEvent(again, agreedState.contingencies).input).toEqual(input)
  })

  it('places a problem of the event on the form row it came from', () => {
    expect(formPath('measures[1].metric', [0, 2])).toBe('measures[2].metric')
    expect(formPath('measures[5].metric', [0, 2])).toBe('measures[5].metric')
    expect(formPath('governance.reviewCadence', [0, 2])).toBe('governance.reviewCadence')
  })
})

describe('the drafted agreement, tested before it is recorded', () => {
  it('gives the reality test parley status gives once it is recorded', () => {
    const derived = negotiation(space, journal)
    const { input } = agreementEvent(
      filled(initialAgreementForm(space, derived.state)),
      derived.state.contingencies,
    )
    const assessment = assessAgreement(space, journal, derived, input)
    if (!assessment.ok) throw new Error('the draft should fit')
    const recorded = [...journal, event(input)]
    const status = negotiationStatus(space, recorded)
    const agreed = status.realityTest.items.find((item) => item.label === 'agreed')
    expect(assessment.reality).toEqual(agreed)
  })

  it('finds the governance the agreement lacks, and a private figure in its text', () => {
    const derived = negotiation(space, journal)
    const bare = agreementEvent(initialAgreementForm(space, derived.state), derived.state.contingencies).input
    const assessment = assessAgreement(space, journal, derived, {
      ...bare,
      fairnessStory: `We could not go below a reservation of ${space.plan.reservation}.`,
    })
    if (!assessment.ok) throw new Error('the draft should fit')
    expect(assessment.findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['no-governance', 'private-figure-in-shared-text']),
    )
    expect(assessment.findings.find((f) => f.id === 'no-governance')?.message).toMatch(
      /review cadence.*change control.*exit/,
    )
  })

  it('says which term does not fit the plan', () => {
    const derived = negotiation(space, journal)
    const assessment = assessAgreement(space, journal, derived, {
      type: 'agreed',
      terms: { ...fullBundle, support: 'platinum' },
    })
    expect(assessment.ok).toBe(false)
    if (!assessment.ok) expect(assessment.problems[0]?.path).toBe('terms.support')
  })
})
