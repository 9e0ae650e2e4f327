/**
 * What the server asks a compute worker for, and what comes back: plain, cloneable values, so the
 * same request can cross to a worker thread and name its answer in the cache. A request carries
 * the negotiation as stored (plan and journal as JSON text) and the view's parameters in a
 * normalised form: two requests that must give the same answer have the same key.
 */
import type { DocumentKind, Stage } from '@parley/core'
import type { PlanFormat } from '@parley/store'

export type ViewQuery =
  | { view: 'frontier'; rule: boolean; epsilon?: number }
  | { view: 'meso'; count?: number; target?: number; tolerance?: number }
  | { view: 'status' }
  | { view: 'coach'; stage?: Stage }
  | { view: 'lint'; format: 'json' | 'sarif' }
  | { view: 'debrief' }
  | { view: 'document'; kind: DocumentKind }
  /** The learner's state after the journal's moves, for a client to resume from (the web app). */
  | { view: 'learned' }

export type ViewName = ViewQuery['view']

/** The negotiation as the store holds it: what a worker needs to compute any view of it. */
export interface NegotiationInput {
  id: string
  version: number
  planJson: string
  planText: string | null
  planFormat: PlanFormat | null
  /** The journal's event bodies as one JSON array text (cheap to send, parsed once in the worker). */
  eventsJson: string
  /** How many events, and the id of the last: with the version they name the journal exactly. */
  eventCount: number
  lastEventId: string | null
}

export interface ViewRequest {
  negotiation: NegotiationInput
  query: ViewQuery
  /** Steps of work the view may take (core's work budget). */
  workBudget: number
  /** The server's version, for the SARIF log's tool section. */
  serverVersion: string
}

/** A computed view: its HTTP status and its body, already as JSON text (or, for `learned`, as bytes). */
export interface ViewAnswer {
  status: 200 | 422
  json: string
  bytes?: Uint8Array
}

/** Parameters are computed at this precision (points); finer differences could not show in any figure. */
const PRECISION = 1e6

function rounded(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * PRECISION) / PRECISION
}

/**
 * The query as it will be computed: numbers rounded to 1e-6, so `69.5`, `69.50` and `69.5000000001`
 * are one computation and one cache entry rather than three. A number too small to survive the
 * rounding (an epsilon of 1e-300) is kept: it is refused by the work budget, with a suggestion.
 */
export function normaliseQuery(query: ViewQuery): ViewQuery {
  switch (query.view) {
    case 'frontier': {
      const epsilon = rounded(query.epsilon)
      return { ...query, ...(epsilon !== undefined ? { epsilon: epsilon || (query.epsilon as number) } : {}) }
    }
    case 'meso': {
      const { count, target, tolerance } = query
      return {
        view: 'meso',
        ...(count !== undefined ? { count } : {}),
        ...(target !== undefined ? { target: rounded(target) as number } : {}),
        ...(tolerance !== undefined ? { tolerance: rounded(tolerance) || tolerance } : {}),
      }
    }
    default:
      return query
  }
}

function keyNumber(value: number | undefined): string {
  return value === undefined ? '-' : String(value)
}

/** A normalised query as a key: every parameter in a fixed order, defaults left as `-`. */
export function queryKey(query: ViewQuery): string {
  switch (query.view) {
    case 'frontier':
      return `frontier:${query.rule ? 'rule' : 'all'}:${keyNumber(query.epsilon)}`
    case 'meso':
      return `meso:${keyNumber(query.count)}:${keyNumber(query.target)}:${keyNumber(query.tolerance)}`
    case 'coach':
      return `coach:${query.stage ?? '-'}`
    case 'lint':
      return `lint:${query.format}`
    case 'document':
      return `document:${query.kind}`
    case 'status':
    case 'debrief':
    case 'learned':
      return query.view
  }
}

/** Whether the view reads the journal (the frontier depends on the plan alone). */
export function readsJournal(view: ViewName): boolean {
  return view !== 'frontier'
}

/** The cache key of a view of a negotiation: its plan version, its journal where it matters, the query. */
export function viewKey(negotiation: NegotiationInput, query: ViewQuery): string {
  const journal = readsJournal(query.view)
    ? `#${negotiation.eventCount}:${negotiation.lastEventId ?? ''}`
    : ''
  return `view:${negotiation.id}@${negotiation.version}${journal}:${queryKey(query)}`
}
