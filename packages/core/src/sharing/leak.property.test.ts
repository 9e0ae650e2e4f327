import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inferPriorities } from '../inference/posterior'
import { alternativesBeforeSigning } from '../journal/post-settlement'
import { replay, STAGES } from '../journal/replay'
import { CONTEXTS } from '../model/plan'
import { coach, shareableCoach } from '../playbooks/coach'
import { PLAYBOOKS } from '../playbooks/library'
import { fillPhrases } from '../playbooks/phrases'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { journalArb } from '../testing/journals'
import { leaks, leakyNegotiationArb } from '../testing/leak'
import { runs } from '../testing/property-runs'
import { counterpartyView } from './counterparty-view'
import { numberForms, ShareableNumbers } from './private-figures'

describe('nothing private reaches the other side', () => {
  it('the counterparty view itself holds no private value', () => {
    fc.assert(
      fc.property(leakyNegotiationArb(), ({ plan, events }) => {
        const space = compileSpace(plan)
        const view = counterpartyView(space, replay(space, events))
        expect(leaks(plan, [JSON.stringify(view)])).toEqual([])
      }),
      { numRuns: runs(150) },
    )
  })

  it('no filled phrase of any playbook, in either style and for any pick, carries a private value', () => {
    fc.assert(
      fc.property(leakyNegotiationArb(), ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const view = counterpartyView(space, state)
        const ids = space.issues.map((issue) => issue.id)
        const texts: string[] = []
        for (const context of CONTEXTS) {
          for (const style of ['direct', 'indirect'] as const) {
            for (const give of ids) {
              for (const get of ids) {
                const picks = {
                  give,
                  get,
                  headline: give,
                  ...(view.bundles[0] ? { bundle: view.bundles[0].label } : {}),
                  // Our answer to their counter, granting and holding, over terms in the view.
                  ...(view.table
                    ? {
                        counterTrade: {
                          terms: view.bundles[0]?.terms ?? view.table.terms,
                          granted: give === get ? [] : [give],
                          asked: [get],
                        },
                      }
                    : {}),
                }
                texts.push(
                  ...fillPhrases(PLAYBOOKS[context].phrases, view, picks, style).map((phrase) => phrase.text),
                )
              }
            }
          }
        }
        expect(texts.length).toBeGreaterThan(0)
        expect(leaks(plan, texts)).toEqual([])
      }),
      { numRuns: runs(60) },
    )
  })

  it("the coach's phrases and call script carry none, while its advice to us may", () => {
    fc.assert(
      fc.property(leakyNegotiationArb(), ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const report = coach(
          space,
          events,
          {},
          { state, posterior: inferPriorities(space, state.observations) },
        )
        expect(report.script.length).toBeGreaterThan(0)
        expect(leaks(plan, [...report.phrases.map((phrase) => phrase.text), ...report.script])).toEqual([])
        // The advice is for us: it quotes our reservation, so the check above is not vacuous.
        expect(leaks(plan, report.advice).length).toBeGreaterThan(0)
      }),
      { numRuns: runs(60) },
    )
  })
})

describe('nothing private in the shareable coach', () => {
  // The leaky plans, moved along by random journals: choices, counters, concessions, contingencies
  // with exchanges, agreements and debriefs, seen at any stage.
  const negotiationArb = leakyNegotiationArb().chain(({ plan, events }) =>
    fc
      .tuple(journalArb(plan, { maxEvents: 6 }), fc.option(fc.constantFrom(...STAGES), { nil: undefined }))
      .map(([more, stage]) => ({
        plan,
        events: [...events, ...more].map((e, k) => ({ ...e, id: `01JL${String(k).padStart(22, '0')}` })),
        stage,
      })),
  )

  it('`parley coach --shareable` (shareableCoach) carries no private value, at any stage of any journal', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events, stage }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const posterior = inferPriorities(space, state.observations, { samples: 200 })
        const report = coach(space, events, stage ? { stage } : {}, { state, posterior })
        const shareable = shareableCoach(report)
        expect(leaks(plan, [JSON.stringify(shareable), ...shareable.script])).toEqual([])
        // And the view it is filled from, with the bundle on the table and at the close the
        // alternatives offered before signing, carries none either.
        const alternatives = alternativesBeforeSigning(space, state, posterior)
        expect(
          leaks(plan, [JSON.stringify(counterpartyView(space, state, undefined, alternatives))]),
        ).toEqual([])
        // The report itself holds private values (the advice), so the check above is not vacuous.
        expect(leaks(plan, [JSON.stringify(report)]).length).toBeGreaterThan(0)
      }),
      { numRuns: runs(60) },
    )
  })
})

describe('nothing private in the words offered before signing', () => {
  // A leaky negotiation closed on any bundle of its plan: the alternatives are chosen with our
  // private figures (at least the agreement's value to us, by our estimate of theirs), their words
  // carry only their terms.
  const closedArb = leakyNegotiationArb().chain(({ plan, events }) => {
    const space = compileSpace(plan)
    return fc
      .tuple(...space.issues.map((issue) => fc.integer({ min: 0, max: issue.levels.length - 1 })))
      .map((levels) => {
        const terms = Object.fromEntries(
          space.issues.map((issue, i) => [issue.id, issue.levels[levels[i] ?? 0]]),
        )
        return { plan, events: [...events, event('agreed', { terms }, 9)] }
      })
  })

  it("the coach's post-settlement words and the view they are filled from carry none", () => {
    let offered = 0
    fc.assert(
      fc.property(closedArb, ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const posterior = inferPriorities(space, state.observations, { samples: 200 })
        const alternatives = alternativesBeforeSigning(space, state, posterior)
        const view = counterpartyView(space, state, undefined, alternatives)
        expect(view.alternatives).toEqual(alternatives.map((alternative) => alternative.terms))
        const texts = CONTEXTS.flatMap((context) =>
          (['direct', 'indirect'] as const).flatMap((style) =>
            fillPhrases(
              PLAYBOOKS[context].phrases.filter((phrase) => phrase.kind === 'post-settlement'),
              view,
              {},
              style,
            ).map((phrase) => phrase.text),
          ),
        )
        if (alternatives.length > 0) {
          offered++
          expect(texts.length).toBe(CONTEXTS.length * 2)
        } else expect(texts).toEqual([])
        const report = coach(space, events, {}, { state, posterior })
        expect(leaks(plan, [...texts, JSON.stringify(view), ...report.script])).toEqual([])
      }),
      { numRuns: runs(60) },
    )
    // Not vacuous: most closed negotiations have alternatives to offer.
    expect(offered).toBeGreaterThan(0)
  })
})

describe('numberForms', () => {
  it('writes a number the ways people write it', () => {
    expect(numberForms(61.37)).toEqual(expect.arrayContaining(['61.37', '61.4', '61']))
    expect(numberForms(50)).toEqual(['50', '50.0', '50.00'])
    expect(numberForms(1337.5)).toEqual(expect.arrayContaining(['1337.5', '1,337.50', '1338', '1,338']))
  })
})

describe('ShareableNumbers', () => {
  it('reads a figure as one the other side sees to 12 digits, and float noise around 0 as 0', () => {
    const seen = new ShareableNumbers()
    for (const value of [0.3, 0, 1_250_000]) seen.add(value)
    expect(seen.has(0.1 * 3)).toBe(true)
    expect(seen.has(-0.1 * 3 + 0.3)).toBe(true)
    expect(seen.has(1e-10)).toBe(true)
    expect(seen.has(1e-6)).toBe(false)
    expect(seen.has(0.31)).toBe(false)
    expect(seen.has(1_250_000.01)).toBe(false)
  })
})
