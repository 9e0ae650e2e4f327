#!/usr/bin/env node
// The installed `parley` command: runs the bundle that `npm install` (the root `prepare` script)
// builds, with V8's code cache for it when there is one, so a start does not recompile 700 KB.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'

const bundle = fileURLToPath(new URL('../dist/parley.cjs', import.meta.url))
const cache = fileURLToPath(new URL('../dist/parley.cache', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write(
    'parley: the command is not built yet; run `npm install` (or `npm run build`) at the repository root.\n',
  )
  process.exitCode = 1
} else {
  // A command runs once and exits: zod compiling a validator per schema (with `new Function`, which
  // the code cache does not keep) costs more than it saves on one plan and one journal. The server
  // runs for days and validates every request, so it keeps compiling. Set before the bundle builds
  // its schemas, on the global zod reads its settings from.
  if (process.argv[2] !== 'serve') globalThis.__zod_globalConfig = { jitless: true }
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), {
    filename: bundle,
    cachedData,
    importModuleDynamically: undefined,
  })
  if (process.env.PARLEY_WRITE_CODE_CACHE)
    process.once('exit', () => writeFileSync(cache, script.createCachedData()))
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle))
}
