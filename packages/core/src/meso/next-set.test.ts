import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { disagreementPoint, effectiveReservation } from '../frontier/report'
import { inferPriorities } from '../inference/posterior'
import { replay } from '../journal/replay'
import { compileRequirements } from '../scoring/constraints'
import { offerFromLevels, readOffer, scoreOffer } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { enumerate, expectedTheirUtility, TOL } from '../testing/brute-force'
import { event } from '../testing/events'
import { runs } from '../testing/property-runs'
import { renewalSpace } from '../testing/renewal'
import { meso } from './meso'
import { mesoView } from './view'

const small = fc
  .tuple(
    planArb({ minIssues: 3, maxIssues: 5, maxLevels: 5 }).filter(
      (plan) => compileSpace(plan).outcomes <= 2000,
    ),
    fc.integer({ min: 10, max: 30 }),
    fc.integer({ min: 10, max: 30 }),
  )
  .map(([plan, us, them]) => ({
    ...plan,
    batna: { us: { utility: us }, them: { utility: them } },
    reservation: us + 5,
  }))

/** Plans with a first set to answer (most random plans have none), with that set. */
const withFirstSet = fc
  .tuple(small, fc.constantFrom(2, 3))
  .map(([plan, count]) => {
    const space = compileSpace(plan)
    return { space, count, first: meso(space, { count, tolerance: 8 }) }
  })
  .filter((drawn): drawn is typeof drawn & { first: { ok: true } } => drawn.first.ok)
  .map(({ space, count, first }) => ({ space, count, first: first.set }))

const levelsOf = (space: Space, terms: Record<string, string | number>) => {
  const read = readOffer(space, terms)
  if (!read.ok) throw new Error('terms do not read back')
  return Array.from(read.offer.levelIndex)
}

function expectedThem(space: Space, posterior: ReturnType<typeof inferPriorities>, levels: number[]): number {
  return expectedTheirUtility(space, posterior.beliefs, levels)
}

const setKey = (sets: number[][]) =>
  sets
    .map((levels) => levels.join(','))
    .sort()
    .join('|')

describe('the next MESO set, after their pick', () => {
  it('is never worth less to them than their pick (current estimate), never repeats the set answered, or says it cannot and where it could (brute force)', () => {
    fc.assert(
      fc.property(withFirstSet, fc.nat(2), fc.boolean(), ({ space, count, first }, pickIndex, ranked) => {
        const offered = first.bundles
        const pick = offered[pickIndex % offered.length]!
        const order = [pick.label, ...offered.map((b) => b.label).filter((l) => l !== pick.label)]
        const events = [
          event('offer-sent', { bundles: offered.map(({ label, terms }) => ({ label, terms })) }),
          ranked ? event('bundles-ranked', { order }) : event('bundle-chosen', { label: pick.label }),
        ]
        const state = replay(space, events)
        expect(state.table?.source).toBe('choice')
        const posterior = inferPriorities(space, state.observations)
        const floor = expectedThem(space, posterior, levelsOf(space, pick.terms))
        const result = mesoView(space, { count, tolerance: 8 }, posterior, state)
        const requirements = compileRequirements(space)
        const reservation = effectiveReservation(space)
        const theirBatna = disagreementPoint(space).them
        const window = (target: number, tolerance: number) =>
          enumerate(space).filter((b) => {
            const score = scoreOffer(space, offerFromLevels(space, b.levels), requirements)
            return (
              score.meetsDecisionRule &&
              !score.breaksLimits &&
              b.us >= reservation - TOL &&
              b.them >= theirBatna - TOL &&
              Math.abs(b.us - target) <= tolerance + TOL
            )
          })
        if (result.ok) {
          const levels = result.set.bundles.map((bundle) => levelsOf(space, bundle.terms))
          result.set.bundles.forEach((bundle, k) => {
            const expected = expectedThem(space, posterior, levels[k]!)
            // Shown under the current estimate, and never a step back from their pick.
            expect(bundle.utility.them).toBeCloseTo(expected, 9)
            expect(expected).toBeGreaterThanOrEqual(floor - 1e-9)
          })
          expect(result.view.estimate).toBe('est., learned from 1 move')
          expect(setKey(levels)).not.toBe(setKey(offered.map((b) => levelsOf(space, b.terms))))
          return
        }
        const { failure } = result
        if (failure.code !== 'below-their-pick') return
        // Honest: the window at the target holds fewer than `count` bundles worth their pick, or
        // the search found no compatible set of them; and it would find one without the pick.
        expect(meso(space, { count, tolerance: 8, target: failure.target }).ok).toBe(true)
        expect(result.view.failure.code).toBe('below-their-pick')
        expect(failure.message).toContain('worth less to them than the bundle they picked')
        if (failure.suggestedTarget === null || failure.suggestedTarget === undefined) return
        expect(failure.suggestedTarget).toBeLessThan(failure.target)
        const there = mesoView(
          space,
          { count, tolerance: 8, target: failure.suggestedTarget },
          posterior,
          state,
        )
        expect(there.ok).toBe(true)
        if (!there.ok) return
        for (const bundle of there.set.bundles)
          expect(expectedThem(space, posterior, levelsOf(space, bundle.terms))).toBeGreaterThanOrEqual(
            floor - 1e-9,
          )
        // Nothing in between: a higher probe (half a tolerance up) has no such set.
        const between = failure.suggestedTarget + failure.tolerance / 2
        if (between < failure.target - 1e-9)
          expect(mesoView(space, { count, tolerance: 8, target: between }, posterior, state).ok).toBe(false)
        expect(window(failure.suggestedTarget, failure.tolerance).length).toBeGreaterThanOrEqual(count)
      }),
      { numRuns: runs(60) },
    )
  })

  it('fails with below-their-pick when no bundle at the target is worth their pick to them (brute force)', () => {
    const space = renewalSpace()
    const first = meso(space)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    // They pick the bundle worth most to them: nothing else at the same target can match it for
    // every set, so either the set holds it with others as good, or the command says so.
    const best = [...first.set.bundles].sort((a, b) => b.utility.them - a.utility.them)[0]!
    const state = replay(space, [
      event('offer-sent', { bundles: first.set.bundles.map(({ label, terms }) => ({ label, terms })) }),
      event('bundle-chosen', { label: best.label }),
    ])
    const posterior = inferPriorities(space, state.observations)
    const result = mesoView(space, {}, posterior, state)
    const floor = expectedThem(space, posterior, levelsOf(space, best.terms))
    if (result.ok) {
      for (const bundle of result.set.bundles)
        expect(bundle.utility.them).toBeGreaterThanOrEqual(floor - 1e-9)
    } else {
      expect(result.failure.code).toBe('below-their-pick')
      expect(
        result.view.failure.suggestedTarget === null ||
          typeof result.view.failure.suggestedTarget === 'number',
      ).toBe(true)
    }
  })

  it('is never worth less to them than what we put on the table ourselves: our offer, or what our concession left (brute force)', () => {
    let floored = 0
    let refused = 0
    fc.assert(
      fc.property(
        withFirstSet,
        fc.nat(2),
        fc.nat(20),
        fc.nat(20),
        fc.boolean(),
        ({ space, count, first }, pickIndex, issueIndex, levelIndex, single) => {
          const offered = first.bundles
          const pick = offered[pickIndex % offered.length]!
          const issue = space.issues[issueIndex % space.issues.length]!
          const level = issue.levels[levelIndex % issue.levels.length]!
          // Their pick, then a concession of ours on one issue; or our single offer of their pick.
          const events = single
            ? [event('offer-sent', { bundles: [{ label: 'A', terms: pick.terms }] })]
            : [
                event('offer-sent', { bundles: offered.map(({ label, terms }) => ({ label, terms })) }),
                event('bundle-chosen', { label: pick.label }),
                event('concession', { give: { [issue.id]: level }, get: {} }),
              ]
          const state = replay(space, events)
          expect(state.table?.source).toBe(single ? 'offer' : 'concession')
          const posterior = inferPriorities(space, state.observations)
          const learned = state.observations.length > 0 ? posterior : undefined
          const table = state.table?.offer as NonNullable<typeof state.table>['offer']
          const floor = learned
            ? expectedThem(space, posterior, Array.from(table.levelIndex))
            : Array.from(table.levelIndex).reduce(
                (total, k, i) => total + (space.issues[i]?.gain.them[k] ?? 0),
                0,
              ) / space.totalWeight.them
          const result = mesoView(space, { count, tolerance: 8 }, learned, state)
          if (result.ok) {
            floored++
            for (const bundle of result.set.bundles)
              expect(bundle.utility.them).toBeGreaterThanOrEqual(floor - 1e-9)
            return
          }
          if (result.failure.code !== 'below-their-pick') return
          refused++
          expect(result.failure.message).toContain(
            single
              ? 'worth less to them than our offer on the table'
              : 'worth less to them than the bundle on the table after our concession',
          )
          // Honest: without the floor, a set exists at that target.
          expect(mesoView(space, { count, tolerance: 8, target: result.failure.target }, learned).ok).toBe(
            true,
          )
        },
      ),
      { numRuns: runs(60), seed: 20261208 },
    )
    expect(floored).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })

  it('takes no floor from their counter: the method answers a counter with a trade', () => {
    const space = renewalSpace()
    const first = meso(space)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const bundles = first.set.bundles.map(({ label, terms }) => ({ label, terms }))
    const counter = [...first.set.bundles].sort((a, b) => b.utility.them - a.utility.them)[0]!.terms
    const state = replay(space, [
      event('offer-sent', { bundles }),
      event('offer-rejected', { counter: { terms: counter } }),
    ])
    expect(state.table?.source).toBe('counter')
    const posterior = inferPriorities(space, state.observations)
    // The same set as with no table at all (their answer learned, the set answered).
    const withoutTable = mesoView(space, {}, posterior, { ...state, table: undefined })
    expect(mesoView(space, {}, posterior, state).view).toEqual(withoutTable.view)
  })

  it('says a set exists but was answered when that is why there is none, and only then (brute force on the retry)', () => {
    let answeredSeen = 0
    fc.assert(
      fc.property(withFirstSet, ({ space, count, first }) => {
        const answered = [first.bundles.map((bundle) => Int32Array.from(levelsOf(space, bundle.terms)))]
        const options = { count, tolerance: first.tolerance, target: first.target }
        const again = meso(space, { ...options, answered })
        if (again.ok) return
        // The message's claim, checked by asking without the answered set.
        const fresh = meso(space, options)
        if (again.failure.code === 'already_answered') {
          answeredSeen++
          expect(fresh.ok).toBe(true)
          expect(again.failure.message).toContain('already answered')
        } else if (again.failure.code === 'too_few') expect(fresh.ok).toBe(false)
      }),
      { numRuns: runs(40), seed: 20261204 },
    )
    expect(answeredSeen).toBeGreaterThan(0)
  })

  it('never proposes again a set already offered', () => {
    const space = renewalSpace()
    const first = meso(space)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const answered = [first.set.bundles.map((bundle) => Int32Array.from(levelsOf(space, bundle.terms)))]
    const second = meso(space, { answered })
    expect(second.ok).toBe(true)
    if (!second.ok) return
    const key = (bundles: { terms: Record<string, string | number> }[]) =>
      setKey(bundles.map((bundle) => levelsOf(space, bundle.terms)))
    expect(key(second.set.bundles)).not.toBe(key(first.set.bundles))
    // And a third, with both answered, is different from both.
    const third = meso(space, {
      answered: [
        ...answered,
        second.set.bundles.map((bundle) => Int32Array.from(levelsOf(space, bundle.terms))),
      ],
    })
    if (third.ok) {
      expect(key(third.set.bundles)).not.toBe(key(first.set.bundles))
      expect(key(third.set.bundles)).not.toBe(key(second.set.bundles))
    }
  })
})
