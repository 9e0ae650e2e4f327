import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/**
 * Two projects: `unit` is every test beside the code (packages/*\/src), with no build step beyond the
 * compute worker the server's views run in (a second); `e2e` is the built product as a user runs it
 * (the command, `parley serve`, the web app in Chromium), after a full build.
 *
 * Property and fuzz tests run scaled by one factor, PARLEY_PROPERTY_SCALE: quick (0.25) by default,
 * full (1) when CI=true, so a developer's run answers fast and CI runs every case it always ran.
 *
 * The unit files share their worker's modules (`isolate: false`) instead of loading core, zod and the
 * rest again for each of 185 files: the unit project from 224 s to 89–109 s on a 2-core machine, and
 * the same results with the files in any order (`--sequence.shuffle.files`, two seeds). So a unit
 * test leaves what it changes of the process as it found it: stubs undone (`vi.unstubAllEnvs`,
 * `vi.unstubAllGlobals`, `vi.restoreAllMocks` in an `afterEach`), servers and pools closed. The e2e
 * files keep their isolation: they start servers, browsers and child processes.
 *
 * At least two test files run at once, also on a 2-core machine (where Vitest's default is one):
 * most of the slow files wait on Chromium, a server or a child process, so two overlap well (the
 * whole suite from about 12 minutes to under 8 there, with every timing assertion still met).
 */
const scale = Number(process.env.PARLEY_PROPERTY_SCALE ?? (process.env.CI === 'true' ? 1 : 0.25))

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    provide: { propertyScale: Number.isFinite(scale) && scale > 0 ? scale : 1 },
    setupFiles: ['testing/property-runs.setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          // One module graph per worker for every unit file (see above).
          isolate: false,
          globalSetup: ['testing/unit.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['testing/e2e.setup.ts'],
        },
      },
    ],
  },
})
