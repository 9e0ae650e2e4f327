/**
 * Figures as people read them, written the same way everywhere they appear: `parley` prints them
 * and the web app shows them with these, so a number on the screen reads exactly as the command
 * line prints it. Utilities with one decimal, signed margins, shares as whole percents (one
 * decimal below 1%, so a small share never reads as nothing).
 */

/** Utility points: `70.925` → `70.9`. */
export function formatPoints(value: number): string {
  return value.toFixed(1)
}

/** A signed margin: `+8.2`, `-3.0`. */
export function formatSigned(value: number): string {
  const text = value.toFixed(1)
  return value >= 0 ? `+${text}` : text
}

/** A share of 1 as a percent: `0.38` → `38%`, `0.004` → `0.4%`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 && share > 0 ? 1 : 0)}%`
}
