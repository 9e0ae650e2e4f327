/**
 * Figures as the command line prints them (packages/cli/src/output.ts), so a number on the screen
 * reads exactly as `parley ...` prints it: utilities with one decimal, signed margins, whole
 * percentages (one decimal under 1%).
 */

/** Utility points: one decimal. */
export function pts(value: number): string {
  return value.toFixed(1)
}

/** A signed margin: `+8.2`, `-3.0`. */
export function signed(value: number): string {
  const text = value.toFixed(1)
  return value >= 0 ? `+${text}` : text
}

/** A share as a percentage: `38%`, `0.4%`. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 && share > 0 ? 1 : 0)}%`
}
