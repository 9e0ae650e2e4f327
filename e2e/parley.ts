/** Runs the built `parley` command as a user does, for end-to-end tests. */
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
const BIN = join(ROOT, 'packages/cli/bin/parley.js')

export interface Run {
  code: number
  stdout: string
  stderr: string
  json: () => unknown
}

export function parley(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  })
  if (result.error) throw result.error
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  }
}

export function temporaryFolder(prefix = 'parley-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/**
 * `parley` run without blocking this process: for tests that also talk to a server over HTTP, whose
 * kept-alive sockets must see the server close them while the command runs (a blocked event loop
 * would reuse a closed one).
 */
export function parleyAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? '', ...options.env },
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 256 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error)
        resolve({
          code: child.exitCode ?? (typeof error?.code === 'number' ? error.code : 0),
          stdout,
          stderr,
          json: () => JSON.parse(stdout),
        })
      },
    )
    child.stdin?.end()
  })
}
