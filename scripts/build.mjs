// Builds what the repository runs from JavaScript: the `parley` command as one bundled CommonJS
// file plus a V8 code cache for it, so it starts fast (no TypeScript loader at run time, and no
// recompiling of the bundle on every start). Run by `npm install` through `prepare`.
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

const outfile = 'packages/cli/dist/parley.cjs'
const cache = 'packages/cli/dist/parley.cache'

await build({
  entryPoints: ['packages/cli/src/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__parleyModuleUrl' },
  banner: { js: "const __parleyModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
})

// Warm the code cache with the work a typical run does; the command line loads it if V8 accepts it.
rmSync(cache, { force: true })
const example = 'examples/sales-saas-renewal.yaml'
if (existsSync(example)) {
  const run = spawnSync(process.execPath, ['packages/cli/bin/parley.js', 'check', example, '--json'], {
    env: { ...process.env, PARLEY_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (run.status !== 0) console.warn('build: warming the code cache failed; parley will start without it')
}
