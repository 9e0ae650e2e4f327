/**
 * The command run in process with its output kept, for tests of verbs: what `parley ARGV` prints on
 * standard output and error, and its exit code, without a child process or the real streams.
 */
import { Readable, Writable } from 'node:stream'
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

/** `input`: what is piped to the command's standard input (`parley rehearse` reads it); none by default. */
export async function runCaptured(
  argv: string[],
  cwd = process.cwd(),
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = recorder()
  const stderr = recorder()
  const code = await runParley(
    argv,
    {
      stdout: stdout.stream,
      stderr: stderr.stream,
      ...(input !== undefined ? { stdin: Readable.from([input]) } : {}),
      env: {},
    },
    cwd,
  )
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}
