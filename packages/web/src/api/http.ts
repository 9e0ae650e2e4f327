/**
 * The server's API from the browser: JSON in and out, the session cookie sent by the browser, and
 * every refusal turned into an `ApiError` carrying the server's code, message and path (the same
 * messages as the command line). The typed calls, one per endpoint, are beside this file; the
 * shapes they send and receive are the server's own (`@parley/server/contract`).
 */
import type { ApiProblem, ErrorBody } from '@parley/server/contract'

export type { ApiProblem }

/** The server's problems at one field, without the path a message starts with (the field's label says it). */
export function problemsAtField(problems: readonly ApiProblem[], path: string): { message: string }[] {
  return problems
    .filter((problem) => problem.path === path)
    .map((problem) => ({
      message: problem.message.startsWith(`${path}: `)
        ? problem.message.slice(path.length + 2)
        : problem.message,
    }))
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly path: string
  readonly problems: ApiProblem[]
  readonly headers: Headers
  constructor(status: number, body: Partial<ErrorBody> | undefined, headers: Headers) {
    const error = body?.error
    super(error?.message ?? `the server answered ${status}`)
    this.status = status
    this.code = error?.code ?? 'http_error'
    this.path = error?.path ?? ''
    this.problems = error?.problems ?? (error ? [error] : [])
    this.headers = headers
  }
}

export interface ApiResponse<T> {
  body: T
  headers: Headers
  status: number
}

/**
 * One request. The answer's body is taken to be `T`: the typed calls name the server's own type
 * for each endpoint, so this is the one place an answer becomes typed.
 */
export async function request<T>(
  method: string,
  path: string,
  options: { json?: unknown; text?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  let body: string | undefined
  if (options.json !== undefined) {
    body = JSON.stringify(options.json)
    headers['content-type'] = 'application/json'
  } else if (options.text !== undefined) {
    body = options.text
    headers['content-type'] = options.type ?? 'application/yaml'
  }
  let response: Response
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  } catch {
    throw new ApiError(
      0,
      { error: { code: 'offline', message: 'the server can not be reached', path: '' } },
      new Headers(),
    )
  }
  const type = response.headers.get('content-type') ?? ''
  const parsed: unknown = type.startsWith('application/json')
    ? await response.json().catch(() => undefined)
    : await response.text()
  if (!response.ok && response.status !== 304)
    throw new ApiError(response.status, parsed as never, response.headers)
  return { body: parsed as T, headers: response.headers, status: response.status }
}

export const http = {
  get: <T>(path: string, headers?: Record<string, string>) =>
    request<T>('GET', path, headers ? { headers } : {}),
  post: <T>(path: string, json?: unknown) => request<T>('POST', path, json === undefined ? {} : { json }),
  put: <T>(path: string, json: unknown, headers?: Record<string, string>) =>
    request<T>('PUT', path, { json, ...(headers ? { headers } : {}) }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, { json }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}

/** A path with each parameter written as one segment: path`/api/workspaces/${id}/members`. */
export function path(parts: TemplateStringsArray, ...params: string[]): string {
  return parts.reduce((whole, part, k) => whole + encodeURIComponent(params[k - 1] ?? '') + part)
}

/** A version from an ETag (`"3"`). */
export function versionOf(headers: Headers): number | undefined {
  const match = /(\d+)/.exec(headers.get('etag') ?? '')
  return match?.[1] ? Number(match[1]) : undefined
}
