/**
 * Words you can say aloud, proved over random plans and random journals: whatever the deal and
 * wherever it stands, every recap and confirmation names every issue at exactly the table's level,
 * every bundle line names every term of its bundle, nothing after the agreement proposes a change
 * of terms, the close script closes, the debrief says nothing to them, no placeholder is read
 * aloud, and every line is grammatical.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inferPriorities } from '../inference/posterior'
import type { JournalEvent } from '../journal/events'
import { replay, STAGES } from '../journal/replay'
import { listAnd } from '../language/english'
import { formatLevelWithUnit, inSentence } from '../language/levels'
import { CONTEXTS, type Plan, type Terms } from '../model/plan'
import { holdsPlaceholder } from '../plan/placeholders'
import { compileSpace, type Space } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { planArb } from '../testing/arbitraries'
import { journalArb } from '../testing/journals'
import { runs } from '../testing/property-runs'
import { type CoachReport, coach } from './coach'
import { REOPENING_KINDS } from './types'

/** A random plan in any context and style, sometimes with evidence, a rule ending in a full stop, or a blank left in. */
const negotiationArb = fc
  .boolean()
  // Round weights and scores (ties) make bundles worth exactly the same to us, as face-saving variants need.
  .chain((ties) => planArb({ maxIssues: 5, maxLevels: 4, constraints: true, ties }))
  .chain((plan) =>
    fc
      .record({
        context: fc.constantFrom(...CONTEXTS),
        style: fc.constantFrom('direct' as const, 'indirect' as const),
        evidence: fc.boolean(),
        statement: fc.constantFrom(undefined, 'Every option keeps the service live.', '"Quoted test."'),
        blank: fc.boolean(),
      })
      .map(
        ({ context, style, evidence, statement, blank }): Plan => ({
          ...plan,
          context,
          culture: { style },
          ...(blank ? { parties: { us: { name: 'Us' }, them: { name: '<Customer>' } } } : {}),
          ...(statement ? { decisionRule: { ...plan.decisionRule, statement } } : {}),
          ...(evidence
            ? {
                evidence: [
                  {
                    claim: 'Comparable deals run in this range.',
                    range: [1, 5],
                    unit: 'units',
                    source: 'the survey (2026)',
                  },
                ],
              }
            : {}),
        }),
      ),
  )
  .chain((plan) =>
    fc
      .tuple(journalArb(plan), fc.option(fc.constantFrom(...STAGES), { nil: undefined }))
      .map(([events, stage]) => ({ plan, events, stage })),
  )

function report(space: Space, events: readonly JournalEvent[], stage: (typeof STAGES)[number] | undefined) {
  const state = replay(space, events)
  const options = stage ? { stage } : {}
  // Before any of their moves the coach needs no posterior; after them, a small one keeps the run fast.
  if (state.observations.length === 0) return { state, report: coach(space, events, options) }
  const posterior = inferPriorities(space, state.observations, { samples: 200 })
  return { state, report: coach(space, events, options, { state, posterior }) }
}

/** How a term reads: `issue 0 5 units`, `issue 2 o1`. */
function termText(space: Space, issueId: string, terms: Terms): string {
  const issue = space.byId.get(issueId)
  const level = terms[issueId]
  if (!issue || level === undefined) throw new Error(`no level for ${issueId}`)
  return `${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}`
}

/** Whether the text names this exact term: followed by punctuation or `and`, never by more digits. */
function names(text: string, term: string): boolean {
  let from = text.indexOf(term)
  while (from >= 0) {
    const after = text.slice(from + term.length)
    if (/^(?:[,.;:?]|\sand\s)/.test(after)) return true
    from = text.indexOf(term, from + 1)
  }
  return false
}

/** One of something counted in the plural: `1 options`, `1 months` (a level of one with its unit), `one packages`. */
const COUNT_OF_ONE =
  /(?<![\d.,])(?:1|one) (?:options|packages|structures|versions|bundles|variants|issues|answers|days|weeks|months|years|units)\b/i

const spoken = (result: CoachReport) => [...result.phrases.map((phrase) => phrase.text), ...result.script]

describe('the coach tells the truth about the deal on the table (property)', () => {
  it('recaps and confirms the table with every issue at exactly its level, and every bundle line in full', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events, stage }) => {
        const space = compileSpace(plan)
        const { state, report: result } = report(space, events, stage)
        for (const phrase of result.phrases.filter((p) => p.kind === 'recap' || p.kind === 'close')) {
          const table = state.table?.terms
          expect(table, phrase.text).toBeDefined()
          if (!table) continue
          const expected = listAnd(space.issues.map((issue) => termText(space, issue.id, table)))
          expect(names(phrase.text, expected), `${phrase.text}\n  should read: ${expected}`).toBe(true)
        }
        const view = counterpartyView(space, state, result.proposed.length > 0 ? result.proposed : undefined)
        for (const phrase of result.phrases.filter((p) => p.kind === 'bundle')) {
          const label = phrase.id.split(':')[1]
          const bundle = view.bundles.find((candidate) => candidate.label === label)
          expect(bundle, phrase.id).toBeDefined()
          for (const issue of space.issues)
            expect(names(phrase.text, termText(space, issue.id, bundle?.terms ?? {})), phrase.text).toBe(true)
        }
        // The script says only what the phrases say.
        for (const line of result.script) expect(result.phrases.map((phrase) => phrase.text)).toContain(line)
      }),
      { numRuns: runs(120) },
    )
  })

  it('proposes no change of terms once they are agreed; the close closes; the debrief speaks to us', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events, stage }) => {
        const space = compileSpace(plan)
        const { state, report: result } = report(space, events, stage)
        if (state.agreed || result.stage === 'close' || result.stage === 'debrief') {
          expect(result.phrases.filter((phrase) => REOPENING_KINDS.includes(phrase.kind))).toEqual([])
          expect(result.faceSaving).toEqual([])
          expect(result.proposed).toEqual([])
        }
        if (result.stage === 'close' && result.script.length > 0) {
          const last = result.phrases.find((phrase) => phrase.text === result.script.at(-1))
          expect(last?.kind).toBe(state.table ? 'close' : 'fairness')
        }
        if (result.stage === 'debrief') {
          expect(result.phrases).toEqual([])
          expect(result.script).toEqual([])
        }
      }),
      { numRuns: runs(120) },
    )
  })

  it('writes every line grammatically, and reads no placeholder aloud', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events, stage }) => {
        const space = compileSpace(plan)
        const { report: result } = report(space, events, stage)
        for (const line of spoken(result)) {
          expect(line, 'a count of one with a plural noun').not.toMatch(COUNT_OF_ONE)
          expect(line, 'an article before a negation').not.toMatch(/\bno an? \w/i)
          expect(line, 'a wrong article').not.toMatch(/\ba [aeiou]\w|\ban [b-df-hj-np-tv-z]\w/)
          expect(line, 'doubled or stray punctuation').not.toMatch(/\.\.|\.\?|\?\.|,,|,\.|\s[,.;:?!]|""/)
          expect(line, 'a line ends with one closing mark').toMatch(/[^.?!][.?!]["”)]?$/)
          expect(line, 'a list never starts or ends empty').not.toMatch(/:\s*[.;,]|\band [.;]/)
          expect(line).not.toMatch(/undefined|NaN|null|\[object/)
          expect(holdsPlaceholder(line), line).toBe(false)
        }
        if (!plan.parties.them.name.startsWith('<')) expect(result.toFill).toEqual([])
      }),
      { numRuns: runs(120) },
    )
  })
})

describe('the random negotiations', () => {
  it('reach every stage and every kind of line the properties are about, not only the easy ones', () => {
    // A fixed sample, so that what the generator reaches is known, whatever the properties' seed.
    const kinds = new Set<string>()
    const stages = new Set<string>()
    let agreed = 0
    let blanks = 0
    for (const { plan, events, stage } of fc.sample(negotiationArb, { numRuns: 100, seed: 20261125 })) {
      const { state, report: result } = report(compileSpace(plan), events, stage)
      for (const phrase of result.phrases) kinds.add(phrase.kind)
      stages.add(result.stage)
      if (state.agreed) agreed++
      if (result.toFill.length > 0) blanks++
    }
    expect([...stages].sort()).toEqual([...STAGES].sort())
    for (const kind of [
      'recap',
      'close',
      'bundles',
      'bundle',
      'conditional-trade',
      'contingency',
      'fairness',
    ])
      expect(kinds).toContain(kind)
    expect(agreed).toBeGreaterThan(0)
    expect(blanks).toBeGreaterThan(0)
  })
})
