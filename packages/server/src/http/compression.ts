/**
 * Content coding: which of brotli and gzip a client takes (its Accept-Encoding), and the API's
 * larger text answers compressed on the way out. The web app's files are compressed once, at build
 * (packages/web/vite.config.ts), and picked by web.ts with the same choice.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

export const ENCODINGS = ['br', 'gzip'] as const
export type Encoding = (typeof ENCODINGS)[number]

/** Below this many bytes an answer is sent as it is: the coding would save less than it costs. */
export const COMPRESS_AT_BYTES = 1024

/**
 * The coding to send from those `available`, by the client's preference (`q`), brotli first among
 * equals; none when the client takes neither (or sent no Accept-Encoding).
 */
export function preferredEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[] = ENCODINGS,
): Encoding | undefined {
  if (!acceptEncoding) return undefined
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  let best: { encoding: Encoding; weight: number } | undefined
  for (const encoding of ENCODINGS) {
    if (!available.includes(encoding)) continue
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0
    if (weight > 0 && (!best || weight > best.weight)) best = { encoding, weight }
  }
  return best?.encoding
}

// The learner's state too: its numbers compress to about 60%.
const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|yaml|x-yaml|[\w.+-]*\+json|vnd\.parley\.learner-state)\b)/i
const compressors: Record<Encoding, (bytes: Uint8Array) => Promise<Buffer>> = {
  // Quality 5: most of brotli's gain at a few milliseconds per hundred kilobytes, for answers
  // computed per request (the build uses 11 for files compressed once).
  br: (bytes) =>
    promisify(brotliCompress)(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: 6 }),
}

/**
 * Compresses text answers (JSON, YAML, CSV, text) of at least COMPRESS_AT_BYTES for a client that
 * takes brotli or gzip. The ETag is left as it is: it names the plan's version, sent back in
 * If-Match, not the bytes of one coding.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const response = c.res
    const type = response.headers.get('Content-Type')
    if (
      c.req.method === 'HEAD' ||
      !response.body ||
      response.status === 204 ||
      response.status === 206 ||
      response.status === 304 ||
      response.headers.has('Content-Encoding') ||
      !type ||
      !COMPRESSIBLE.test(type) ||
      /\bno-transform\b/i.test(response.headers.get('Cache-Control') ?? '')
    )
      return
    const vary = response.headers.get('Vary')
    if (!vary) c.header('Vary', 'Accept-Encoding')
    else if (!/\baccept-encoding\b/i.test(vary) && vary !== '*') c.header('Vary', `${vary}, Accept-Encoding`)
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'))
    if (!encoding) return
    const bytes = new Uint8Array(await response.arrayBuffer())
    const compressed = bytes.length >= COMPRESS_AT_BYTES
    const body = compressed ? await compressors[encoding](bytes) : bytes
    // Hono copies the headers of the answer replaced onto the new one: set ours after.
    c.res = new Response(body, { status: response.status, headers: response.headers })
    if (compressed) c.res.headers.set('Content-Encoding', encoding)
    c.res.headers.set('Content-Length', String(body.length))
  }
}
