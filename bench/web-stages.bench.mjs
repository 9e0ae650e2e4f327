// What the web app recomputes in the browser, timed in Chromium with the page's performance API
// (performance.mark / performance.measure): the same core, bundled for the browser as Vite bundles
// it, on each example with a 30-event journal (bench/negotiation-journal.mjs). Target: no stage
// recomputation over 50 ms. The rows follow the app: the derivation every stage shares (the plan
// checked, the journal replayed and learned from), once on opening a negotiation and again after a
// move is recorded (which continues from the last one); then what each stage computes from it
// (midgame: status, MESO, coach, lint; prepare: the frontier; debrief). A table, never a test:
// skipped with a message when Chromium is not at PARLEY_CHROMIUM or /usr/bin/chromium.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { loadCore } from './load-core.mjs'
import { printTable } from './machine.mjs'
import { negotiationJournal } from './negotiation-journal.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const executablePath = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.log(`\nweb-stages: skipped, Chromium is not at ${executablePath} (set PARLEY_CHROMIUM)`)
  process.exit(0)
}

const core = await loadCore()
const examples = readdirSync('examples')
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const parsed = core.parsePlanText(readFileSync(`examples/${name}`, 'utf8'), { format: 'yaml' })
    if (!parsed.ok) throw new Error(`${name} does not parse`)
    return {
      name: name.replace(/\.yaml$/, ''),
      plan: parsed.plan,
      events: negotiationJournal(core, core.compileSpace(parsed.plan)),
    }
  })

const bundled = await build({
  stdin: { contents: "export * from '@parley/core'", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'parleyCore',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
})

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
const rows = []
try {
  for (const example of examples) {
    // A fresh page per example, so its first derivation is as cold as opening the negotiation.
    const page = await browser.newPage()
    await page.addScriptTag({ content: bundled.outputFiles[0].text })
    const measured = await page.evaluate(
      ({ plan, events, runs }) => {
        const core = globalThis.parleyCore
        const timed = (name, fn) => {
          performance.mark(`${name}:start`)
          const value = fn()
          performance.measure(name, `${name}:start`)
          return value
        }
        const derive = (journal, before) => {
          const checked = core.validatePlanValue(plan)
          if (!checked.ok) throw new Error('the plan does not validate')
          const space = core.compileSpace(checked.plan)
          return { space, derived: core.negotiation(space, journal, before) }
        }
        for (let run = 0; run < runs; run++) {
          const { space, derived } = timed('open: plan checked, journal replayed and learned', () =>
            derive(events),
          )
          const before = core.negotiation(space, events.slice(0, -1))
          timed('after a move is recorded', () => core.negotiation(space, events, before))
          timed('midgame: status', () => core.negotiationStatus(space, events, derived))
          timed('midgame: MESO set', () => core.mesoView(space, {}, derived.posterior, derived.state))
          timed('midgame: coach', () => core.coach(space, events, {}, derived))
          timed('midgame: lint', () => core.lintNegotiation(space, events, derived))
          timed('prepare: frontier', () => core.frontierReport(space, { rule: true }))
          timed('debrief', () => core.debriefView(space, derived.state, derived.posterior))
        }
        const byName = {}
        for (const entry of performance.getEntriesByType('measure')) {
          byName[entry.name] = [...(byName[entry.name] ?? []), entry.duration]
        }
        return byName
      },
      { plan: example.plan, events: example.events, runs: RUNS },
    )
    for (const [stage, times] of Object.entries(measured)) {
      const sorted = [...times].sort((a, b) => a - b)
      const median = sorted[sorted.length >> 1]
      const worst = Math.max(times[0], median)
      rows.push([
        example.name,
        stage,
        `${times[0].toFixed(1)} ms`,
        `${median.toFixed(1)} ms`,
        worst <= 50 ? 'yes' : 'NO',
      ])
    }
    await page.close()
  }
} finally {
  await browser.close()
}
printTable(
  `Web app recomputation in Chromium (${executablePath}; first run in a fresh page, then median of ${RUNS})`,
  ['example', 'recomputation', 'first', 'median', '≤ 50 ms'],
  rows,
)
