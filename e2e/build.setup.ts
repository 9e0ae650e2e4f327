// Builds the `parley` bundle once before the tests, so the command-line tests run what a user runs.
import { execFileSync } from 'node:child_process'

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
}
