/**
 * Reads every request body once, before anything else looks at it: too large is a 413, JSON that
 * does not parse or nests too deeply is a 400 saying where, and a body of a type we do not read is
 * a 415. Plan files may also come as YAML (`Content-Type: application/yaml`).
 */
import { readSource } from '@parley/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'
import { fail } from './errors'

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

/** The deepest nesting of a parsed value, counted iteratively so a hostile body can not blow the stack. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number]
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** The Node request under the fetch-style one, when served by @hono/node-server. */
interface NodeBindings {
  incoming?: AsyncIterable<Buffer> & { readableEnded?: boolean; headers: Record<string, unknown> }
}

/** The body as text, or undefined when it is larger than the limit (counted as it arrives, not trusted from headers). */
async function readText(
  request: Request,
  limit: number,
  bindings: NodeBindings | undefined,
): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) return undefined
  const incoming = bindings?.incoming
  if (incoming && !incoming.readableEnded) {
    // Straight from the socket: cheaper than building a web stream around it.
    const chunks: Buffer[] = []
    let total = 0
    for await (const chunk of incoming) {
      total += chunk.byteLength
      if (total > limit) return undefined
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
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function readBody(limit: number, maxDepth: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
    const text = await readText(c.req.raw, limit, c.env as NodeBindings | undefined)
    if (text === undefined)
      return fail(
        c,
        413,
        'too_large',
        `the request body is larger than ${Math.round(limit / 1024)} KiB (${limit} bytes), the most this server accepts`,
      )
      // Later readers (the schema validators) get the same text without touching the stream again.
    ;(c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text)
    if (text.length === 0) return next()
    const type = mediaType(c.req.header('content-type'))
    c.set('bodyText', text)
    if (isYamlType(type)) return next()
    if (!isJsonType(type))
      return fail(
        c,
        415,
        'unsupported_media_type',
        `send JSON (Content-Type: application/json)${type ? `, not ${type}` : ''}; plan files may also be sent as YAML (Content-Type: application/yaml)`,
      )
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      // JSON.parse says what but not always where; core's reader places the first problem.
      const problem = readSource(text, 'json').errors[0]
      const where =
        problem?.line !== undefined ? ` at line ${problem.line}, column ${problem.column ?? 1}` : ''
      return fail(
        c,
        400,
        'malformed_json',
        `the body is not valid JSON${where}: ${problem?.message ?? 'it does not parse'}`,
      )
    }
    if (nestingDepth(value, maxDepth) > maxDepth)
      return fail(c, 400, 'too_deep', `the body nests more than ${maxDepth} levels deep`)
    c.set('body', value)
    return next()
  }
}
