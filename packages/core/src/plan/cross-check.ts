/**
 * Checks a plan's rules that span several fields: levels of each issue, how each side scores
 * them, unique ids, and every reference to an issue or a level (decision rule, limits, anchor,
 * evidence indexes). Works on the raw document part by part, so that one broken issue does not
 * hide the problems of another: every problem is reported, not only the first.
 */
import { LIMITS, TOLERANCE } from '../model/limits'
import {
  AnchorSchema,
  type Constraint,
  ConstraintSchema,
  EvidenceSchema,
  type Level,
  LevelSchema,
  PreferenceSchema,
  RangeSchema,
  SIDES,
} from '../model/plan'
import { type PathProblem, type PathSegment, pathError } from '../model/problem'
import { defaultAnchorIssue } from './defaults'
import { levelKey, rangeLevels, rangeStepCount } from './levels'
import { closest } from './schema-problems'

/** What the cross-checks know about one issue, enough to check references to it. */
export interface IssueShape {
  id: string
  index: number
  kind: 'range' | 'options'
  unit?: string
  /** Undefined when the levels themselves are invalid (already reported). */
  levels?: readonly Level[]
  numeric: boolean
  min?: number
  max?: number
  step?: number
}

type Raw = Record<string, unknown>

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function crossCheckPlan(raw: unknown): PathProblem[] {
  if (!isRecord(raw)) return []
  const problems: PathProblem[] = []
  const issues = new Map<string, IssueShape>()
  list(raw.issues).forEach((rawIssue, index) => {
    const shape = checkIssue(rawIssue, index, problems)
    if (!shape) return
    const first = issues.get(shape.id)
    if (first) {
      problems.push(
        pathError(
          'duplicate_issue',
          ['issues', index, 'id'],
          `duplicate issue id '${shape.id}': issues[${first.index}] already uses it`,
        ),
      )
    } else issues.set(shape.id, shape)
  })

  const rule = raw.decisionRule
  if (isRecord(rule)) {
    list(rule.require).forEach((item, k) => {
      checkConstraint(item, ['decisionRule', 'require', k], issues, problems)
    })
  }
  list(raw.limits).forEach((item, k) => {
    checkConstraint(item, ['limits', k], issues, problems)
  })
  const parties = isRecord(raw.parties) && isRecord(raw.parties.them) ? raw.parties.them : undefined
  list(parties?.approvalLimits).forEach((item, k) => {
    if (!isRecord(item)) return
    const { approver: _approver, ...constraint } = item
    checkConstraint(constraint, ['parties', 'them', 'approvalLimits', k], issues, problems)
  })

  const evidence = list(raw.evidence)
  evidence.forEach((item, k) => {
    const parsed = EvidenceSchema.safeParse(item)
    if (parsed.success && parsed.data.range && parsed.data.range[0] > parsed.data.range[1]) {
      problems.push(
        pathError(
          'invalid_range',
          ['evidence', k, 'range'],
          `the low end ${parsed.data.range[0]} is above the high end ${parsed.data.range[1]}`,
        ),
      )
    }
  })

  const numeraire = typeof raw.numeraire === 'string' ? raw.numeraire : undefined
  if (typeof raw.numeraire === 'string') {
    const shape = findIssue(raw.numeraire, ['numeraire'], issues, problems)
    if (shape?.levels && !shape.numeric) {
      problems.push(
        pathError(
          'not_numeric',
          ['numeraire'],
          `the numeraire must be a numeric issue; '${raw.numeraire}' has text options`,
        ),
      )
    }
  }

  // Elicitation names issues and options: they must exist (stale names after an edit are errors,
  // like everywhere else, so the app can offer to fix them).
  const elicitation = isRecord(raw.elicitation) ? raw.elicitation : undefined
  for (const side of ['us', 'them'] as const) {
    const entry = elicitation && isRecord(elicitation[side]) ? elicitation[side] : undefined
    if (!entry) continue
    const at = ['elicitation', side]
    list(entry.ranking).forEach((id, k) => {
      if (typeof id === 'string') findIssue(id, [...at, 'ranking', k], issues, problems)
    })
    if (isRecord(entry.orders)) {
      for (const [id, order] of Object.entries(entry.orders)) {
        const shape = findIssue(id, [...at, 'orders', id], issues, problems)
        if (shape?.kind === 'range') {
          problems.push(
            pathError(
              'not_options',
              [...at, 'orders', id],
              `'${id}' is a range: say which way it is better with prefer`,
            ),
          )
          continue
        }
        list(order).forEach((level, k) => {
          if (shape?.levels && (typeof level === 'string' || typeof level === 'number')) {
            const problem = levelProblem(shape, level, true)
            if (problem) problems.push(pathError(problem.code, [...at, 'orders', id, k], problem.message))
          }
        })
      }
    }
    list(entry.tradeoffs).forEach((item, k) => {
      if (!isRecord(item)) return
      list(item.issues).forEach((id, j) => {
        if (typeof id === 'string') findIssue(id, [...at, 'tradeoffs', k, 'issues', j], issues, problems)
      })
    })
  }

  evidence.forEach((item, k) => {
    if (isRecord(item) && typeof item.issue === 'string') {
      const shape = findIssue(item.issue, ['evidence', k, 'issue'], issues, problems)
      if (shape && !shape.numeric)
        problems.push(
          pathError(
            'not_numeric',
            ['evidence', k, 'issue'],
            `evidence with a range speaks to a numeric issue; '${item.issue}' has text options`,
          ),
        )
    }
  })

  const anchor = AnchorSchema.safeParse(raw.anchor)
  if (raw.anchor !== undefined && anchor.success) {
    const { low, high } = anchor.data
    let issue = anchor.data.issue
    let shape: IssueShape | undefined
    if (issue !== undefined) shape = findIssue(issue, ['anchor', 'issue'], issues, problems)
    else {
      const fallback = defaultAnchorIssue(
        [...issues.values()].map((known) => ({ ...known, numeric: known.numeric || known.kind === 'range' })),
        numeraire,
      )
      if (fallback.ok) {
        issue = fallback.issue
        // An unknown numeraire is reported at the numeraire, once.
        shape = issues.get(issue)
      } else problems.push(pathError('required', ['anchor', 'issue'], fallback.message))
    }
    if (shape?.levels && !shape.numeric) {
      problems.push(
        pathError(
          'not_numeric',
          ['anchor', 'issue'],
          `an anchor needs a numeric issue; '${issue}' has text options`,
        ),
      )
    }
    if (low > high) {
      problems.push(pathError('invalid_range', ['anchor', 'low'], `low ${low} is above high ${high}`))
    }
    if (shape?.levels && shape.numeric) {
      for (const end of ['low', 'high'] as const) {
        const problem = levelProblem(shape, anchor.data[end], false)
        if (problem) problems.push(pathError(problem.code, ['anchor', end], problem.message))
      }
    }
    anchor.data.evidence?.forEach((index, k) => {
      if (index >= evidence.length) {
        const have =
          evidence.length === 0
            ? 'the plan has no evidence'
            : `the plan has ${evidence.length} evidence item${evidence.length === 1 ? '' : 's'} (indexes 0 to ${evidence.length - 1})`
        problems.push(
          pathError(
            'unknown_evidence',
            ['anchor', 'evidence', k],
            `evidence ${index} does not exist; ${have}`,
          ),
        )
      }
    })
  }
  return problems
}

function checkIssue(rawIssue: unknown, index: number, problems: PathProblem[]): IssueShape | undefined {
  if (!isRecord(rawIssue) || typeof rawIssue.id !== 'string') return undefined
  const at: PathSegment[] = ['issues', index]
  const hasRange = rawIssue.range !== undefined
  const hasOptions = rawIssue.options !== undefined
  let shape: IssueShape = {
    id: rawIssue.id,
    index,
    kind: hasRange ? 'range' : 'options',
    numeric: false,
    ...(typeof rawIssue.unit === 'string' ? { unit: rawIssue.unit } : {}),
  }
  // Numbers mean nothing without a unit; text options name themselves, so there it may be left out.
  const numericOptions =
    Array.isArray(rawIssue.options) &&
    rawIssue.options.length > 0 &&
    rawIssue.options.every((option) => typeof option === 'number')
  if (rawIssue.unit === undefined && (hasRange || numericOptions)) {
    problems.push(
      pathError(
        'required',
        [...at, 'unit'],
        `is required for ${hasRange ? 'a range' : 'numeric options'}: the unit its numbers are in (USD/year, days)`,
      ),
    )
  }
  if (!hasRange && !hasOptions) {
    problems.push(
      pathError('missing_levels', at, 'needs either a range (min, max, step) or a list of options'),
    )
    return shape
  }
  if (hasRange && hasOptions) {
    problems.push(
      pathError('range_and_options', [...at, 'options'], 'give either a range or options, not both'),
    )
    return shape
  }
  if (hasRange) {
    const range = RangeSchema.safeParse(rawIssue.range)
    if (!range.success) return shape
    const { min, max, step } = range.data
    if (min >= max) {
      problems.push(
        pathError('invalid_range', [...at, 'range', 'min'], `min ${min} must be less than max ${max}`),
      )
      return shape
    }
    const steps = rangeStepCount(range.data)
    if (steps === undefined) {
      problems.push(
        pathError(
          'step_not_dividing',
          [...at, 'range', 'step'],
          `step ${step} does not divide max - min (${max} - ${min} = ${max - min})`,
        ),
      )
      return shape
    }
    if (steps + 1 > LIMITS.levelsPerIssue) {
      problems.push(
        pathError(
          'too_many_levels',
          [...at, 'range'],
          `has ${steps + 1} levels; an issue may have at most ${LIMITS.levelsPerIssue} (use a larger step)`,
        ),
      )
      return shape
    }
    shape = { ...shape, levels: rangeLevels(range.data), numeric: true, min, max, step }
  } else {
    const options = list(rawIssue.options)
    const levels: Level[] = []
    const seen = new Map<string, number>()
    let valid =
      Array.isArray(rawIssue.options) && options.length > 0 && options.length <= LIMITS.levelsPerIssue
    options.forEach((option, k) => {
      const parsed = LevelSchema.safeParse(option)
      if (!parsed.success) {
        valid = false
        return
      }
      const key = levelKey(parsed.data)
      const previous = seen.get(key)
      if (previous !== undefined) {
        problems.push(
          pathError(
            'duplicate_option',
            [...at, 'options', k],
            `duplicate option '${key}' (also options[${previous}])`,
          ),
        )
        valid = false
      }
      seen.set(key, k)
      levels.push(parsed.data)
    })
    if (!valid) return shape
    const numbers = levels.filter((level): level is number => typeof level === 'number')
    const numeric = numbers.length === levels.length
    shape = numeric
      ? { ...shape, levels, numeric, min: Math.min(...numbers), max: Math.max(...numbers) }
      : { ...shape, levels, numeric }
  }
  for (const side of SIDES) checkPreference(rawIssue[side], [...at, side], shape, problems)
  return shape
}

function checkPreference(
  rawPreference: unknown,
  at: PathSegment[],
  shape: IssueShape,
  problems: PathProblem[],
): void {
  const parsed = PreferenceSchema.safeParse(rawPreference)
  if (!parsed.success || !shape.levels) return
  const { prefer, scores, points } = parsed.data
  const given = [prefer && 'prefer', scores && 'scores', points && 'points'].filter(Boolean)
  if (given.length === 0) {
    problems.push(
      pathError('missing_scoring', at, 'needs one of prefer (high or low), scores (per option) or points'),
    )
    return
  }
  if (given.length > 1) {
    problems.push(
      pathError(
        'conflicting_scoring',
        [...at, String(given[1])],
        `give only one of prefer, scores or points (found ${given.join(' and ')})`,
      ),
    )
    return
  }
  if (prefer && !shape.numeric) {
    problems.push(
      pathError(
        'not_numeric',
        [...at, 'prefer'],
        'prefer needs numeric levels; give scores for each option instead',
      ),
    )
  }
  if (scores) {
    if (shape.kind === 'range') {
      problems.push(
        pathError(
          'scores_on_range',
          [...at, 'scores'],
          'scores apply to options; on a range use prefer or points',
        ),
      )
      return
    }
    const keys = shape.levels.map(levelKey)
    for (const key of Object.keys(scores)) {
      if (!keys.includes(key)) {
        const hint = closest(key, keys)
        problems.push(
          pathError(
            'unknown_level',
            [...at, 'scores', key],
            `'${key}' is not an option of this issue${hint ? ` (did you mean '${hint}'?)` : ` (options: ${keys.join(', ')})`}`,
            'key',
          ),
        )
      }
    }
    const missing = keys.filter((key) => scores[key] === undefined)
    if (missing.length > 0) {
      problems.push(
        pathError(
          'missing_score',
          [...at, 'scores'],
          `missing a score for option${missing.length === 1 ? '' : 's'} ${missing.map((key) => `'${key}'`).join(', ')}`,
        ),
      )
    }
  }
  if (points) {
    if (!shape.numeric) {
      problems.push(
        pathError(
          'not_numeric',
          [...at, 'points'],
          'points need numeric levels; give scores for each option instead',
        ),
      )
      return
    }
    for (let k = 1; k < points.length; k++) {
      const previous = points[k - 1]?.[0] ?? Number.NEGATIVE_INFINITY
      const x = points[k]?.[0] ?? 0
      if (x <= previous) {
        problems.push(
          pathError(
            'points_order',
            [...at, 'points', k],
            `x values must increase: ${x} comes after ${previous}`,
          ),
        )
      }
    }
  }
}

function findIssue(
  id: string,
  at: PathSegment[],
  issues: ReadonlyMap<string, IssueShape>,
  problems: PathProblem[],
): IssueShape | undefined {
  const shape = issues.get(id)
  if (!shape) {
    const known = [...issues.keys()]
    const hint = closest(id, known)
    const suffix = hint ? ` (did you mean '${hint}'?)` : known.length ? ` (issues: ${known.join(', ')})` : ''
    problems.push(pathError('unknown_issue', at, `unknown issue '${id}'${suffix}`))
  }
  return shape
}

function checkConstraint(
  item: unknown,
  at: PathSegment[],
  issues: ReadonlyMap<string, IssueShape>,
  problems: PathProblem[],
): void {
  const parsed = ConstraintSchema.safeParse(item)
  if (!parsed.success) return
  const constraint: Constraint = parsed.data
  const { op, value } = constraint
  if (constraint.issue === undefined && constraint.sum === undefined) {
    problems.push(pathError('missing_subject', at, "needs either 'issue' or 'sum'"))
    return
  }
  if (constraint.issue !== undefined && constraint.sum !== undefined) {
    problems.push(pathError('issue_and_sum', [...at, 'sum'], "give either 'issue' or 'sum', not both"))
    return
  }
  if (op === 'in' && !Array.isArray(value)) {
    problems.push(pathError('in_needs_list', [...at, 'value'], "op 'in' needs a list of levels as its value"))
    return
  }
  if (op !== 'in' && Array.isArray(value)) {
    problems.push(
      pathError('list_needs_in', [...at, 'value'], `op '${op}' needs a single value; use op 'in' for a list`),
    )
    return
  }
  if (constraint.sum) {
    if (op === 'in')
      problems.push(pathError('sum_in', [...at, 'op'], "a sum can not use op 'in'; compare it with a number"))
    else if (typeof value !== 'number')
      problems.push(pathError('not_numeric', [...at, 'value'], 'a sum is compared with a number'))
    constraint.sum.forEach((term, k) => {
      const shape = findIssue(term.issue, [...at, 'sum', k, 'issue'], issues, problems)
      if (shape?.levels && !shape.numeric) {
        problems.push(
          pathError(
            'not_numeric',
            [...at, 'sum', k, 'issue'],
            `a sum needs numeric issues; '${term.issue}' has text options`,
          ),
        )
      }
    })
    return
  }
  const shape = findIssue(constraint.issue ?? '', [...at, 'issue'], issues, problems)
  if (!shape?.levels) return
  const values = Array.isArray(value) ? value : [value]
  if (!shape.numeric && op !== '=' && op !== 'in') {
    problems.push(
      pathError(
        'not_numeric',
        [...at, 'op'],
        `op '${op}' needs numeric levels; '${shape.id}' has text options (use '=' or 'in')`,
      ),
    )
    return
  }
  values.forEach((v, k) => {
    const where = Array.isArray(value) ? [...at, 'value', k] : [...at, 'value']
    const problem = levelProblem(shape, v, op === '=' || op === 'in')
    if (problem) problems.push(pathError(problem.code, where, problem.message))
  })
}

/**
 * Why a value can not stand for a level of this issue, if it can not. Exact levels (for `=` and
 * `in`) must be options, or grid points of a range; thresholds only need to fall inside the range.
 */
export function levelProblem(
  shape: IssueShape,
  value: Level,
  exact: boolean,
): { code: string; message: string } | undefined {
  const levels = shape.levels ?? []
  if (shape.kind === 'options') {
    if (!shape.numeric || exact) {
      const key = levelKey(value)
      if (levels.some((level) => levelKey(level) === key)) return undefined
      const hint = closest(key, levels.map(levelKey))
      return {
        code: 'unknown_level',
        message: `'${key}' is not an option of '${shape.id}'${hint ? ` (did you mean '${hint}'?)` : ` (options: ${levels.map(levelKey).join(', ')})`}`,
      }
    }
  }
  if (typeof value !== 'number')
    return { code: 'not_numeric', message: `'${shape.id}' takes numbers, not '${value}'` }
  const min = shape.min ?? 0
  const max = shape.max ?? 0
  const slack = TOLERANCE * Math.max(1, shape.step ?? max - min)
  if (value < min - slack || value > max + slack) {
    return {
      code: 'out_of_range',
      message: `${value} is outside the range of '${shape.id}' (${min} to ${max})`,
    }
  }
  if (exact && shape.kind === 'range' && !levels.some((level) => Math.abs(Number(level) - value) <= slack)) {
    return {
      code: 'off_grid',
      message: `${value} is not a level of '${shape.id}' (levels ${min}, ${min + (shape.step ?? 0)}, ..., ${max})`,
    }
  }
  return undefined
}
