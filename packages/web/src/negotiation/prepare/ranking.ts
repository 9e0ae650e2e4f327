/**
 * Weights a busy person gives without typing numbers, for us and for our estimate of them: the
 * issues in order of importance (moved up and down), each option issue's options from best to
 * worst, and swing questions one at a time. Everything is kept in `plan.elicitation` as it is
 * answered; core derives the numbers (rank-order centroid weights, evenly spaced scores), shown
 * live, and writes them into the plan when the person says so.
 */
import {
  applyElicitation,
  type Confidence,
  type ElicitationSide,
  elicitedScores,
  elicitedWeights,
  formatLevel,
  type Issue,
  type Level,
  levelKey,
  nextSwingQuestion,
  type Plan,
  rankGroups,
  type Side,
} from '@parley/core'
import { currentScores } from './issue-edits'

type Tradeoff = NonNullable<ElicitationSide['tradeoffs']>[number]

function ids(plan: Plan): string[] {
  return plan.issues.map((issue) => issue.id)
}

/** The issues by their current weight, heaviest first (plan order among equals). */
function byWeight(plan: Plan, side: Side): string[] {
  return [...plan.issues]
    .sort((a, b) => (b[side]?.weight ?? 0) - (a[side]?.weight ?? 0))
    .map((issue) => issue.id)
}

/**
 * The side's elicitation with a ranking: the stored one, or (before anyone ranked) the order of
 * the current weights, which is where ranking starts.
 */
export function effectiveSide(plan: Plan, side: Side): ElicitationSide {
  const stored = plan.elicitation?.[side]
  return stored?.ranking?.length ? stored : { ...stored, ranking: byWeight(plan, side) }
}

/** The ranking as shown: groups of issues tied in importance, most important first. */
export function rankingGroups(plan: Plan, side: Side): string[][] {
  return rankGroups(ids(plan), effectiveSide(plan, side))
}

/** The weights the ranking and answers give, per issue id, summing to 100 (core's rank-order centroid). */
export function derivedWeights(plan: Plan, side: Side): Record<string, number> {
  return elicitedWeights(ids(plan), effectiveSide(plan, side))
}

function withSide(plan: Plan, side: Side, next: ElicitationSide): Plan {
  return { ...plan, elicitation: { ...plan.elicitation, [side]: next } }
}

/**
 * The plan with an issue moved one place up (-1) or down (+1) in the side's ranking, which is
 * then complete. Swing answers the new order contradicts go (the person just said otherwise), and
 * so do ties other than between neighbours; the other answers stay, so those questions are not
 * asked again.
 */
export function moveIssue(plan: Plan, side: Side, id: string, delta: -1 | 1): Plan {
  const current = effectiveSide(plan, side)
  const order = rankGroups(ids(plan), current).flat()
  const k = order.indexOf(id)
  const other = order[k + delta]
  if (k < 0 || other === undefined) return plan
  order[k] = other
  order[k + delta] = id
  const position = new Map(order.map((issue, index) => [issue, index]))
  const agrees = (t: Tradeoff) => {
    // A tie stays only between neighbours, so it can not pull an issue past the one just moved.
    if (t.answer === 'equal')
      return (
        !t.issues.includes(id) &&
        !t.issues.includes(other) &&
        Math.abs((position.get(t.issues[0]) ?? 0) - (position.get(t.issues[1]) ?? 0)) === 1
      )
    const [more, less] = t.answer === 'first' ? t.issues : [t.issues[1], t.issues[0]]
    return (position.get(more) ?? 0) < (position.get(less) ?? 0)
  }
  const tradeoffs = (current.tradeoffs ?? []).filter(agrees)
  const { tradeoffs: _dropped, ...rest } = current
  return withSide(plan, side, { ...rest, ranking: order, ...(tradeoffs.length > 0 ? { tradeoffs } : {}) })
}

/** The next swing question for the side, or null when the ranking is settled. */
export function swingQuestion(plan: Plan, side: Side): [string, string] | null {
  return nextSwingQuestion(ids(plan), effectiveSide(plan, side))?.issues ?? null
}

/** The plan with an answer to a swing question kept (and the ranking it refines). */
export function answerSwing(
  plan: Plan,
  side: Side,
  issues: [string, string],
  answer: 'first' | 'second' | 'equal',
): Plan {
  const current = effectiveSide(plan, side)
  return withSide(plan, side, { ...current, tradeoffs: [...(current.tradeoffs ?? []), { issues, answer }] })
}

/** The plan without the side's swing answers (to ask them again). */
export function clearSwings(plan: Plan, side: Side): Plan {
  const current = plan.elicitation?.[side]
  if (!current?.tradeoffs) return plan
  const { tradeoffs: _dropped, ...rest } = current
  return withSide(plan, side, rest)
}

/** Worst and best level of an issue for a side, by its current scoring: what a swing moves between. */
export function swingEnds(issue: Issue, side: Side): { worst: Level; best: Level } | undefined {
  const scored = currentScores(issue, side)
  const first = scored[0]
  if (!first) return undefined
  let worst = first
  let best = first
  for (const entry of scored) {
    if (entry.score < worst.score) worst = entry
    if (entry.score > best.score) best = entry
  }
  return { worst: worst.level, best: best.level }
}

/** `Annual price from 180,000 to 260,000 USD/year`: an issue's swing in words. */
export function describeSwing(issue: Issue, side: Side): string {
  const ends = swingEnds(issue, side)
  if (!ends) return `${issue.name} from its worst to its best`
  const unit = typeof ends.best === 'number' ? ` ${issue.unit}` : ''
  return `${issue.name} from ${formatLevel(ends.worst)} to ${formatLevel(ends.best)}${unit}`
}

/**
 * An option issue's options from best to worst for the side: the stored order (options added since
 * go last), or, before anyone ordered them, the order of the current scores.
 */
export function optionOrder(plan: Plan, side: Side, issue: Issue): Level[] {
  const options = issue.options ?? []
  const byScore = currentScores(issue, side)
    .map((entry, k) => ({ ...entry, k }))
    .sort((a, b) => b.score - a.score || a.k - b.k)
    .map((entry) => entry.level)
  const stored = plan.elicitation?.[side]?.orders?.[issue.id]
  if (!stored) return byScore
  const known = new Map(options.map((option) => [levelKey(option), option]))
  const seen = new Set<string>()
  const order: Level[] = []
  for (const level of stored) {
    const option = known.get(levelKey(level))
    if (option !== undefined && !seen.has(levelKey(option))) {
      seen.add(levelKey(option))
      order.push(option)
    }
  }
  for (const option of byScore) if (!seen.has(levelKey(option))) order.push(option)
  return order
}

/** Whether someone ordered this issue's options (only then do its scores get derived). */
export function isOrdered(plan: Plan, side: Side, issueId: string): boolean {
  return plan.elicitation?.[side]?.orders?.[issueId] !== undefined
}

/** The plan with an option moved one place up (-1) or down (+1) in the side's order for the issue. */
export function moveOption(plan: Plan, side: Side, issue: Issue, level: Level, delta: -1 | 1): Plan {
  const order = optionOrder(plan, side, issue)
  const k = order.findIndex((option) => levelKey(option) === levelKey(level))
  const other = order[k + delta]
  if (k < 0 || other === undefined) return plan
  order[k] = other
  order[k + delta] = level
  const current = plan.elicitation?.[side] ?? {}
  return withSide(plan, side, { ...current, orders: { ...current.orders, [issue.id]: order } })
}

/** Scores an order gives (core's even steps from 100 to 0), rounded as they will be written. */
export function orderScores(order: readonly Level[]): Record<string, number> {
  return Object.fromEntries(
    Object.entries(elicitedScores(order)).map(([key, value]) => [key, Math.round(value * 10) / 10]),
  )
}

/**
 * The plan with the side's weights (and the scores of ordered option issues) derived from its
 * elicitation by core, the ranking shown kept with it. Orders are kept as shown too: core scores
 * only complete orders, and an order stored before an option was added lacks it (shown last).
 */
export function applyElicitedWeights(plan: Plan, side: Side): Plan {
  const current = effectiveSide(plan, side)
  const stored = current.orders
  const orders = stored
    ? Object.fromEntries(
        Object.keys(stored).map((id) => {
          const issue = plan.issues.find((candidate) => candidate.id === id)
          return [id, issue?.options ? optionOrder(plan, side, issue) : (stored[id] ?? [])]
        }),
      )
    : undefined
  return applyElicitation(withSide(plan, side, { ...current, ...(orders ? { orders } : {}) }), side)
}

/** How sure we are of our estimate of them overall: one level when every issue agrees (unset is medium). */
export function estimateConfidence(plan: Plan): Confidence | 'mixed' {
  const levels = new Set(plan.issues.map((issue) => issue.them.confidence ?? 'medium'))
  const [only] = levels
  return levels.size === 1 && only ? only : 'mixed'
}

export function setEstimateConfidence(plan: Plan, confidence: Confidence): Plan {
  return { ...plan, issues: plan.issues.map((issue) => ({ ...issue, them: { ...issue.them, confidence } })) }
}
