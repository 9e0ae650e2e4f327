/**
 * The DOCX of a document (the `docx` package): Word's own heading styles, paragraphs, bulleted and
 * numbered lists, tables whose header row repeats on every page, a chart as the table of its points
 * under a caption (a word processor draws no chart from data), and an internal document's marking
 * in every page's header and footer.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Block, ChartBlock, ParleyDocument } from './model'

const ORDERED = 'parley-ordered'
const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B8B8C2' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }

/** A chart's content as table rows: one row per point of each series, then one per mark. */
export function chartRows(chart: ChartBlock): { columns: string[]; rows: string[][] } {
  return {
    columns: ['Series or point', chart.xLabel, chart.yLabel],
    rows: [
      ...chart.series.flatMap((series) => series.points.map(([x, y]) => [series.name, String(x), String(y)])),
      ...chart.marks.map((mark) => [mark.label, String(mark.x), String(mark.y)]),
    ],
  }
}

function caption(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold: true })], spacing: { before: 120, after: 60 } })
}

function table(columns: string[], rows: string[][]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      borders: BORDERS,
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EBEDF2', color: 'auto' } } : {}),
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((column) => cell(column, true)) }),
      ...rows.map(
        (row) => new TableRow({ children: columns.map((_, index) => cell(row[index] ?? '', false)) }),
      ),
    ],
  })
}

function blockContent(block: Block, listNumber: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADING_LEVELS[block.level] })]
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })]
    case 'list': {
      // Each numbered list is an instance of its own, so it counts from 1 again.
      const instance = listNumber()
      return block.items.map((item) =>
        block.ordered
          ? new Paragraph({ text: item, numbering: { reference: ORDERED, level: 0, instance } })
          : new Paragraph({ text: item, bullet: { level: 0 } }),
      )
    }
    case 'table':
      return [
        ...(block.caption ? [caption(block.caption)] : []),
        table(block.columns, block.rows),
        new Paragraph({ text: '' }),
      ]
    case 'chart': {
      const data = chartRows(block)
      return [
        caption(`${block.title} (chart data)`),
        table(data.columns, data.rows),
        new Paragraph({ text: '' }),
      ]
    }
  }
}

function marking(text: string | null, withPageNumber: boolean): Paragraph[] {
  const paragraphs = text
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text, bold: true, color: '990D0D' })],
        }),
      ]
    : []
  if (withPageNumber) {
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    )
  }
  return paragraphs
}

/** The document as a DOCX file's bytes. */
export async function renderDocx(doc: ParleyDocument): Promise<Uint8Array> {
  let lists = 0
  const listNumber = () => {
    lists += 1
    return lists
  }
  const document = new Document({
    title: doc.title,
    ...(doc.subtitle ? { subject: doc.subtitle } : {}),
    creator: 'Parley',
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: marking(doc.marking, false) }) },
        footers: { default: new Footer({ children: marking(doc.marking, true) }) },
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          ...(doc.subtitle
            ? [
                new Paragraph({
                  children: [new TextRun({ text: doc.subtitle, italics: true, color: '5F5F6B' })],
                }),
              ]
            : []),
          ...doc.blocks.flatMap((block) => blockContent(block, listNumber)),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
