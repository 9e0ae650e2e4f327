// The commands that replay a journal (status, coach, lint, debrief, meso) on each example with a
// 30-event journal (bench/negotiation-journal.mjs: MESO sets, rankings, choices, counters and
// rejections, concessions, contingencies proposed and accepted, stated interests, notes), and
// `parley meso` on a 12x10 plan with such a journal. Targets: the whole process within 1.5x of
// `parley --version` measured in the same run, and under 30 ms in process (100 ms for meso on
// 12x10). Runs the built command (`node scripts/build.mjs` first). The posterior kept beside the
// journal (`*.journal.jsonl.cache`) is written by a warm-up run, as the first command after a
// move writes it; the `no cache` column is a run with that file removed.
//
// In process, cold: what a real run pays once Node has started and loaded the command line, as
// the installed `parley` reports it with PARLEY_TIMING=1 (its bundle with the V8 code cache the
// build warms); the median of the same runs as the whole process. Warm: a fresh process loads the
// command line and runs the command BENCH_WARM + 1 times; the median of all but the first
// (bench/replay-worker.mjs).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { loadCore } from './load-core.mjs'
import { median, printTable } from './machine.mjs'
import { negotiationJournal } from './negotiation-journal.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const COMMANDS = ['status', 'coach', 'lint', 'debrief', 'meso']
const core = await loadCore()
const folder = mkdtempSync(join(tmpdir(), 'parley-journal-bench-'))

/** A plan file and its 30-event journal in the bench's folder; gives the plan's path. */
function negotiation(name, text, plan) {
  const events = negotiationJournal(core, core.compileSpace(plan))
  const file = join(folder, name)
  writeFileSync(file, text)
  writeFileSync(
    join(folder, name.replace(/\.yaml$/, '.journal.jsonl')),
    `${events.map((event) => JSON.stringify(event)).join('\n')}\n`,
  )
  return file
}

const examples = readdirSync('examples')
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const text = readFileSync(`examples/${name}`, 'utf8')
    const parsed = core.parsePlanText(text, { format: 'yaml' })
    if (!parsed.ok) throw new Error(`${name} does not parse`)
    return [name.replace(/\.yaml$/, ''), negotiation(name, text, parsed.plan)]
  })
const synthetic = core.syntheticPlan(12, 10)
const synthetic12x10 = negotiation('synthetic-12x10.yaml', core.yamlOf(synthetic), synthetic)

const parley = (args) =>
  spawnSync(process.execPath, ['packages/cli/bin/parley.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PARLEY_TIMING: '1' },
  })
const cacheOf = (plan) => plan.replace(/\.yaml$/, '.journal.jsonl.cache')
/** The whole process's time, and the command's own as the process reports it (PARLEY_TIMING). */
const timedRun = (args) => {
  const start = process.hrtime.bigint()
  const result = parley(args)
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  // Exit 3 is an answer, not a failure: lint's findings, and meso's "no set at this target" (with the
  // highest target that has one) when the journal ends on a table no set at the default target
  // matches for them: what a user who runs it there waits for.
  if (result.status !== 0 && !(['lint', 'meso'].includes(args[0]) && result.status === 3))
    throw new Error(`parley ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  const own = /parley: ran in ([\d.]+) ms/.exec(result.stderr)
  if (!own)
    throw new Error(
      `parley ${args.join(' ')} did not report its time (PARLEY_TIMING): rebuild it with \`node scripts/build.mjs\``,
    )
  return { ms, inProcess: Number(own[1]), code: result.status }
}
const timed = (args) => timedRun(args).ms

// --- The whole process, against --version in the same run (alternating, so both see the same load).
parley(['--version'])
const version = []
const whole = new Map()
for (const [name, plan] of examples) {
  for (const command of COMMANDS) {
    rmSync(cacheOf(plan), { force: true })
    const noCache = timed([command, plan])
    const times = []
    const inProcess = []
    let code = 0
    for (let run = 0; run < RUNS; run++) {
      version.push(timed(['--version']))
      const timing = timedRun([command, plan])
      times.push(timing.ms)
      inProcess.push(timing.inProcess)
      code = timing.code
    }
    whole.set(`${name} ${command}`, { median: median(times), noCache, inProcess: median(inProcess), code })
  }
}
const versionMs = median(version)

// --- In process: the command line bundled once, each command run in a fresh process.
const bundle = join(folder, 'program.cjs')
await build({
  entryPoints: ['packages/cli/src/program.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  define: { 'import.meta.url': '__parleyModuleUrl' },
  banner: { js: "const __parleyModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  external: ['./server-commands', './document-commands', 'better-sqlite3', 'pg', 'pg-native', 'piscina'],
})
/** Warm: the same command run again in one process (cold, its first run, is the whole process's own time above). */
function warmInProcess(args) {
  const runs = []
  for (let run = 0; run < Math.max(1, Math.ceil(RUNS / 2)); run++) {
    const result = spawnSync(process.execPath, ['bench/replay-worker.mjs', bundle, ...args], {
      encoding: 'utf8',
    })
    if (result.status !== 0) throw new Error(`replay-worker ${args.join(' ')}: ${result.stderr}`)
    runs.push(JSON.parse(result.stdout))
  }
  return median(runs.map((run) => run.warm))
}

const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`
const rows = []
for (const [name, plan] of examples) {
  for (const command of COMMANDS) {
    const process = whole.get(`${name} ${command}`)
    const inside = { cold: process.inProcess, warm: warmInProcess([command, plan]) }
    const ratio = process.median / versionMs
    rows.push([
      name,
      command === 'meso' && process.code === 3 ? 'meso (no set: exit 3)' : command,
      ms(process.median),
      `${ratio.toFixed(2)}x`,
      ms(process.noCache),
      ms(inside.cold),
      ms(inside.warm),
      ratio <= 1.5 ? 'yes' : 'NO',
      inside.cold < 30 ? 'yes' : 'NO',
    ])
  }
}
printTable(
  `Commands that replay a 30-event journal (whole process: median of ${RUNS}; parley --version ${ms(versionMs)} in the same run)`,
  [
    'example',
    'command',
    'process',
    'vs --version',
    'no cache',
    'in process (cold)',
    'warm',
    '≤ 1.5x',
    '< 30 ms',
  ],
  rows,
)

timed(['meso', synthetic12x10])
const mesoRuns = Array.from({ length: RUNS }, () => timedRun(['meso', synthetic12x10]))
const meso = {
  cold: median(mesoRuns.map((run) => run.inProcess)),
  warm: warmInProcess(['meso', synthetic12x10]),
}
const mesoProcess = median(mesoRuns.map((run) => run.ms))
printTable(
  'parley meso on a 12x10 plan (12 issues x 10 levels) with a 30-event journal',
  ['process', 'in process (cold)', 'warm', '< 100 ms in process'],
  [[ms(mesoProcess), ms(meso.cold), ms(meso.warm), meso.cold < 100 ? 'yes' : 'NO']],
)
rmSync(folder, { recursive: true, force: true })
