// Builds what the repository runs from JavaScript: the `parley` command as one bundled CommonJS
// file plus a V8 code cache for it, so it starts fast (no TypeScript loader at run time, and no
// recompiling of the bundle on every start). Run by `npm install` through `prepare`.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { buildComputeWorker, common } from './bundles.mjs'
import { INITIAL_JS_BUDGET, initialJavaScript } from './web-size.mjs'

const outfile = 'packages/cli/dist/parley.cjs'
const serverOutfile = 'packages/cli/dist/parley-server.cjs'
const cache = 'packages/cli/dist/parley.cache'

// The commands that need the server and the database drivers are a bundle of their own, loaded
// only when one of them runs; the native SQLite binding and pg stay in node_modules, and so does
// piscina, which starts its worker threads from a file of its own package.
// The PDF writer's font subsetter reads HarfBuzz's WebAssembly from node_modules at run time
// (`require.resolve`): external, as esbuild asks (it warned on every `npm start` otherwise).
const HARFBUZZ_WASM = 'harfbuzzjs/dist/harfbuzz-subset.wasm'

await build({
  ...common,
  entryPoints: ['packages/cli/src/server-commands.ts'],
  outfile: serverOutfile,
  external: ['better-sqlite3', 'pg', 'pg-native', 'piscina', HARFBUZZ_WASM],
})

await buildComputeWorker()

// `parley simulate --workers` runs counterparts in worker threads (piscina), which load a bundle of
// their own: core's simulation and nothing of the command line.
await build({
  ...common,
  entryPoints: ['packages/cli/src/simulate-worker.ts'],
  outfile: 'packages/cli/dist/simulate-worker.cjs',
})

// The command that writes documents has a bundle of its own too: the PDF and DOCX writers are
// large, and only `parley export --as counterparty|internal` needs them. The font stays in
// node_modules (resolved from the bundle at run time).
await build({
  ...common,
  entryPoints: ['packages/cli/src/document-commands.ts'],
  outfile: 'packages/cli/dist/parley-documents.cjs',
  external: [HARFBUZZ_WASM],
})

/** The main bundle refers to those instead of including them. */
const serverCommandsApart = {
  name: 'server-commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/server-commands$/ }, () => ({
      path: './parley-server.cjs',
      external: true,
    }))
    build.onResolve({ filter: /^\.\/document-commands$/ }, () => ({
      path: './parley-documents.cjs',
      external: true,
    }))
  },
}

await build({
  ...common,
  entryPoints: ['packages/cli/src/main.ts'],
  outfile,
  plugins: [serverCommandsApart],
  // piscina starts its threads from a file of its own package, so it stays in node_modules; it is
  // required only when `parley simulate --workers` runs.
  external: ['piscina'],
  // The bundle runs as a vm.Script (for the code cache), which has no dynamic import: use require.
  supported: { 'dynamic-import': false },
})

// The web app: Vite writes packages/web/dist, which `parley serve` serves at `/`. Always the
// production build: under the test runner NODE_ENV is `test`, which would bundle React's
// development build and measure (and test) something no user gets.
const web = spawnSync(
  process.execPath,
  [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: 'packages/web',
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  },
)
if (web.status !== 0) throw new Error('build: the web app did not build')
const size = initialJavaScript('packages/web/dist')
console.log(
  `web app: initial JavaScript ${(size.gzipped / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(0)} KB raw; budget ${INITIAL_JS_BUDGET / 1024} KB gzipped)`,
)

// Warm the code cache with the work typical runs do: a plan checked, moves recorded, and the
// commands that replay a journal, on an example copied to a scratch folder. Each run loads the
// cache the one before wrote and writes it again with what it compiled too, so the cache ends up
// holding every function those commands run (a function not in it is compiled when first called).
rmSync(cache, { force: true })
const example = 'examples/sales-saas-renewal.yaml'
if (existsSync(example)) {
  const scratch = mkdtempSync(join(tmpdir(), 'parley-code-cache-'))
  const plan = join(scratch, 'plan.yaml')
  copyFileSync(example, plan)
  const runs = [
    ['check', example, '--json'],
    ['frontier', plan],
    ['offer', plan, '--meso'],
    ['reply', plan, '--ranked', 'B,A,C'],
    ['status', plan],
    ['meso', plan],
    ['coach', plan],
    ['lint', plan],
    ['debrief', plan],
    ['status', plan, '--json'],
  ]
  for (const args of runs) {
    const run = spawnSync(process.execPath, ['packages/cli/bin/parley.js', ...args], {
      env: { ...process.env, PARLEY_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    })
    // `lint` exits 3 when it finds something: it ran.
    if (run.status !== 0 && run.status !== 3) {
      console.warn(`build: warming the code cache with \`parley ${args[0]}\` failed (${run.stderr.trim()})`)
      break
    }
  }
  rmSync(scratch, { recursive: true, force: true })
}
