/**
 * The command run in process with its output kept, for tests of verbs: what `parley ARGV` prints on
 * standard output and error, and its exit code, without a child process or the real streams.
 */
import { Writable } from 'node:stream'
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

export async function runCaptured(
  argv: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = recorder()
  const stderr = recorder()
  const code = await runParley(argv, { stdout: stdout.stream, stderr: stderr.stream, env: {} }, cwd)
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}
