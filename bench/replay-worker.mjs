// One `parley` command run in a fresh process, timed in process: loads the command line (an esbuild
// bundle of packages/cli/src/program.ts, its path in argv[2]), then times `runParley(argv)` once
// cold (as a real run pays it: nothing compiled or optimised yet) and `WARM` more times. Prints
// `{ "cold": ms, "warm": ms (median), "code": exit code }`.
import { createRequire } from 'node:module'
import { Writable } from 'node:stream'

const [bundle, ...argv] = process.argv.slice(2)
const WARM = Number(process.env.BENCH_WARM ?? 5)
// As packages/cli/bin/parley.js runs every command but `serve`.
globalThis.__zod_globalConfig = { jitless: true }
const { runParley } = createRequire(import.meta.url)(bundle)
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() })
const run = async () => {
  const start = performance.now()
  const code = await runParley(argv, { stdout: sink(), stderr: sink(), env: {} }, process.cwd())
  return { ms: performance.now() - start, code }
}
const cold = await run()
const warm = []
for (let k = 0; k < WARM; k++) warm.push((await run()).ms)
warm.sort((a, b) => a - b)
process.stdout.write(
  JSON.stringify({ cold: cold.ms, warm: warm[warm.length >> 1] ?? cold.ms, code: cold.code }),
)
