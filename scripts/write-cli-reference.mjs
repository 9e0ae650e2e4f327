// Writes docs/cli.md from the commands' own definitions (`npm run docs`); a test keeps the two in sync.
import { writeFileSync } from 'node:fs'
import { importTypeScript } from './typescript-entry.mjs'

/** `parley serve`, the database commands and the document writers load lazily; the reference never runs them. */
const serverCommandsApart = {
  name: 'server-commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/server-commands$/ }, () => ({
      path: './server-commands.mjs',
      external: true,
    }))
    // The document writers (PDF, DOCX, fonts) load lazily too.
    build.onResolve({ filter: /^\.\/document-commands$/ }, () => ({
      path: './document-commands.mjs',
      external: true,
    }))
  },
}

const { cliReference } = await importTypeScript(
  "export { cliReference } from './packages/cli/src/cli-reference.ts'",
  // Declaring the verbs needs neither the server nor the worker pool: both stay out of the bundle.
  { external: ['piscina'], plugins: [serverCommandsApart] },
)
writeFileSync('docs/cli.md', cliReference())
console.log('wrote docs/cli.md')
