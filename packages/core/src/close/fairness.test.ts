import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import type { Level, Plan, Terms } from '../model/plan'
import { compileSpace, type Space } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { event } from '../testing/events'
import { HIRING_OFFER, hiringSpace } from '../testing/hiring'
import { leaks, leakyNegotiationArb } from '../testing/leak'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { draftFairnessStory } from './fairness'

const space = compileSpace(acmePlan())
const journal = [
  event('interest-stated', { text: 'launch date first', ranking: ['rollout', 'price'] }),
  event('offer-sent', {
    bundles: [
      { label: 'A', terms: { price: 110000, rollout: 60, support: 'enterprise' } },
      { label: 'B', terms: { price: 130000, rollout: 30, support: 'standard' } },
    ],
  }),
  event('bundle-chosen', { label: 'B' }),
  event('concession', {
    give: { support: 'premium' },
    get: { rollout: 45 },
    note: 'cheap for us: premium rides on the existing pool',
    trigger: 'only if the CFO signs this quarter',
  }),
]

describe('draftFairnessStory', () => {
  it('tells the terms, the rule as agreed, the evidence and each trade in plain words', () => {
    const story = draftFairnessStory(space, replay(space, journal))
    expect(story).toContain(
      'Vendor Co and Acme Corp have agreed on these terms: annual price 130,000 USD/year; rollout to all sites 45 days; support tier premium.',
    )
    expect(story).toContain('They meet the test we agreed at the start: Time to value under 60 days.')
    expect(story).toContain('Market price for 500 seats (95,000–125,000; analyst report, 2026-09)')
    expect(story).toContain(
      'Every move was matched by a move in return: we moved the support tier to premium when you moved the rollout to all sites to 45 days.',
    )
  })

  it('never uses what is ours alone: a note, a trigger, a figure in points', () => {
    const story = draftFairnessStory(space, replay(space, journal))
    expect(story).not.toMatch(/pool|CFO|quarter|55|40|85|Dana|waitlist/)
  })

  it('uses the terms it is given, and the recorded agreement otherwise', () => {
    const terms = { price: 125000, rollout: 45, support: 'premium' }
    expect(draftFairnessStory(space, replay(space, journal), { terms })).toContain('annual price 125,000')
    const agreed = [...journal, event('agreed', { terms: { ...terms, price: 120000 } })]
    expect(draftFairnessStory(space, replay(space, agreed))).toContain('annual price 120,000')
  })

  it('softens the wording for an indirect style, by the plan or by choice', () => {
    const indirect = compileSpace({ ...acmePlan(), culture: { style: 'indirect' } })
    const story = draftFairnessStory(indirect, replay(indirect, journal))
    expect(story).toContain(
      'when you were able to move the rollout to all sites to 45 days, we moved the support tier to premium',
    )
    expect(story).toContain('We hope this shows that both sides were treated fairly')
    expect(draftFairnessStory(space, replay(space, journal), { style: 'indirect' })).toBe(story)
  })

  it('says a gift for what it is, and leaves out a claim of matched moves', () => {
    const gift = [...journal, event('concession', { give: { price: 125000 }, get: {} })]
    const story = draftFairnessStory(space, replay(space, gift))
    expect(story).toContain('This is how we got here: ')
    expect(story).toContain('; we moved the annual price to 125,000 USD/year.')
  })

  it('falls back on the rule as written when there is no statement, and skips what is missing', () => {
    const { evidence: _e, anchor: _a, ...plan } = acmePlan()
    const bare = compileSpace({
      ...plan,
      decisionRule: { require: [{ issue: 'rollout', op: '<=', value: 60 }] },
    })
    const story = draftFairnessStory(bare, replay(bare, []))
    expect(story).toContain('They meet the test we agreed at the start: rollout <= 60.')
    expect(story).not.toContain('evidence')
    expect(story).not.toContain('agreed on these terms')
  })
})

/** Concessions over whatever is on the table, with our private words in their note and trigger. */
function withConcessions(space: Space, plan: Plan, events: JournalEvent[], picks: number[]): JournalEvent[] {
  const state = replay(space, events)
  if (!state.table) return events
  const level = (issue: number, k: number): Terms => {
    const model = space.issues[issue % space.issues.length]
    const levels = model?.levels ?? []
    return model ? { [model.id]: levels[k % levels.length] as Level } : {}
  }
  const moves = picks.map((pick, k) => {
    const shape = pick % 3
    return event('concession', {
      give: shape === 2 ? {} : level(k, pick),
      get: shape === 1 ? {} : level(k + 1, pick + 1),
      note: plan.notes,
      trigger: plan.parties.them.politics,
    })
  })
  const table = replay(space, [...events, ...moves]).table
  return table && picks.length > 1
    ? [...events, ...moves, event('agreed', { terms: table.terms, fairnessStory: 'as drafted' })]
    : [...events, ...moves]
}

describe('the fairness story leaks nothing private', () => {
  it('holds no private figure or word for many plans, journals and both styles', () => {
    fc.assert(
      fc.property(
        leakyNegotiationArb(),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }),
        fc.constantFrom('direct' as const, 'indirect' as const),
        ({ plan, events }, picks, style) => {
          // The arbitrary dates its evidence 2026-09 and can draw an approval limit of 2026: a shareable
          // date, not a leak. (The counterparty view's own leak test can meet the same coincidence.)
          fc.pre(leaks(plan, [String(plan.evidence?.[0]?.date ?? '')]).length === 0)
          const space = compileSpace(plan)
          const journal = withConcessions(space, plan, events, picks)
          const state = replay(space, journal)
          expect(state.findings).toEqual([])
          const stories = [
            draftFairnessStory(space, state),
            draftFairnessStory(space, state, { style }),
            ...(state.table ? [draftFairnessStory(space, state, { terms: state.table.terms, style })] : []),
          ]
          // Not vacuous: the story carries what may be shared.
          expect(stories[0]).toContain('Every option is judged on the shared standard')
          // (A concession at levels both sides already held moved nobody: the story leaves it out.)
          const moved = counterpartyView(space, state).moves.some(
            (move) => Object.keys(move.give).length + Object.keys(move.get).length > 0,
          )
          if (moved) expect(stories[1]).toMatch(/moved? the term/)
          expect(leaks(plan, stories)).toEqual([])
        },
      ),
      { numRuns: runs(200) },
    )
  })
})

describe('the fairness story is true to the deal', () => {
  // The hiring example: a set, their counter, and our move to 178,000 for a start date they had
  // already asked for — then the agreement.
  const hiring = hiringSpace()
  const ours = HIRING_OFFER
  const events = [
    event('offer-sent', { bundles: [{ label: 'A', terms: ours }] }),
    event('offer-rejected', { side: 'them', counter: { terms: { ...ours, salary: 185000 } } }),
    event('concession', { give: { salary: 178000 }, get: { start: 4 } }),
  ]
  const state = replay(hiring, [...events, event('agreed', { terms: { ...ours, salary: 178000 } })])

  it('thanks nobody for a move they did not make: a get at the level they already held is no move', () => {
    expect(counterpartyView(hiring, state).moves).toEqual([{ give: { salary: 178000 }, get: {} }])
    const story = draftFairnessStory(hiring, state)
    expect(story).toContain('This is how we got here: we moved the base salary to 178,000 USD/year.')
    expect(story).not.toContain('Every move was matched')
    expect(story).not.toContain('you moved the start date')
  })

  it('says "in line with" only of evidence whose range holds the agreed level, and weighed the rest', () => {
    const story = draftFairnessStory(hiring, state)
    // 178,000 lies within the market range the anchor cites.
    expect(story).toContain(
      'They are in line with the evidence we both looked at: Market base salary for senior backend engineers in fintech, same metro (175,000–205,000 USD/year',
    )
    // A 30,000 sign-on is outside the forfeited bonus's 18,000–26,000; months to Staff names no issue's unit.
    expect(story).toContain('We also weighed them against months from external senior hire to Staff')
    expect(story).toContain('and annual bonus she would forfeit')
    // With the salary outside every range, nothing is "in line".
    const low = replay(hiring, [...events, event('agreed', { terms: { ...ours, salary: 172000 } })])
    const weighed = draftFairnessStory(hiring, low)
    expect(weighed).not.toContain('in line with')
    expect(weighed).toContain('We weighed them against the evidence we both looked at: Market base salary')
  })
})
