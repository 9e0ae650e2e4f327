import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderPdf } from './pdf'
import { internalBrief, mesoSheet, NAMES, termSheet } from './testing/documents'
import {
  extractPdfPages,
  extractPdfText,
  pdfTitle,
  renderPdfPages,
  undrawableCharacters,
} from './testing/read'

// pdf.js returns runs as they were drawn; compare without the spaces and line ends it adds or drops.
const squash = (text: string) => text.replace(/\s+/g, '')
const occurrences = (text: string, part: string) => squash(text).split(squash(part)).length - 1

describe('renderPdf', () => {
  let brief: Uint8Array
  let briefPages: string[]
  beforeAll(async () => {
    brief = await renderPdf(internalBrief, { now: new Date('2026-12-05T12:00:00Z') })
    briefPages = await extractPdfPages(brief)
  })

  it('writes a MESO sheet a reader opens, with its title, its three bundles and the Greek and Chinese names', async () => {
    const bytes = await renderPdf(mesoSheet)
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
    expect(await pdfTitle(bytes)).toBe('Three ways to agree')
    const text = squash(await extractPdfText(bytes))
    for (const term of [
      'Three ways to agree',
      NAMES.us,
      NAMES.them,
      NAMES.greekIssue,
      NAMES.chineseIssue,
      'A: price-optimised',
      'C: support-optimised',
      '131,000',
      '90 天',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(squash(term))
    }
    expect(text).not.toContain('Confidential')
    // Every glyph is really drawn, not only mapped back to text.
    expect(
      await undrawableCharacters(
        bytes,
        `${NAMES.us}${NAMES.them}${NAMES.greekIssue}${NAMES.chineseIssue} 90 天 Offers`,
      ),
    ).toEqual([])
    // Subsets of the fonts only: a page of text stays far below the 11 MB of font files.
    expect(bytes.length).toBeLessThan(150_000)
  })

  it('writes a term sheet with its numbered conditions', async () => {
    const text = squash(await extractPdfText(await renderPdf(termSheet)))
    expect(text).toContain(squash('1.If adoption is under 60% by month 6'))
    expect(text).toContain(squash('2.Both sides review the terms every quarter.'))
    expect(text).toContain(squash(`${NAMES.chineseIssue}60 天`))
  })

  it('prints the marking at the top and bottom of every page of an internal document, and numbers the pages', () => {
    expect(briefPages.length).toBeGreaterThanOrEqual(3)
    briefPages.forEach((page, index) => {
      expect(occurrences(page, NAMES.marking)).toBe(2)
      expect(squash(page)).toContain(squash(`Page ${index + 1} of ${briefPages.length}`))
    })
  })

  it('runs a long table over pages and repeats its header row on each', () => {
    const withRows = briefPages.filter((page) => /move\d+:/.test(squash(page)))
    expect(withRows.length).toBeGreaterThanOrEqual(2)
    for (const page of withRows) expect(squash(page)).toContain('RoundIssueMoveKind')
    for (let round = 1; round <= 70; round += 1) {
      expect(briefPages.filter((page) => squash(page).includes(`move${round}:`))).toHaveLength(1)
    }
  })

  it('draws every character of every page of the brief', async () => {
    expect(await undrawableCharacters(brief, briefPages.join(''))).toEqual([])
  })

  it('draws the chart with its title, axis labels and labelled points', () => {
    const text = squash(briefPages.join('\n'))
    for (const term of [
      'Frontier and bundles',
      'Utility for us (points)',
      'Utility for them (points)',
      'No deal',
      'Pareto frontier',
    ]) {
      expect(text).toContain(squash(term))
    }
  })

  it('renders every page of the brief to a picture for a reviewer (test-output/pdf)', async () => {
    const folder = join(import.meta.dirname, '../../../test-output/pdf')
    await rm(folder, { recursive: true, force: true })
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'brief.pdf'), brief)
    const pictures = await renderPdfPages(brief)
    expect(pictures).toHaveLength(briefPages.length)
    for (const [index, picture] of pictures.entries()) {
      expect([...picture.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
      await writeFile(join(folder, `brief-page-${index + 1}.png`), picture)
    }
  })
})
