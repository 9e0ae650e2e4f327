/**
 * Figures as people read them, written the same way everywhere they appear: `parley` prints them
 * and the web app shows them with these, so a number on the screen reads exactly as the command
 * line prints it. Utilities with one decimal, signed margins, shares as whole percents (one
 * decimal below 1%, so a small share never reads as nothing), bits with two decimals, money
 * equivalents in whole units, and numbers a person gave written back as short as they were given.
 */
import { groupThousands } from '../model/limits'

/** Utility points: `70.925` → `70.9`. */
export function formatPoints(value: number): string {
  return value.toFixed(1)
}

/** A signed margin: `+8.2`, `-3.0`. */
export function formatSigned(value: number): string {
  const text = value.toFixed(1)
  return value >= 0 ? `+${text}` : text
}

/** The number of percent in a share, without the sign: one decimal below 1%, whole above. */
function percentOf(share: number): string {
  return (share * 100).toFixed(share < 0.01 && share > 0 ? 1 : 0)
}

/** A share of 1 as a percent: `0.38` → `38%`, `0.004` → `0.4%`. */
export function formatShare(share: number): string {
  return `${percentOf(share)}%`
}

/** An interval of shares with one percent sign, as people write a range: `0.09, 0.43` → `9–43%`. */
export function formatShareInterval(low: number, high: number): string {
  return `${percentOf(low)}–${percentOf(high)}%`
}

/** Information in bits, with two decimals: `0.4567` → `0.46`. */
export function formatBits(value: number): string {
  return value.toFixed(2)
}

/** A money equivalent in whole units of the unit: `-4500.4, 'USD/year'` → `-4,500 USD/year`. */
export function formatMoney(value: number, unit: string): string {
  return `${groupThousands(value)} ${unit}`
}

/**
 * A number written as short as a person would type it: rounded to at most `places` decimals,
 * without trailing zeros (`72.5`, `2`, `0.125`). For what was given rather than computed (a MESO
 * target or tolerance), weights as people type them in a plan (one decimal: `34.7`, `8`), and
 * coordinates where a tenth is plenty.
 */
export function formatDecimal(value: number, places = 3): string {
  const scale = 10 ** places
  return String(Math.round(value * scale) / scale)
}
