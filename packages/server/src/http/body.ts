/**
 * Reads every request body once, before anything else looks at it (and before asking who is
 * calling): too large is a 413; JSON that does not parse is a 400 saying where; a parsed body is
 * walked once against the shape limits (depth, fields per object, values in all) and the text rule
 * (no U+0000, no lone surrogates) before any schema or "did you mean" hint costs anything; a body of
 * a type we do not read is a 415. Plan files may also come as YAML (`Content-Type:
 * application/yaml`): their text is checked here, the plan they hold once read (see plans.ts).
 */
import { readSource } from '@parley/core'
import type { MiddlewareHandler } from 'hono'
import { inspectInput, type ShapeLimits, textFault } from '../input-limits'
import type { ServerOptions } from '../options'
import type { AppEnv } from './env'
import { clipPath, fail } from './errors'

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']

export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

export function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json')
}

export function isYamlType(type: string): boolean {
  return YAML_TYPES.includes(type)
}

/** The shape limits of the server's options, for {@link inspectInput}. */
export function shapeLimits(
  options: Pick<ServerOptions, 'maxJsonDepth' | 'maxJsonFields' | 'maxJsonValues'>,
): ShapeLimits {
  return {
    maxDepth: options.maxJsonDepth,
    maxFields: options.maxJsonFields,
    maxValues: options.maxJsonValues,
  }
}

/** 1-based line and column of a character of a text. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: index - start + 1 }
}

/** The Node request under the fetch-style one, when served by @hono/node-server. */
interface NodeBindings {
  incoming?: AsyncIterable<Buffer> & { readableEnded?: boolean; headers: Record<string, unknown> }
}

/**
 * The body as text; `too_large` past the limit (counted as it arrives, not trusted from headers);
 * `cut_off` when the client stopped sending (it went away, or the server's request timeout
 * closed the connection).
 */
async function readText(
  request: Request,
  limit: number,
  bindings: NodeBindings | undefined,
): Promise<string | 'too_large' | 'cut_off'> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) return 'too_large'
  const incoming = bindings?.incoming
  try {
    if (incoming && !incoming.readableEnded) {
      // Straight from the socket: cheaper than building a web stream around it.
      const chunks: Buffer[] = []
      let total = 0
      for await (const chunk of incoming) {
        total += chunk.byteLength
        if (total > limit) return 'too_large'
        chunks.push(chunk)
      }
      return Buffer.concat(chunks).toString('utf8')
    }
    if (!request.body) return ''
    const reader = request.body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        await reader.cancel()
        return 'too_large'
      }
      chunks.push(value)
    }
    return Buffer.concat(chunks).toString('utf8')
  } catch (error) {
    // The stream fails with ECONNRESET ("aborted") when the connection closes mid-body.
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') return 'cut_off'
    throw error
  }
}

export function readBody(options: ServerOptions): MiddlewareHandler<AppEnv> {
  const limit = options.bodyLimit
  const limits = shapeLimits(options)
  return async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
    const text = await readText(c.req.raw, limit, c.env as NodeBindings | undefined)
    // Nobody is left to read this answer; it is given so the request ends like any other.
    if (text === 'cut_off') return fail(c, 'request_timeout', 'the request body stopped arriving')
    if (text === 'too_large')
      return fail(
        c,
        'too_large',
        `the request body is larger than ${Math.round(limit / 1024)} KiB (${limit} bytes), the most this server accepts`,
      )
      // Later readers (the schema validators) get the same text without touching the stream again.
    ;(c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text)
    if (text.length === 0) return next()
    const type = mediaType(c.req.header('content-type'))
    if (isYamlType(type)) {
      // The plan it holds is checked once read (plans.ts); a NUL in the text itself is refused here.
      const fault = textFault(text)
      if (fault) {
        const at = positionOf(text, fault.index)
        return fail(c, 'invalid_text', `the body ${fault.problem} (line ${at.line}, column ${at.column})`)
      }
      c.set('bodyText', text)
      return next()
    }
    if (!isJsonType(type))
      return fail(
        c,
        'unsupported_media_type',
        `send JSON (Content-Type: application/json)${type ? `, not ${type}` : ''}; plan files may also be sent as YAML (Content-Type: application/yaml)`,
      )
    c.set('bodyText', text)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      // JSON.parse says what but not always where; core's reader places the first problem (and
      // refuses to follow nesting deeper than LIMITS.nesting).
      const problem = readSource(text, 'json').errors[0]
      const where =
        problem?.line !== undefined ? ` at line ${problem.line}, column ${problem.column ?? 1}` : ''
      return fail(
        c,
        'malformed_json',
        `the body is not valid JSON${where}: ${problem?.message ?? 'it does not parse'}`,
      )
    }
    const fault = inspectInput(value, limits)
    if (fault) {
      const path = clipPath(fault.path)
      return fail(c, fault.code, `${path ? `${path}: ` : 'the body '}${fault.message}`, path)
    }
    c.set('body', value)
    return next()
  }
}
