/**
 * Text on a PDF page in more than one script: a string is cut into runs, each drawn with the first
 * embedded font that has its characters (Noto Sans, then Noto Sans SC), measured the same way, and
 * wrapped to a width. Chinese has no spaces, so a line may break between any two of its characters;
 * elsewhere lines break at spaces, and a word wider than the line is cut where it must be.
 */
import type { PDFFont, PDFPage, RGB } from 'pdf-lib'
import { degrees } from 'pdf-lib'

/** The embedded fonts of one PDF and the characters each can draw. */
export interface PdfFonts {
  regular: PDFFont
  bold: PDFFont
  cjk: PDFFont
  latinCharacters: Set<number>
  cjkCharacters: Set<number>
}

export interface TextStyle {
  size: number
  bold: boolean
  color: RGB
}

interface Run {
  text: string
  font: PDFFont
}

/** Tabs and line breaks become spaces and other control characters go: no font draws them. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\t\r\n]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')
}

/** `text` cut into runs of one font each. A character no font has stays with the Latin font (drawn as a box). */
export function textRuns(text: string, fonts: PdfFonts, bold: boolean): Run[] {
  const latin = bold ? fonts.bold : fonts.regular
  const runs: Run[] = []
  for (const character of printable(text)) {
    const code = character.codePointAt(0) ?? 0
    const font = fonts.latinCharacters.has(code) || !fonts.cjkCharacters.has(code) ? latin : fonts.cjk
    const last = runs[runs.length - 1]
    if (last && last.font === font) last.text += character
    else runs.push({ text: character, font })
  }
  return runs
}

// Advance widths per font and character at size 1. pdf-lib measures a string by shaping it, which
// is slow, and wrapping measures the same characters again and again; pdf-lib also draws each glyph
// at its advance (no kerning), so the sum of the characters' advances is the drawn width.
const advances = new WeakMap<PDFFont, Map<string, number>>()

function runWidth(run: Run, size: number): number {
  let known = advances.get(run.font)
  if (!known) {
    known = new Map()
    advances.set(run.font, known)
  }
  let width = 0
  for (const character of run.text) {
    let advance = known.get(character)
    if (advance === undefined) {
      advance = run.font.widthOfTextAtSize(character, 1000) / 1000
      known.set(character, advance)
    }
    width += advance
  }
  return width * size
}

export function textWidth(text: string, fonts: PdfFonts, style: Pick<TextStyle, 'size' | 'bold'>): number {
  let width = 0
  for (const run of textRuns(text, fonts, style.bold)) width += runWidth(run, style.size)
  return width
}

/** Draws one line from its baseline's left end; `vertical` turns it a quarter to read bottom to top. */
export function drawLine(
  page: PDFPage,
  text: string,
  at: { x: number; y: number; vertical?: boolean },
  fonts: PdfFonts,
  style: TextStyle,
): void {
  let offset = 0
  for (const run of textRuns(text, fonts, style.bold)) {
    page.drawText(run.text, {
      x: at.vertical ? at.x : at.x + offset,
      y: at.vertical ? at.y + offset : at.y,
      font: run.font,
      size: style.size,
      color: style.color,
      ...(at.vertical ? { rotate: degrees(90) } : {}),
    })
    offset += runWidth(run, style.size)
  }
}

// A Chinese, Japanese or Korean character, or full-width punctuation: a line may break on either side.
const BREAKS_ANYWHERE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u

/** Pieces a line may end after: a word with the spaces after it, or one character that breaks anywhere. */
function pieces(text: string): string[] {
  const result: string[] = []
  let current = ''
  for (const character of text) {
    if (BREAKS_ANYWHERE.test(character)) {
      if (current) result.push(current)
      result.push(character)
      current = ''
    } else if (character === ' ') {
      current += character
    } else {
      if (current.endsWith(' ')) {
        result.push(current)
        current = ''
      }
      current += character
    }
  }
  if (current) result.push(current)
  return result
}

/** `text` in lines no wider than `width` (points); an empty text is one empty line. */
export function wrapText(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const piece of pieces(printable(text).trim())) {
    const candidate = line + piece
    if (measure(candidate.trimEnd()) <= width) {
      line = candidate
      continue
    }
    if (line.trim()) lines.push(line.trimEnd())
    line = piece
    // A piece wider than a whole line is cut at the last character that fits (at least one).
    while (measure(line.trimEnd()) > width) {
      const characters = [...line]
      let fit = 1
      while (fit < characters.length && measure(characters.slice(0, fit + 1).join('')) <= width) fit += 1
      lines.push(characters.slice(0, fit).join(''))
      line = characters.slice(fit).join('')
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd())
  return lines
}
