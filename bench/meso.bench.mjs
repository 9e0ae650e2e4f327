// MESO speed, so the web app can recompute on every keystroke: 12 issues x 10 levels under 100 ms,
// each of the four examples under 5 ms (medians in process, after warm-up).
import { readdirSync, readFileSync } from 'node:fs'
import { loadCore } from './load-core.mjs'
import { median, printTable } from './machine.mjs'

const core = await loadCore()
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

function timeIt(fn) {
  for (let k = 0; k < 5; k++) fn()
  const times = []
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

const rows = []
const synthetic = core.syntheticPlan(12, 10)
synthetic.batna = { us: { utility: 30 }, them: { utility: 30 } }
synthetic.reservation = 40
const cases = [['synthetic 12x10 (BATNAs 30/30, reservation 40)', synthetic, 100]]
for (const name of readdirSync('examples')
  .filter((file) => file.endsWith('.yaml'))
  .sort()) {
  const parsed = core.parsePlanText(readFileSync(`examples/${name}`, 'utf8'), { format: 'yaml' })
  if (!parsed.ok) throw new Error(`${name} does not parse`)
  cases.push([name, parsed.plan, 5])
}
for (const [name, plan, target] of cases) {
  const space = core.compileSpace(plan)
  let result
  const ms = timeIt(() => {
    result = core.meso(space)
  })
  rows.push([
    name,
    space.outcomes.toExponential(2),
    result.ok ? result.set.bundles.map((bundle) => bundle.name).join(', ') : `no set: ${result.failure.code}`,
    result.ok ? result.set.informativeness.toFixed(2) : '',
    `${ms.toFixed(2)} ms`,
    `< ${target} ms: ${ms < target ? 'yes' : 'NO'}`,
  ])
}
printTable(
  `MESO sets (3 bundles, tolerance 2), median of ${RUNS} after warm-up`,
  ['plan', 'outcomes', 'bundles', 'bits', 'time', 'target'],
  rows,
)
