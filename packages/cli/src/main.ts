/** Entry point of the `parley` command: the only place that reads the process's arguments, environment and streams. */
import { EXIT } from './exit-codes'
import { runParley } from './program'

// A reader that stops early (`parley status acme.yaml | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') stream.destroy()
    else throw error
  })
}

const start = performance.now()
runParley(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env },
  process.cwd(),
).then(
  (code) => {
    process.exitCode = code
    // The command's own time, without starting Node and loading the command line (benchmarks read it).
    if (process.env.PARLEY_TIMING)
      process.stderr.write(`parley: ran in ${(performance.now() - start).toFixed(1)} ms\n`)
  },
  (error: unknown) => {
    // A bug, not bad input: say so plainly; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(
      `parley: internal error: ${message}\nThis is a bug in Parley; please report it with the command you ran.\n`,
    )
    if (process.env.PARLEY_DEBUG && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`)
    process.exitCode = EXIT.crash
  },
)
