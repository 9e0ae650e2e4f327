/**
 * Edits to the plan's issues that touch more than one field: adding an issue with sensible
 * defaults, removing one together with everything that names it, giving a fresh issue the id its
 * name suggests, changing an issue's options (scores and orders follow a renamed option), switching
 * between a range and options, and switching how a side scores an issue. All return a new plan.
 */
import {
  type Constraint,
  type ElicitationSide,
  type Issue,
  type Level,
  levelKey,
  type Plan,
  type Preference,
  rangeLevels,
  rangeStepCount,
  type Side,
  scoreLevel,
} from '@parley/core'
import { issueIdFromName } from './issue-ids'

/** Options a range turns into when switched to options, at most. */
const MAX_OPTIONS_FROM_RANGE = 12

function lowestWeight(plan: Plan, side: Side): number {
  const weights = plan.issues.map((issue) => issue[side]?.weight).filter((w): w is number => w > 0)
  return weights.length > 0 ? Math.min(...weights) : 10
}

/**
 * A new issue named `name` with an id made from it: a range 0–10 that we want high and they
 * (we guess) want low, weighing as little as the least important issue on each side, so adding it
 * does not upset the rest until someone ranks it.
 */
export function newIssue(plan: Plan, name: string): Issue {
  return {
    id: issueIdFromName(
      name,
      plan.issues.map((issue) => issue.id),
    ),
    name,
    unit: 'units',
    range: { min: 0, max: 10, step: 1 },
    us: { weight: lowestWeight(plan, 'us'), prefer: 'high' },
    them: { weight: lowestWeight(plan, 'them'), prefer: 'low' },
  }
}

/** A name not yet used by an issue: `New issue`, `New issue 2`, ... */
export function unusedIssueName(plan: Plan, base = 'New issue'): string {
  const names = new Set(plan.issues.map((issue) => issue.name.toLowerCase()))
  if (!names.has(base.toLowerCase())) return base
  for (let k = 2; ; k++) if (!names.has(`${base} ${k}`.toLowerCase())) return `${base} ${k}`
}

export function addIssue(plan: Plan, issue: Issue): Plan {
  return { ...plan, issues: [...plan.issues, issue] }
}

function namesIssue(constraint: Constraint, id: string): boolean {
  return constraint.issue === id || (constraint.sum ?? []).some((term) => term.issue === id)
}

function withoutIssueInSide(side: ElicitationSide | undefined, id: string): ElicitationSide | undefined {
  if (!side) return side
  const next: ElicitationSide = { ...side }
  if (side.ranking) next.ranking = side.ranking.filter((other) => other !== id)
  if (side.orders) {
    const { [id]: _dropped, ...orders } = side.orders
    next.orders = orders
  }
  if (side.tradeoffs) next.tradeoffs = side.tradeoffs.filter((t) => !t.issues.includes(id))
  return next
}

/**
 * The plan without the issue, and without what names it (conditions of the decision rule, limits,
 * approval limits, the anchor, the numeraire, elicitation answers), so the plan stays valid.
 * `dropped` says what else went, for the person to see (and undo).
 */
export function removeIssue(plan: Plan, id: string): { plan: Plan; dropped: string[] } {
  const issue = plan.issues.find((candidate) => candidate.id === id)
  if (!issue) return { plan, dropped: [] }
  const dropped: string[] = []
  const next: Plan = { ...plan, issues: plan.issues.filter((candidate) => candidate !== issue) }
  const rule = plan.decisionRule?.require
  if (plan.decisionRule && rule?.some((c) => namesIssue(c, id))) {
    const kept = rule.filter((c) => !namesIssue(c, id))
    dropped.push(plural(rule.length - kept.length, 'condition of the decision rule'))
    next.decisionRule = { ...plan.decisionRule, require: kept }
  }
  if (plan.limits?.some((c) => namesIssue(c, id))) {
    const kept = plan.limits.filter((c) => !namesIssue(c, id))
    dropped.push(plural(plan.limits.length - kept.length, 'limit'))
    next.limits = kept
  }
  const approval = plan.parties.them.approvalLimits
  if (approval?.some((c) => namesIssue(c, id))) {
    const kept = approval.filter((c) => !namesIssue(c, id))
    dropped.push(plural(approval.length - kept.length, 'approval limit'))
    next.parties = { ...plan.parties, them: { ...plan.parties.them, approvalLimits: kept } }
  }
  if (plan.anchor?.issue === id) {
    dropped.push('the anchor')
    delete next.anchor
  }
  if (plan.numeraire === id) {
    dropped.push('the money issue for concession values (numeraire)')
    delete next.numeraire
  }
  if (plan.elicitation) {
    next.elicitation = {
      ...plan.elicitation,
      ...(plan.elicitation.us ? { us: withoutIssueInSide(plan.elicitation.us, id) } : {}),
      ...(plan.elicitation.them ? { them: withoutIssueInSide(plan.elicitation.them, id) } : {}),
    }
  }
  return { plan: next, dropped }
}

function plural(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`
}

function renameInConstraint<C extends Constraint>(constraint: C, from: string, to: string): C {
  return {
    ...constraint,
    ...(constraint.issue === from ? { issue: to } : {}),
    ...(constraint.sum
      ? { sum: constraint.sum.map((term) => (term.issue === from ? { ...term, issue: to } : term)) }
      : {}),
  }
}

function renameInSide(
  side: ElicitationSide | undefined,
  from: string,
  to: string,
): ElicitationSide | undefined {
  if (!side) return side
  const next: ElicitationSide = { ...side }
  if (side.ranking) next.ranking = side.ranking.map((id) => (id === from ? to : id))
  if (side.orders && from in side.orders) {
    next.orders = Object.fromEntries(
      Object.entries(side.orders).map(([id, order]) => [id === from ? to : id, order]),
    )
  }
  if (side.tradeoffs)
    next.tradeoffs = side.tradeoffs.map((t) => ({
      ...t,
      issues: [t.issues[0] === from ? to : t.issues[0], t.issues[1] === from ? to : t.issues[1]],
    }))
  return next
}

/** The plan with an issue's id changed everywhere it is named. */
export function renameIssueId(plan: Plan, from: string, to: string): Plan {
  if (from === to) return plan
  const next: Plan = {
    ...plan,
    issues: plan.issues.map((issue) => (issue.id === from ? { ...issue, id: to } : issue)),
  }
  if (plan.decisionRule?.require)
    next.decisionRule = {
      ...plan.decisionRule,
      require: plan.decisionRule.require.map((c) => renameInConstraint(c, from, to)),
    }
  if (plan.limits) next.limits = plan.limits.map((c) => renameInConstraint(c, from, to))
  if (plan.parties.them.approvalLimits)
    next.parties = {
      ...plan.parties,
      them: {
        ...plan.parties.them,
        approvalLimits: plan.parties.them.approvalLimits.map((c) => renameInConstraint(c, from, to)),
      },
    }
  if (plan.anchor?.issue === from) next.anchor = { ...plan.anchor, issue: to }
  if (plan.numeraire === from) next.numeraire = to
  if (plan.elicitation)
    next.elicitation = {
      ...plan.elicitation,
      ...(plan.elicitation.us ? { us: renameInSide(plan.elicitation.us, from, to) } : {}),
      ...(plan.elicitation.them ? { them: renameInSide(plan.elicitation.them, from, to) } : {}),
    }
  return next
}

function replaceIssue(plan: Plan, index: number, change: (issue: Issue) => Issue): Plan {
  return { ...plan, issues: plan.issues.map((issue, k) => (k === index ? change(issue) : issue)) }
}

/**
 * An issue's options replaced. Scores and elicitation orders follow: an option kept by name keeps
 * its score; when the count is unchanged, an option at the same place is a rename and keeps the
 * score of the one it replaces (so typing a name letter by letter loses nothing); a new option
 * scores 50 until someone orders or scores it.
 */
export function setIssueOptions(plan: Plan, index: number, options: readonly Level[]): Plan {
  const issue = plan.issues[index]
  if (!issue) return plan
  const old = issue.options ?? []
  const rename = old.length === options.length
  const oldKeyFor = (level: Level, k: number): string | undefined => {
    const key = levelKey(level)
    if (old.some((o) => levelKey(o) === key)) return key
    const previous = old[k]
    return rename && previous !== undefined ? levelKey(previous) : undefined
  }
  const remapScores = (scores: Record<string, number> | undefined) => {
    if (!scores) return undefined
    const next: Record<string, number> = {}
    options.forEach((level, k) => {
      const from = oldKeyFor(level, k)
      next[levelKey(level)] = (from !== undefined ? scores[from] : undefined) ?? 50
    })
    return next
  }
  const sideWith = <P extends Preference>(preference: P): P => {
    const scores = remapScores(preference.scores)
    return scores ? { ...preference, scores } : preference
  }
  let next = replaceIssue(plan, index, (current) => ({
    ...current,
    options: [...options],
    us: sideWith(current.us),
    them: sideWith(current.them),
  }))
  if (plan.elicitation) {
    const renamed = new Map<string, Level>()
    options.forEach((level, k) => {
      const from = oldKeyFor(level, k)
      if (from !== undefined) renamed.set(from, level)
    })
    const remapOrder = (side: ElicitationSide | undefined): ElicitationSide | undefined => {
      const order = side?.orders?.[issue.id]
      if (!side?.orders || !order) return side
      const mapped = order
        .map((level) => renamed.get(levelKey(level)))
        .filter((l): l is Level => l !== undefined)
      return { ...side, orders: { ...side.orders, [issue.id]: mapped } }
    }
    next = {
      ...next,
      elicitation: {
        ...plan.elicitation,
        ...(plan.elicitation.us ? { us: remapOrder(plan.elicitation.us) } : {}),
        ...(plan.elicitation.them ? { them: remapOrder(plan.elicitation.them) } : {}),
      },
    }
  }
  return next
}

function numericOptions(options: readonly Level[]): number[] | undefined {
  return options.length > 0 && options.every((o) => typeof o === 'number') ? (options as number[]) : undefined
}

function withoutOrders(plan: Plan, id: string): Plan {
  if (!plan.elicitation) return plan
  const drop = (side: ElicitationSide | undefined) => {
    if (!side?.orders || !(id in side.orders)) return side
    const { [id]: _dropped, ...orders } = side.orders
    return { ...side, orders }
  }
  return {
    ...plan,
    elicitation: {
      ...plan.elicitation,
      ...(plan.elicitation.us ? { us: drop(plan.elicitation.us) } : {}),
      ...(plan.elicitation.them ? { them: drop(plan.elicitation.them) } : {}),
    },
  }
}

function asDirection<P extends Preference>(preference: P, fallback: 'high' | 'low'): P {
  if (preference.prefer || preference.points) return preference
  const { scores: _scores, ...rest } = preference
  return { ...rest, prefer: fallback } as P
}

/**
 * The issue switched between a range and options. A range becomes its levels (at most 12; else
 * its two ends); numeric options become the range they span; text options become a range 0–10.
 * Preferences that no longer fit become a direction (we prefer high, they low: the usual guess).
 */
export function setIssueKind(plan: Plan, index: number, kind: 'range' | 'options'): Plan {
  const issue = plan.issues[index]
  if (!issue) return plan
  if (kind === 'options' && !issue.options) {
    const range = issue.range
    const count = range ? rangeStepCount(range) : undefined
    const options =
      range && count !== undefined && count + 1 <= MAX_OPTIONS_FROM_RANGE
        ? rangeLevels(range)
        : range
          ? [range.min, range.max]
          : ['no', 'yes']
    const { range: _range, ...rest } = issue
    return replaceIssue(plan, index, () => ({ ...rest, options }))
  }
  if (kind === 'range' && !issue.range) {
    const numbers = numericOptions(issue.options ?? [])
    let range = { min: 0, max: 10, step: 1 }
    if (numbers && numbers.length >= 2) {
      const sorted = [...numbers].sort((a, b) => a - b)
      const min = sorted[0] as number
      const max = sorted[sorted.length - 1] as number
      const gaps = sorted
        .slice(1)
        .map((x, k) => x - (sorted[k] as number))
        .filter((gap) => gap > 0)
      const smallest = gaps.length > 0 ? Math.min(...gaps) : max - min
      const step = rangeStepCount({ min, max, step: smallest }) !== undefined ? smallest : max - min
      if (max > min) range = { min, max, step }
    }
    const { options: _options, ...rest } = issue
    const next = replaceIssue(plan, index, () => ({
      ...rest,
      range,
      us: asDirection(issue.us, 'high'),
      them: asDirection(issue.them, 'low'),
    }))
    return withoutOrders(next, issue.id)
  }
  return plan
}

export type PreferenceMode = 'high' | 'low' | 'scores' | 'points'

export function preferenceMode(preference: Preference): PreferenceMode | undefined {
  if (preference.points) return 'points'
  if (preference.scores) return 'scores'
  return preference.prefer
}

/** The issue's levels and extremes, enough to score a level with core's scoreLevel. */
function scorable(issue: Issue) {
  const levels: Level[] = issue.range
    ? rangeStepCount(issue.range) !== undefined
      ? rangeLevels(issue.range)
      : [issue.range.min, issue.range.max]
    : [...(issue.options ?? [])]
  const numbers = numericOptions(levels) ?? []
  return {
    levels,
    min: issue.range?.min ?? (numbers.length > 0 ? Math.min(...numbers) : Number.NaN),
    max: issue.range?.max ?? (numbers.length > 0 ? Math.max(...numbers) : Number.NaN),
    preference: { us: issue.us, them: issue.them },
  }
}

/** One side's current score of each of the issue's levels (core's scoring of the preference as it stands). */
export function currentScores(issue: Issue, side: Side): { level: Level; score: number }[] {
  const model = scorable(issue)
  return model.levels.map((level) => ({ level, score: scoreLevel(model, side, level) }))
}

/**
 * One side switched to another way of scoring the issue, starting from what it scores now (a
 * direction turned into scores gives the same scores), keeping the weight and anything else.
 */
export function setPreferenceMode(plan: Plan, index: number, side: Side, mode: PreferenceMode): Plan {
  const issue = plan.issues[index]
  if (!issue) return plan
  const current = issue[side]
  if (preferenceMode(current) === mode) return plan
  const { prefer: _prefer, scores: _scores, points: _points, ...rest } = current
  let scoring: Pick<Preference, 'prefer' | 'scores' | 'points'>
  if (mode === 'high' || mode === 'low') scoring = { prefer: mode }
  else if (mode === 'scores')
    scoring = {
      scores: Object.fromEntries(
        currentScores(issue, side).map(({ level, score }) => [levelKey(level), Math.round(score * 10) / 10]),
      ),
    }
  else {
    const model = scorable(issue)
    const ends = [model.min, model.max].filter((x) => Number.isFinite(x))
    scoring = {
      points: (ends.length === 2 ? ends : [0, 1]).map(
        (x) => [x, Math.round(scoreLevel(model, side, x) * 10) / 10] as [number, number],
      ),
    }
  }
  return replaceIssue(plan, index, (i) => ({ ...i, [side]: { ...rest, ...scoring } }))
}
