// How long a whole `parley` process takes when it does little work: --version, check and score on
// an example. Target: under 0.2 s each (median of repeated runs, after one warm-up run).
import { spawnSync } from 'node:child_process'
import { median, printTable } from './machine.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const example = 'examples/sales-saas-renewal.yaml'
const cases = [
  ['node -e "" (baseline)', ['-e', '']],
  ['parley --version', ['packages/cli/bin/parley.js', '--version']],
  ['parley check (example)', ['packages/cli/bin/parley.js', 'check', example]],
  ['parley check --json (example)', ['packages/cli/bin/parley.js', 'check', example, '--json']],
  [
    'parley score (example)',
    [
      'packages/cli/bin/parley.js',
      'score',
      example,
      '--offer',
      process.env.BENCH_OFFER ??
        JSON.stringify({
          price: 230000,
          rollout: 60,
          billing: 'milestone',
          support: 'premium',
          credits: 10,
          term: 24,
          uplift: 3,
        }),
      '--json',
    ],
  ],
]

const rows = []
for (const [name, args] of cases) {
  spawnSync(process.execPath, args, { encoding: 'utf8' })
  const times = []
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint()
    spawnSync(process.execPath, args, { encoding: 'utf8' })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  const m = median(times)
  rows.push([
    name,
    `${m.toFixed(0)} ms`,
    `${Math.min(...times).toFixed(0)} ms`,
    name.includes('baseline') ? '' : m < 200 ? 'yes' : 'NO',
  ])
}
printTable(
  `Command-line start-up (median of ${RUNS} runs)`,
  ['process', 'median', 'min', 'under 0.2 s'],
  rows,
)
