/**
 * Random plans for property tests: a handful of small issues (ranges and options, every way of
 * scoring), optional decision rules (single-issue and `sum`) and limits. Every plan generated
 * is valid, so properties can compare the engine with brute force on it.
 */
import fc from 'fast-check'
import type { Constraint, Issue, Plan, Preference } from '../model/plan'

export interface PlanShape {
  minIssues?: number
  maxIssues?: number
  maxLevels?: number
  /** Add decision-rule items and limits. */
  constraints?: boolean
  /** Draw weights and scores from a few round values, so exact ties are common. */
  ties?: boolean
}

// Drawn on a fine grid rather than with fc.double, which favours extreme values (1e-300) that no
// plan has and that would make most random plans degenerate.
const weightArb = (ties: boolean) =>
  ties ? fc.constantFrom(1, 2, 5, 10) : fc.integer({ min: 1, max: 10_000 }).map((x) => x / 100)
const scoreArb = (ties: boolean) =>
  ties ? fc.constantFrom(0, 25, 50, 100) : fc.integer({ min: 0, max: 100_000 }).map((x) => x / 1000)

function preferenceArb(
  levels: readonly (string | number)[],
  numeric: boolean,
  ties: boolean,
): fc.Arbitrary<Preference> {
  const scores = fc
    .tuple(weightArb(ties), fc.array(scoreArb(ties), { minLength: levels.length, maxLength: levels.length }))
    .map(([weight, values]) => ({
      weight,
      scores: Object.fromEntries(levels.map((level, k) => [String(level), values[k] ?? 0])),
    }))
  if (!numeric) return scores
  const numbers = levels as number[]
  const min = Math.min(...numbers)
  const max = Math.max(...numbers)
  const prefer = fc
    .tuple(weightArb(ties), fc.constantFrom('high' as const, 'low' as const))
    .map(([weight, direction]) => ({ weight, prefer: direction }))
  const pointList = fc
    .tuple(weightArb(ties), fc.array(scoreArb(ties), { minLength: 2, maxLength: 4 }))
    .map(([weight, values]) => ({
      weight,
      points: values.map(
        (score, k) => [min + ((max - min) * k) / (values.length - 1), score] as [number, number],
      ),
    }))
  // Options that are numbers can also carry scores; points need two distinct x values.
  return min < max ? fc.oneof(prefer, pointList, scores) : fc.oneof(prefer, scores)
}

function issueArb(index: number, shape: Required<PlanShape>): fc.Arbitrary<Issue> {
  const id = `i${index}`
  const range = fc
    .tuple(
      fc.integer({ min: -5, max: 5 }),
      fc.integer({ min: 1, max: shape.maxLevels - 1 }),
      fc.constantFrom(1, 0.5, 5, 1000, 0.1),
    )
    .chain(([start, steps, step]) => {
      const min = start * step
      const max = Math.round((min + steps * step) * 1e6) / 1e6
      const levels = Array.from({ length: steps + 1 }, (_, k) => min + k * step)
      return fc
        .tuple(preferenceArb(levels, true, shape.ties), preferenceArb(levels, true, shape.ties))
        .map(([us, them]): Issue => {
          const fix = (preference: Preference): Preference =>
            preference.scores ? { weight: preference.weight, prefer: 'high' } : preference
          return {
            id,
            name: `Issue ${index}`,
            unit: 'units',
            range: { min, max, step },
            us: fix(us),
            them: fix(them),
          }
        })
    })
  const textOptions = fc.integer({ min: 1, max: shape.maxLevels }).chain((count) => {
    const levels = Array.from({ length: count }, (_, k) => `o${k}`)
    return fc
      .tuple(preferenceArb(levels, false, shape.ties), preferenceArb(levels, false, shape.ties))
      .map(([us, them]): Issue => ({ id, name: `Issue ${index}`, unit: 'tier', options: levels, us, them }))
  })
  const numberOptions = fc
    .uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: shape.maxLevels })
    .chain((levels) =>
      fc
        .tuple(preferenceArb(levels, true, shape.ties), preferenceArb(levels, true, shape.ties))
        .map(
          ([us, them]): Issue => ({ id, name: `Issue ${index}`, unit: 'months', options: levels, us, them }),
        ),
    )
  return fc.oneof(range, textOptions, numberOptions)
}

function levelsOf(issue: Issue): (string | number)[] {
  if (issue.options) return issue.options
  const { min, max, step } = issue.range ?? { min: 0, max: 0, step: 1 }
  const count = Math.round((max - min) / step)
  return Array.from({ length: count + 1 }, (_, k) => Math.round((min + k * step) * 1e6) / 1e6)
}

function constraintArb(issues: readonly Issue[]): fc.Arbitrary<Constraint> {
  const single = fc.integer({ min: 0, max: issues.length - 1 }).chain((k) => {
    const issue = issues[k] as Issue
    const levels = levelsOf(issue)
    const numeric = levels.every((level) => typeof level === 'number')
    if (!numeric) {
      return fc
        .subarray(levels, { minLength: 1 })
        .map((subset): Constraint => ({ issue: issue.id, op: 'in', value: subset }))
    }
    return fc
      .tuple(
        fc.constantFrom('<' as const, '<=' as const, '=' as const, '>=' as const, '>' as const),
        fc.constantFrom(...levels),
      )
      .map(([op, value]): Constraint => ({ issue: issue.id, op, value }))
  })
  const numericIssues = issues.filter((issue) => levelsOf(issue).every((level) => typeof level === 'number'))
  if (numericIssues.length < 2) return single
  const sum = fc
    .tuple(
      fc.subarray(numericIssues, { minLength: 2, maxLength: Math.min(3, numericIssues.length) }),
      fc.constantFrom('<=' as const, '>=' as const, '<' as const, '>' as const),
      fc.double({ min: 0.2, max: 0.8, noNaN: true }),
      fc.array(fc.constantFrom(1, -1, 2, 0.5), { minLength: 3, maxLength: 3 }),
    )
    .map(([subset, drawnOp, quantile, times]): Constraint => {
      const terms = subset.map((issue, k) => ({ issue: issue.id, times: times[k] ?? 1 }))
      // One sum in eight asks for equality, with a value some bundle reaches exactly.
      if (quantile < 0.275) {
        const value = terms.reduce((total, term) => {
          const issue = issues.find((candidate) => candidate.id === term.issue) as Issue
          const levels = levelsOf(issue)
          return total + term.times * Number(levels[Math.floor(levels.length / 2)])
        }, 0)
        return { sum: terms, op: '=', value }
      }
      const op = drawnOp
      let low = 0
      let high = 0
      for (const term of terms) {
        const issue = issues.find((candidate) => candidate.id === term.issue) as Issue
        const values = levelsOf(issue).map((level) => term.times * Number(level))
        low += Math.min(...values)
        high += Math.max(...values)
      }
      return { sum: terms, op, value: Math.round((low + (high - low) * quantile) * 100) / 100 }
    })
  return fc.oneof(single, sum)
}

/** A random valid plan. */
export function planArb(shape: PlanShape = {}): fc.Arbitrary<Plan> {
  const full: Required<PlanShape> = {
    minIssues: shape.minIssues ?? 1,
    maxIssues: shape.maxIssues ?? 4,
    maxLevels: shape.maxLevels ?? 6,
    constraints: shape.constraints ?? false,
    ties: shape.ties ?? false,
  }
  return fc
    .integer({ min: full.minIssues, max: full.maxIssues })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, k) => issueArb(k, full))))
    .chain((issues) =>
      fc
        .record({
          rule: full.constraints
            ? fc.array(constraintArb(issues), { maxLength: 2 })
            : fc.constant<Constraint[]>([]),
          limits: full.constraints
            ? fc.array(constraintArb(issues), { maxLength: 1 })
            : fc.constant<Constraint[]>([]),
          batnaUs: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          batnaThem: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          reservation: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        })
        .map(
          ({ rule, limits, batnaUs, batnaThem, reservation }): Plan => ({
            parley: 1,
            title: 'Random plan',
            context: 'custom',
            parties: { us: { name: 'Us' }, them: { name: 'Them' } },
            ...(rule.length ? { decisionRule: { statement: 'random rule', require: rule } } : {}),
            issues,
            ...(batnaUs !== undefined || batnaThem !== undefined
              ? {
                  batna: {
                    ...(batnaUs !== undefined ? { us: { utility: batnaUs } } : {}),
                    ...(batnaThem !== undefined ? { them: { utility: batnaThem } } : {}),
                  },
                }
              : {}),
            ...(reservation !== undefined ? { reservation } : {}),
            ...(limits.length ? { limits } : {}),
          }),
        ),
    )
}

/** Every bundle of a space as level-index vectors, in odometer order (last issue fastest). */
export function* allBundles(levelCounts: readonly number[]): Generator<number[]> {
  const current = levelCounts.map(() => 0)
  if (levelCounts.some((count) => count === 0)) return
  while (true) {
    yield [...current]
    let i = levelCounts.length - 1
    while (i >= 0) {
      current[i] = (current[i] ?? 0) + 1
      if ((current[i] ?? 0) < (levelCounts[i] ?? 0)) break
      current[i] = 0
      i--
    }
    if (i < 0) return
  }
}
