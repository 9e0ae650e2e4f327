/**
 * Reading the binary formats back, for tests here and elsewhere (the leak test reads every
 * artifact): the text of a PDF as pdf.js extracts it (so only glyphs embedded with a map back to
 * Unicode count), the text of a DOCX as mammoth reads its body plus the words of its headers and
 * footers (which mammoth leaves out, and where a marking lives), and a PDF's pages as PNG pictures.
 * These readers are development dependencies: nothing outside tests imports this module.
 */
import { createCanvas } from '@napi-rs/canvas'
import fontkit from '@pdf-lib/fontkit'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

type RenderParameters = Parameters<PDFPageProxy['render']>[0]

async function openPdf(bytes: Uint8Array) {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  return getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise
}

/** Each page's text, items joined by spaces (pdf.js gives one item per drawn run). */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes)
  try {
    const pages: string[] = []
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '')
      }
      pages.push(text)
    }
    return pages
  } finally {
    await pdf.destroy()
  }
}

/** The whole PDF's text, page after page. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  return (await extractPdfPages(bytes)).join('\n')
}

/** Whether a glyph has a shape; a font file too broken to read the glyph has none. */
function hasOutline(font: ReturnType<typeof fontkit.create>, glyph: number): boolean {
  try {
    return font.getGlyph(glyph).path.toSVG().length > 0
  } catch {
    return false
  }
}

/**
 * The characters of `text` the PDF does not draw: used by no embedded font, or drawn by one with a
 * glyph that has no outline (a blank). Text extraction
 * alone cannot tell: it reads each font's map back to Unicode, not its glyphs. Each Type0 font's
 * ToUnicode map (bfchar lines, as pdf-lib writes them) gives the glyph each character is drawn
 * with, and the embedded TrueType file says whether that glyph has a shape.
 */
export async function undrawableCharacters(bytes: Uint8Array, text: string): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes)
  const mapped = new Set<string>()
  const blank = new Set<string>()
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue
    const toUnicode = object.lookup(PDFName.of('ToUnicode'))
    const descendant = object.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict)
    const file = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'))
    if (!(toUnicode instanceof PDFRawStream) || !(file instanceof PDFRawStream)) continue
    const font = fontkit.create(Buffer.from(decodePDFRawStream(file).decode()))
    const cmap = new TextDecoder().decode(decodePDFRawStream(toUnicode).decode())
    for (const [, glyph, unicode] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const character = String.fromCodePoint(
        ...(unicode?.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)),
      )
      mapped.add(character)
      if (!hasOutline(font, Number.parseInt(glyph ?? '0', 16))) blank.add(character)
    }
  }
  return [...new Set(text.replace(/\s/g, ''))].filter(
    (character) => !mapped.has(character) || blank.has(character),
  )
}

/** The PDF's title as its metadata says. */
export async function pdfTitle(bytes: Uint8Array): Promise<string | undefined> {
  const pdf = await openPdf(bytes)
  try {
    const { info } = await pdf.getMetadata()
    const title = info && typeof info === 'object' && 'Title' in info ? info.Title : undefined
    return typeof title === 'string' ? title : undefined
  } finally {
    await pdf.destroy()
  }
}

/** Every page as a PNG at `scale` (1 = 72 dpi). */
export async function renderPdfPages(bytes: Uint8Array, scale = 1.5): Promise<Uint8Array[]> {
  const pdf = await openPdf(bytes)
  try {
    const pictures: Uint8Array[] = []
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number)
      const viewport = page.getViewport({ scale })
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
      await page.render({
        // pdf.js's types name the DOM's canvas; under Node it draws on @napi-rs/canvas's, its own choice.
        canvas: canvas as unknown as RenderParameters['canvas'],
        viewport,
        background: '#ffffff',
      }).promise
      pictures.push(new Uint8Array(canvas.toBuffer('image/png')))
    }
    return pictures
  } finally {
    await pdf.destroy()
  }
}

const TEXT_RUN = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g

function xmlText(xml: string): string {
  return [...xml.matchAll(TEXT_RUN)]
    .map((match) => match[1] ?? '')
    .join('')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
}

/** The text of a DOCX's headers and footers, one line per part. */
export async function extractDocxHeadersAndFooters(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const parts = Object.keys(zip.files)
    .filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name))
    .sort()
  return Promise.all(parts.map(async (name) => xmlText((await zip.file(name)?.async('string')) ?? '')))
}

/** The DOCX's text: the body as mammoth reads it, then its headers and footers. */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const body = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return [body.value, ...(await extractDocxHeadersAndFooters(bytes))].join('\n')
}
