/**
 * The PDF of a document, drawn without a browser (pdf-lib, fonts embedded as subsets): A4 pages with
 * the title, headings, wrapped paragraphs, lists, tables whose header row comes again on every page
 * they run onto, charts drawn as lines and labelled points, "Page n of m", and the marking of an
 * internal document at the top and bottom of every page, so no page printed alone loses it.
 */
/// <reference path="./subset-font.d.ts" />
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib'
import subsetFont from 'subset-font'
import { type DocumentFonts, loadDocumentFonts } from './fonts'
import type { Block, ChartBlock, ParleyDocument } from './model'
import { drawChart } from './pdf-chart'
import { drawLine, type PdfFonts, printable, type TextStyle, textWidth, wrapText } from './pdf-text'

export interface PdfOptions {
  /** The font files' bytes; read from the font packages when left out (see `locateDocumentFonts`). */
  fonts?: DocumentFonts
  /** The creation date written in the metadata; now when left out. */
  now?: Date
}

/** A4 in points, and the space kept free around the content. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56, top: 72, bottom: 72 } as const
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin

const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.38, 0.38, 0.42)
const RULE = rgb(0.72, 0.72, 0.76)
const HEADER_FILL = rgb(0.92, 0.93, 0.95)

const BODY: TextStyle = { size: 10.5, bold: false, color: INK }
const HEADINGS: Record<1 | 2 | 3, TextStyle> = {
  1: { size: 16, bold: true, color: INK },
  2: { size: 13, bold: true, color: INK },
  3: { size: 11, bold: true, color: INK },
}

/** Where the next line goes: the page being filled and the top of the free space on it. */
export interface PdfCursor {
  pdf: PDFDocument
  fonts: PdfFonts
  page: PDFPage
  y: number
}

export function newPage(cursor: PdfCursor): void {
  cursor.page = cursor.pdf.addPage([PAGE.width, PAGE.height])
  cursor.y = PAGE.height - PAGE.top
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(cursor: PdfCursor, height: number): void {
  if (cursor.y - height < PAGE.bottom) newPage(cursor)
}

const lineHeight = (style: TextStyle) => style.size * 1.4

function drawWrapped(cursor: PdfCursor, text: string, style: TextStyle, indent = 0): void {
  const width = CONTENT_WIDTH - indent
  for (const line of wrapText(text, width, (part) => textWidth(part, cursor.fonts, style))) {
    ensureSpace(cursor, lineHeight(style))
    cursor.y -= lineHeight(style)
    drawLine(
      cursor.page,
      line,
      { x: PAGE.margin + indent, y: cursor.y + style.size * 0.3 },
      cursor.fonts,
      style,
    )
  }
}

function drawList(cursor: PdfCursor, ordered: boolean, items: string[]): void {
  const indent = 18
  items.forEach((item, index) => {
    ensureSpace(cursor, lineHeight(BODY))
    // The marker goes on the item's first line, which the space just made sure of.
    const baseline = cursor.y - lineHeight(BODY) + BODY.size * 0.3
    drawLine(
      cursor.page,
      ordered ? `${index + 1}.` : '•',
      { x: PAGE.margin + 4, y: baseline },
      cursor.fonts,
      BODY,
    )
    drawWrapped(cursor, item, BODY, indent)
    cursor.y -= 2
  })
}

/** The font size of a table: smaller as columns are added, so a wide table still fits the page. */
export function tableFontSize(columns: number): number {
  if (columns <= 4) return 9.5
  if (columns <= 6) return 8.5
  if (columns <= 8) return 7.5
  return 6.5
}

/**
 * Column widths filling `total`: each column gets what its longest cell needs when all fit; when not,
 * narrow columns keep their width and the wide ones share what is left equally (water-filling).
 */
export function columnWidths(natural: number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0)
  if (sum <= total) return natural.map((width) => width + (total - sum) / natural.length)
  const widths = new Array<number>(natural.length).fill(0)
  let left = total
  let open = natural.map((_, index) => index)
  while (open.length > 0) {
    const share = left / open.length
    const narrow = open.filter((index) => (natural[index] ?? 0) <= share)
    if (narrow.length === 0) {
      for (const index of open) widths[index] = share
      break
    }
    for (const index of narrow) {
      widths[index] = natural[index] ?? 0
      left -= natural[index] ?? 0
    }
    open = open.filter((index) => !narrow.includes(index))
  }
  return widths
}

function drawTable(cursor: PdfCursor, table: Extract<Block, { kind: 'table' }>): void {
  if (table.columns.length === 0) return
  const size = tableFontSize(table.columns.length)
  const cellStyle: TextStyle = { size, bold: false, color: INK }
  const headStyle: TextStyle = { size, bold: true, color: INK }
  const padding = 4
  const measure = (text: string, style: TextStyle) => textWidth(text, cursor.fonts, style)
  const natural = table.columns.map(
    (column, index) =>
      Math.max(
        measure(column, headStyle),
        ...table.rows.map((row) => Math.min(measure(row[index] ?? '', cellStyle), CONTENT_WIDTH / 2)),
      ) +
      2 * padding +
      1,
  )
  const widths = columnWidths(natural, CONTENT_WIDTH)
  const layout = (cells: string[], style: TextStyle) => {
    const lines = widths.map((width, index) =>
      wrapText(cells[index] ?? '', width - 2 * padding, (text) => measure(text, style)),
    )
    return { lines, height: Math.max(...lines.map((cell) => cell.length)) * lineHeight(style) + 2 * padding }
  }
  const drawRow = (row: ReturnType<typeof layout>, style: TextStyle, fill: boolean) => {
    const top = cursor.y
    let x = PAGE.margin
    row.lines.forEach((cell, index) => {
      const width = widths[index] ?? 0
      const box = { x, y: top - row.height, width, height: row.height, borderColor: RULE, borderWidth: 0.5 }
      cursor.page.drawRectangle(fill ? { ...box, color: HEADER_FILL } : box)
      cell.forEach((line, at) => {
        const baseline = top - padding - (at + 1) * lineHeight(style) + style.size * 0.3
        drawLine(cursor.page, line, { x: x + padding, y: baseline }, cursor.fonts, style)
      })
      x += width
    })
    cursor.y -= row.height
  }

  if (table.caption) {
    ensureSpace(cursor, lineHeight(HEADINGS[3]) * 2 + 40)
    drawWrapped(cursor, table.caption, { ...HEADINGS[3], size: 10 })
    cursor.y -= 2
  }
  const header = layout(table.columns, headStyle)
  // The header never ends a page alone: it goes with the first row.
  const first = table.rows[0]
  ensureSpace(cursor, header.height + (first ? layout(first, cellStyle).height : 0))
  drawRow(header, headStyle, true)
  for (const cells of table.rows) {
    const row = layout(cells, cellStyle)
    if (cursor.y - row.height < PAGE.bottom) {
      newPage(cursor)
      drawRow(header, headStyle, true)
    }
    drawRow(row, cellStyle, false)
  }
}

function drawBlock(cursor: PdfCursor, block: Block): void {
  switch (block.kind) {
    case 'heading': {
      const style = HEADINGS[block.level]
      // A heading keeps at least two lines of what follows on its page.
      ensureSpace(cursor, lineHeight(style) + 8 + lineHeight(BODY) * 2)
      cursor.y -= 8
      drawWrapped(cursor, block.text, style)
      cursor.y -= 2
      return
    }
    case 'paragraph':
      drawWrapped(cursor, block.text, BODY)
      cursor.y -= 6
      return
    case 'list':
      drawList(cursor, block.ordered, block.items)
      cursor.y -= 4
      return
    case 'table':
      drawTable(cursor, block)
      cursor.y -= 12
      return
    case 'chart':
      drawChartBlock(cursor, block)
      cursor.y -= 12
      return
  }
}

function drawChartBlock(cursor: PdfCursor, chart: ChartBlock): void {
  const height = 300
  ensureSpace(cursor, height)
  drawChart(
    cursor.page,
    chart,
    { x: PAGE.margin, y: cursor.y - height, width: CONTENT_WIDTH, height },
    cursor.fonts,
  )
  cursor.y -= height
}

/** The marking at the top and bottom and "Page n of m" under it, on every page once all are laid out. */
function drawPageFurniture(pdf: PDFDocument, fonts: PdfFonts, marking: string | null): void {
  const pages = pdf.getPages()
  const style: TextStyle = { size: 8, bold: true, color: rgb(0.6, 0.05, 0.05) }
  const centred = (page: PDFPage, text: string, y: number, lineStyle: TextStyle) => {
    const lines = wrapText(text, CONTENT_WIDTH, (line) => textWidth(line, fonts, lineStyle))
    lines.forEach((line, index) => {
      const x = (PAGE.width - textWidth(line, fonts, lineStyle)) / 2
      drawLine(page, line, { x, y: y - index * lineHeight(lineStyle) }, fonts, lineStyle)
    })
  }
  pages.forEach((page, index) => {
    if (marking) {
      centred(page, marking, PAGE.height - 36, style)
      centred(page, marking, 44, style)
    }
    centred(page, `Page ${index + 1} of ${pages.length}`, 26, { size: 8, bold: false, color: MUTED })
  })
}

/** Every character the PDF may draw: the document's text, and ASCII and the bullet for numbers, page numbers and list markers. */
export function documentCharacters(doc: ParleyDocument): string {
  const texts: string[] = [doc.title, doc.subtitle ?? '', doc.marking ?? '', '•']
  for (let code = 0x20; code < 0x7f; code += 1) texts.push(String.fromCharCode(code))
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        texts.push(block.text)
        break
      case 'list':
        texts.push(...block.items)
        break
      case 'table':
        texts.push(block.caption ?? '', ...block.columns, ...block.rows.flat())
        break
      case 'chart':
        texts.push(
          block.title,
          block.xLabel,
          block.yLabel,
          ...block.series.map((s) => s.name),
          ...block.marks.map((m) => m.label),
        )
        break
    }
  }
  return [...new Set([...printable(texts.join(''))])].join('')
}

/** The document as a PDF file's bytes. */
export async function renderPdf(doc: ParleyDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const files = options.fonts ?? loadDocumentFonts()
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  // harfbuzz cuts each font down to the document's characters and pdf-lib embeds the result whole:
  // pdf-lib's own subsetting (`subset: true`, through @pdf-lib/fontkit) loses the outlines of most
  // glyphs of these Noto fonts, so readers draw blanks (the text still extracts, which hides it).
  const characters = documentCharacters(doc)
  const subsets = await Promise.all(
    [files.regular, files.bold, files.cjk].map((file) =>
      // No layout features: a ligature (fi) would be drawn at another width than its letters are
      // measured at, and map back to no text; these scripts read right without substitutions.
      subsetFont(file, characters, { targetFormat: 'truetype', keepFeatures: [] }),
    ),
  )
  const [regular, bold, cjk] = await Promise.all(
    subsets.map((bytes) => pdf.embedFont(bytes, { subset: false })),
  )
  if (!regular || !bold || !cjk) throw new Error('renderPdf: a font was not embedded')
  const fonts: PdfFonts = {
    regular,
    bold,
    cjk,
    latinCharacters: new Set(regular.getCharacterSet()),
    cjkCharacters: new Set(cjk.getCharacterSet()),
  }
  const now = options.now ?? new Date()
  pdf.setTitle(doc.title, { showInWindowTitleBar: true })
  pdf.setSubject(doc.subtitle ?? doc.title)
  pdf.setCreator('Parley')
  pdf.setProducer('Parley')
  pdf.setCreationDate(now)
  pdf.setModificationDate(now)

  const cursor: PdfCursor = {
    pdf,
    fonts,
    page: pdf.addPage([PAGE.width, PAGE.height]),
    y: PAGE.height - PAGE.top,
  }
  drawWrapped(cursor, doc.title, { size: 20, bold: true, color: INK })
  if (doc.subtitle) drawWrapped(cursor, doc.subtitle, { size: 11, bold: false, color: MUTED })
  cursor.y -= 14
  for (const block of doc.blocks) drawBlock(cursor, block)
  drawPageFurniture(pdf, fonts, doc.marking)
  return pdf.save()
}
