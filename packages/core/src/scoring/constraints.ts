/**
 * Requirements on a bundle — the decision rule's items and our walk-away limits — compiled
 * against a space so the scorer and the optimiser test them the same way.
 */

import { listOr } from '../language/english'
import { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'
import { TOLERANCE } from '../model/limits'
import type { Constraint, Level, Op } from '../model/plan'
import { formatPath, type PathSegment } from '../model/problem'
import { levelKey } from '../plan/levels'
import type { Space } from './space'

export type CompiledConstraint =
  | {
      kind: 'issue'
      source: Constraint
      /** Where it is written: `decisionRule.require[0]`, `limits[1]`. */
      path: string
      text: string
      issue: number
      /** 1 where the level meets the constraint. */
      allowed: Uint8Array
      test: (value: Level) => boolean
    }
  | {
      kind: 'sum'
      source: Constraint
      path: string
      text: string
      terms: { issue: number; times: number }[]
      op: Exclude<Op, 'in'>
      value: number
      /** Slack for comparing the sum, relative to its size. */
      epsilon: number
    }

function compare(x: number, op: Exclude<Op, 'in'>, value: number, epsilon: number): boolean {
  switch (op) {
    case '<':
      return x < value - epsilon
    case '<=':
      return x <= value + epsilon
    case '=':
      return Math.abs(x - value) <= epsilon
    case '>=':
      return x >= value - epsilon
    case '>':
      return x > value + epsilon
  }
}

/** `rollout <= 60`, `price + setup_fee <= 150000`, `support in [premium, enterprise]`. */
export function describeConstraint(constraint: Constraint): string {
  const value = Array.isArray(constraint.value)
    ? `[${constraint.value.map(levelKey).join(', ')}]`
    : levelKey(constraint.value)
  if (constraint.sum) {
    const sum = constraint.sum
      .map((term, k) => {
        const factor = Math.abs(term.times) === 1 ? '' : `${Math.abs(term.times)} * `
        const sign = term.times < 0 ? (k === 0 ? '-' : ' - ') : k === 0 ? '' : ' + '
        return `${sign}${factor}${term.issue}`
      })
      .join('')
    return `${sum} ${constraint.op} ${value}`
  }
  return `${constraint.issue} ${constraint.op} ${value}`
}

const OP_WORDS: Record<Constraint['op'], string> = {
  '<': 'below',
  '<=': 'at most',
  '=': 'exactly',
  '>=': 'at least',
  '>': 'above',
  in: '',
}

/**
 * A constraint in words, with issue names and units: `annual subscription fee at most 240,000
 * USD/year`, `support tier premium or enterprise`, `price + 2 × rollout at most 300`.
 */
export function constraintInWords(space: Space, constraint: Constraint): string {
  const nameOf = (id: string) => inSentence(space.byId.get(id)?.name ?? id)
  const op = OP_WORDS[constraint.op]
  if (constraint.sum) {
    const sum = constraint.sum
      .map((term, k) => {
        const factor = Math.abs(term.times) === 1 ? '' : `${formatLevel(Math.abs(term.times))} × `
        const sign = term.times < 0 ? (k === 0 ? '−' : ' − ') : k === 0 ? '' : ' + '
        return `${sign}${factor}${nameOf(term.issue)}`
      })
      .join('')
    return `${sum} ${op} ${Array.isArray(constraint.value) ? constraint.value.map(formatLevel).join(', ') : formatLevel(constraint.value)}`
  }
  const id = constraint.issue ?? ''
  const unit = space.byId.get(id)?.unit
  const value = Array.isArray(constraint.value)
    ? listOr(constraint.value.map((level) => formatLevelWithUnit(level, unit)))
    : formatLevelWithUnit(constraint.value, unit)
  return op ? `${nameOf(id)} ${op} ${value}` : `${nameOf(id)} ${value}`
}

/** Compiles a constraint of a valid plan (its references were checked when the plan was read). */
export function compileConstraint(
  space: Space,
  constraint: Constraint,
  at: readonly PathSegment[],
): CompiledConstraint {
  const path = formatPath(at)
  const text = describeConstraint(constraint)
  if (constraint.sum) {
    const terms = constraint.sum.map((term) => {
      const issue = space.byId.get(term.issue)
      if (!issue) throw new Error(`constraint ${path} names unknown issue ${term.issue}`)
      return { issue: issue.index, times: term.times }
    })
    const value = Number(constraint.value)
    const scale = constraint.sum.reduce((total, term) => {
      const issue = space.byId.get(term.issue)
      return total + Math.abs(term.times) * Math.max(Math.abs(issue?.min ?? 0), Math.abs(issue?.max ?? 0))
    }, Math.abs(value))
    return {
      kind: 'sum',
      source: constraint,
      path,
      text,
      terms,
      op: constraint.op === 'in' ? '=' : constraint.op,
      value,
      epsilon: TOLERANCE * Math.max(1, scale),
    }
  }
  const issue = space.byId.get(constraint.issue ?? '')
  if (!issue) throw new Error(`constraint ${path} names unknown issue ${constraint.issue}`)
  const epsilon = TOLERANCE * Math.max(1, issue.step ?? (issue.max - issue.min || 1))
  const { op, value } = constraint
  let test: (level: Level) => boolean
  if (op === 'in' || (op === '=' && !issue.numeric)) {
    const keys = new Set((Array.isArray(value) ? value : [value]).map(levelKey))
    const numbers = (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === 'number')
    test = (level) =>
      keys.has(levelKey(level)) ||
      (typeof level === 'number' && numbers.some((v) => Math.abs(v - level) <= epsilon))
  } else {
    const threshold = Number(value)
    test = (level) => typeof level === 'number' && compare(level, op, threshold, epsilon)
  }
  return {
    kind: 'issue',
    source: constraint,
    path,
    text,
    issue: issue.index,
    allowed: Uint8Array.from(issue.levels, (level) => (test(level) ? 1 : 0)),
    test,
  }
}

/** Whether a bundle (one value per issue, by issue index) meets the constraint. */
export function constraintHolds(constraint: CompiledConstraint, values: readonly Level[]): boolean {
  if (constraint.kind === 'issue') {
    const value = values[constraint.issue]
    return value !== undefined && constraint.test(value)
  }
  let sum = 0
  for (const term of constraint.terms) sum += term.times * Number(values[term.issue])
  return compare(sum, constraint.op, constraint.value, constraint.epsilon)
}

/** The decision rule's machine-checkable items and our limits, compiled. */
export interface Requirements {
  rule: CompiledConstraint[]
  limits: CompiledConstraint[]
}

export function compileRequirements(space: Space): Requirements {
  const { plan } = space
  return {
    rule: (plan.decisionRule?.require ?? []).map((item, k) =>
      compileConstraint(space, item, ['decisionRule', 'require', k]),
    ),
    limits: (plan.limits ?? []).map((item, k) => compileConstraint(space, item, ['limits', k])),
  }
}

/** The decision rule and our limits: what every bundle we propose must meet. */
export function ruleAndLimits(space: Space): CompiledConstraint[] {
  const requirements = compileRequirements(space)
  return [...requirements.rule, ...requirements.limits]
}
