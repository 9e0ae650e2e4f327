/**
 * A document as Markdown (CommonMark with GitHub tables): the marking first and last, headings,
 * paragraphs, lists and tables; a chart, which Markdown can not draw, as the table of its points.
 * Text is escaped so a claim or a name can never turn into markup.
 */
import type { Block, ChartBlock, ParleyDocument } from './document'

/** Backslash-escapes what CommonMark reads as markup inside a line (a table cell, say). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

/** As `escapeInline`, for text that starts a line: a leading `#`, `-` or `1.` would open a block. */
function escapeLine(text: string): string {
  return escapeInline(text).replace(/^([#+=-]|\d+[.)])/, (match) => `\\${match}`)
}

function table(columns: string[], rows: string[][], caption: string | null): string[] {
  const cell = (text: string) => escapeInline(text) || ' '
  return [
    ...(caption ? [`*${escapeInline(caption)}*`, ''] : []),
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((_, k) => cell(row[k] ?? '')).join(' | ')} |`),
  ]
}

function chartTable(chart: ChartBlock): string[] {
  const points = [
    ...chart.series.flatMap((series) => series.points.map(([x, y]) => [series.name, x, y] as const)),
    ...chart.marks.map((mark) => [mark.label, mark.x, mark.y] as const),
  ]
  // One number of decimals per column, so 41 and 31.8 read as 41.0 and 31.8, as every table of points does.
  const decimals = (values: number[]) =>
    Math.min(3, Math.max(0, ...values.map((value) => (String(value).split('.')[1] ?? '').length)))
  const dx = decimals(points.map(([, x]) => x))
  const dy = decimals(points.map(([, , y]) => y))
  const rows = points.map(([name, x, y]) => [name, x.toFixed(dx), y.toFixed(dy)])
  return table(['Point', chart.xLabel, chart.yLabel], rows, chart.title)
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${escapeInline(b.text)}`]
    case 'paragraph':
      return [escapeLine(b.text)]
    case 'list':
      return b.items.map((item, k) => `${b.ordered ? `${k + 1}.` : '-'} ${escapeLine(item)}`)
    case 'table':
      return table(b.columns, b.rows, b.caption)
    case 'chart':
      return chartTable(b)
  }
}

/** The document as Markdown, the marking (when there is one) first and last. */
export function renderMarkdown(doc: ParleyDocument): string {
  const marking = doc.marking ? [`**${escapeInline(doc.marking)}**`] : []
  const subtitle = doc.subtitle ? [`*${escapeInline(doc.subtitle)}*`] : []
  // The document's own first heading carries the title when it opens with one.
  const [first, ...rest] = doc.blocks
  const opening =
    first?.kind === 'heading' && first.level === 1
      ? [block(first).join('\n'), ...subtitle, ...rest.map((b) => block(b).join('\n'))]
      : [`# ${escapeInline(doc.title)}`, ...subtitle, ...doc.blocks.map((b) => block(b).join('\n'))]
  return `${[...marking, ...opening, ...marking].join('\n\n')}\n`
}
