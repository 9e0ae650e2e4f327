/**
 * The web app's files at `/`: hashed assets cached for good, everything else checked each time, any
 * other path answered with the app's page (it routes in the browser). Each file is sent as the
 * brotli or gzip copy written beside it at build when the client takes one. Source maps stay on
 * disk unless the server is told to serve them. Never a path outside the folder, and with a
 * Content-Security-Policy that lets the page load only its own files.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, join, normalize, resolve, sep } from 'node:path'
import type { Context } from 'hono'
import { ENCODINGS, type Encoding, preferredEncoding } from './http/compression'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export const APP_HEADERS: readonly (readonly [string, string])[] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
]

/** The file name the build gives each coding's copy of a file. */
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

async function fileAt(root: string, path: string): Promise<string | undefined> {
  const target = resolve(root, `.${normalize(`/${decodeURIComponent(path)}`)}`)
  if (target !== root && !target.startsWith(root + sep)) return undefined
  return (await isFile(target)) ? target : undefined
}

async function codingsOf(file: string): Promise<Encoding[]> {
  const found: Encoding[] = []
  for (const encoding of ENCODINGS) if (await isFile(file + SUFFIX[encoding])) found.push(encoding)
  return found
}

export interface WebAppOptions {
  /** Answer requests for `.map` files (and point scripts at them); otherwise they are 404. */
  serveSourceMaps?: boolean
}

export function webApp(root: string | undefined, options: WebAppOptions = {}) {
  const folder = root ? resolve(root) : undefined
  return async (c: Context): Promise<Response> => {
    for (const [name, value] of APP_HEADERS) c.header(name, value)
    if (!folder) {
      c.header('Content-Type', 'text/plain; charset=utf-8')
      return c.body(
        'The web app is not built here: run `npm run build` at the repository root. The API is at /api.',
        404,
      )
    }
    let path = c.req.path
    let file: string | undefined
    try {
      file = await fileAt(folder, path)
    } catch {
      file = undefined
    }
    // Source maps give away the sources' text and comments: only where the operator asks for them.
    if (file && extname(file) === '.map' && !options.serveSourceMaps) file = undefined
    if (!file) {
      // Paths with a file extension that do not exist are missing files; the rest are app routes.
      if (extname(path) !== '') return c.body('Not found', 404)
      path = '/index.html'
      file = join(folder, 'index.html')
    }
    const codings = await codingsOf(file)
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'), codings)
    let body: Buffer
    try {
      body = await readFile(encoding ? file + SUFFIX[encoding] : file)
    } catch {
      c.header('Content-Type', 'text/plain; charset=utf-8')
      return c.body(
        'The web app is not built here: run `npm run build` at the repository root. The API is at /api.',
        404,
      )
    }
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
    // Vite names built assets by their content: they never change under the same name.
    c.header(
      'Cache-Control',
      path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    if (codings.length > 0) c.header('Vary', 'Accept-Encoding')
    if (encoding) c.header('Content-Encoding', encoding)
    c.header('Content-Length', String(body.length))
    // The build writes maps without a comment naming them (a file that would 404 by default).
    if (options.serveSourceMaps && extname(file) === '.js' && (await isFile(`${file}.map`)))
      c.header('SourceMap', `${basename(file)}.map`)
    if (c.req.method === 'HEAD') return c.body(null)
    return c.body(new Uint8Array(body))
  }
}
