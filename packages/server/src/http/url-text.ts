/**
 * The text rule for paths and query strings, checked before routing goes on (and before asking who
 * is calling): every path segment and query name and value must decode to text every backend
 * stores as it is. `%00` would reach a PostgreSQL lookup as U+0000 (a 500); bytes that are not
 * UTF-8 (`%ED%A0%80`, a lone surrogate) are refused here rather than looked up as something else.
 * The answer names the path parameter (`workspaceId`) or the query parameter (`after`).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { textFault, textFaultMessage } from '../input-limits'
import type { AppEnv } from './env'
import { clipPath, fail } from './errors'

/** The decoded text, or why it can not be decoded or stored. */
function decoded(raw: string, form: boolean): { ok: true; text: string } | { ok: false; message: string } {
  let text: string
  try {
    text = decodeURIComponent(form ? raw.replaceAll('+', ' ') : raw)
  } catch {
    return { ok: false, message: 'is not valid percent-encoded UTF-8' }
  }
  const fault = textFault(text)
  return fault ? { ok: false, message: textFaultMessage(fault) } : { ok: true, text }
}

/** The name of the path parameter at a segment of the route that will answer, when it is one. */
function parameterAt(c: Context<AppEnv>, segment: number, count: number): string | undefined {
  for (const route of matchedRoutes(c).toReversed()) {
    const parts = route.path.split('/')
    if (parts.length !== count || route.method === 'ALL') continue
    const part = parts[segment]
    return part?.startsWith(':') ? part.slice(1) : undefined
  }
  return undefined
}

export function checkUrlText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url)
    const segments = url.pathname.split('/')
    for (let k = 0; k < segments.length; k++) {
      const result = decoded(segments[k] ?? '', false)
      if (result.ok) continue
      const name = parameterAt(c, k, segments.length)
      return name
        ? fail(c, 'invalid_text', `path parameter ${name}: ${result.message}`, name)
        : fail(c, 'invalid_text', `path segment ${k}: ${result.message}`, '')
    }
    for (const pair of url.search.slice(1).split('&')) {
      if (pair === '') continue
      const split = pair.indexOf('=')
      const rawName = split < 0 ? pair : pair.slice(0, split)
      const name = decoded(rawName, true)
      if (!name.ok) return fail(c, 'invalid_text', `a query parameter name ${name.message}`, '')
      const value = decoded(split < 0 ? '' : pair.slice(split + 1), true)
      if (!value.ok) {
        const path = clipPath(name.text)
        return fail(c, 'invalid_text', `query parameter ${path}: ${value.message}`, path)
      }
    }
    return next()
  }
}
