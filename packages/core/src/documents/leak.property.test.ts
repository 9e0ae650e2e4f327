/**
 * Nothing private reaches a document for them, in any format Parley renders itself: every
 * counterparty document of a leaky negotiation (distinctive private values, an internal evidence
 * item cited by the anchor, a decider with a name in Latin, Greek or Chinese script), at any point
 * of the journal and after an agreement, rendered as Markdown, HTML and CSV, holds no private
 * value, never an issue id, and no internal evidence, while the shareable evidence and their
 * decider's name come through intact. The documents for us, by contrast, do hold private values.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay } from '../journal/replay'
import { compileSpace } from '../scoring/space'
import { closableLeakyNegotiationArb, leaks } from '../testing/leak'
import { runs } from '../testing/property-runs'
import { buildDocument } from './build'
import { renderCsv } from './csv'
import { DOCUMENT_AUDIENCE, DOCUMENT_KINDS, type ParleyDocument } from './document'
import { isDocumentFailure } from './failure'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'
import { documentText } from './text'

const negotiationArb = closableLeakyNegotiationArb()

function rendered(doc: ParleyDocument): string[] {
  const csv = renderCsv(doc)
  return [renderMarkdown(doc), renderHtml(doc), ...(typeof csv === 'string' ? [csv] : []), documentText(doc)]
}

describe('documents for them', () => {
  it('hold no private value, no issue id and no internal evidence, in Markdown, HTML and CSV', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const internal = plan.evidence?.find((item) => item.shareable === false)
        const decider = plan.parties.them.stakeholders?.find((person) => person.decides)
        let built = 0
        for (const kind of DOCUMENT_KINDS) {
          const doc = buildDocument(kind, space, state, { today: '3801-01-06' })
          if (isDocumentFailure(doc)) continue
          const texts = rendered(doc)
          if (DOCUMENT_AUDIENCE[kind] === 'internal') {
            // The brief quotes our reservation: the check below is not vacuous.
            if (kind === 'brief') expect(leaks(plan, texts).length).toBeGreaterThan(0)
            continue
          }
          built++
          expect(leaks(plan, texts)).toEqual([])
          for (const text of texts) {
            expect(text).not.toMatch(/\bissue\d\b/)
            if (internal) expect(text).not.toContain(internal.claim)
            if (internal?.source) expect(text).not.toContain(internal.source)
          }
          if (kind === 'fairness' || kind === 'meso') {
            for (const text of texts.slice(0, 2)) expect(text).toContain('Published benchmark')
          }
          if (kind === 'fairness' && decider) {
            for (const text of texts.slice(0, 2)) expect(text).toContain(decider.name)
          }
        }
        // The fairness story always builds (the MESO sheet when MESO finds a set); at close the term
        // sheet and the cadence too.
        expect(built).toBeGreaterThanOrEqual(state.agreed ? 3 : 1)
      }),
      { numRuns: runs(40) },
    )
  })
})
