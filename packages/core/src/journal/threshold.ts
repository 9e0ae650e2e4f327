/**
 * A threshold as a person types it, for a contingency (`uptime < 99.9`) or a measure of an
 * agreement (`P1 response within 4 hours`): the schemas take a number or words, and this decides
 * which. The rule is strict on purpose, so a threshold never changes meaning on the way in: only a
 * decimal number is a number — an optional sign, digits with at most one point, an optional
 * exponent (`99.9`, `-2`, `.5`, `1e3`). Everything else stays the words it was, trimmed: `0x10`,
 * `0b1`, `99.9%`, `1,000`, `1_000`, `Infinity`, `12abc`, and a number too large to be finite.
 */

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

/** The threshold typed: a number when the trimmed text is a decimal number, otherwise the trimmed text. */
export function readThreshold(text: string): number | string {
  const trimmed = text.trim()
  if (!DECIMAL.test(trimmed)) return trimmed
  const number = Number(trimmed)
  return Number.isFinite(number) ? number : trimmed
}
