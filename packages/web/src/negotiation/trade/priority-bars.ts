/**
 * The scale of the priority bars: every issue on one axis, from 0 to a round share just above the
 * largest interval end or estimate, so bars compare across issues and the scale moves only when
 * it must as events arrive.
 */
import type { IssuePosterior } from '@parley/core'

/** The axis end, as a share: the next 10% above the largest value shown (at least 10%, at most 100%). */
export function shareScale(entries: readonly IssuePosterior[]): number {
  const largest = Math.max(0, ...entries.flatMap((entry) => [entry.high, entry.estimate, entry.mean]))
  return Math.min(1, Math.max(0.1, Math.ceil((largest + 1e-9) * 10) / 10))
}

/** Where a share sits along the bar, in percent of its width. */
export function position(share: number, scale: number): number {
  return Math.min(100, Math.max(0, (share / scale) * 100))
}
