/**
 * The pure formats: Markdown, a standalone HTML page (escaped, marked at top and bottom and on every
 * printed page, the chart as inline SVG) and the primary table as RFC 4180 CSV.
 */
import { describe, expect, it } from 'vitest'
import { renderCsv } from './csv'
import type { ParleyDocument } from './document'
import { isDocumentFailure } from './failure'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'

const MARKING = 'Confidential: internal to Γαλήνη & 北方. Never send to the other side.'

const doc: ParleyDocument = {
  kind: 'brief',
  audience: 'internal',
  title: 'Brief <script>alert(1)</script>',
  subtitle: 'Γαλήνη Α.Ε. and 北方公司, 5 December 2026',
  marking: MARKING,
  blocks: [
    { kind: 'heading', level: 1, text: 'Brief <script>alert(1)</script>' },
    { kind: 'paragraph', text: 'Ελένη Παπαδοπούλου and 王晓明 decide; *not* a list.' },
    { kind: 'list', ordered: false, items: ['1. not ordered', '# not a heading'] },
    {
      kind: 'table',
      caption: 'Terms',
      columns: ['Issue', 'Level'],
      rows: [
        ['Fee, yearly', 'says "yes"'],
        ['Notes', 'line one\nline two'],
        ['Formula', '=SUM(A1:A2)'],
        ['Change', '-5'],
      ],
      primary: true,
    },
    {
      kind: 'chart',
      title: 'Frontier',
      xLabel: 'Us',
      yLabel: 'Them',
      series: [
        {
          name: 'Frontier',
          points: [
            [20, 90],
            [60, 60],
            [90, 20],
          ],
        },
      ],
      marks: [{ label: 'Nash <point>', x: 60, y: 60 }],
    },
  ],
  calendar: null,
}

describe('renderHtml', () => {
  const html = renderHtml(doc)

  it('is a complete page in English with every text escaped', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).not.toContain('<script>')
    expect(html).toContain('Brief &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('Nash &lt;point&gt;')
  })

  it('carries the marking at the top and the bottom, and on every printed page', () => {
    const body = html.slice(html.indexOf('<body>'))
    const marked = `<p class="marking">${MARKING.replace('&', '&amp;')}</p>`
    expect(body.indexOf(marked)).toBeLessThan(body.indexOf('<h1>'))
    expect(body.lastIndexOf(marked)).toBeGreaterThan(body.indexOf('</table>'))
    expect(html).toMatch(
      /@media print \{[\s\S]*position: fixed[\s\S]*content: "Confidential: internal to Γαλήνη & 北方/,
    )
  })

  it('draws the chart as an inline SVG and keeps non-Latin names intact', () => {
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/)
    expect(html).toMatch(
      /<polyline class="series" fill="none" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+">/,
    )
    expect(html).toContain('Ελένη Παπαδοπούλου and 王晓明 decide')
    expect(html).toContain('Γαλήνη Α.Ε. and 北方公司')
  })
})

describe('renderMarkdown', () => {
  const md = renderMarkdown(doc)

  it('opens and closes with the marking, and escapes what Markdown would read as markup', () => {
    const lines = md.trimEnd().split('\n')
    expect(lines[0]).toBe(`**${MARKING}**`)
    expect(lines.at(-1)).toBe(`**${MARKING}**`)
    expect(md).toContain('\\*not\\* a list')
    expect(md).toContain('- \\1. not ordered')
    expect(md).toContain('- \\# not a heading')
    expect(md).toContain('| Notes | line one line two |')
    expect(md).toContain('Brief \\<script\\>alert(1)\\</script\\>')
  })

  it('keeps non-Latin names intact and gives the chart as its table of points', () => {
    expect(md).toContain('Ελένη Παπαδοπούλου and 王晓明 decide')
    expect(md).toContain('| Nash \\<point\\> | 60 | 60 |')
  })

  it('writes a chart column with one number of decimals: 41.0 beside 31.8, not 41', () => {
    const frontier = doc.blocks.find((block) => block.kind === 'chart')
    if (frontier?.kind !== 'chart') throw new Error('the fixture has a chart')
    const chart = {
      ...doc,
      blocks: [
        {
          ...frontier,
          series: [
            { name: 'Frontier', points: [[31.8, 96.9] as [number, number], [41, 91.1] as [number, number]] },
          ],
          marks: [{ label: 'Nash', x: 44.25, y: 88 }],
        },
      ],
    }
    const text = renderMarkdown(chart)
    expect(text).toContain('| Frontier | 31.80 | 96.9 |')
    expect(text).toContain('| Frontier | 41.00 | 91.1 |')
    expect(text).toContain('| Nash | 44.25 | 88.0 |')
  })
})

describe('renderCsv', () => {
  it('writes the primary table per RFC 4180, and never a formula', () => {
    expect(renderCsv(doc)).toBe(
      'Issue,Level\r\n"Fee, yearly","says ""yes"""\r\nNotes,"line one\nline two"\r\nFormula,\'=SUM(A1:A2)\r\nChange,-5\r\n',
    )
  })

  it('is a failure for a document without a table', () => {
    const result = renderCsv({ ...doc, blocks: [{ kind: 'paragraph', text: 'no table' }] })
    expect(isDocumentFailure(result) && result.code).toBe('no-table')
  })
})
