import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { renderDocx } from './docx'
import { internalBrief, mesoSheet, NAMES, termSheet } from './testing/documents'
import { extractDocxHeadersAndFooters, extractDocxText } from './testing/read'

describe('renderDocx', () => {
  it('writes a MESO sheet a reader opens, with its title, its three bundles and the Greek and Chinese names', async () => {
    const bytes = await renderDocx(mesoSheet)
    const text = await extractDocxText(bytes)
    for (const term of [
      'Three ways to agree',
      NAMES.us,
      NAMES.them,
      NAMES.greekIssue,
      NAMES.chineseIssue,
      'Offers A, B and C',
      'A: price-optimised',
      'C: support-optimised',
      '131,000',
      '90 天',
      'B: the shortest commitment.',
    ]) {
      expect(text).toContain(term)
    }
    expect(text).not.toContain('Confidential')
  })

  it('marks the table header row to repeat on every page and numbers ordered lists', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(termSheet))
    const body = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(body).toContain('<w:tblHeader/>')
    expect(body).toContain('<w:numId ')
    expect(await extractDocxText(await renderDocx(termSheet))).toContain(
      'Both sides review the terms every quarter.',
    )
  })

  it('puts the marking of an internal document in its header and footer, and the chart as its data table', async () => {
    const bytes = await renderDocx(internalBrief)
    const parts = await extractDocxHeadersAndFooters(bytes)
    expect(parts.length).toBeGreaterThanOrEqual(2)
    for (const part of parts) expect(part).toContain(NAMES.marking)
    const text = await extractDocxText(bytes)
    for (const term of [
      'Frontier and bundles (chart data)',
      'Utility for us (points)',
      'Pareto frontier',
      'No deal',
      'move 70:',
    ]) {
      expect(text).toContain(term)
    }
  })
})
