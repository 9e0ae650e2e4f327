/**
 * How many cases property and fuzz tests run: their full count times the run's scale (quick for a
 * developer, full on CI; see vitest.config.ts, which provides the scale to every test file).
 * An entry of its own (`@parley/core/testing/runs`) because it reads the test runner's settings:
 * `@parley/core/testing` stays free of vitest, so a benchmark can bundle it.
 */
import fc from 'fast-check'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** 1: every case; less: a quick run. */
    propertyScale: number
  }
}

/** A test's own count of cases, scaled; never fewer than ten (or the full count, when smaller). */
export function runs(full: number): number {
  return Math.max(Math.min(full, 10), Math.round(full * inject('propertyScale')))
}

/** fast-check's default count (100) scaled the same way, for properties that give none. */
export function configurePropertyRuns(): void {
  fc.configureGlobal({ numRuns: runs(100) })
}
