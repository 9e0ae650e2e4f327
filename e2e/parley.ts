/** Runs the built `parley` command as a user does, for end-to-end tests. */
import { spawnSync } from 'node:child_process'
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
