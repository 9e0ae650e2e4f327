// Builds the `parley` bundle once before the tests, so the command-line tests run what a user runs.
// PARLEY_TEST_SKIP_BUILD=1 skips it for a quick run of a few test files while developing, when the
// last build is recent enough; `npm test` and CI always build.
import { execFileSync } from 'node:child_process'

export default function setup(): void {
  if (process.env.PARLEY_TEST_SKIP_BUILD === '1' && process.env.CI !== 'true') return
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
}
