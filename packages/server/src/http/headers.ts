/**
 * The security headers of every API response, and `Cache-Control: no-store` (answers carry plans
 * and journals: no proxy or browser cache should keep them). Set before the handler runs, so they
 * go out with the response it makes rather than by copying the response afterwards.
 */
import type { MiddlewareHandler } from 'hono'

export const API_HEADERS: readonly (readonly [string, string])[] = [
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]

export function apiHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of API_HEADERS) c.header(name, value)
    await next()
  }
}
