// `npm run typecheck`: the TypeScript compiler in strict mode on every package and on the tools
// (e2e tests, benchmarks, test setup), as many at once as there are cores, each one's output printed
// whole when it ends. Fails when any of them does.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

const PROJECTS = [
  'packages/core',
  'packages/store',
  'packages/documents',
  'packages/server',
  'packages/web',
  'packages/cli',
  'tsconfig.tools.json',
]
const tsc = 'node_modules/typescript/bin/tsc'

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('close', (code) => resolve({ project, code, output }))
  })
}

const queue = [...PROJECTS]
let failed = false
const workers = Array.from({ length: Math.min(queue.length, availableParallelism()) }, async () => {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const result = await check(project)
    if (result.output) process.stdout.write(result.output)
    if (result.code !== 0) {
      failed = true
      console.error(`typecheck: ${project} has errors`)
    }
  }
})
await Promise.all(workers)
process.exitCode = failed ? 1 : 0
