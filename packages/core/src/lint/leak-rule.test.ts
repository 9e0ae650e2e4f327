/**
 * The leak rule (sharing/private-figures.ts): a figure the counterparty view itself contains never
 * counts as a leak; a private figure in its usual formats does. The regression is the plan that could
 * never lint clean: a limit of 28.5 made "29" — a level of the price grid and the low end of the
 * benchmark — a leak in the anchor rationale and in the benchmark phrase Parley generates.
 */
import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import type { Plan } from '../model/plan'
import { allFilledPhrases } from '../playbooks/coach'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { lint } from './lint'
import { lintNegotiation } from './negotiation'

const RATIONALE = 'Comparable tools run from 29 to 35 USD a seat; ours includes the rollout.'

/**
 * The reference plan priced per seat: our limit is 28.5 a seat, and 29 is both a level of the price
 * grid (25 to 40) and the low end of the benchmark (29 to 35).
 */
function seatPlan(rationale = RATIONALE): Plan {
  const acme = acmePlan()
  return {
    ...acme,
    issues: acme.issues.map((issue) =>
      issue.id === 'price'
        ? { ...issue, unit: 'USD/seat/month', range: { min: 25, max: 40, step: 1 } }
        : issue,
    ),
    limits: [{ issue: 'price', op: '>=', value: 28.5 }],
    evidence: [
      {
        claim: 'Per-seat price of comparable tools',
        range: [29, 35],
        unit: 'USD/seat/month',
        source: 'the 2026 tooling survey',
      },
    ],
    anchor: { issue: 'price', low: 34, high: 36, rationale, evidence: [0] },
    applicability: { verifiable: true, timeForDiscovery: true },
  }
}

const leaksIn = (plan: Plan, phrases: string[] = []) => {
  const space = compileSpace(plan)
  return lint({
    space,
    events: [],
    state: replay(space, []),
    phrases: phrases.map((text, k) => ({ id: `p${k}`, kind: 'benchmark', text })),
  })
    .filter((finding) => finding.id === 'private-figure-in-shared-text')
    .map((finding) => finding.message)
}

describe('the leak rule', () => {
  it('does not count "29" as our 28.5 limit when 29 is a level and the benchmark low end (regression)', () => {
    expect(leaksIn(seatPlan())).toEqual([])
    expect(leaksIn(seatPlan(), ['Per-seat price of comparable tools: 29 to 35 USD/seat/month.'])).toEqual([])
  })

  it('lints the whole negotiation clean: the rationale and every generated phrase, the benchmark one included', () => {
    const space = compileSpace(seatPlan())
    const phrases = allFilledPhrases(space, replay(space, []), space.share.them).map((phrase) => phrase.text)
    // The benchmark phrase quotes the evidence range, so the check below is not vacuous.
    expect(phrases.some((text) => /\b29 to 35\b/.test(text))).toBe(true)
    const findings = lintNegotiation(space, [])
    expect(findings.filter((finding) => finding.id === 'private-figure-in-shared-text')).toEqual([])
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([])
  })

  it('still finds the private figure itself, in its usual formats', () => {
    expect(leaksIn(seatPlan('We can not go below 28.5 a seat.'))).toEqual([
      '"28.5" is our walk-away limit on price: it must not appear in text meant for them',
    ])
    expect(leaksIn(seatPlan('Our floor is 28.50 a seat.'))).toHaveLength(1)
    // Our BATNA is worth 40 points, and 40 is a level of the price grid: saying it reveals nothing.
    expect(leaksIn(seatPlan('List price is 40 a seat.'))).toEqual([])
  })

  it('counts a figure as shareable once it is on the table: a counter at an off-grid price', () => {
    // A coarser grid (25, 30, 35, 40) and a limit of 27.5, which rounds to "28".
    const plan: Plan = {
      ...seatPlan(),
      issues: seatPlan().issues.map((issue) =>
        issue.id === 'price' ? { ...issue, range: { min: 25, max: 40, step: 5 } } : issue,
      ),
      limits: [{ issue: 'price', op: '>=', value: 27.5 }],
    }
    const space = compileSpace(plan)
    const leaked = (events: JournalEvent[]) =>
      lint({
        space,
        events,
        state: replay(space, events),
        phrases: [{ id: 'p', kind: 'recap', text: 'We are at 28 a seat.' }],
      })
        .filter((finding) => finding.id === 'private-figure-in-shared-text')
        .map((finding) => finding.message)
    expect(leaked([])).toEqual([
      '"28" is our walk-away limit on price: it must not appear in text meant for them',
    ])
    const countered = [
      event('interest-stated', { text: 'price first' }),
      event('offer-sent', {
        bundles: [{ label: 'A', terms: { price: 35, rollout: 45, support: 'premium' } }],
      }),
      event('offer-rejected', { counter: { terms: { price: 28, rollout: 45, support: 'premium' } } }),
    ]
    // They said 28 themselves: it is on the table, and in the view.
    expect(leaked(countered)).toEqual([])
  })
})

describe('the internal-evidence rule', () => {
  const internal = (rationale: string): Plan => ({
    ...seatPlan(rationale),
    evidence: [
      ...(seatPlan().evidence ?? []),
      { claim: 'Deals lost to rivals 12% cheaper', source: 'Q3 win/loss interviews', shareable: false },
    ],
  })
  const found = (plan: Plan, events: JournalEvent[] = []) => {
    const space = compileSpace(plan)
    return lint({ space, events, state: replay(space, events), phrases: [] }).filter(
      (finding) => finding.id === 'internal-evidence-in-shared-text',
    )
  }

  it('finds an internal source quoted in the anchor rationale, with its place', () => {
    const [finding, ...rest] = found(internal('Per our q3 WIN/LOSS interviews, comparable tools cost more.'))
    expect(rest).toEqual([])
    expect(finding?.place).toMatchObject({ document: 'plan', at: ['anchor', 'rationale'] })
    expect(finding?.message).toContain('"Q3 win/loss interviews" is the source of evidence 2')
  })

  it('finds its claim in an agreed fairness story in the journal', () => {
    const events = [
      event('agreed', {
        terms: { price: 34, rollout: 45, support: 'premium' },
        fairnessStory: 'Deals lost to rivals 12% cheaper told us where to land.',
      }),
    ]
    const [finding] = found(internal(RATIONALE), events)
    expect(finding?.place).toMatchObject({ document: 'journal', event: 0, at: ['fairnessStory'] })
  })

  it('does not count the internal item itself, nor shareable evidence, as a citation', () => {
    expect(found(internal(RATIONALE))).toEqual([])
  })
})
