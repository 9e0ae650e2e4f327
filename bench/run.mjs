// `npm run bench`: every benchmark in turn, each printing its own table with the machine noted.
// Benchmarks never run inside `npm test`; compare ratios within one run, since this machine is shared.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const only = process.argv.slice(2)
const benches = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort()
let failed = false
for (const bench of benches) {
  const result = spawnSync(process.execPath, ['--expose-gc', `bench/${bench}`], { stdio: 'inherit' })
  if (result.status !== 0) failed = true
}
process.exitCode = failed ? 1 : 0
