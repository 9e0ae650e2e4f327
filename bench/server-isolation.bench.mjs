// Serving while the worst case computes: latency of /api/health and of reading a negotiation, alone
// and while clients in several workspaces keep asking for views of the largest plan the limits
// allow (MESO sets and frontiers, each with new parameters so no answer comes from the cache).
// Target: p99 of health and of the read under 100 ms during the worst case. The views themselves
// must be refused (422 over budget or deadline, 429/503 busy), never hang: their answers are counted.
// Medians of ROUNDS rounds of SECONDS seconds each, CONNECTIONS connections, loopback, SQLite,
// the server's default compute settings (threads, deadline, work budget).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { loadCore } from './load-core.mjs'
import { median, printTable } from './machine.mjs'
import { json, prepare, start } from './serve.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 4)
const EXAMPLE = readFileSync('examples/sales-saas-renewal.yaml', 'utf8')
const { largestPlanYaml } = await loadCore()

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
  })
}

/** Clients asking for worst-case views one after another until stopped; what they were answered. */
function worstCase(server, context, targets) {
  let running = true
  const answers = new Map()
  const durations = []
  const clients = targets.map(async (path, k) => {
    for (let n = 0; running; n++) {
      const query =
        n % 2 === 0
          ? `meso?target=${(50 + Math.random() * 20).toFixed(6)}`
          : `frontier?epsilon=${(0.001 + Math.random() * 0.01).toFixed(6)}`
      const started = performance.now()
      const response = await fetch(`${server.url}${path}/${query}`, { headers: context.headers })
      const body = await response.json()
      durations.push(performance.now() - started)
      const key = `${response.status} ${body.error?.code ?? 'ok'}`
      answers.set(key, (answers.get(key) ?? 0) + 1)
      // A 429 or 503 says when to come back; a client that ignores it only makes the queue longer.
      if (response.status === 429 || response.status === 503)
        await new Promise((r) => setTimeout(r, 100 * (k + 1)))
    }
  })
  return {
    async stop() {
      running = false
      await Promise.all(clients)
      return { answers, durations }
    },
  }
}

const folder = mkdtempSync(join(tmpdir(), 'parley-bench-'))
const server = await start({ PARLEY_DATA: folder })
const rows = []
let met = true
let attack
try {
  const context = await prepare(server, EXAMPLE)
  const read = `${server.url}/api/workspaces/${context.workspace}/negotiations/${await context.negotiation()}`
  // Each attacker has a workspace of its own, so the per-workspace cap does not stop them early.
  const targets = []
  for (let k = 0; k < ATTACKERS; k++) {
    const workspace = await json(
      await fetch(`${server.url}/api/workspaces`, {
        method: 'POST',
        headers: { ...context.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Worst case ${k + 1}` }),
      }),
    )
    const id = await context.negotiation(largestPlanYaml(), workspace.id)
    targets.push(`/api/workspaces/${workspace.id}/negotiations/${id}`)
  }
  const scenarios = {
    health: { url: `${server.url}/api/health` },
    read: { url: read, headers: context.headers },
  }
  const measured = {}
  for (const phase of ['alone', 'worst case']) {
    const worst = phase === 'worst case' ? worstCase(server, context, targets) : undefined
    if (worst) await new Promise((resolve) => setTimeout(resolve, 500))
    for (const [name, options] of Object.entries(scenarios)) {
      const rounds = []
      for (let round = 0; round < ROUNDS; round++) {
        const result = await load(options)
        const failed = result.non2xx + result.errors + result.timeouts
        if (failed > 0)
          throw new Error(`${name} (${phase}): ${failed} failed requests of ${result.requests.total}`)
        rounds.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 })
      }
      measured[`${name}:${phase}`] = {
        rps: median(rounds.map((r) => r.rps)),
        p50: median(rounds.map((r) => r.p50)),
        p99: median(rounds.map((r) => r.p99)),
      }
    }
    if (worst) attack = await worst.stop()
  }
  for (const name of Object.keys(scenarios)) {
    const alone = measured[`${name}:alone`]
    const worst = measured[`${name}:worst case`]
    const ok = worst.p99 < 100
    met &&= ok
    rows.push([
      name,
      Math.round(alone.rps).toLocaleString('en'),
      `${alone.p50} ms`,
      `${alone.p99} ms`,
      Math.round(worst.rps).toLocaleString('en'),
      `${worst.p50} ms`,
      `${worst.p99} ms`,
      ok ? 'ok (p99 < 100 ms)' : 'MISSED (p99 < 100 ms)',
    ])
  }
} finally {
  server.child.kill('SIGTERM')
  await new Promise((resolve) => server.child.once('exit', resolve))
  rmSync(folder, { recursive: true })
}

printTable(
  `Serving while ${ATTACKERS} clients ask for worst-case views (64 issues x 1,000 levels): ${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s, SQLite, default compute settings`,
  ['request', 'alone req/s', 'p50', 'p99', 'worst case req/s', 'p50', 'p99', 'target'],
  rows,
)
const answered = [...attack.answers].sort((a, b) => b[1] - a[1])
const hung = answered.filter(([key]) => !/^(422|429|503) /.test(key))
met &&= hung.length === 0
printTable(
  `What the worst-case views were answered (${attack.durations.length} requests; median ${Math.round(median(attack.durations))} ms, slowest ${Math.round(Math.max(...attack.durations))} ms)`,
  ['answer', 'count'],
  answered.map(([key, count]) => [key, count]),
)
if (!met) process.exitCode = 1
