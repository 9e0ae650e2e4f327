/** A seeded sample of bundles, drawn level by level uniformly: the cloud a frontier plot shows behind the frontier. */
import { mulberry32 } from '../random'
import type { Space } from '../scoring/space'

export function sampleUtilities(
  space: Space,
  count: number,
  seed = 1,
): { us: Float64Array; them: Float64Array } {
  const random = mulberry32(seed)
  const size = Math.min(count, space.outcomes)
  const us = new Float64Array(size)
  const them = new Float64Array(size)
  for (let s = 0; s < size; s++) {
    let gu = 0
    let gt = 0
    for (const issue of space.issues) {
      const k = Math.floor(random() * issue.levels.length)
      gu += issue.gain.us[k] ?? 0
      gt += issue.gain.them[k] ?? 0
    }
    us[s] = gu / space.totalWeight.us
    them[s] = gt / space.totalWeight.them
  }
  return { us, them }
}
