/**
 * The levels of an issue: a range's grid (`min, min + step, ..., max`) or its options.
 * Grid points are rounded to the decimals of `min` and `step`, so a 0.1 step gives 0.3,
 * not 0.30000000000000004 (the two ends stay min and max as written); a value matches a grid
 * point within 1e-9 of a step.
 */

import { TOLERANCE } from '../model/limits'
import type { Level, Range } from '../model/plan'

/** Number of decimal places a finite number is written with (`0.25` → 2, `1e-7` → 7). */
function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0
  const [mantissa = '', exponent] = x.toExponential().split('e')
  const fraction = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, fraction - Number(exponent))
}

/** How many steps the range spans, when `step` divides `max - min`; otherwise undefined. */
export function rangeStepCount(range: Range): number | undefined {
  const steps = (range.max - range.min) / range.step
  const rounded = Math.round(steps)
  return Math.abs(steps - rounded) <= TOLERANCE * Math.max(1, rounded) ? rounded : undefined
}

/** The grid of a range whose step divides it: `min + k * step`, rounded as described above. */
export function rangeLevels(range: Range): number[] {
  const count = rangeStepCount(range)
  if (count === undefined) throw new Error('rangeLevels needs a step that divides max - min')
  const decimals = Math.min(15, Math.max(decimalsOf(range.min), decimalsOf(range.step)))
  const scale = 10 ** decimals
  const levels: number[] = []
  for (let k = 0; k <= count; k++) {
    const raw = range.min + k * range.step
    levels.push(decimals === 0 ? Math.round(raw) : Math.round(raw * scale) / scale)
  }
  // The ends are min and max themselves, whatever the rounding did: a linear score is exactly 0
  // and 100 there (a min with more than 15 decimals, such as -0.30000000000000004, would round).
  levels[0] = range.min
  levels[count] = range.max
  return levels
}

/** Key under which an option's score is written in `scores` (YAML and JSON keys are strings). */
export function levelKey(level: Level): string {
  return String(level)
}

export function isNumericLevels(levels: readonly Level[]): levels is readonly number[] {
  return levels.every((level) => typeof level === 'number')
}
