/**
 * Numbers a busy person will actually give. Nobody needs to type weights or scores: they rank the
 * issues by importance and put each issue's options in order from best to worst; Parley derives
 * the numbers and shows them, and a few swing questions ("would you rather move price from its
 * worst to its best, or rollout?") refine the ranking.
 *
 * - Weights are rank-order centroid (ROC) weights: with n issues, the k-th most important gets
 *   (1/n) · Σ_{i=k..n} 1/i. ROC is the expected weight vector among all weightings consistent with
 *   the ranking (Barron and Barrett, 1996). Issues tied in rank share their positions' weights
 *   equally; issues not ranked share the last places.
 * - Scores of an option issue fall evenly from 100 (best) to 0 (worst).
 * - A swing answer that contradicts the ranking moves the preferred issue just above the other; an
 *   "equal" answer ties them. Answers are applied in the order given, so the latest one wins.
 */
import type { ElicitationSide, Issue, Level, Plan, Preference } from '../model/plan'

/** Weights summing to 1 for ranks 1..n (most important first). */
export function rankOrderCentroid(n: number): number[] {
  const weights: number[] = []
  for (let k = 1; k <= n; k++) {
    let sum = 0
    for (let i = k; i <= n; i++) sum += 1 / i
    weights.push(sum / n)
  }
  return weights
}

/** The ranking as groups of tied issues, most important first, after the swing answers. */
export function rankGroups(issueIds: readonly string[], side: ElicitationSide | undefined): string[][] {
  const known = new Set(issueIds)
  const ranked = (side?.ranking ?? []).filter((id, k, all) => known.has(id) && all.indexOf(id) === k)
  const unranked = issueIds.filter((id) => !ranked.includes(id))
  let groups: string[][] = ranked.map((id) => [id])
  if (unranked.length > 0) groups.push(unranked)
  const groupOf = (id: string) => groups.findIndex((group) => group.includes(id))
  for (const { issues, answer } of side?.tradeoffs ?? []) {
    const [first, second] = issues
    if (!known.has(first) || !known.has(second) || first === second) continue
    const a = groupOf(first)
    const b = groupOf(second)
    if (answer === 'equal') {
      if (a === b) continue
      // Tie them where the more important of the two stood.
      const [keep, drop] = a < b ? [a, b] : [b, a]
      const moved = groups[drop]?.filter((id) => id === first || id === second) ?? []
      groups[keep]?.push(...moved)
      groups[drop] = groups[drop]?.filter((id) => !moved.includes(id)) ?? []
    } else {
      const [more, less] = answer === 'first' ? [first, second] : [second, first]
      const m = groupOf(more)
      const l = groupOf(less)
      if (m < l) continue
      // Take `more` out of its group and put it alone just above `less`'s group.
      groups[m] = groups[m]?.filter((id) => id !== more) ?? []
      groups.splice(l, 0, [more])
    }
    groups = groups.filter((group) => group.length > 0)
  }
  return groups
}

/** Weights per issue id, summing to 100, from the ranking and the swing answers. */
export function elicitedWeights(
  issueIds: readonly string[],
  side: ElicitationSide | undefined,
): Record<string, number> {
  const groups = rankGroups(issueIds, side)
  const roc = rankOrderCentroid(issueIds.length)
  const weights: Record<string, number> = {}
  let position = 0
  for (const group of groups) {
    const share = roc.slice(position, position + group.length).reduce((a, b) => a + b, 0) / group.length
    for (const id of group) weights[id] = share * 100
    position += group.length
  }
  return weights
}

/** Scores for an option issue's options from an order, best first: 100 down to 0 in even steps. */
export function elicitedScores(order: readonly Level[]): Record<string, number> {
  const scores: Record<string, number> = {}
  const n = order.length
  order.forEach((level, k) => {
    scores[String(level)] = n === 1 ? 100 : (100 * (n - 1 - k)) / (n - 1)
  })
  return scores
}

/** One decimal, as people write weights; never 0 (weights must be positive). */
function tidy(value: number): number {
  return Math.max(0.1, Math.round(value * 10) / 10)
}

/**
 * The plan with one side's weights (and the scores of ordered option issues) derived from its
 * elicitation. Issues without an order keep their preference as it is. Nothing else changes.
 */
export function applyElicitation(plan: Plan, sideName: 'us' | 'them'): Plan {
  const side = plan.elicitation?.[sideName]
  if (!side) return plan
  const weights = elicitedWeights(
    plan.issues.map((issue) => issue.id),
    side,
  )
  const issues = plan.issues.map((issue): Issue => {
    const current = issue[sideName]
    const order = issue.options ? side.orders?.[issue.id] : undefined
    const complete = order && issue.options && order.length === issue.options.length
    const preference: Preference = complete
      ? { weight: tidy(weights[issue.id] ?? 0), scores: roundScores(elicitedScores(order)) }
      : { ...current, weight: tidy(weights[issue.id] ?? 0) }
    if (complete) {
      // An order replaces the other ways of scoring; keep the side's other fields (confidence, ...).
      const { prefer: _p, points: _q, scores: _s, ...rest } = current as Preference & Record<string, unknown>
      return { ...issue, [sideName]: { ...rest, ...preference } }
    }
    return { ...issue, [sideName]: { ...current, weight: preference.weight } }
  })
  return { ...plan, issues }
}

function roundScores(scores: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, Math.round(value * 10) / 10]))
}

export interface SwingQuestion {
  issues: [string, string]
}

/**
 * The next swing question worth asking: two neighbours in the ranking not yet compared (where a
 * wrong order moves the weights most), from the top. Null when every neighbouring pair is settled.
 */
export function nextSwingQuestion(
  issueIds: readonly string[],
  side: ElicitationSide | undefined,
): SwingQuestion | null {
  const groups = rankGroups(issueIds, side)
  const asked = new Set(
    (side?.tradeoffs ?? []).map(({ issues: [a, b] }) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)),
  )
  const order = groups.flat()
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k] as string
    const b = order[k + 1] as string
    if (!asked.has(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)) return { issues: [a, b] }
  }
  return null
}
