/**
 * All the words of a document, in reading order: what every format must say and nothing more. The
 * leak tests run it for formats that are not text (PDF, DOCX, iCalendar) to check the structure
 * they render from.
 */
import type { Block, ParleyDocument } from './document'

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text]
    case 'list':
      return block.items
    case 'table':
      return [
        ...(block.caption ? [block.caption] : []),
        block.columns.join(' | '),
        ...block.rows.map((row) => row.join(' | ')),
      ]
    case 'chart':
      return [
        block.title,
        block.xLabel,
        block.yLabel,
        ...block.series.map(
          (series) => `${series.name}: ${series.points.map(([x, y]) => `${x}, ${y}`).join('; ')}`,
        ),
        ...block.marks.map((mark) => `${mark.label}: ${mark.x}, ${mark.y}`),
      ]
  }
}

/** Every word and figure of the document, one block per line: for leak tests of any format. */
export function documentText(doc: ParleyDocument): string {
  return [
    ...(doc.marking ? [doc.marking] : []),
    doc.title,
    ...(doc.subtitle ? [doc.subtitle] : []),
    ...doc.blocks.flatMap(blockText),
    ...(doc.calendar ? [doc.calendar.summary, doc.calendar.description, doc.calendar.start] : []),
  ].join('\n')
}
