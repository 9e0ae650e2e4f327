/**
 * Every error code the API answers with, the HTTP status it is answered with, and what it means:
 * the one place a status is chosen. `fail` looks the status up here, so a route can not answer a
 * code with another status, and the OpenAPI document lists each route's error answers from here.
 *
 * The invalid input core describes (a plan's or an event's problems, a password's) carries core's
 * own codes, an open set; it is all answered as `invalid` is (see `failWith`).
 *
 * Two wire codes are each answered with two statuses, and both statuses are right: `bad_token` (an
 * API token that is not valid is 401, a wrong setup token in the body of POST /api/setup is 403)
 * and `busy` (a workspace computing its most views at once is 429, to that caller; a server with
 * no thread free is 503, to anyone). Clients and tests read those codes, so each answer has a name
 * of its own here and says which code it sends.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface ErrorAnswer {
  status: ContentfulStatusCode
  /** What it means, for the OpenAPI document. */
  meaning: string
  /** The code sent, when it is not the answer's name here. */
  code?: string
}

export const ERROR_CODES = {
  invalid: { status: 400, meaning: 'the request is not valid; the message and path say what and where' },
  malformed_json: { status: 400, meaning: 'the body is not JSON' },
  invalid_text: {
    status: 400,
    meaning: 'text with a character the API does not take (NUL, a lone surrogate)',
  },
  required: { status: 400, meaning: 'a field this request needs is missing' },
  floor_change_reason_required: {
    status: 400,
    meaning: 'the reservation or a limit changed after our first offer, without floorChangeReason',
  },
  too_deep: { status: 400, meaning: 'the body nests deeper than the API reads' },
  too_many_fields: { status: 400, meaning: 'an object of the body has more fields than the API reads' },
  unauthenticated: { status: 401, meaning: 'not signed in' },
  bad_token: { status: 401, meaning: 'the API token is malformed, revoked, expired or was never issued' },
  bad_credentials: { status: 401, meaning: 'the email or the password is not right' },
  forbidden: { status: 403, meaning: 'signed in, but this role may not do this' },
  cross_site: { status: 403, meaning: 'a request from another site (Origin check)' },
  wrong_password: {
    status: 403,
    meaning: 'the current password, asked for before changing it, is not right',
  },
  bad_setup_token: {
    status: 403,
    code: 'bad_token',
    meaning: 'the setup token is not the one printed when the server first started',
  },
  wrong_email: { status: 403, meaning: 'the invitation is for another email address' },
  reset_not_allowed: { status: 403, meaning: 'the recovery rule refuses this reset link' },
  not_found: { status: 404, meaning: 'no such resource, or not visible to you' },
  no_draft: { status: 404, meaning: 'the negotiation has no draft (none made, or saved as the plan)' },
  invalid_link: { status: 404, meaning: 'the invitation or reset link was revoked, or never issued' },
  request_timeout: { status: 408, meaning: 'the request body stopped arriving' },
  id_conflict: { status: 409, meaning: 'an event id already in the journal, with another body' },
  stale_version: { status: 409, meaning: 'the plan changed since the version sent in If-Match' },
  plan_is_draft: {
    status: 409,
    meaning: 'the negotiation has no valid plan yet, only a draft with problems to fix first',
  },
  stale_offer: {
    status: 409,
    meaning: 'a deal-room answer names an offer that is no longer the latest: a newer one is on the table',
  },
  negotiation_closed: {
    status: 409,
    meaning:
      'the negotiation is closed: the terms are agreed (while alternatives wait for a signature, only a signature is taken)',
  },
  nothing_to_sign: { status: 409, meaning: 'a deal-room signature before any terms are agreed' },
  last_owner: { status: 409, meaning: 'the workspace would be left without an owner' },
  email_taken: { status: 409, meaning: 'an account with this email exists' },
  setup_done: { status: 409, meaning: 'the server already has its first owner' },
  library_full: { status: 409, meaning: 'the tradeables library holds the most entries allowed' },
  used: { status: 410, meaning: 'the link has been used already' },
  expired: { status: 410, meaning: 'the link has expired' },
  stale_draft: { status: 412, meaning: 'the draft changed since the version sent in If-Match' },
  too_large: { status: 413, meaning: 'the body, or the event, is larger than allowed' },
  too_many_values: { status: 413, meaning: 'the body holds more values than the API reads' },
  journal_full: { status: 413, meaning: 'the journal holds the most events allowed' },
  unsupported_media_type: { status: 415, meaning: 'the body is not of a type this route takes' },
  over_deadline: { status: 422, meaning: 'the view takes longer than the server gives one request' },
  over_memory: { status: 422, meaning: 'the view needs more memory than the server gives one request' },
  version_required: { status: 428, meaning: 'If-Match is required' },
  too_many_attempts: { status: 429, meaning: 'too many attempts; Retry-After says when to try again' },
  workspace_busy: {
    status: 429,
    code: 'busy',
    meaning: 'the workspace is computing the most views it may at once; Retry-After says when to ask again',
  },
  internal: { status: 500, meaning: 'the server failed to answer; it has been logged' },
  database_unavailable: { status: 503, meaning: 'the database does not answer' },
  server_busy: {
    status: 503,
    code: 'busy',
    meaning: 'no thread is free to compute the view; Retry-After says when to ask again',
  },
} as const satisfies Record<string, ErrorAnswer>

export type ErrorCode = keyof typeof ERROR_CODES
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]['status']

/** The status and the code sent for an answer of the table. */
export function errorAnswer(name: ErrorCode): { status: ErrorStatus; code: string } {
  const answer: ErrorAnswer & { status: ErrorStatus } = ERROR_CODES[name]
  return { status: answer.status, code: answer.code ?? name }
}
