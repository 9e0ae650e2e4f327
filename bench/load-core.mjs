// Bundles @parley/core (TypeScript source) into a temporary module and imports it, so benchmarks
// run the same compiled JavaScript the command line runs, without a TypeScript loader in the timing.
// Only the public entries: the domain and its test helpers (which leave the test runner out).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

export async function loadCore() {
  return import(pathToFileURL(await bundleCore()).href)
}

/** Builds the bundle and gives its path (worker threads import it themselves). */
export async function bundleCore() {
  const outfile = join(mkdtempSync(join(tmpdir(), 'parley-bench-')), 'core.mjs')
  await build({
    stdin: {
      contents: "export * from '@parley/core'; export * from '@parley/core/testing'",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
  return outfile
}
