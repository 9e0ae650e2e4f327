/**
 * Bargaining points on a frontier (all utilities in points, d = each side's disagreement point,
 * their BATNA utility or 0):
 * - Nash: maximises (U_us - d_us)(U_them - d_them) over bundles with U_us >= d_us and U_them >= d_them.
 * - Kalai–Smorodinsky: the frontier point maximising min((U_us - d_us)/(max_us - d_us),
 *   (U_them - d_them)/(max_them - d_them)), where max_us is the highest U_us among bundles with
 *   U_them >= d_them and max_them the highest U_them among bundles with U_us >= d_us; a side whose
 *   best equals its disagreement point counts as fully served (ratio 1).
 * - Max joint: maximises U_us + U_them.
 * Each is found on the frontier (every maximiser has a frontier point at least as good), the first
 * in frontier order (highest U_us) when several tie; -1 when no bundle qualifies.
 */
import type { Frontier } from './frontier'

export interface Disagreement {
  us: number
  them: number
}

export function nashIndex(frontier: Frontier, d: Disagreement): number {
  let best = -1
  let bestProduct = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++) {
    const gu = (frontier.us[k] ?? 0) - d.us
    const gt = (frontier.them[k] ?? 0) - d.them
    if (gu < 0 || gt < 0) continue
    const product = gu * gt
    if (product > bestProduct) {
      bestProduct = product
      best = k
    }
  }
  return best
}

export function kalaiSmorodinskyIndex(frontier: Frontier, d: Disagreement): number {
  let maxUs = Number.NEGATIVE_INFINITY
  let maxThem = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++) {
    const us = frontier.us[k] ?? 0
    const them = frontier.them[k] ?? 0
    if (them >= d.them) maxUs = Math.max(maxUs, us)
    if (us >= d.us) maxThem = Math.max(maxThem, them)
  }
  let best = -1
  let bestValue = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++) {
    const us = frontier.us[k] ?? 0
    const them = frontier.them[k] ?? 0
    if (us < d.us || them < d.them) continue
    const ratioUs = maxUs > d.us ? (us - d.us) / (maxUs - d.us) : 1
    const ratioThem = maxThem > d.them ? (them - d.them) / (maxThem - d.them) : 1
    const value = Math.min(ratioUs, ratioThem)
    if (value > bestValue) {
      bestValue = value
      best = k
    }
  }
  return best
}

export function maxJointIndex(frontier: Frontier): number {
  let best = -1
  let bestSum = Number.NEGATIVE_INFINITY
  for (let k = 0; k < frontier.size; k++) {
    const sum = (frontier.us[k] ?? 0) + (frontier.them[k] ?? 0)
    if (sum > bestSum) {
      bestSum = sum
      best = k
    }
  }
  return best
}
