/**
 * Parley's binary document formats: core's document model as PDF, DOCX and iCalendar. Markdown,
 * HTML and CSV are in core; these need Node (files, fonts, zip), so they live apart.
 */
export { chartRows, renderDocx } from './docx'
export { type DocumentFontPaths, type DocumentFonts, loadDocumentFonts, locateDocumentFonts } from './fonts'
export { type IcsOptions, type IcsResult, recurrenceRule, renderIcs } from './ics'
export { type PdfOptions, renderPdf } from './pdf'
export { DOCUMENT_FORMAT_INFO, type FormatInfo, type RenderedDocument, renderDocument } from './render'
