import { describe, expect, it } from 'vitest'
import type { JournalEvent } from '../journal/events'
import { replay, STAGES, type Stage } from '../journal/replay'
import { negotiation, negotiationStatus } from '../journal/status'
import { meso } from '../meso/meso'
import type { Plan } from '../model/plan'
import { parsePlanText } from '../plan/parse'
import { compileSpace, type Space } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { PLAYBOOKS } from './library'
import { stageChecklist } from './stage-checklist'
import { starterPlan } from './starters'

// Read through the bundler, as core has no file system (`import.meta.glob` is typed in architecture.test.ts).
const EXAMPLES = import.meta.glob(['../../../../examples/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

function examplePlans(): [string, Plan][] {
  return Object.entries(EXAMPLES).map(([path, text]) => {
    const parsed = parsePlanText(text, { format: 'yaml' })
    if (!parsed.ok) throw new Error(`${path} does not parse`)
    return [path.replace(/^.*\//, ''), parsed.plan]
  })
}

/** Each item's state at a stage, by id: `{ batna: true, reservation: false, ... }`. */
function states(plan: Plan, events: JournalEvent[], stage: Stage): Record<string, boolean> {
  const space = compileSpace(plan)
  return Object.fromEntries(
    stageChecklist(space, replay(space, events), stage).map((item) => [item.id, item.done]),
  )
}

const done = (plan: Plan, events: JournalEvent[], stage: Stage, id: string): boolean | undefined =>
  states(plan, events, stage)[id]

/** The method followed: interests heard, the MESO set offered, one chosen, agreed in full, debriefed. */
function orderlyJournal(space: Space): JournalEvent[] {
  const proposed = meso(space)
  if (!proposed.ok) throw new Error(`no MESO set: ${proposed.failure.message}`)
  const [chosen] = proposed.set.bundles
  const prompts = PLAYBOOKS[space.plan.context].debrief
  return [
    event('interest-stated', { text: 'a launch before the season' }),
    event('offer-sent', {
      bundles: proposed.set.bundles.map((bundle) => ({ label: bundle.label, terms: bundle.terms })),
    }),
    event('bundle-chosen', { label: chosen?.label }),
    event('agreed', {
      terms: chosen?.terms,
      measures: [{ metric: 'teams live', threshold: 14, reporting: 'weekly report', remedy: 'credit' }],
      changeControl: 'written change requests',
      exit: 'either side may leave after two missed milestones',
      governance: { reviewCadence: 'quarterly' },
      fairnessStory: 'Both sides judged every option by the same standard.',
    }),
    event('debrief', {
      answers: Object.fromEntries(prompts.map((prompt) => [prompt.id, 'we traded support for term'])),
    }),
  ]
}

const interest = () => event('interest-stated', { text: 'speed first' })
const good = { price: 130000, rollout: 45, support: 'premium' }
/** Worth about 16 of 100 to us under the Acme plan: below our reservation (55) and BATNA (40). */
const poor = { price: 100000, rollout: 45, support: 'enterprise' }
const offer = (...bundles: Record<string, string | number>[]) =>
  event('offer-sent', {
    bundles: bundles.map((terms, k) => ({ label: String.fromCharCode(65 + k), terms })),
  })

describe('stageChecklist', () => {
  it('gives every stage its asks, in order, with ids unique within the stage', () => {
    const space = compileSpace(acmePlan())
    const state = replay(space, [])
    for (const stage of STAGES) {
      const items = stageChecklist(space, state, stage)
      expect(items.length, stage).toBeGreaterThan(0)
      expect(new Set(items.map((item) => item.id)).size, stage).toBe(items.length)
    }
    expect(stageChecklist(space, state, 'prepare').map((item) => item.id)).toEqual([
      'batna',
      'reservation',
      'issues',
      'counterparty',
      'evidence',
      'anchor',
      'blanks',
    ])
  })

  describe('on the four examples', () => {
    it('finds the preparation and the set-up done, and nothing of the later stages before any move', () => {
      for (const [name, plan] of examplePlans()) {
        for (const stage of ['prepare', 'setup'] as const)
          expect(Object.values(states(plan, [], stage)), `${name} ${stage}`).not.toContain(false)
        expect(states(plan, [], 'first-move'), name).toEqual({ interests: false, meso: false })
        // No concession yet is no gift; no bundle on the table has nothing to test.
        expect(states(plan, [], 'midgame'), name).toEqual({
          'their-answer': false,
          'no-gifts': true,
          'reality-test': false,
          'joint-gain': false,
        })
        expect(Object.values(states(plan, [], 'close')), name).not.toContain(true)
        expect(Object.values(states(plan, [], 'debrief')), name).not.toContain(true)
      }
    })

    it('finds every ask of every stage done once the method is followed to the debrief', () => {
      for (const [name, plan] of examplePlans()) {
        const space = compileSpace(plan)
        const state = replay(space, orderlyJournal(space))
        expect(state.findings, name).toEqual([])
        for (const stage of STAGES) {
          const open = stageChecklist(space, state, stage).filter((item) => !item.done)
          expect(
            open.map((item) => item.id),
            `${name} ${stage}`,
          ).toEqual([])
        }
      }
    })
  })

  describe('prepare', () => {
    it('counts a template blank as not written: a fresh starter has its numbers but not its words', () => {
      expect(states(starterPlan('sales'), [], 'prepare')).toEqual({
        batna: false,
        reservation: true,
        issues: true,
        counterparty: false,
        evidence: false,
        anchor: false,
        blanks: false,
      })
    })

    it('asks for our BATNA in words, not only its value', () => {
      const plan = acmePlan()
      expect(done({ ...plan, batna: { us: { utility: 40 } } }, [], 'prepare', 'batna')).toBe(false)
      expect(
        done({ ...plan, batna: { us: { description: '  ', utility: 40 } } }, [], 'prepare', 'batna'),
      ).toBe(false)
      expect(done(plan, [], 'prepare', 'batna')).toBe(true)
    })

    it('asks for a walk-away point no lower than our BATNA', () => {
      const plan = acmePlan()
      expect(done({ ...plan, reservation: undefined }, [], 'prepare', 'reservation')).toBe(false)
      expect(done({ ...plan, reservation: 39 }, [], 'prepare', 'reservation')).toBe(false)
      expect(done({ ...plan, reservation: 40 }, [], 'prepare', 'reservation')).toBe(true)
      expect(done({ ...plan, batna: undefined, reservation: 10 }, [], 'prepare', 'reservation')).toBe(true)
    })

    it('asks for more than one issue', () => {
      const plan = acmePlan()
      const price = plan.issues.filter((issue) => issue.id === 'price')
      expect(
        done({ ...plan, issues: price, decisionRule: undefined, limits: undefined }, [], 'prepare', 'issues'),
      ).toBe(false)
    })

    it('asks who decides on their side and how approval runs', () => {
      const plan = acmePlan()
      const them = plan.parties.them
      const nobodyDecides = (them.stakeholders ?? []).map((person) => ({ ...person, decides: false }))
      expect(
        done(
          { ...plan, parties: { ...plan.parties, them: { ...them, stakeholders: nobodyDecides } } },
          [],
          'prepare',
          'counterparty',
        ),
      ).toBe(false)
      expect(
        done(
          { ...plan, parties: { ...plan.parties, them: { ...them, approvalPath: undefined } } },
          [],
          'prepare',
          'counterparty',
        ),
      ).toBe(false)
      expect(done(plan, [], 'prepare', 'counterparty')).toBe(true)
    })

    it('asks for evidence with a source, and an anchor whose rationale cites it', () => {
      const plan = acmePlan()
      const unsourced = (plan.evidence ?? []).map(({ source: _, ...rest }) => rest)
      expect(done({ ...plan, evidence: unsourced }, [], 'prepare', 'evidence')).toBe(false)
      expect(done({ ...plan, evidence: undefined, anchor: undefined }, [], 'prepare', 'evidence')).toBe(false)
      const anchor = { issue: 'price', low: 120000, high: 135000, rationale: 'two lines' }
      expect(done({ ...plan, anchor }, [], 'prepare', 'anchor')).toBe(false)
      expect(done({ ...plan, anchor: undefined }, [], 'prepare', 'anchor')).toBe(false)
      expect(done(plan, [], 'prepare', 'anchor')).toBe(true)
    })

    it('finds a blank anywhere in the plan', () => {
      const plan = acmePlan()
      expect(done({ ...plan, title: '<Customer> renewal' }, [], 'prepare', 'blanks')).toBe(false)
      expect(done(plan, [], 'prepare', 'blanks')).toBe(true)
    })
  })

  describe('set up', () => {
    it('asks for the rule in words and as a check, and for what we can trade', () => {
      const plan = acmePlan()
      expect(states(plan, [], 'setup')).toEqual({
        'decision-rule': true,
        'rule-check': true,
        tradeables: true,
      })
      const wordsOnly = { ...plan, decisionRule: { statement: 'Time to value under 60 days' } }
      expect(states(wordsOnly, [], 'setup')).toMatchObject({ 'decision-rule': true, 'rule-check': false })
      const checkOnly = { ...plan, decisionRule: { require: plan.decisionRule?.require ?? [] } }
      expect(states(checkOnly, [], 'setup')).toMatchObject({ 'decision-rule': false, 'rule-check': true })
      const nothingTradeable = { ...plan, issues: plan.issues.map(({ tradeable: _, ...issue }) => issue) }
      expect(done(nothingTradeable, [], 'setup', 'tradeables')).toBe(false)
    })
  })

  describe('first move', () => {
    it('asks for their interests, heard and written down', () => {
      expect(done(acmePlan(), [interest()], 'first-move', 'interests')).toBe(true)
      expect(done(acmePlan(), [offer(good)], 'first-move', 'interests')).toBe(false)
    })

    it('asks for a set of two or three bundles that each meet the rule', () => {
      const plan = acmePlan()
      const other = { ...good, price: 135000, support: 'enterprise' }
      expect(done(plan, [offer(good)], 'first-move', 'meso')).toBe(false)
      expect(done(plan, [offer(good, other)], 'first-move', 'meso')).toBe(true)
      expect(done(plan, [offer(good, other, { ...good, rollout: 60 })], 'first-move', 'meso')).toBe(true)
      const four = [good, other, { ...good, rollout: 60 }, { ...other, rollout: 60 }]
      expect(done(plan, [offer(...four)], 'first-move', 'meso')).toBe(false)
      // Rollout in 90 days breaks the rule "rollout within 60 days".
      expect(done(plan, [offer(good, { ...other, rollout: 90 })], 'first-move', 'meso')).toBe(false)
    })
  })

  describe('midgame', () => {
    it('asks that no bundle better for both is left in sight, by the estimate status uses', () => {
      const space = renewalSpace()
      const jointIn = (events: JournalEvent[]) => {
        const derived = negotiation(space, events)
        const item = stageChecklist(space, derived.state, 'midgame', derived.posterior).find(
          (entry) => entry.id === 'joint-gain',
        )
        return { done: item?.done, joint: negotiationStatus(space, events, derived).jointGain }
      }
      const single = [event('offer-sent', { bundles: [{ label: 'A', terms: { ...RENEWAL_B, term: 12 } }] })]
      const open = jointIn(single)
      expect(open.joint).not.toBeNull()
      expect(open.done).toBe(false)
      // Offering that bundle instead leaves nothing better for both in sight.
      const better = jointIn([event('offer-sent', { bundles: [{ label: 'A', terms: open.joint?.terms }] })])
      expect(better.joint).toBeNull()
      expect(better.done).toBe(true)
      // Nothing on the table: nothing to judge yet.
      expect(jointIn([]).done).toBe(false)
    })

    it('asks for their answer to our offer: a choice, a ranking or a rejection', () => {
      const plan = acmePlan()
      const set = offer(good, { ...good, price: 135000 })
      expect(done(plan, [set], 'midgame', 'their-answer')).toBe(false)
      expect(done(plan, [set, event('bundle-chosen', { label: 'A' })], 'midgame', 'their-answer')).toBe(true)
      expect(
        done(plan, [set, event('bundles-ranked', { order: ['B', 'A'] })], 'midgame', 'their-answer'),
      ).toBe(true)
      expect(done(plan, [set, event('offer-rejected', {})], 'midgame', 'their-answer')).toBe(true)
    })

    it('finds a gift, a give with no get, and no gift when each give buys a get', () => {
      const plan = acmePlan()
      const start = [offer(good)]
      const traded = event('concession', { give: { support: 'enterprise' }, get: { price: 135000 } })
      const gift = event('concession', { give: { price: 120000 }, get: {} })
      expect(done(plan, [...start, traded], 'midgame', 'no-gifts')).toBe(true)
      expect(done(plan, [...start, traded, gift], 'midgame', 'no-gifts')).toBe(false)
      // A retracted gift never happened.
      const retract = event('retract', { target: gift.id, reason: 'entered by mistake' })
      expect(done(plan, [...start, traded, gift, retract], 'midgame', 'no-gifts')).toBe(true)
    })

    it('tests the bundle on the table against walking away, our limits and the rule', () => {
      const plan = acmePlan()
      expect(done(plan, [offer(good)], 'midgame', 'reality-test')).toBe(true)
      const counter = event('offer-rejected', { counter: { terms: poor } })
      expect(done(plan, [offer(good), counter], 'midgame', 'reality-test')).toBe(false)
      const breaksRule = event('offer-rejected', { counter: { terms: { ...good, rollout: 90 } } })
      expect(done(plan, [offer(good), breaksRule], 'midgame', 'reality-test')).toBe(false)
      const breaksLimit = event('offer-rejected', { counter: { terms: { ...good, price: 95000 } } })
      expect(
        done(
          { ...plan, reservation: 0, batna: undefined },
          [offer(good), breaksLimit],
          'midgame',
          'reality-test',
        ),
      ).toBe(false)
    })
  })

  describe('close', () => {
    it('asks for the agreement, its measures, its governance and a fairness story, each on its own', () => {
      const plan = acmePlan()
      const agreed = (fields: Record<string, unknown>) => [
        offer(good),
        event('agreed', { terms: good, ...fields }),
      ]
      expect(states(plan, agreed({}), 'close')).toEqual({
        agreed: true,
        measures: false,
        governance: false,
        fairness: false,
      })
      const measures = [{ metric: 'sites live', threshold: 45, reporting: 'weekly', remedy: 'credit' }]
      expect(done(plan, agreed({ measures }), 'close', 'measures')).toBe(true)
      const governance = {
        governance: { reviewCadence: 'quarterly' },
        changeControl: 'written',
        exit: 'off-ramp',
      }
      expect(done(plan, agreed(governance), 'close', 'governance')).toBe(true)
      expect(done(plan, agreed({ ...governance, exit: undefined }), 'close', 'governance')).toBe(false)
      expect(
        done(plan, agreed({ fairnessStory: 'Both sides used one benchmark.' }), 'close', 'fairness'),
      ).toBe(true)
    })
  })

  describe('debrief', () => {
    it('counts the questions answered, blank answers not counting', () => {
      const plan = acmePlan()
      const prompts = PLAYBOOKS.sales.debrief
      const [first, second] = prompts
      const answers = { [first?.id ?? '']: 'trade earlier', [second?.id ?? '']: '   ' }
      const space = compileSpace(plan)
      const items = stageChecklist(space, replay(space, [event('debrief', { answers })]), 'debrief')
      expect(items.map(({ id, done, progress }) => ({ id, done, progress }))).toEqual([
        { id: 'lessons', done: true, progress: undefined },
        { id: 'all-answered', done: false, progress: { done: 1, of: prompts.length } },
      ])
    })
  })
})
