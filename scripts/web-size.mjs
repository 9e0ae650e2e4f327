// The JavaScript a browser loads before the app can start: the entry script of the built
// index.html and every module it preloads, gzipped. The budget is checked by a test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const INITIAL_JS_BUDGET = 300 * 1024

export function initialJavaScript(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1])
  let raw = 0
  let gzipped = 0
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')))
    raw += bytes.length
    gzipped += gzipSync(bytes, { level: 9 }).length
  }
  return { files: [...new Set(files)], raw, gzipped }
}
