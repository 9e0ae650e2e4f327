/**
 * A document Parley hands to a person: the MESO sheet, the term sheet and the fairness story for
 * the other side; the preparation brief and the concession log for ours. Builders turn the
 * negotiation into this plain structure (the other side's only from the counterparty view), and
 * each format (Markdown, HTML, CSV here; PDF, DOCX and iCalendar in `@parley/documents`) renders
 * the structure and nothing else, so every format says the same thing and none can add a figure
 * the builder did not put in.
 */

/** Who a document is for. `internal` documents carry a confidential marking on every page. */
export type Audience = 'counterparty' | 'internal'

export const DOCUMENT_KINDS = ['meso', 'terms', 'fairness', 'brief', 'concessions', 'cadence'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** The audience each kind is written for: a kind is never rendered for the other audience. */
export const DOCUMENT_AUDIENCE: Record<DocumentKind, Audience> = {
  meso: 'counterparty',
  terms: 'counterparty',
  fairness: 'counterparty',
  cadence: 'counterparty',
  brief: 'internal',
  concessions: 'internal',
}

/** The kinds written for the other side, the only ones a deal room serves (`DOCUMENT_AUDIENCE` agrees: tested). */
export const COUNTERPARTY_DOCUMENT_KINDS = [
  'meso',
  'terms',
  'fairness',
  'cadence',
] as const satisfies readonly DocumentKind[]

export const DOCUMENT_FORMATS = ['md', 'html', 'pdf', 'docx', 'csv', 'ics'] as const
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]

/** A chart drawn from points (the frontier chart of the brief); formats that cannot draw show its table. */
export interface ChartBlock {
  kind: 'chart'
  title: string
  xLabel: string
  yLabel: string
  /** Lines through points, in order. */
  series: { name: string; points: [number, number][] }[]
  /** Labelled single points (a bundle, the disagreement point). */
  marks: { label: string; x: number; y: number }[]
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | {
      kind: 'table'
      caption: string | null
      columns: string[]
      rows: string[][]
      /** The table a CSV export of this document writes (at most one per document). */
      primary: boolean
    }
  | ChartBlock

/** A recurring event for calendars (the review cadence agreed at close). */
export interface CalendarEvent {
  summary: string
  description: string
  /** First occurrence, local date `YYYY-MM-DD`. */
  start: string
  durationMinutes: number
  recurrence: { frequency: 'WEEKLY' | 'MONTHLY' | 'YEARLY'; interval: number; count: number | null }
}

export interface ParleyDocument {
  kind: DocumentKind
  audience: Audience
  title: string
  /** One line under the title: the parties and the date. */
  subtitle: string | null
  /** Printed on every page: `Confidential: internal to <us>. Never send to the other side.` for internal documents. */
  marking: string | null
  blocks: Block[]
  /** Only for `cadence`: the event the iCalendar file holds. */
  calendar: CalendarEvent | null
}
