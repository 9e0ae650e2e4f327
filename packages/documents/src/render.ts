/**
 * One document in any format Parley writes: Markdown, HTML and CSV from core's renderers, PDF, DOCX
 * and iCalendar from this package. The command line, the server and the deal room all call this,
 * so a document reads the same wherever it is downloaded.
 */
import {
  type DocumentFormat,
  isDocumentFailure,
  type ParleyDocument,
  renderCsv,
  renderHtml,
  renderMarkdown,
} from '@parley/core'
import { renderDocx } from './docx'
import { renderIcs } from './ics'
import { renderPdf } from './pdf'

export interface FormatInfo {
  /** The format's name in a sentence. */
  name: string
  extension: string
  mediaType: string
  /** Bytes, not text: never printed to a terminal. */
  binary: boolean
}

export const DOCUMENT_FORMAT_INFO: Record<DocumentFormat, FormatInfo> = {
  md: { name: 'Markdown', extension: 'md', mediaType: 'text/markdown; charset=utf-8', binary: false },
  html: { name: 'HTML', extension: 'html', mediaType: 'text/html; charset=utf-8', binary: false },
  pdf: { name: 'PDF', extension: 'pdf', mediaType: 'application/pdf', binary: true },
  docx: {
    name: 'Word (DOCX)',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
  },
  csv: { name: 'CSV', extension: 'csv', mediaType: 'text/csv; charset=utf-8', binary: false },
  ics: { name: 'iCalendar', extension: 'ics', mediaType: 'text/calendar; charset=utf-8', binary: false },
}

export type RenderedDocument =
  | { ok: true; content: string | Uint8Array }
  | { ok: false; code: string; message: string }

/** `now`: the iCalendar file's stamp (tests pass a fixed one). */
export async function renderDocument(
  document: ParleyDocument,
  format: DocumentFormat,
  options: { now?: Date } = {},
): Promise<RenderedDocument> {
  switch (format) {
    case 'md':
      return { ok: true, content: renderMarkdown(document) }
    case 'html':
      return { ok: true, content: renderHtml(document) }
    case 'csv': {
      const csv = renderCsv(document)
      return isDocumentFailure(csv)
        ? { ok: false, code: csv.code, message: csv.message }
        : { ok: true, content: csv }
    }
    case 'pdf':
      return { ok: true, content: await renderPdf(document) }
    case 'docx':
      return { ok: true, content: await renderDocx(document) }
    case 'ics': {
      const ics = renderIcs(document, { now: options.now ?? new Date() })
      return ics.ok
        ? { ok: true, content: ics.text }
        : { ok: false, code: ics.error.code, message: ics.error.message }
    }
  }
}
