// Writes docs/cli.md from the commands' own definitions (`npm run docs`); a test keeps the two in sync.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/** `parley serve` and the database commands load the server lazily; the reference never runs them. */
const serverCommandsApart = {
  name: 'server-commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/server-commands$/ }, () => ({
      path: './server-commands.mjs',
      external: true,
    }))
  },
}

const folder = mkdtempSync(join(tmpdir(), 'parley-cli-reference-'))
try {
  const outfile = join(folder, 'cli-reference.mjs')
  await build({
    stdin: {
      contents: "export { cliReference } from './packages/cli/src/cli-reference.ts'",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    // Declaring the verbs needs neither the server nor the worker pool: both stay out of the bundle.
    external: ['piscina'],
    plugins: [serverCommandsApart],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
  const { cliReference } = await import(pathToFileURL(outfile).href)
  writeFileSync('docs/cli.md', cliReference())
  console.log('wrote docs/cli.md')
} finally {
  rmSync(folder, { recursive: true, force: true })
}
