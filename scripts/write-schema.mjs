// Writes schema/plan.v1.json from the zod schema in core (`npm run schema`); a test keeps the two in sync.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const folder = mkdtempSync(join(tmpdir(), 'parley-schema-'))
try {
  const outfile = join(folder, 'schema.mjs')
  await build({
    stdin: {
      contents: "export { planJsonSchemaText } from './packages/core/src/index.ts'",
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
  const { planJsonSchemaText } = await import(pathToFileURL(outfile).href)
  writeFileSync('schema/plan.v1.json', planJsonSchemaText())
  console.log('wrote schema/plan.v1.json')
} finally {
  rmSync(folder, { recursive: true, force: true })
}
