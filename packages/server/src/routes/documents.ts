/**
 * A negotiation's documents as files: the MESO sheet, term sheet, fairness story and review cadence
 * for the other side, the preparation brief and concession log for ours, in any format Parley
 * writes. Core builds the document (in the compute pool, like every view: the other side's only
 * from the counterparty view); this renders it and sends it as a download. The deal room serves
 * the other side's kinds through its own link with the same function.
 */
import { z } from '@hono/zod-openapi'
import {
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  type ParleyDocument,
} from '@parley/core'
import { DOCUMENT_FORMAT_INFO, renderDocument } from '@parley/documents'
import type { Context } from 'hono'
import { type Api, apiPart, errors, json } from '../http/api'
import type { AppEnv } from '../http/env'
import { NegotiationParams } from '../http/schemas'
import type { PlannedNegotiation } from '../plans'
import { fileName, findPlannedNegotiation } from './negotiations'
import { computedView } from './views'

/** What each document is called in a file name. */
const FILE_WORDS: Record<DocumentKind, string> = {
  meso: 'offers',
  terms: 'term-sheet',
  fairness: 'fairness-story',
  cadence: 'review-cadence',
  brief: 'preparation-brief',
  concessions: 'concession-log',
}

/**
 * The document of a negotiation already found and authorised, as a download in the format asked
 * for; a document that can not be made yet (no agreement for the term sheet) is a 422 that says why.
 */
export async function documentResponse(
  c: Context<AppEnv>,
  found: PlannedNegotiation,
  kind: DocumentKind,
  format: DocumentFormat,
): Promise<Response> {
  const answer = await computedView(c, found, { view: 'document', kind })
  if (answer instanceof Response) return answer
  if (answer.status !== 200) {
    c.header('Content-Type', 'application/json')
    return c.body(answer.json, answer.status)
  }
  const rendered = await renderDocument(JSON.parse(answer.json) as ParleyDocument, format)
  if (!rendered.ok) {
    return c.json({ error: { code: rendered.code, message: rendered.message, path: 'format' } }, 422)
  }
  const info = DOCUMENT_FORMAT_INFO[format]
  const name = `${fileName(found.title)}-${FILE_WORDS[kind]}.${info.extension}`
  c.header('Content-Type', info.mediaType)
  c.header('Content-Disposition', `attachment; filename="${name}"`)
  // Never kept by a shared cache or the browser's: the brief holds our floor, and any of them can change.
  c.header('Cache-Control', 'private, no-store')
  const content = rendered.content
  return c.body(typeof content === 'string' ? content : new Uint8Array(content), 200)
}

export const DocumentQuery = z.object({
  format: z.enum(DOCUMENT_FORMATS).default('pdf').openapi({ description: 'The file format (default pdf)' }),
})

const fileAnswer = {
  description: 'The document as a file (Content-Disposition: attachment)',
  content: Object.fromEntries(
    DOCUMENT_FORMATS.map((format) => [DOCUMENT_FORMAT_INFO[format].mediaType, { schema: z.string() }]),
  ),
}

export function documentRoutes(api: Api): void {
  apiPart(api, 'negotiations').route(
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/negotiations/{negotiationId}/documents/{kind}',
      summary:
        'A document of the negotiation: for the other side (meso, terms, fairness, cadence: built only from what may be shared) or ours (brief, concessions: marked confidential on every page), as md, html, pdf, docx, csv or ics',
      request: {
        params: NegotiationParams.extend({ kind: z.enum(DOCUMENT_KINDS) }),
        query: DocumentQuery,
      },
      responses: {
        200: fileAnswer,
        ...errors(400, 401, 404, 409),
        422: json(
          z.record(z.string(), z.unknown()),
          'The document can not be made yet, or not in this format (the message says why)',
        ),
      },
    },
    async (c) => {
      const { kind, ...params } = c.req.valid('param')
      const found = await findPlannedNegotiation(c, params, 'viewer')
      if (found instanceof Response) return found
      return documentResponse(c, found, kind, c.req.valid('query').format)
    },
  )
}
