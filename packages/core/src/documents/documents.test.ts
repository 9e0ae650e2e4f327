/**
 * The builders on the examples: which bundles a MESO sheet shows (the offer sent, else the set
 * `parley meso` proposes now), the term sheet and the cadence at close and their failures before,
 * the fairness story's line for their decision maker, and the documents for us with their marking.
 */
import { describe, expect, it } from 'vitest'
import { inferPriorities } from '../inference/posterior'
import type { JournalEvent } from '../journal/events'
import { replay } from '../journal/replay'
import { mesoView } from '../meso/view'
import { parsePlanText } from '../plan/parse'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import { buildDocument } from './build'
import {
  COUNTERPARTY_DOCUMENT_KINDS,
  DOCUMENT_AUDIENCE,
  DOCUMENT_KINDS,
  type ParleyDocument,
} from './document'
import { type DocumentFailure, isDocumentFailure } from './failure'
import { counterpartyViewForSheet } from './sheet-view'
import { documentText } from './text'

const EXAMPLES = import.meta.glob(['../../../../examples/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

const space = renewalSpace()
const stated = event('interest-stated', {
  text: 'All teams live before the storm season',
  ranking: ['rollout'],
})
const A = {
  price: 250000,
  rollout: 45,
  billing: 'quarterly',
  support: 'premium',
  credits: 10,
  term: 24,
  uplift: 3,
}
const B = { ...A, price: 230000, rollout: 60, term: 36 }
const offered = event('offer-sent', {
  bundles: [
    { label: 'A', terms: A },
    { label: 'B', terms: B },
  ],
})
const agreed = (governance: Record<string, string> = { reviewCadence: 'quarterly business review' }) =>
  event('agreed', {
    terms: { ...B, support: 'enterprise' },
    measures: [
      {
        metric: 'claims teams live',
        threshold: 14,
        reporting: 'weekly rollout report',
        remedy: 'service credit',
      },
    ],
    changeControl: 'written change requests, answered within 10 days',
    exit: 'off-ramp after two missed service levels in a quarter',
    governance,
  })

function built(kind: (typeof DOCUMENT_KINDS)[number], events: JournalEvent[]): ParleyDocument {
  const doc = buildDocument(kind, space, replay(space, events), { today: '2026-12-05' })
  if (isDocumentFailure(doc)) throw new Error(`${kind}: ${doc.message}`)
  return doc
}

function failure(kind: (typeof DOCUMENT_KINDS)[number], events: JournalEvent[]): DocumentFailure | undefined {
  const doc = buildDocument(kind, space, replay(space, events), { today: '2026-12-05' })
  return isDocumentFailure(doc) ? doc : undefined
}

const primary = (doc: ParleyDocument) => doc.blocks.find((block) => block.kind === 'table' && block.primary)

describe('the MESO sheet', () => {
  it('shows the set parley meso proposes now when no offer was sent, an issue per row by name and unit', () => {
    const state = replay(space, [stated])
    // As `parley meso` calls it: with the journal's posterior once the journal holds an event.
    const proposed = mesoView(space, {}, inferPriorities(space, state.observations), state)
    if (!proposed.ok) throw new Error('the renewal example has a MESO set')
    expect(counterpartyViewForSheet(space, state).source).toBe('meso')
    const table = primary(built('meso', [stated]))
    if (table?.kind !== 'table') throw new Error('no table')
    expect(table.columns).toEqual([
      'Issue',
      ...proposed.set.bundles.map((bundle) => `Option ${bundle.label}`),
    ])
    expect(table.rows.map((row) => row[0])).toEqual([
      'Annual subscription fee (USD/year)',
      'Go-live for all claims teams (days after signature)',
      'Billing schedule',
      'Support tier',
      'Service credit cap (% of monthly fee)',
      'Contract term (months)',
      'Renewal price cap (% per year)',
      'Why this option',
    ])
    const fee = proposed.set.bundles.map((bundle) => bundle.terms.price)
    expect(table.rows[0]?.slice(1)).toEqual(fee.map((level) => Number(level).toLocaleString('en-US')))
  })

  it('shows the offer sent, with the rule as agreed and why each option looks as it does', () => {
    const doc = built('meso', [stated, offered])
    const table = primary(doc)
    if (table?.kind !== 'table') throw new Error('no table')
    expect(table.columns).toEqual(['Issue', 'Option A', 'Option B'])
    expect(table.rows.at(-1)).toEqual([
      'Why this option',
      'On go-live for all claims teams, which you raised: 45 days after signature.',
      'On go-live for all claims teams, which you raised: 60 days after signature.',
    ])
    const text = documentText(doc)
    expect(text).toContain('All claims teams live within 60 days of signature')
    expect(text).toContain('Go-live for all claims teams at most 60 days after signature.')
    expect(doc.audience).toBe('counterparty')
    expect(doc.marking).toBeNull()
  })
})

describe('the term sheet', () => {
  it('is a failure until the agreement is recorded', () => {
    expect(failure('terms', [stated, offered])).toEqual({
      code: 'not-agreed',
      message: expect.stringContaining('record the agreement first'),
    })
  })

  it('says the agreed terms in words and units, the measures, change control, exit and governance', () => {
    const doc = built('terms', [stated, offered, agreed()])
    const table = primary(doc)
    if (table?.kind !== 'table') throw new Error('no table')
    expect(table.rows).toContainEqual(['Annual subscription fee', '230,000', 'USD/year'])
    expect(table.rows).toContainEqual(['Support tier', 'enterprise', ''])
    const text = documentText(doc)
    expect(text).toContain('claims teams live | 14 | weekly rollout report | service credit')
    expect(text).toContain('Change control: written change requests, answered within 10 days')
    expect(text).toContain('Exit: off-ramp after two missed service levels in a quarter')
    expect(text).toContain('Review cadence: quarterly business review')
    expect(text).toContain('agreed on 25 November 2026')
  })
})

describe('the fairness story', () => {
  it('tells the rule, the standards and the trades, and gives their decision maker a line to repeat', () => {
    const doc = built('fairness', [stated, offered, agreed()])
    const text = documentText(doc)
    expect(text).toContain('They meet the test we agreed at the start')
    expect(text).toContain('Fenwick Research')
    expect(text).toContain(
      'So Dana Okafor, as CFO, can show anyone who asks on their side that the outcome meets the test',
    )
    // Nothing of the map but the decider's name and role.
    expect(text).not.toMatch(/audit committee|Priya Raman, as|Martin Velez/)
  })

  it('keeps the story the agreement recorded, word for word', () => {
    const story = 'Both sides priced against the Fenwick benchmark and traded support for term.'
    const doc = built('fairness', [stated, offered, event('agreed', { terms: B, fairnessStory: story })])
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: story })
  })
})

describe('the review cadence', () => {
  it('reads the agreed cadence into a calendar event over the agreed term', () => {
    const doc = built('cadence', [stated, offered, agreed()])
    expect(doc.calendar).toEqual({
      summary: 'Quarterly business review: Brightline Systems and Calder Mutual Insurance',
      description: expect.stringContaining('every 3 months'),
      start: '2026-11-25',
      durationMinutes: 60,
      recurrence: { frequency: 'MONTHLY', interval: 3, count: 12 },
    })
    expect(documentText(doc)).toContain('12 times, over the agreed term of 36 months')
  })

  it('is a failure without an agreement, without a cadence, or with one it can not read', () => {
    expect(failure('cadence', [offered])?.code).toBe('not-agreed')
    expect(failure('cadence', [offered, agreed({})])?.code).toBe('no-cadence')
    const unreadable = failure('cadence', [offered, agreed({ reviewCadence: 'whenever it suits' })])
    expect(unreadable?.code).toBe('cadence-unreadable')
    expect(unreadable?.message).toContain('"quarterly"')
    expect(unreadable?.message).toContain('"every N weeks"')
  })
})

describe('the documents for us', () => {
  it('mark the brief as internal, with the walk-away, the issue map, the evidence pack and the frontier chart', () => {
    const doc = built('brief', [stated])
    expect(doc.audience).toBe('internal')
    expect(doc.marking).toBe('Confidential: internal to Brightline Systems. Never send to the other side.')
    const text = documentText(doc)
    expect(text).toContain('Reservation (walk away below): 48 pts.')
    expect(text).toContain('Dana Okafor: CFO; decides')
    expect(text).toMatch(/Benchmark price .*\| yes/)
    const chart = doc.blocks.find((block) => block.kind === 'chart')
    if (chart?.kind !== 'chart') throw new Error('no chart')
    expect(chart.series[0]?.points.length).toBeGreaterThan(10)
    expect(chart.marks.map((mark) => mark.label)).toContain('Nash')
    expect(text).toContain('The set parley meso proposes now')
  })

  it('log each concession with what it cost us and got back, and flag a gift', () => {
    const chose = event('bundle-chosen', { label: 'A' })
    const doc = built('concessions', [
      offered,
      chose,
      event('concession', { give: { support: 'enterprise' }, get: { term: 36 } }),
      event('concession', { give: { credits: 15 }, get: {} }),
    ])
    const table = primary(doc)
    if (table?.kind !== 'table') throw new Error('no table')
    expect(table.rows).toHaveLength(2)
    expect(table.rows[0]?.slice(1, 3)).toEqual(['support tier to enterprise', 'contract term to 36 months'])
    expect(table.rows[1]?.at(-1)).toContain('gift: a give with no get')
    expect(doc.marking).toContain('Never send to the other side')
  })
})

describe('every example', () => {
  it.each(Object.entries(EXAMPLES))('%s: builds every kind for its audience, or says why not', (_, text) => {
    const parsed = parsePlanText(text, { format: 'yaml' })
    if (!parsed.ok) throw new Error('the example does not parse')
    const example = compileSpace(parsed.plan)
    for (const kind of DOCUMENT_KINDS) {
      const doc = buildDocument(kind, example, replay(example, []), { today: '2026-12-05' })
      if (isDocumentFailure(doc)) {
        expect(['not-agreed', 'no-bundles']).toContain(doc.code)
        continue
      }
      expect(doc.audience).toBe(DOCUMENT_AUDIENCE[kind])
      expect(doc.marking === null).toBe(doc.audience === 'counterparty')
    }
  })

  it('the kinds a deal room serves are exactly those written for the other side', () => {
    expect([...COUNTERPARTY_DOCUMENT_KINDS].sort()).toEqual(
      DOCUMENT_KINDS.filter((kind) => DOCUMENT_AUDIENCE[kind] === 'counterparty').sort(),
    )
  })
})
