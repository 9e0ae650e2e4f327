// Imports what a few lines of TypeScript export, for the scripts that write generated files
// (`npm run schema`, `npm run docs`): esbuild bundles them into a temporary ES module, which is
// imported and then removed. No TypeScript loader is needed at run time.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/** `contents`: TypeScript resolved from the repository root; `options`: extra esbuild options (external, plugins). */
export async function importTypeScript(contents, options = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'parley-entry-'))
  try {
    const outfile = join(folder, 'entry.mjs')
    await build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      ...options,
    })
    return await import(pathToFileURL(outfile).href)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
