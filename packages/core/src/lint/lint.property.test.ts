/**
 * Properties of the linter over random plans and journals: the offer-breaks-rule finding fires for
 * exactly the offered bundles a brute-force reading of the decision rule says break it (and the
 * scorer agrees), and the leak rule never flags a number the counterparty view contains, while it
 * flags every other form of our key private figures.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import { groupThousands } from '../model/limits'
import type { Constraint, Level, Op, Plan, Terms } from '../model/plan'
import { readOffer, scoreOffer } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { numberForms, viewNumbers } from '../sharing/private-figures'
import { planArb } from '../testing/arbitraries'
import { event } from '../testing/events'
import { runs } from '../testing/property-runs'
import { lint } from './lint'

// Brute force: the plan's rule read straight from its YAML shape, sharing nothing with the scorer.

function compare(x: number, op: Exclude<Op, 'in'>, value: number, slack: number): boolean {
  if (op === '<') return x < value - slack
  if (op === '<=') return x <= value + slack
  if (op === '=') return Math.abs(x - value) <= slack
  if (op === '>=') return x >= value - slack
  return x > value + slack
}

function holds(constraint: Constraint, terms: Terms): boolean {
  const slack = 1e-7 * Math.max(1, Math.abs(Number(constraint.value)))
  if (constraint.sum) {
    const total = constraint.sum.reduce((sum, term) => sum + term.times * Number(terms[term.issue]), 0)
    return compare(total, constraint.op === 'in' ? '=' : constraint.op, Number(constraint.value), slack)
  }
  const level = terms[constraint.issue ?? ''] as Level
  if (constraint.op === 'in' || typeof level === 'string') {
    const allowed = Array.isArray(constraint.value) ? constraint.value : [constraint.value]
    return allowed.some((value) => value === level)
  }
  return compare(level, constraint.op, Number(constraint.value), slack)
}

const breaksRule = (plan: Plan, terms: Terms) =>
  (plan.decisionRule?.require ?? []).some((constraint) => !holds(constraint, terms))

// Random journals over a random plan: offers of one to four bundles on the grid, their choices,
// interests and notes (some of which do not fit, and are skipped as replay skips them).

function journalArb(space: Space): fc.Arbitrary<JournalEvent[]> {
  const bundle = fc
    .array(fc.nat(), { minLength: space.issues.length, maxLength: space.issues.length })
    .map((picks) =>
      Object.fromEntries(
        space.issues.map((issue, i) => [
          issue.id,
          issue.levels[(picks[i] ?? 0) % issue.levels.length] as Level,
        ]),
      ),
    )
  const move = fc.oneof(
    fc
      .array(bundle, { minLength: 1, maxLength: 4 })
      .map((bundles) => () => event('offer-sent', { bundles: bundles.map((terms) => ({ terms })) })),
    fc.constantFrom('A', 'B', 'C').map((label) => () => event('bundle-chosen', { label })),
    fc.constant(() => event('interest-stated', { text: 'what matters to them' })),
    fc.constant(() => event('note', { text: 'a note' })),
  )
  // Each event is made when drawn, so every one has an id of its own.
  return fc.array(move, { maxLength: 6 }).map((makers) => makers.map((make) => make()))
}

const negotiationArb = planArb({ constraints: true, maxIssues: 3, maxLevels: 5 }).chain((plan) => {
  const space = compileSpace(plan)
  return journalArb(space).map((events) => ({ plan, space, events }))
})

describe('offer-breaks-rule (property)', () => {
  it('fires for exactly the offered bundles that break the rule by brute force, as the scorer says', () => {
    let broken = 0
    fc.assert(
      fc.property(negotiationArb, ({ plan, space, events }) => {
        const state = replay(space, events)
        const fired = lint({ space, events, state })
          .filter((finding) => finding.id === 'offer-breaks-rule')
          .map((finding) =>
            finding.place.document === 'journal'
              ? `${finding.place.eventId} ${finding.place.at.join('.')}`
              : '',
          )
        const expected = state.offers.flatMap((offer) =>
          offer.bundles.flatMap((bundle, k) => {
            const brute = breaksRule(plan, bundle.terms)
            const read = readOffer(space, bundle.terms)
            expect(read.ok && !scoreOffer(space, read.offer).meetsDecisionRule).toBe(brute)
            return brute ? [`${offer.eventId} bundles.${k}`] : []
          }),
        )
        broken += expected.length
        expect(fired).toEqual(expected)
      }),
      { numRuns: runs(300) },
    )
    // Random rules and bundles break often enough that the comparison is not vacuous.
    expect(broken).toBeGreaterThan(0)
  })
})

describe('the leak rule (property)', () => {
  /** The numbers the other side sees in a plan with no journal: levels, evidence bounds and the rule's values. */
  function seenByThem(plan: Plan): number[] {
    const numbers = [
      ...compileSpace(plan).issues.flatMap((issue) => issue.levels),
      ...(plan.evidence ?? []).flatMap((item) => item.range ?? []),
      ...(plan.decisionRule?.require ?? []).flatMap((item) =>
        Array.isArray(item.value) ? item.value : [item.value],
      ),
    ]
    return [...new Set(numbers.filter((value): value is number => typeof value === 'number'))]
  }

  /**
   * A plan with a benchmark, whose key private figures collide with what the other side sees: each
   * is one of those numbers, one rounding onto it (within half a unit), or a figure of its own.
   */
  const collidingArb = planArb({ constraints: true, maxIssues: 3, maxLevels: 5 })
    .chain((plan) =>
      fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })).map(
        ([a, b]): Plan => ({
          ...plan,
          evidence: [{ claim: 'a published benchmark', range: [Math.min(a, b) / 100, Math.max(a, b) / 100] }],
        }),
      ),
    )
    .chain((plan) => {
      const shared = seenByThem(plan)
      const figure = (low: number, high: number) =>
        fc.oneof(
          ...(shared.some((value) => value >= low && value <= high)
            ? [fc.constantFrom(...shared.filter((value) => value >= low && value <= high))]
            : []),
          fc.tuple(fc.constantFrom(...shared), fc.constantFrom(-0.4, -0.25, 0.3, 0.5)).map(([v, d]) => v + d),
          fc.integer({ min: low * 100, max: high * 100 }).map((x) => x / 100),
        )
      const numeric = plan.issues.find(
        (issue) => issue.range || issue.options?.every((o) => typeof o === 'number'),
      )
      return fc
        .record({
          reservation: figure(0, 100),
          aspiration: figure(0, 100),
          batna: figure(0, 100),
          limit: figure(-60, 6000),
        })
        .filter(({ reservation, aspiration, batna }) =>
          [reservation, aspiration, batna].every((v) => v >= 0 && v <= 100),
        )
        .map(
          ({ reservation, aspiration, batna, limit }): Plan => ({
            ...plan,
            reservation,
            aspiration,
            batna: { ...plan.batna, us: { utility: batna } },
            ...(numeric ? { limits: [{ issue: numeric.id, op: '>=', value: limit }] } : {}),
          }),
        )
    })

  it('never flags a number the other side sees, and flags every other form of a key figure', () => {
    let flagged = 0
    let spared = 0
    fc.assert(
      fc.property(collidingArb, (plan) => {
        const space = compileSpace(plan)
        const state = replay(space, [])
        const seen = seenByThem(plan)
        const view = viewNumbers(counterpartyView(space, state))
        // The view holds every level and benchmark bound as a number.
        for (const value of [
          ...compileSpace(plan).issues.flatMap((issue) => issue.levels),
          ...(plan.evidence?.[0]?.range ?? []),
        ])
          if (typeof value === 'number') expect(view.has(value)).toBe(true)
        // Those numbers as people write them: as given, whole ones with thousands separators, as a percentage.
        const seenText = seen
          .flatMap((value) => [
            String(value),
            Math.abs(value) >= 1000 && Number.isInteger(value) ? groupThousands(value) : '',
            `${value}%`,
          ])
          .filter((form) => form !== '')
          .join(' and ')
        const keyFigures = [
          plan.reservation,
          plan.aspiration,
          plan.batna?.us?.utility,
          ...(plan.limits ?? []).map((limit) => limit.value),
        ].filter((value): value is number => typeof value === 'number')
        const privateForms = [...new Set(keyFigures.flatMap(numberForms))]
        const phraseIds = lint({
          space,
          events: [],
          state,
          phrases: [
            { id: 'seen', kind: 'recap', text: `On the table: ${seenText}.` },
            ...privateForms.map((form, k) => ({
              id: `private-${k}`,
              kind: 'recap' as const,
              text: `We said ${form} once.`,
            })),
          ],
        }).flatMap((finding) =>
          finding.id === 'private-figure-in-shared-text' && finding.place.document === 'phrase'
            ? [finding.place.phraseId]
            : [],
        )
        // Nothing they see is flagged...
        expect(phraseIds).not.toContain('seen')
        // ...and every other written form of a key figure is.
        const isSeen = (form: string) =>
          seen.some((value) => Math.abs(value - Number(form.replaceAll(',', ''))) < 1e-9)
        for (const [k, form] of privateForms.entries()) {
          expect(phraseIds.includes(`private-${k}`), `"${form}"`).toBe(!isSeen(form))
          if (isSeen(form)) spared++
          else flagged++
        }
      }),
      { numRuns: runs(200) },
    )
    // Both halves are exercised: collisions spared and private forms flagged.
    expect(flagged).toBeGreaterThan(0)
    expect(spared).toBeGreaterThan(0)
  })
})
