import { describe, expect, it } from 'vitest'
import { STAGES } from '../journal/replay'
import { CONTEXTS, type Plan } from '../model/plan'
import { approvalBlocks } from '../scoring/approval'
import { readOffer } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { faceSavingVariants } from './approval'
import { applicabilityNotes, coach } from './coach'
import { PLAYBOOKS, QUICK_REFERENCE } from './library'
import { fillPhrases, fillTemplate, phraseSlots } from './phrases'
import { negotiationTimeline } from './timeline'
import { PHRASE_KINDS } from './types'

const ALLOWED: Record<string, string[]> = {
  'decision-rule': ['rule', 'them', 'us'],
  bundle: ['label', 'emphasis', 'terms', 'rule'],
  bundles: ['count', 'labels', 'rule'],
  'conditional-trade': ['give', 'get'],
  benchmark: ['low', 'high', 'unit', 'claim', 'source', 'rationale', 'issue'],
  pause: ['rule', 'revisit'],
  contingency: ['contingency'],
  close: ['terms'],
  open: ['them', 'us', 'issues'],
  discovery: ['issues'],
  'face-saving': ['issue', 'terms'],
}

describe('the playbooks', () => {
  it.each(CONTEXTS)(
    '%s: covers every stage and every phrase kind, with only the blanks each kind allows',
    (context) => {
      const playbook = PLAYBOOKS[context]
      expect(playbook.context).toBe(context)
      for (const stage of STAGES) {
        expect(playbook.flow.some((step) => step.stage === stage)).toBe(true)
        expect(playbook.moves.some((move) => move.stage === stage)).toBe(true)
      }
      for (const kind of PHRASE_KINDS)
        expect(playbook.phrases.some((phrase) => phrase.kind === kind)).toBe(true)
      for (const phrase of playbook.phrases) {
        for (const text of [phrase.direct, phrase.indirect]) {
          const blanks = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
          for (const blank of blanks)
            expect(ALLOWED[phrase.kind], `${phrase.id}: {${blank}}`).toContain(blank)
          expect(text).not.toMatch(/\d/)
        }
      }
      expect(playbook.discovery.length).toBeGreaterThanOrEqual(5)
      expect(playbook.typicalIssues.length).toBeGreaterThanOrEqual(5)
      expect(playbook.tradeables.length).toBeGreaterThanOrEqual(5)
      expect(playbook.debrief.length).toBeGreaterThanOrEqual(4)
    },
  )

  it('uses ids that are unique across all playbooks', () => {
    const ids = CONTEXTS.flatMap((context) =>
      [...PLAYBOOKS[context].phrases, ...PLAYBOOKS[context].debrief].map((item) => item.id),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('has a quick reference with when, what to say, the signal, the risk and the safeguard', () => {
    expect(QUICK_REFERENCE.length).toBeGreaterThanOrEqual(10)
    for (const row of QUICK_REFERENCE)
      for (const field of [row.when, row.say, row.signal, row.risk, row.safeguard])
        expect(field.length).toBeGreaterThan(5)
  })
})

describe('filling phrases', () => {
  const space = compileSpace(acmePlan())

  it('fills blanks from the counterparty view and leaves out a template it can not fill', () => {
    const slots = phraseSlots(counterpartyView(space), { give: 'support', get: 'price' })
    expect(slots.rule).toBe('Time to value under 60 days')
    expect(slots.give).toBe('support tier')
    expect(slots.get).toBe('annual price')
    expect(slots.low).toBe('95,000')
    expect(slots.high).toBe('125,000')
    expect(fillTemplate('If we move on {give}, can you match us on {get}?', slots)).toBe(
      'If we move on support tier, can you match us on annual price?',
    )
    expect(fillTemplate('Option {label} is {terms}.', slots)).toBeUndefined()
  })

  it('names the bundles on offer and where they differ', () => {
    const view = counterpartyView(space, undefined, [
      { label: 'A', emphasis: ['price'], terms: { price: 110000, rollout: 60, support: 'premium' } },
      { label: 'B', emphasis: ['rollout'], terms: { price: 130000, rollout: 30, support: 'premium' } },
    ])
    const [text] = fillPhrases(
      [
        {
          id: 't',
          kind: 'bundle',
          stage: 'first-move',
          direct: 'Option {label} leans on {emphasis}: {terms}.',
          indirect: '',
        },
      ],
      view,
      { bundle: 'B' },
    )
    expect(text?.text).toBe(
      'Option B leans on rollout to all sites: annual price 130,000 USD/year and rollout to all sites 30 days.',
    )
  })

  it('uses the softer wording for indirect styles', () => {
    const template = {
      id: 't',
      kind: 'pause' as const,
      stage: 'midgame' as const,
      direct: 'No: {rule}.',
      indirect: 'Perhaps we could pause: {rule}.',
    }
    const view = counterpartyView(space)
    expect(fillPhrases([template], view, {}, 'direct')[0]?.text).toBe('No: Time to value under 60 days.')
    expect(fillPhrases([template], view, {}, 'indirect')[0]?.text).toBe(
      'Perhaps we could pause: Time to value under 60 days.',
    )
  })
})

describe('their approval path', () => {
  const withLimit: Plan = {
    ...acmePlan(),
    parties: {
      ...acmePlan().parties,
      them: {
        ...acmePlan().parties.them,
        approvalLimits: [{ issue: 'price', op: '<=', value: 120000, approver: 'CFO' }],
      },
    },
  }
  const space = compileSpace(withLimit)
  const offer = (terms: Record<string, string | number>) => {
    const read = readOffer(space, terms)
    if (!read.ok) throw new Error('bad terms')
    return read.offer
  }

  it('flags a bundle their approver is unlikely to sign, with the reason', () => {
    expect(approvalBlocks(space, offer({ price: 130000, rollout: 45, support: 'premium' }))).toEqual([
      { approver: 'CFO', limit: 'price <= 120000' },
    ])
    expect(approvalBlocks(space, offer({ price: 120000, rollout: 45, support: 'premium' }))).toEqual([])
  })

  it('proposes face-saving variants: the headline term their way, the same value to us', () => {
    // The CFO signs up to 125,000: price 125,000 is the headline win; standard support makes it up to us exactly.
    const capped = compileSpace({
      ...withLimit,
      parties: {
        ...withLimit.parties,
        them: {
          ...withLimit.parties.them,
          approvalLimits: [{ issue: 'price', op: '<=', value: 125000, approver: 'CFO' }],
        },
      },
    })
    const read = readOffer(capped, { price: 130000, rollout: 45, support: 'premium' })
    if (!read.ok) throw new Error('bad terms')
    const base = (40 * 80 + (10 * 100) / 6 + 10 * 60) / 60
    const variants = faceSavingVariants(capped, read.offer, { tolerance: 1.5 })
    expect(variants).toEqual([
      {
        headline: { issue: 'price', level: 125000 },
        terms: { price: 125000, rollout: 45, support: 'standard' },
        utility: {
          us: expect.closeTo(base, 9) as unknown as number,
          them: expect.any(Number) as unknown as number,
        },
        compensation: ['support'],
      },
    ])
  })
})

describe('applicability, culture and the timeline', () => {
  it('says when the method does not fit', () => {
    const one = compileSpace({
      ...acmePlan(),
      issues: [acmePlan().issues[0]!],
      decisionRule: { statement: 'price' },
      anchor: undefined,
      limits: [],
    })
    expect(applicabilityNotes(one).map((note) => note.id)).toEqual(['single-issue'])
    const unverifiable = compileSpace({
      ...acmePlan(),
      applicability: { verifiable: false, timeForDiscovery: false },
    })
    expect(applicabilityNotes(unverifiable).map((note) => note.id)).toEqual(['unverifiable', 'no-time'])
    expect(applicabilityNotes(compileSpace(acmePlan()))).toEqual([])
  })

  it('adds relationship steps for indirect styles and approval buffers for high power distance', () => {
    const plain = negotiationTimeline(acmePlan())
    const adapted = negotiationTimeline({
      ...acmePlan(),
      culture: { style: 'indirect', powerDistance: 'high' },
    })
    const approval = (steps: typeof plain) =>
      steps.find((step) => step.step === 'Their internal approval')?.days ?? 0
    expect(approval(adapted)).toBeGreaterThan(approval(plain))
    expect(adapted.length).toBe(plain.length + 1)
  })
})

describe('coach', () => {
  it('gives the moves, the phrases and a script of about eight lines for the current stage', () => {
    const space = compileSpace(acmePlan())
    const report = coach(space, [])
    expect(report.stage).toBe('setup')
    expect(report.moves.length).toBeGreaterThan(0)
    expect(report.moves.every((move) => move.stage === 'setup')).toBe(true)
    expect(report.script.length).toBeGreaterThanOrEqual(6)
    expect(report.script.length).toBeLessThanOrEqual(8)
    expect(report.advice.join(' ')).toContain('55.0')
    const midgame = coach(space, [
      event('interest-stated', { text: 'x', ranking: ['rollout'] }),
      event('offer-sent', {
        bundles: [{ label: 'A', terms: { price: 130000, rollout: 45, support: 'premium' } }],
      }),
      event('offer-rejected', {}),
    ])
    expect(midgame.stage).toBe('midgame')
    expect(coach(space, [], { stage: 'close' }).stage).toBe('close')
  })
})
