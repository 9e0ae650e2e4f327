import { compileSpace, debriefView, type JournalEvent, negotiation, starterPlan } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { changedAnswers, issueThatMovedMost, lessonDraft, lessonInput, withIssue } from './debrief'

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

  it('follows another issue chosen with the drafted words, never describing one issue while tied to another', () => {
    const derived = negotiation(space, journal)
    const view = debriefView(space, derived.state, derived.posterior)
    const draft = lessonDraft(space, derived.state, view.figures)
    const rollout = space.issues.find((issue) => issue.id !== 'support')
    if (!rollout) throw new Error('the starter plan has one issue')
    const moved = withIssue(space, draft, rollout.id)
    expect(moved.issue).toBe(rollout.id)
    expect(moved.name).toBe(rollout.name)
    expect(moved.description).toContain(rollout.name)
    expect(lessonInput(space, moved, 'N1')).toMatchObject({ name: rollout.name, issue: rollout.name })
    // Words the person wrote stay; choosing no issue clears only drafted words.
    const written = withIssue(space, { ...draft, name: 'Tier for term', lesson: 'x' }, rollout.id)
    expect(written).toMatchObject({ name: 'Tier for term', lesson: 'x', issue: rollout.id })
    expect(withIssue(space, draft, '')).toMatchObject({ name: '', description: '', issue: '' })
  })
})
