// The optimiser's speed on the synthetic spaces of ../shared/benchmarks/SYNTHETIC.md:
// - exact frontier plus bargaining points, in process after warm-up (targets: 40x5 < 3 ms,
//   60x10 < 20 ms, 64x20 < 60 ms, memory < 256 MiB);
// - at least 1000x faster than plain enumeration on 8x6 (the reference script's evaluation and sort);
// - the whole `parley frontier --json` process on 64x20 within 1.5x of a plain script doing the same;
// - epsilon mode on 64x1000 (the format's limits) at the suggested epsilon: < 10 s and < 512 MiB.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { loadCore } from './load-core.mjs'
import { median, printTable } from './machine.mjs'

const core = await loadCore()

if (process.argv[2] === '--epsilon-child') {
  // Runs in its own process so that its peak memory is its own.
  const [n, levels] = process.argv.slice(3).map(Number)
  const space = core.compileSpace(core.syntheticPlan(n, levels))
  const start = performance.now()
  const exact = core.computeFrontier(space)
  const exactMs = performance.now() - start
  const epsilon = exact.ok ? 0 : exact.suggestedEpsilon
  const t0 = performance.now()
  const result = core.computeFrontier(space, { epsilon })
  const ms = performance.now() - t0
  console.log(
    JSON.stringify({
      exactMs,
      exactPoints: exact.ok ? exact.frontier.size : exact.points,
      epsilon,
      ms,
      points: result.ok ? result.frontier.size : 0,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  )
  process.exit(0)
}

const RUNS = Number(process.env.BENCH_RUNS ?? 15)

function frontierAndPoints(space) {
  const result = core.computeFrontier(space)
  if (!result.ok) throw new Error('unexpected: frontier too large')
  const d = { us: 0, them: 0 }
  core.nashIndex(result.frontier, d)
  core.kalaiSmorodinskyIndex(result.frontier, d)
  core.maxJointIndex(result.frontier)
  return result.frontier
}

function timeIt(fn, runs = RUNS) {
  for (let k = 0; k < 5; k++) fn()
  const times = []
  for (let k = 0; k < runs; k++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

// 1. In process.
const targets = { '40x5': 3, '60x10': 20, '64x20': 60 }
const rows = []
for (const [name, target] of Object.entries(targets)) {
  const [n, levels] = name.split('x').map(Number)
  const space = core.compileSpace(core.syntheticPlan(n, levels))
  let size = 0
  const ms = timeIt(() => {
    size = frontierAndPoints(space).size
  })
  rows.push([
    name,
    space.outcomes.toExponential(2),
    size,
    `${ms.toFixed(2)} ms`,
    `< ${target} ms`,
    ms < target ? 'yes' : 'NO',
  ])
}
const rss = process.resourceUsage().maxRSS / 1024
printTable(
  `Exact frontier + Nash, Kalai–Smorodinsky, max joint, in process (median of ${RUNS} after warm-up); peak RSS of this process ${rss.toFixed(0)} MiB (target < 256)`,
  ['space', 'outcomes', 'frontier', 'time', 'target', 'met'],
  rows,
)

// 2. Against plain enumeration, on 8x6, with the shared reference script as the baseline.
const shared = resolve(process.env.PARLEY_SHARED ?? '../shared')
const reference = join(shared, 'benchmarks/synthetic-reference.mjs')
if (existsSync(reference)) {
  const space = core.compileSpace(core.syntheticPlan(8, 6))
  const ours = timeIt(() => frontierAndPoints(space))
  const baselines = []
  for (let k = 0; k < 3; k++) {
    const run = spawnSync(process.execPath, [reference, '8x6'], { encoding: 'utf8' })
    const result = JSON.parse(run.stdout.trim().split('\n').pop())
    baselines.push(result.t_eval_ms + result.t_sort_sweep_ms)
  }
  const baseline = median(baselines)
  printTable(
    'Exact frontier against plain enumeration (evaluation + sort of synthetic-reference.mjs), 8x6 = 1,679,616 bundles',
    ['method', 'time', 'ratio'],
    [
      ['plain enumeration (reference script)', `${baseline.toFixed(1)} ms`, '1x'],
      [
        'Parley exact frontier + points',
        `${ours.toFixed(3)} ms`,
        `${Math.round(baseline / ours)}x (target >= 1000x)`,
      ],
    ],
  )
} else console.log(`\n(skipped the enumeration comparison: ${reference} is missing; set PARLEY_SHARED)`)

// 3. Whole processes on 64x20.
const folder = mkdtempSync(join(tmpdir(), 'parley-bench-'))
const planFile = join(folder, 'synth-64x20.json')
writeFileSync(planFile, JSON.stringify(core.syntheticPlan(64, 20)))
const commands = {
  'parley frontier --json': ['packages/cli/bin/parley.js', 'frontier', planFile, '--json'],
  'plain script (same merge, same JSON)': ['bench/plain-frontier.mjs', planFile],
}
const sizes = {}
for (const [name, args] of Object.entries(commands)) {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 })
  sizes[name] = JSON.parse(run.stdout).frontier.length
}
const wall = {}
for (const name of Object.keys(commands)) wall[name] = []
for (let k = 0; k < 7; k++) {
  for (const [name, args] of Object.entries(commands)) {
    const start = performance.now()
    spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] })
    wall[name].push(performance.now() - start)
  }
}
const parleyMs = median(wall['parley frontier --json'])
const plainMs = median(wall['plain script (same merge, same JSON)'])
printTable(
  'Whole process on 64x20 (11,562 points with terms), stdout to /dev/null, median of 7 alternating runs',
  ['process', 'frontier points', 'time', 'ratio to plain'],
  [
    [
      'parley frontier --json',
      sizes['parley frontier --json'],
      `${parleyMs.toFixed(0)} ms`,
      `${(parleyMs / plainMs).toFixed(2)}x (target <= 1.5x)`,
    ],
    [
      'plain script (same merge, same JSON)',
      sizes['plain script (same merge, same JSON)'],
      `${plainMs.toFixed(0)} ms`,
      '1x',
    ],
  ],
)

// 4. Epsilon mode at the format's limits.
const child = spawnSync(process.execPath, ['bench/frontier.bench.mjs', '--epsilon-child', '64', '1000'], {
  encoding: 'utf8',
})
const result = JSON.parse(child.stdout.trim().split('\n').pop())
printTable(
  'Format limits: 64 issues x 1,000 levels (synthetic), exact mode then epsilon mode at the suggested epsilon (own process)',
  ['mode', 'points', 'time', 'peak RSS', 'target'],
  [
    [
      'exact (stops above 200,000 points)',
      result.exactPoints,
      `${result.exactMs.toFixed(0)} ms`,
      '',
      'exit 3 with a suggestion',
    ],
    [
      `epsilon ${result.epsilon}`,
      result.points,
      `${result.ms.toFixed(0)} ms`,
      `${result.maxRssMiB.toFixed(0)} MiB`,
      `< 10 s and < 512 MiB: ${result.ms < 10_000 && result.maxRssMiB < 512 ? 'yes' : 'NO'}`,
    ],
  ],
)
