import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['e2e/build.setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
  },
})
