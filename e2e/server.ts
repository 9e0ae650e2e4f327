/**
 * `parley serve` as a real process, for the end-to-end tests of the server: start it on a port,
 * read what it prints, sign in over HTTP, kill it (politely or with SIGKILL) and start it again.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { ROOT } from './parley'

const BIN = join(ROOT, 'packages/cli/bin/parley.js')

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  setupToken: string | undefined
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>
  /** SIGTERM, and wait for a clean exit; resolves to the exit code. */
  stop(): Promise<number | null>
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Data in a SQLite folder, or PostgreSQL at a URL. */
export type Database = { data: string } | { url: string }

export function databaseEnv(database: Database): Record<string, string> {
  return 'url' in database ? { DATABASE_URL: database.url } : { PARLEY_DATA: database.data }
}

/** `env`: settings of the server beyond its database (PARLEY_COMPUTE_DEADLINE_MS, HOST, ...). */
export async function startServer(
  database: Database,
  port?: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const chosen = port ?? (await freePort())
  const host = env.HOST ?? '127.0.0.1'
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(chosen), '--host', host], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...databaseEnv(database), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`parley serve did not start in 30 s:\n${output}`)),
      30_000,
    )
    const check = () => {
      const match = /is running at (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`parley serve exited with ${code}:\n${output}`))
    })
  })
  // The setup token is printed after the address.
  await new Promise((resolve) => setTimeout(resolve, 50))
  return {
    url,
    port: chosen,
    child,
    output: () => output,
    get setupToken() {
      return /\b(psu_[\w-]+)/.exec(output)?.[1]
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

export interface Session {
  token: string
  workspaceId: string
}

/** The password firstOwner gives the first owner, for tests that sign in through a page. */
export const OWNER_PASSWORD = 'correct horse battery'

/** Creates the first owner with the printed setup token, and an API token for the rest. */
export async function firstOwner(server: ServerProcess, email = 'owner@example.com'): Promise<Session> {
  if (!server.setupToken) throw new Error(`no setup token printed:\n${server.output()}`)
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: server.setupToken,
      email,
      name: 'Owner',
      password: OWNER_PASSWORD,
    }),
  })
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`)
  const workspaceId = ((await setup.json()) as { workspace: { id: string } }).workspace.id
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const token = await fetch(`${server.url}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ name: 'e2e' }),
  })
  if (token.status !== 201) throw new Error(`token: ${token.status} ${await token.text()}`)
  return { token: ((await token.json()) as { token: string }).token, workspaceId }
}

export async function api(
  base: string,
  session: Session,
  method: string,
  path: string,
  body?: { json?: unknown; yaml?: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Headers; json: () => Promise<unknown>; text: () => Promise<string> }> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, ...body?.headers }
  let payload: string | undefined
  if (body?.json !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body.json)
  } else if (body?.yaml !== undefined) {
    headers['content-type'] = 'application/yaml'
    payload = body.yaml
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
  })
  return {
    status: response.status,
    headers: response.headers,
    json: () => response.json() as Promise<unknown>,
    text: () => response.text(),
  }
}

/** Imports a plan file into the session's workspace; the negotiation's id and its API path. */
export async function importPlan(
  base: string,
  session: Session,
  file: string,
): Promise<{ id: string; path: string }> {
  const imported = await api(
    base,
    session,
    'POST',
    `/api/workspaces/${session.workspaceId}/negotiations/import`,
    {
      yaml: readFileSync(file, 'utf8'),
    },
  )
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`)
  const { id } = (await imported.json()) as { id: string }
  return { id, path: `/api/workspaces/${session.workspaceId}/negotiations/${id}` }
}
