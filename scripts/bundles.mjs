// The esbuild settings every Node bundle of the repository shares, and the compute worker's bundle:
// `npm run build` makes it with the rest, the unit tests make it alone (the server's views run in
// worker threads that load it, and a worker thread can not load TypeScript).
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

export const common = {
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  minify: process.env.PARLEY_BUILD_DEBUG !== '1',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__parleyModuleUrl' },
  banner: { js: "const __parleyModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
}

const WORKER = 'packages/server/dist/compute-worker.cjs'

/** The newest change under the folders the worker is built from (its sources; its packages change with the lock file). */
function newestSource() {
  let newest = statSync('package-lock.json').mtimeMs
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const folder of ['packages/core/src', 'packages/server/src']) walk(folder)
  return newest
}

/**
 * The compute worker, where the server finds it (packages/server/dist) from source and from the
 * bundle. `ifStale`: only when a source changed since it was built (the unit tests' quick path).
 */
export async function buildComputeWorker({ ifStale = false } = {}) {
  if (ifStale) {
    let built = 0
    try {
      built = statSync(WORKER).mtimeMs
    } catch {}
    if (built > newestSource()) return
  }
  await build({ ...common, entryPoints: ['packages/server/src/compute/worker.ts'], outfile: WORKER })
}
