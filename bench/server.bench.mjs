// The server under load, on loopback, bounded in time: requests per second and latency for reading
// a negotiation, appending a journal event and computing a MESO set, each as a ratio to the health
// endpoint measured in the same run, on SQLite and on PostgreSQL (when one answers).
// Targets: reading >= 50% of health's requests per second, appending >= 25%, p99 under 10x health's;
// PostgreSQL within 2x of SQLite. Medians of ROUNDS rounds of SECONDS seconds each, CONNECTIONS at once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { median, printTable } from './machine.mjs'
import { prepare, start } from './serve.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const PG_URL = process.env.PARLEY_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test'
const EXAMPLE = readFileSync('examples/sales-saas-renewal.yaml', 'utf8')

let sequence = 0
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
function ulid() {
  sequence++
  let tail = ''
  let n = sequence
  for (let k = 0; k < 10; k++) {
    tail = CROCKFORD[n % 32] + tail
    n = Math.floor(n / 32)
  }
  return `01JM${'0'.repeat(12)}${tail}`
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
  })
}

async function measure(server, context) {
  const base = `${server.url}/api/workspaces/${context.workspace}/negotiations`
  const read = await context.negotiation()
  const scenarios = {
    health: async () => ({ url: `${server.url}/api/health` }),
    read: async () => ({ url: `${base}/${read}`, headers: context.headers }),
    append: async () => {
      // A fresh journal per round, so every round appends to a journal of the same size.
      const id = await context.negotiation()
      return {
        url: `${base}/${id}/events`,
        method: 'POST',
        headers: { ...context.headers, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ id: ulid(), type: 'note', text: 'load test' }),
            }),
          },
        ],
      }
    },
    meso: async () => ({
      // A different target each time, so every request computes a set rather than reusing one.
      url: `${base}/${read}/meso`,
      headers: context.headers,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            path: `${new URL(`${base}/${read}/meso`).pathname}?target=${(62 + Math.random() * 10).toFixed(4)}`,
          }),
        },
      ],
    }),
  }
  const results = {}
  for (const [name, options] of Object.entries(scenarios)) {
    const rounds = []
    for (let round = 0; round < ROUNDS; round++) {
      const result = await load(await options())
      const failed = result.non2xx + result.errors + result.timeouts
      if (failed > 0) throw new Error(`${name}: ${failed} failed requests of ${result.requests.total}`)
      rounds.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 })
    }
    results[name] = {
      rps: median(rounds.map((r) => r.rps)),
      p50: median(rounds.map((r) => r.p50)),
      p99: median(rounds.map((r) => r.p99)),
    }
  }
  return results
}

/** The URL with a user name: like psql, default to the operating-system user. */
function withUser(text) {
  const url = new URL(text)
  if (!url.username) url.username = process.env.PGUSER ?? userInfo().username
  return url
}

async function postgresDatabase() {
  const adminUrl = withUser(PG_URL).toString()
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 })
  try {
    await admin.connect()
  } catch (error) {
    console.log(
      `\nPostgreSQL skipped: no server at ${PG_URL} (${error.message}); set PARLEY_TEST_PG_URL to include it.`,
    )
    return undefined
  }
  const name = `parley_bench_${Date.now()}`
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = withUser(PG_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}

const backends = []
const folder = mkdtempSync(join(tmpdir(), 'parley-bench-'))
backends.push({
  name: 'SQLite',
  env: { PARLEY_DATA: folder },
  drop: async () => rmSync(folder, { recursive: true }),
})
const database = await postgresDatabase()
if (database) backends.push({ name: 'PostgreSQL', env: { DATABASE_URL: database.url }, drop: database.drop })

const measured = {}
for (const backend of backends) {
  // Every connection computes MESO sets in one workspace: lift the per-workspace cap, which would
  // otherwise (rightly) answer most of them 429; this measures throughput, not fairness.
  const server = await start({ PARLEY_COMPUTE_PER_WORKSPACE: String(CONNECTIONS), ...backend.env })
  try {
    measured[backend.name] = await measure(server, await prepare(server, EXAMPLE))
  } finally {
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('exit', resolve))
    await backend.drop()
  }
}

const rows = []
const verdicts = []
for (const [backend, results] of Object.entries(measured)) {
  const health = results.health
  for (const [name, result] of Object.entries(results)) {
    const ratio = result.rps / health.rps
    // autocannon counts whole milliseconds: a p99 under 1 ms counts as 1 ms.
    const latency = Math.max(result.p99, 1) / Math.max(health.p99, 1)
    const target = { read: 0.5, append: 0.25 }[name]
    rows.push([
      backend,
      name,
      Math.round(result.rps).toLocaleString('en'),
      `${(ratio * 100).toFixed(0)}%`,
      `${result.p50} ms`,
      `${result.p99} ms`,
      `${latency.toFixed(1)}x`,
      target === undefined
        ? '-'
        : ratio >= target && latency < 10
          ? `ok (>= ${target * 100}%, p99 < 10x)`
          : `MISSED (>= ${target * 100}%, p99 < 10x)`,
    ])
    if (target !== undefined) verdicts.push(ratio >= target && latency < 10)
  }
}
printTable(
  `Server under load: ${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s, loopback`,
  ['database', 'request', 'req/s', 'of health', 'p50', 'p99', 'p99 / health', 'target'],
  rows,
)
if (measured.SQLite && measured.PostgreSQL) {
  const compare = ['read', 'append', 'meso'].map((name) => {
    const ratio = measured.SQLite[name].rps / measured.PostgreSQL[name].rps
    verdicts.push(name === 'meso' || ratio <= 2)
    return [
      name,
      `${ratio.toFixed(2)}x`,
      name === 'meso' ? '-' : ratio <= 2 ? 'ok (<= 2x)' : 'MISSED (<= 2x)',
    ]
  })
  printTable(
    'PostgreSQL against SQLite (SQLite req/s divided by PostgreSQL req/s)',
    ['request', 'SQLite / PostgreSQL', 'target'],
    compare,
  )
}
if (verdicts.some((ok) => !ok)) process.exitCode = 1
