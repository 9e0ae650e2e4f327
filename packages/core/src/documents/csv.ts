/**
 * A document's primary table as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, a quote or a line break, quotes doubled). A cell a spreadsheet would run as a
 * formula (starting with `=`, `@`, or `+`/`-` not followed by a number) is prefixed with `'`, so a
 * claim typed by anyone can not become one. A document without a table is a failure value.
 */
import type { ParleyDocument } from './document'
import { type DocumentFailure, documentFailure } from './failure'

function field(text: string): string {
  const safe = /^[=@\t\r]|^[+-](?!\d)/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The primary table as RFC 4180 CSV, or a `no-table` failure for a document without one. */
export function renderCsv(doc: ParleyDocument): string | DocumentFailure {
  const table = doc.blocks.find((block) => block.kind === 'table' && block.primary)
  if (table?.kind !== 'table')
    return documentFailure(
      'no-table',
      `"${doc.title}" has no table to export as CSV: choose md or html instead.`,
    )
  const lines = [table.columns, ...table.rows].map((row) =>
    table.columns.map((_, k) => field(row[k] ?? '')).join(','),
  )
  return `${lines.join('\r\n')}\r\n`
}
