/**
 * Why a document can not be built yet: a value with a code and a message saying what to do (record
 * the agreement first, agree a review cadence Parley can read), never an exception.
 */

export const DOCUMENT_FAILURE_CODES = [
  'not-agreed',
  'no-cadence',
  'cadence-unreadable',
  'no-date',
  'no-bundles',
  'no-table',
] as const
export type DocumentFailureCode = (typeof DOCUMENT_FAILURE_CODES)[number]

export interface DocumentFailure {
  code: DocumentFailureCode
  message: string
}

/** A failure value. */
export function documentFailure(code: DocumentFailureCode, message: string): DocumentFailure {
  return { code, message }
}

/** True for a failure value (a document has `blocks`, a failure never does). */
export function isDocumentFailure(value: unknown): value is DocumentFailure {
  return typeof value === 'object' && value !== null && 'code' in value && !('blocks' in value)
}
