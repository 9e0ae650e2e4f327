/**
 * Numbers as the command line prints them, so the screen and `parley ... --json` read alike:
 * utilities in points with one decimal, weight shares as whole percents (one decimal below 1%).
 */

/** `47.95` → `48.0` (as packages/cli/src/output.ts `pts`). */
export function points(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1)
}

/** A share of 1 as a percent: `0.35` → `35%`, `0.004` → `0.4%` (as the command line's `percent`). */
export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 && share > 0 ? 1 : 0)}%`
}

/** A weight as people write it: one decimal at most (`34.7`, `8`). */
export function weight(value: number): string {
  return String(Math.round(value * 10) / 10)
}
