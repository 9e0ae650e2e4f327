/**
 * Nothing private reaches a document for them in the formats this package writes: every
 * counterparty document of a leaky negotiation (distinctive private values, internal evidence cited
 * by the anchor, half of them closed with an agreement and a review cadence), rendered as PDF, DOCX
 * and iCalendar and read back with a reader library (pdf.js, mammoth, and the text itself), holds no
 * private value. Core's own test covers Markdown, HTML and CSV over many more plans; a PDF takes a
 * few hundred milliseconds, so this one runs fewer.
 */
import {
  buildDocument,
  COUNTERPARTY_DOCUMENT_KINDS,
  compileSpace,
  isDocumentFailure,
  type ParleyDocument,
  replay,
} from '@parley/core'
import { closableLeakyNegotiationArb, leaks } from '@parley/core/testing'
import { runs } from '@parley/core/testing/runs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderDocument } from './render'
import { extractDocxText, extractPdfText } from './testing/read'

async function readBack(document: ParleyDocument): Promise<string[]> {
  const texts: string[] = []
  const pdf = await renderDocument(document, 'pdf')
  if (pdf.ok && pdf.content instanceof Uint8Array) texts.push(await extractPdfText(pdf.content))
  const docx = await renderDocument(document, 'docx')
  if (docx.ok && docx.content instanceof Uint8Array) texts.push(await extractDocxText(docx.content))
  const ics = await renderDocument(document, 'ics', { now: new Date('3801-01-05T10:00:00Z') })
  if (ics.ok && typeof ics.content === 'string') texts.push(ics.content)
  return texts
}

describe('nothing private reaches a PDF, DOCX or calendar file for them', () => {
  it('every counterparty document, read back from every binary format, holds no private value', async () => {
    await fc.assert(
      fc.asyncProperty(closableLeakyNegotiationArb(), async ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const texts: string[] = []
        for (const kind of COUNTERPARTY_DOCUMENT_KINDS) {
          const document = buildDocument(kind, space, state, { today: '3801-01-05' })
          if (isDocumentFailure(document)) continue
          const read = await readBack(document)
          // The formats really were read: the title comes back from each.
          for (const text of read.slice(0, 2)) expect(text.replace(/\s+/g, ' ')).toContain(plan.title)
          texts.push(...read)
        }
        expect(texts.length).toBeGreaterThan(0)
        expect(leaks(plan, texts)).toEqual([])
      }),
      { numRuns: runs(10) },
    )
  }, 120_000)
})
