/**
 * A negotiation kept on a team server, for `status`, `coach`, `meso`, `debrief` and the move
 * verbs with `--server URL` (or `PARLEY_SERVER`): its plan and journal are read over the API with an
 * API token (`PARLEY_TOKEN`), the same core reads them as it reads files, and a move is posted to
 * the server, which checks and stores it exactly as it does the web app's.
 */
import {
  compileSpace,
  formatPath,
  type JournalEvent,
  type Plan,
  type Problem,
  parsePlanText,
  readEvent,
} from '@parley/core'
import type { LoadedJournal } from './journal-file'
import type { LoadedPlan } from './plan-file'

export interface ServerOption {
  /** `--server URL`, or `--server` alone for `PARLEY_SERVER`. */
  server?: string | true
}

export interface TeamServer {
  url: string
  token: string
}

export type ServerChoice =
  | { remote: false }
  | { remote: true; ok: true; server: TeamServer }
  | { remote: true; ok: false; problem: Problem }

const PLAN_FILE = /\.(ya?ml|json)$/i

/**
 * Whether NAME is a negotiation on a server rather than a plan file: `--server` says so; with
 * `PARLEY_SERVER` set, so does a NAME that is not a plan file's name (.yaml, .yml, .json).
 */
export function chooseServer(
  name: string,
  options: ServerOption,
  env: Readonly<Record<string, string | undefined>>,
): ServerChoice {
  const fromEnv = env.PARLEY_SERVER?.trim() || undefined
  const asked = options.server !== undefined || (fromEnv !== undefined && !PLAN_FILE.test(name))
  if (!asked) return { remote: false }
  const url = typeof options.server === 'string' ? options.server : fromEnv
  const refuse = (code: string, message: string): ServerChoice => ({
    remote: true,
    ok: false,
    problem: { code, severity: 'error', message, path: '', file: '--server' },
  })
  if (url === undefined) return refuse('no_server', 'give the server: --server URL, or set PARLEY_SERVER')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse('bad_server', `'${url}' is not a URL (for example https://parley.example.com)`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return refuse('bad_server', `'${url}' is not an http or https URL`)
  const token = env.PARLEY_TOKEN?.trim()
  if (!token)
    return refuse(
      'no_token',
      'set PARLEY_TOKEN to an API token of yours on that server (make one on your account page, or POST /api/me/tokens)',
    )
  return {
    remote: true,
    ok: true,
    server: { url: parsed.origin + parsed.pathname.replace(/\/$/, ''), token },
  }
}

type Answer = { ok: true; status: number; body: unknown } | { ok: false; problem: Problem }

/** One API call; a failure of the network or of the server is a problem, never a stack trace. */
async function call(server: TeamServer, method: string, path: string, body?: unknown): Promise<Answer> {
  const where = `${server.url}${path}`
  let response: Response
  try {
    response = await fetch(where, {
      method,
      headers: {
        authorization: `Bearer ${server.token}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (error) {
    const cause = whyUnreachable(error)
    return {
      ok: false,
      problem: {
        code: 'server_unreachable',
        severity: 'error',
        message: `could not reach ${server.url} (${cause})`,
        path: '',
        file: '--server',
      },
    }
  }
  let parsed: unknown
  try {
    parsed = await response.json()
  } catch {
    parsed = undefined
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed }
  const error = (parsed as { error?: { code?: string; message?: string; path?: string } } | undefined)?.error
  return {
    ok: false,
    problem: {
      code: error?.code ?? `http_${response.status}`,
      severity: 'error',
      message: `the server answered ${response.status}: ${error?.message ?? response.statusText}`,
      path: error?.path ?? '',
      file: server.url,
    },
  }
}

export interface Summary {
  id: string
  workspaceId: string
  title: string
}

export type Picked = { ok: true; summary: Summary } | { ok: false; code: string; message: string }

/** The fewest characters of an id that name it by its start, as a short commit id does. */
const ID_PREFIX_MIN = 4

/**
 * The negotiation NAME names among those the caller can see: its id; else its title in any case;
 * else the one id that starts with it (4 characters or more: `09d54ff1`); else the one title that
 * contains it (any case), so `parley status Sofia --server` finds "Offer to Sofia Marchetti".
 * Several candidates are named with their ids rather than guessed between.
 */
export function pickNegotiation(all: readonly Summary[], name: string): Picked {
  const wanted = name.trim().toLowerCase()
  const byId = all.filter((negotiation) => negotiation.id === name.trim())
  const byTitle = all.filter((negotiation) => negotiation.title.toLowerCase() === wanted)
  const byIdStart = all.filter(
    (negotiation) => wanted.length >= ID_PREFIX_MIN && negotiation.id.toLowerCase().startsWith(wanted),
  )
  const inTitle = all.filter(
    (negotiation) => wanted !== '' && negotiation.title.toLowerCase().includes(wanted),
  )
  const matches = [byId, byTitle, byIdStart, inTitle].find((list) => list.length > 0) ?? []
  if (matches.length === 1) return { ok: true, summary: matches[0] as Summary }
  const named = (list: readonly Summary[]) =>
    list
      .slice(0, 5)
      .map((negotiation) => `'${negotiation.title}' (${negotiation.id})`)
      .join(', ') + (list.length > 5 ? `, and ${list.length - 5} more` : '')
  if (matches.length === 0)
    return {
      ok: false,
      code: 'not_found',
      message:
        all.length === 0
          ? `no negotiation you can see has the id or title '${name}': you can see none on this server`
          : `no negotiation you can see has the id or title '${name}', an id starting with it or a title containing it; you can see ${named(all)}`,
    }
  return {
    ok: false,
    code: 'ambiguous_negotiation',
    message: `${matches.length} negotiations ${matches === byTitle ? 'are titled' : matches === byIdStart ? 'have ids starting with' : 'have titles containing'} '${name}': name one by its id or full title: ${named(matches)}`,
  }
}

/** The negotiation NAME names in one of the caller's workspaces (see `pickNegotiation`). */
async function findNegotiation(
  server: TeamServer,
  name: string,
): Promise<{ ok: true; summary: Summary } | { ok: false; problem: Problem }> {
  const workspaces = await call(server, 'GET', '/api/workspaces')
  if (!workspaces.ok) return workspaces
  const all: Summary[] = []
  for (const workspace of (workspaces.body as { workspaces: { id: string }[] }).workspaces) {
    const listed = await call(
      server,
      'GET',
      `/api/workspaces/${encodeURIComponent(workspace.id)}/negotiations`,
    )
    if (!listed.ok) return listed
    all.push(...(listed.body as { negotiations: Summary[] }).negotiations)
  }
  const picked = pickNegotiation(all, name)
  if (picked.ok) return picked
  return {
    ok: false,
    problem: { code: picked.code, severity: 'error', message: picked.message, path: '', file: server.url },
  }
}

export type RemoteNegotiation =
  | { ok: true; plan: Extract<LoadedPlan, { ok: true }>; journal: LoadedJournal; version: number }
  | { ok: false; problems: Problem[] }

/** Reads the negotiation's plan and journal from the server, as `loadPlan` and `loadJournal` read files. */
export async function openRemoteNegotiation(server: TeamServer, name: string): Promise<RemoteNegotiation> {
  const found = await findNegotiation(server, name)
  if (!found.ok) return { ok: false, problems: [found.problem] }
  const path = `/api/workspaces/${encodeURIComponent(found.summary.workspaceId)}/negotiations/${encodeURIComponent(found.summary.id)}`
  const [negotiation, events] = await Promise.all([
    call(server, 'GET', path),
    call(server, 'GET', `${path}/events`),
  ])
  if (!negotiation.ok) return { ok: false, problems: [negotiation.problem] }
  if (!events.ok) return { ok: false, problems: [events.problem] }
  const { plan, version, title } = negotiation.body as { plan: Plan; version: number; title: string }
  const label = `${title} (${server.url})`
  const text = JSON.stringify(plan, null, 2)
  const parsed = parsePlanText(text, { format: 'json', file: label })
  if (!parsed.ok) return { ok: false, problems: [...parsed.errors] }
  const journal: LoadedJournal = {
    file: label,
    exists: true,
    events: [],
    lines: [],
    problems: [],
    endsMidLine: false,
    post: async (event) => {
      const posted = await call(server, 'POST', `${path}/events`, event)
      if (!posted.ok) return { ok: false, problems: [posted.problem] }
      return { ok: true, event: (posted.body as { event: JournalEvent }).event }
    },
  }
  for (const stored of (events.body as { events: { event: unknown; seq: number }[] }).events) {
    const read = readEvent(stored.event)
    if (read.ok) {
      journal.events.push(read.event)
      journal.lines.push(stored.seq)
    } else
      journal.problems.push(
        ...read.errors.map((error) => ({
          code: error.code,
          severity: 'error' as const,
          message: `${error.message}; this event is skipped`,
          path: `events[${stored.seq}]${error.at.length > 0 ? `.${formatPath(error.at)}` : ''}`,
          file: label,
        })),
      )
  }
  return {
    ok: true,
    plan: {
      ok: true,
      file: label,
      plan: parsed.plan,
      space: compileSpace(parsed.plan),
      warnings: parsed.warnings,
      source: parsed.source,
      text,
    },
    journal,
    version,
  }
}

/** The reason fetch gives, as briefly as it can be said: ECONNREFUSED, ENOTFOUND, a timeout. */
function whyUnreachable(error: unknown): string {
  const { cause, name } = error as { cause?: { code?: string; message?: string }; name?: string }
  if (name === 'TimeoutError') return 'no answer in 30 s'
  return cause?.code ?? cause?.message ?? (error as Error).message
}
