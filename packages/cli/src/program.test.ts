import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { EXIT } from './exit-codes'
import { runParley } from './program'

/** A stream that keeps what is written to it. */
function recorder() {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    },
  })
  return { stream, text: () => chunks.join('') }
}

async function run(argv: string[]) {
  const stdout = recorder()
  const stderr = recorder()
  const code = await runParley(argv, { stdout: stdout.stream, stderr: stderr.stream, env: {} }, process.cwd())
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

describe('runParley', () => {
  it('lists every verb in its help, in order', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(EXIT.ok)
    const verbs = [...help.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((match) => match[1])
    expect(verbs).toEqual([
      'check',
      'score',
      'frontier',
      'meso',
      'journal',
      'status',
      'coach',
      'lint',
      'debrief',
      'simulate',
      'init',
      'import',
      'export',
      'serve',
      'user',
      'export-db',
      'import-db',
      'help',
    ])
  })

  it('tells bad usage (an unknown verb) from an invalid flag value', async () => {
    expect((await run(['chek'])).code).toBe(EXIT.usage)
    expect((await run(['frontier', 'acme.yaml', '--epsilon', 'x'])).code).toBe(EXIT.invalid)
  })
})
