import {
  compileSpace,
  type DebriefFigures,
  debriefView,
  type JournalEvent,
  negotiation,
  formatShare as percent,
  formatPoints as pts,
  formatSigned as signed,
  starterPlan,
} from '@parley/core'
import { describe, expect, it } from 'vitest'
import { changedAnswers, figureLines, issueThatMovedMost, lessonDraft, lessonInput } from './debrief'

const figures: DebriefFigures = {
  agreed: true,
  agreement: { us: 61.25, them: 58.04 },
  distanceToFrontier: 0.02,
  nashShare: 0.9349,
  surplus: -2.25,
  reciprocity: { concessions: 3, reciprocated: 2, ratio: 2 / 3, valueRatio: 0.004 },
  rounds: 4,
  estimateShift: 0.2468,
  misjudged: [
    { issue: 'rollout', estimate: 0.25, learned: 0.4 },
    { issue: 'price', estimate: 0.35, learned: 0.3 },
  ],
}

describe('the debrief figures', () => {
  it('reads line for line as parley debrief prints them', () => {
    expect(figureLines(figures)).toEqual({
      lines: [
        'Agreement: U_us 61.3, U_them 58.0 (under what we learned of them)',
        'Distance to the Pareto frontier: 0.0 points for both sides (on the frontier)',
        'Share of the Nash product reached: 93%',
        'Our surplus over the reservation: -2.3 points',
        'Concessions reciprocated: 2 of 3 (we got back 0.4% of what we gave, in our points)',
        'Rounds taken: 4',
        'How well we had guessed them: our estimate moved 12.3% of the way across (L1 0.25)',
      ],
      misjudged: [
        { issue: 'rollout', text: 'rollout: estimated 25%, learned 40%' },
        { issue: 'price', text: 'price: estimated 35%, learned 30%' },
      ],
    })
  })

  it('says what is missing before an agreement', () => {
    const lines = figureLines({
      ...figures,
      agreed: false,
      agreement: null,
      distanceToFrontier: null,
      nashShare: null,
      surplus: null,
      reciprocity: { concessions: 0, reciprocated: 0, ratio: null, valueRatio: null },
    }).lines
    expect(lines[0]).toBe('No agreement recorded yet: efficiency and surplus need an agreed event.')
    expect(lines[1]).toBe('Concessions reciprocated: 0 of 0')
  })

  it('formats as the command line does', () => {
    expect(pts(3.04)).toBe('3.0')
    expect(signed(0)).toBe('+0.0')
    expect(signed(-3)).toBe('-3.0')
    expect(percent(0.384)).toBe('38%')
    expect(percent(0)).toBe('0%')
    expect(percent(0.0042)).toBe('0.4%')
  })
})

describe('debrief answers', () => {
  const prompts = [
    { id: 'a', text: 'A?', answer: 'kept' },
    { id: 'b', text: 'B?', answer: null },
    { id: 'c', text: 'C?', answer: 'old' },
  ]
  it('saves only what changed', () => {
    expect(changedAnswers(prompts, { a: 'kept ', b: '', c: 'new' })).toEqual({ c: 'new' })
    expect(changedAnswers(prompts, { b: 'first answer' })).toEqual({ b: 'first answer' })
    expect(changedAnswers(prompts, {})).toEqual({})
  })
})

describe('a lesson for the library', () => {
  const space = compileSpace(starterPlan('sales'))
  let n = 0
  const event = (fields: Record<string, unknown>) =>
    ({
      id: `01J${String(++n).padStart(23, '0')}`,
      at: '2026-11-25T10:00:00.000Z',
      side: 'us',
      round: 1,
      planVersion: 't',
      ...fields,
    }) as JournalEvent
  const terms = Object.fromEntries(space.issues.map((issue) => [issue.id, issue.levels[0]]))
  const journal = [
    event({ type: 'offer-sent', bundles: [{ label: 'A', terms }] }),
    event({ type: 'concession', give: { support: 'premium' }, get: { term: 36 } }),
    event({ type: 'concession', give: { support: 'enterprise' }, get: { price: 100000 } }),
  ]

  it('is about the issue our concessions moved most, drafted from the negotiation', () => {
    const derived = negotiation(space, journal)
    const view = debriefView(space, derived.state, derived.posterior)
    expect(issueThatMovedMost(space, derived.state, view.figures)).toBe('support')
    const draft = lessonDraft(space, derived.state, view.figures)
    expect(draft).toEqual({
      name: 'Support tier',
      description: `Support tier (tier), from ${space.plan.title}`,
      lesson: '',
      issue: 'support',
    })
    expect(lessonInput(space, { ...draft, lesson: ' Premium buys a longer term. ' }, 'N1')).toEqual({
      name: 'Support tier',
      description: `Support tier (tier), from ${space.plan.title}`,
      issue: 'Support tier',
      unit: 'tier',
      contexts: ['sales'],
      lesson: 'Premium buys a longer term.',
      source: { negotiationId: 'N1' },
    })
  })

  it('falls back on the issue we misjudged most without concessions', () => {
    const derived = negotiation(space, [])
    const view = debriefView(space, derived.state, derived.posterior)
    expect(issueThatMovedMost(space, derived.state, view.figures)).toBe(view.figures.misjudged[0]?.issue)
    expect(lessonInput(space, { name: 'X', description: '', lesson: '', issue: '' }, 'N1')).toEqual({
      name: 'X',
      contexts: ['sales'],
      source: { negotiationId: 'N1' },
    })
  })
})
