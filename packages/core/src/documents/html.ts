/**
 * A document as one standalone HTML page: no script, no outside resource, every text escaped. The
 * marking of an internal document stands at the top and the bottom of the page and, in print, on
 * every page (a fixed header and footer repeat on each printed page). A chart is drawn as an inline
 * SVG, with its points also given as a table for readers that can not see it.
 */
import type { Block, ChartBlock, ParleyDocument } from './document'

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A CSS string literal that can not close the string or the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`
}

function tableHtml(columns: string[], rows: string[][], caption: string | null): string {
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')
  const body = rows
    .map((row) => `<tr>${columns.map((_, k) => `<td>${escapeHtml(row[k] ?? '')}</td>`).join('')}</tr>`)
    .join('\n')
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

const WIDTH = 560
const HEIGHT = 400
const MARGIN = { left: 56, right: 16, top: 32, bottom: 48 }

/** The axis range: from 0 (or the least value) up to the largest, rounded out to a tick of 10. */
function extent(values: number[]): [number, number] {
  const low = Math.min(0, ...values)
  const high = Math.max(10, ...values)
  return [Math.floor(low / 10) * 10, Math.ceil(high / 10) * 10]
}

const round = (value: number) => Math.round(value * 100) / 100

function chartSvg(chart: ChartBlock): string {
  const xs = [
    ...chart.series.flatMap((series) => series.points.map(([x]) => x)),
    ...chart.marks.map((m) => m.x),
  ]
  const ys = [
    ...chart.series.flatMap((series) => series.points.map(([, y]) => y)),
    ...chart.marks.map((m) => m.y),
  ]
  const [x0, x1] = extent(xs)
  const [y0, y1] = extent(ys)
  const plotW = WIDTH - MARGIN.left - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const sx = (x: number) => round(MARGIN.left + ((x - x0) / (x1 - x0)) * plotW)
  const sy = (y: number) => round(MARGIN.top + plotH - ((y - y0) / (y1 - y0)) * plotH)
  const ticks = (low: number, high: number) =>
    Array.from({ length: 6 }, (_, k) => round(low + ((high - low) * k) / 5))
  const parts: string[] = [
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" class="chart-title">${escapeHtml(chart.title)}</text>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${MARGIN.left + plotW}" y2="${MARGIN.top + plotH}" class="axis"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotH}" class="axis"/>`,
    ...ticks(x0, x1).map(
      (x) =>
        `<text x="${sx(x)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" class="tick">${x}</text>`,
    ),
    ...ticks(y0, y1).map(
      (y) => `<text x="${MARGIN.left - 6}" y="${sy(y) + 4}" text-anchor="end" class="tick">${y}</text>`,
    ),
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle" class="label">${escapeHtml(chart.xLabel)}</text>`,
    `<text x="14" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${MARGIN.top + plotH / 2})" class="label">${escapeHtml(chart.yLabel)}</text>`,
    ...chart.series.map(
      (series) =>
        `<polyline class="series" fill="none" points="${series.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')}"><title>${escapeHtml(series.name)}</title></polyline>`,
    ),
    ...chart.marks.map(
      (mark) =>
        `<circle class="mark" cx="${sx(mark.x)}" cy="${sy(mark.y)}" r="4"><title>${escapeHtml(mark.label)}</title></circle><text x="${sx(mark.x) + 6}" y="${sy(mark.y) - 6}" class="mark-label">${escapeHtml(mark.label)}</text>`,
    ),
  ]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title)}">\n${parts.join('\n')}\n</svg>`
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`
    }
    case 'table':
      return tableHtml(block.columns, block.rows, block.caption)
    case 'chart': {
      const rows = [
        ...block.series.flatMap((series) =>
          series.points.map(([x, y]) => [series.name, String(x), String(y)]),
        ),
        ...block.marks.map((mark) => [mark.label, String(mark.x), String(mark.y)]),
      ]
      return `<figure>${chartSvg(block)}<details><summary>The chart's points</summary>${tableHtml(['Point', block.xLabel, block.yLabel], rows, null)}</details></figure>`
    }
  }
}

export interface HtmlOptions {
  /** The page's language (BCP 47); English by default, as Parley writes its documents. */
  lang?: string
}

/** The document as one standalone HTML page, in `options.lang` (English by default). */
export function renderHtml(doc: ParleyDocument, options: HtmlOptions = {}): string {
  const marking = doc.marking
  const markingCss = marking
    ? `
.marking { font-weight: bold; color: #8a1c1c; border: 1px solid #8a1c1c; padding: 4px 8px; }
.print-marking { display: none; }
@media print {
  .print-marking { display: block; position: fixed; left: 0; right: 0; text-align: center; font-size: 9pt; font-weight: bold; color: #8a1c1c; }
  .print-marking.top { top: 0; }
  .print-marking.bottom { bottom: 0; }
  .print-marking.top::after { content: ${cssString(marking)}; }
  .print-marking.bottom::after { content: ${cssString(marking)}; }
  body { margin: 1.5cm 0; }
  .marking { display: none; }
}`
    : ''
  const style = `
body { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; vertical-align: top; }
caption { text-align: left; font-style: italic; margin-bottom: 4px; }
.subtitle { color: #444; }
svg .axis { stroke: #333; } svg .series { stroke: #1f5fa8; stroke-width: 2; } svg .mark { fill: #b5482a; }
svg text { font-size: 11px; } svg .chart-title { font-size: 13px; font-weight: bold; }
@media print { table, figure { break-inside: avoid; } details { display: none; } }${markingCss}
`
  const [first, ...rest] = doc.blocks
  const opensWithTitle = first?.kind === 'heading' && first.level === 1
  const subtitle = doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : ''
  const body = opensWithTitle
    ? [blockHtml(first), subtitle, ...rest.map(blockHtml)]
    : [`<h1>${escapeHtml(doc.title)}</h1>`, subtitle, ...doc.blocks.map(blockHtml)]
  const markingHtml = marking ? `<p class="marking">${escapeHtml(marking)}</p>` : ''
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${style}</style>
</head>
<body>
${marking ? '<div class="print-marking top" aria-hidden="true"></div>\n<div class="print-marking bottom" aria-hidden="true"></div>\n' : ''}${markingHtml}
${body.filter(Boolean).join('\n')}
${markingHtml}
</body>
</html>
`
}
