/**
 * What the elicitation screen says about one side, worked out from the plan: the ranking as rows
 * (place, tied places marked `=`, the weight the ranking gives next to the weight the plan has now),
 * how rank-order centroid weights are made for this many issues, the scores an option order gives,
 * and exactly what writing the derived numbers into the plan would change. Numbers read as the
 * command line prints them.
 */
import {
  formatDecimal,
  formatShare,
  type Issue,
  type Level,
  levelKey,
  type Plan,
  rankOrderCentroid,
  type Side,
} from '@parley/core'
import { currentScores } from './issue-edits'
import {
  applyElicitedWeights,
  derivedWeights,
  isOrdered,
  optionOrder,
  orderScores,
  rankingGroups,
} from './ranking'

export interface RankRow {
  id: string
  name: string
  /** `1`, `2`, or `3=` when tied with others in the same place. */
  place: string
  /** 0-based position in the order shown (ties in plan order). */
  position: number
  /** Share (0..1) the ranking gives. */
  derived: number
  /** Share (0..1) of the side's weight the plan gives now. */
  current: number
}

/** The side's ranking as shown, most important first, with derived and current shares. */
export function rankRows(plan: Plan, side: Side): RankRow[] {
  const derived = derivedWeights(plan, side)
  const total = plan.issues.reduce((sum, issue) => sum + (issue[side]?.weight ?? 0), 0)
  const byId = new Map(plan.issues.map((issue) => [issue.id, issue]))
  const rows: RankRow[] = []
  let place = 1
  for (const group of rankingGroups(plan, side)) {
    for (const id of group) {
      const issue = byId.get(id)
      if (!issue) continue
      rows.push({
        id,
        name: issue.name,
        place: group.length > 1 ? `${place}=` : String(place),
        position: rows.length,
        derived: (derived[id] ?? 0) / 100,
        current: total > 0 ? (issue[side]?.weight ?? 0) / total : 0,
      })
    }
    place += group.length
  }
  return rows
}

/** `1st`, `2nd`, `3rd`, `11th`, `22nd`. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** How rank-order centroid weights are made, with this plan's numbers. */
export function centroidExplanation(n: number): string {
  if (n <= 1) return 'With one issue, it carries all the weight.'
  const shares = rankOrderCentroid(n).map((share) => formatShare(share))
  return (
    `Rank-order centroid weights: the most important of n issues gets (1 + 1/2 + … + 1/n)/n, ` +
    `the second (1/2 + … + 1/n)/n, and so on down to the least important's (1/n)/n; issues tied ` +
    `in place share their places' weights equally. With ${n} issues the places get ${shares.join(', ')}.`
  )
}

export interface OptionRow {
  level: Level
  /** The score the side gives the option now. */
  now: number
  /** The score the order gives it (written when the weights are applied), when the order is kept. */
  fromOrder: number | undefined
}

/** An option issue's options best first, each with its score now and the one its order gives. */
export function optionRows(plan: Plan, side: Side, issue: Issue): OptionRow[] {
  const order = optionOrder(plan, side, issue)
  const now = new Map(currentScores(issue, side).map((entry) => [levelKey(entry.level), entry.score]))
  const derived = isOrdered(plan, side, issue.id) ? orderScores(order) : undefined
  return order.map((level) => ({
    level,
    now: now.get(levelKey(level)) ?? 0,
    fromOrder: derived?.[levelKey(level)],
  }))
}

/**
 * The plan with the side's order for an option issue kept as shown (so its scores come from it),
 * or forgotten (the issue keeps the scores it has).
 */
export function keepOrder(plan: Plan, side: Side, issue: Issue, keep: boolean): Plan {
  const current = plan.elicitation?.[side] ?? {}
  const { [issue.id]: _dropped, ...others } = current.orders ?? {}
  const orders = keep ? { ...others, [issue.id]: optionOrder(plan, side, issue) } : others
  const { orders: _old, ...rest } = current
  const next = Object.keys(orders).length > 0 ? { ...rest, orders } : rest
  return { ...plan, elicitation: { ...plan.elicitation, [side]: next } }
}

export interface WeightChange {
  id: string
  name: string
  from: string
  to: string
}

export interface ScoreChange {
  id: string
  name: string
  /** `premium 100, standard 50, enterprise 0`. */
  scores: string
}

export interface ApplyPreview {
  weights: WeightChange[]
  scores: ScoreChange[]
  /** Nothing would change: the plan already has these numbers. */
  unchanged: boolean
}

/** What applying the side's derived numbers would change in the plan, issue by issue. */
export function applyPreview(plan: Plan, side: Side): ApplyPreview {
  const next = applyElicitedWeights(plan, side)
  const weights: WeightChange[] = []
  const scores: ScoreChange[] = []
  next.issues.forEach((issue, k) => {
    const before = plan.issues[k]
    if (!before) return
    const from = before[side]?.weight
    const to = issue[side].weight
    if (from !== to)
      weights.push({
        id: issue.id,
        name: issue.name,
        from: from === undefined ? '—' : formatDecimal(from, 1),
        to: formatDecimal(to, 1),
      })
    const wrote = issue[side].scores
    if (wrote && JSON.stringify(wrote) !== JSON.stringify(before[side]?.scores)) {
      const order = optionOrder(next, side, issue)
      scores.push({
        id: issue.id,
        name: issue.name,
        scores: order
          .map((level) => `${String(level)} ${formatDecimal(wrote[levelKey(level)] ?? 0, 1)}`)
          .join(', '),
      })
    }
  })
  return { weights, scores, unchanged: weights.length === 0 && scores.length === 0 }
}
