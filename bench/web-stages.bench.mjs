// What the web app recomputes in the browser, timed in Chromium with the page's performance API
// (performance.mark / performance.measure): the same core, bundled for the browser as Vite bundles
// it, on each example with a 30-event journal (bench/negotiation-journal.mjs). Target: no stage
// recomputation over 50 ms. The rows follow the app: the derivation every stage shares (the plan
// checked, the journal replayed and learned from), once on opening a negotiation (resuming the
// learner state the server's `…/learned` sends, as the app does; and, for comparison, learning
// every move in the browser, as it must when the plan was edited) and again after a move is
// recorded (with the server's state after it, as the app does; and learned in the browser from the
// last one, the slowest move of the journal); then what each stage computes from it
// (midgame: status, MESO, coach, lint; prepare: the frontier; debrief; the close: status with the
// alternatives before signing, once the table is agreed).
//
// Then the first load of each stage page as a newcomer's browser makes it (issue 15): `parley serve`
// with the built app (run `node scripts/build.mjs` first), the sales example with its 30-event
// journal, a fresh browser context per load (signed in, nothing cached), Chromium's CPU slowed 4x
// (CDP `Emulation.setCPUThrottlingRate`). Timed from navigation start (`performance.now()` in the
// page, taken by a MutationObserver the moment each appears, while Playwright waits for them): the
// stage's heading (the first `h2` of the stage's main column) and its first control (the first
// input, select, textarea or button there); with the compressed JavaScript transferred (Resource
// Timing's `encodedBodySize` of every script). Targets: at most 250 KB and within 3 s. Where the
// time went: when the last script and the last API answer before the heading had arrived.
//
// Tables, never a test: skipped with a message when Chromium is not at PARLEY_CHROMIUM or
// /usr/bin/chromium (and the first loads when the app is not built).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { loadCore } from './load-core.mjs'
import { median, printTable } from './machine.mjs'
import { negotiationJournal } from './negotiation-journal.mjs'
import { json, prepare, start } from './serve.mjs'

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
    const space = core.compileSpace(parsed.plan)
    const events = negotiationJournal(core, space)
    // What the server's `…/learned` answers for this journal (the same core, in Node).
    const learned = core.learnerStateBytes(core.negotiation(space, events).learner.snapshot(), { version: 1 })
    return {
      name: name.replace(/\.yaml$/, ''),
      plan: parsed.plan,
      events,
      learned: Buffer.from(learned).toString('base64'),
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
      ({ plan, events, learned, runs }) => {
        const core = globalThis.parleyCore
        const learnedBytes = Uint8Array.from(atob(learned), (c) => c.charCodeAt(0))
        const timed = (name, fn) => {
          performance.mark(`${name}:start`)
          const value = fn()
          performance.measure(name, `${name}:start`)
          return value
        }
        const derive = (journal, bytes) => {
          const checked = core.validatePlanValue(plan)
          if (!checked.ok) throw new Error('the plan does not validate')
          const space = core.compileSpace(checked.plan)
          const state = bytes ? core.learnerStateOf(bytes)?.state : undefined
          if (bytes && !state) throw new Error('the learner state does not read')
          return { space, derived: core.negotiation(space, journal, undefined, state) }
        }
        for (let run = 0; run < runs; run++) {
          // As the app opens a negotiation: with the server's learner state (its bytes read here).
          const { space, derived } = timed(
            "open: plan checked, journal replayed, the server's learner state resumed",
            () => derive(events, learnedBytes),
          )
          // Without it (an edited plan, or the server not reachable): every move learned here.
          timed('open, learning every move on the page (only where workers fail)', () => derive(events))
          const before = core.negotiation(space, events.slice(0, -1))
          // As the app records a move: with the server's learner state after it (its bytes read here).
          timed("after a move is recorded, with the server's learner state", () =>
            core.negotiation(space, events, before, core.learnerStateOf(learnedBytes)?.state),
          )
          // Without it (the server not reachable): the move learned here, continuing from the one
          // before; the slowest of the journal's moves (a move that makes the sampler resample
          // moves every sample again under all the moves so far).
          let slowest = 0
          let previous = core.negotiation(space, [])
          for (let k = 1; k <= events.length; k++) {
            const start = performance.now()
            previous = core.negotiation(space, events.slice(0, k), previous)
            slowest = Math.max(slowest, performance.now() - start)
          }
          performance.measure('after a move, learned in the browser (the slowest move)', {
            start: 0,
            duration: slowest,
          })
          // Typing in the plan: an edit learning does not read continues from what was learned.
          timed('after an edit to the plan (its title)', () => {
            const edited = core.validatePlanValue({ ...plan, title: `${plan.title} (edited ${run})` })
            if (!edited.ok) throw new Error('the edited plan does not validate')
            const next = core.compileSpace(edited.plan)
            return core.negotiation(next, events, core.learnsAlike(space, next) ? derived : undefined)
          })
          timed('midgame: status', () => core.negotiationStatus(space, events, derived))
          timed('midgame: MESO set', () => core.mesoView(space, {}, derived.posterior, derived.state))
          timed('midgame: coach', () => core.coach(space, events, {}, derived))
          timed('midgame: lint', () => core.lintNegotiation(space, events, derived))
          timed('prepare: frontier', () => core.frontierReport(space, { rule: true }))
          timed('debrief', () => core.debriefView(space, derived.state, derived.posterior))
          // The close: the table agreed, and status choosing the alternatives to offer before signing.
          const table = derived.state.table
          const agreed =
            table &&
            core.admitEvent(
              space,
              { events, state: derived.state },
              { type: 'agreed', terms: table.terms },
              { id: '01JRZZZZZZZZZZZZZZZZZZZZZZ', at: '2026-11-26T10:00:00.000Z', planVersion: 1 },
            )
          if (agreed?.ok) {
            const closing = [...events, agreed.event]
            const closed = core.negotiation(space, closing, derived)
            timed('close: status, with the alternatives before signing', () =>
              core.negotiationStatus(space, closing, closed),
            )
          }
        }
        const byName = {}
        for (const entry of performance.getEntriesByType('measure')) {
          byName[entry.name] = [...(byName[entry.name] ?? []), entry.duration]
        }
        return byName
      },
      { plan: example.plan, events: example.events, learned: example.learned, runs: RUNS },
    )
    // As the app does when the server's state can not be had (or the plan was edited where learning
    // looks): the page checks the plan and finds more than a move to learn, a worker learns the
    // journal and answers with the learner's state, and the page resumes it. Timed on the page's
    // thread (what can freeze it) and until the figures (the worker's time included).
    Object.assign(
      measured,
      await page.evaluate(
        async ({ plan, events, source, runs }) => {
          const core = globalThis.parleyCore
          const handler =
            'self.onmessage = ({ data }) => self.postMessage(parleyCore.negotiation(parleyCore.compileSpace(data.plan), data.events).learner.snapshot())'
          const url = URL.createObjectURL(new Blob([source, '\n', handler], { type: 'text/javascript' }))
          const worker = new Worker(url, { name: 'parley-learner' })
          const learnElsewhere = (message) =>
            new Promise((resolve) => {
              worker.onmessage = ({ data }) => resolve(data)
              worker.postMessage(message)
            })
          const onPage = []
          const toFigures = []
          for (let run = 0; run < runs; run++) {
            const start = performance.now()
            const checked = core.validatePlanValue(plan)
            if (!checked.ok) throw new Error('the plan does not validate')
            const space = core.compileSpace(checked.plan)
            if (core.movesToLearn(space, events) <= 1) throw new Error('nothing to learn off the page')
            let blocked = performance.now() - start
            const state = await learnElsewhere({ plan: checked.plan, events })
            const resumedAt = performance.now()
            const derived = core.negotiation(space, events, undefined, state)
            if (derived.learner.observed !== core.movesToLearn(space, events)) throw new Error('not resumed')
            const end = performance.now()
            blocked += end - resumedAt
            onPage.push(blocked)
            toFigures.push(end - start)
          }
          worker.terminate()
          return {
            'open, learning every move in a worker: on the page': onPage,
            'open, learning every move in a worker: until the figures (not on the page)': toFigures,
          }
        },
        { plan: example.plan, events: example.events, source: bundled.outputFiles[0].text, runs: RUNS },
      ),
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
        stage.includes('(not on the page)') ? '—' : worst <= 50 ? 'yes' : 'NO',
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

// First loads of the stage pages.
const LOADS = Number(process.env.BENCH_LOADS ?? 3)
const CPU_SLOWDOWN = 4
const STAGE_SLUGS = ['prepare', 'setup', 'first-move', 'midgame', 'close', 'debrief']
const JS_BUDGET = 250 * 1024
const SHOWN_WITHIN = 3000

if (!existsSync('packages/web/dist/index.html')) {
  console.log('\nweb-stages first loads: skipped, the web app is not built (node scripts/build.mjs)')
} else {
  const sales = examples.find((example) => example.name === 'sales-saas-renewal') ?? examples[0]
  const folder = mkdtempSync(join(tmpdir(), 'parley-bench-'))
  const server = await start({ PARLEY_DATA: folder })
  const loads = []
  try {
    const context = await prepare(server, readFileSync(`examples/${sales.name}.yaml`, 'utf8'))
    const id = await context.negotiation()
    const record = `${server.url}/api/workspaces/${context.workspace}/negotiations/${id}`
    for (const event of sales.events)
      await json(
        await fetch(`${record}/events`, {
          method: 'POST',
          headers: { ...context.headers, 'content-type': 'application/json' },
          body: JSON.stringify(event),
        }),
      )
    const [name, value] = context.cookie.split('=')
    const firstLoads = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    try {
      for (let run = 0; run < LOADS; run++) {
        for (const slug of STAGE_SLUGS) {
          // A fresh context: the session cookie only, no cache, as a first visit to the stage.
          const browserContext = await firstLoads.newContext()
          await browserContext.addCookies([{ name, value: value.split(';')[0], url: server.url }])
          await browserContext.addInitScript(() => {
            const seen = {}
            globalThis.__firstSeen = seen
            const look = () => {
              const main = document.querySelector('main#main')
              if (!main) return
              if (seen.heading === undefined && main.querySelector('h2')) seen.heading = performance.now()
              if (seen.control === undefined && main.querySelector('input, select, textarea, button'))
                seen.control = performance.now()
            }
            new MutationObserver(look).observe(document, { childList: true, subtree: true })
          })
          const page = await browserContext.newPage()
          const cdp = await browserContext.newCDPSession(page)
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
          await page.goto(`${server.url}/w/${context.workspace}/n/${id}/${slug}`)
          const main = page.locator('main#main')
          await main.locator('h2').first().waitFor({ timeout: 30_000 })
          await main.locator('input, select, textarea, button').first().waitFor({ timeout: 30_000 })
          const measured = await page.evaluate(() => {
            const resources = performance.getEntriesByType('resource')
            const scripts = resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
            const seen = globalThis.__firstSeen
            // Where the time went: the last script and the last API answer before the heading.
            const before = (entries) =>
              Math.max(0, ...entries.filter((e) => e.responseEnd <= seen.heading).map((e) => e.responseEnd))
            return {
              ...seen,
              script: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
              scriptsLoaded: before(scripts),
              apiAnswered: before(resources.filter((e) => new URL(e.name).pathname.startsWith('/api/'))),
            }
          })
          loads.push({ slug, ...measured })
          await browserContext.close()
        }
      }
    } finally {
      await firstLoads.close()
    }
  } finally {
    server.child.kill('SIGTERM')
    rmSync(folder, { recursive: true, force: true })
  }
  printTable(
    `First load of each stage page, CPU slowed ${CPU_SLOWDOWN}x (Chromium ${executablePath}; ${sales.name} with a ${sales.events.length}-event journal; median of ${LOADS} cold loads, from navigation start)`,
    [
      'stage',
      'scripts loaded',
      'API answered',
      'heading',
      'first control',
      'worst of both',
      'JavaScript (compressed)',
      '≤ 250 KB',
      '≤ 3 s',
    ],
    STAGE_SLUGS.map((slug) => {
      const of = loads.filter((load) => load.slug === slug)
      const heading = median(of.map((load) => load.heading))
      const control = median(of.map((load) => load.control))
      const worst = Math.max(...of.map((load) => Math.max(load.heading, load.control)))
      const script = Math.max(...of.map((load) => load.script))
      return [
        slug,
        `${Math.round(median(of.map((load) => load.scriptsLoaded)))} ms`,
        `${Math.round(median(of.map((load) => load.apiAnswered)))} ms`,
        `${Math.round(heading)} ms`,
        `${Math.round(control)} ms`,
        `${Math.round(worst)} ms`,
        `${(script / 1024).toFixed(1)} KB`,
        script <= JS_BUDGET ? 'yes' : 'NO',
        worst <= SHOWN_WITHIN ? 'yes' : 'NO',
      ]
    }),
  )
}
