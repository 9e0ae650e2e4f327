/**
 * A counterpart's truth set by hand: a YAML or JSON document naming, for every issue of the plan,
 * their true weight and how they score its levels — in the plan's own words (`weight` and exactly
 * one of `prefer`, `scores` or `points`) — and optionally their true BATNA:
 *
 *   issues:
 *     price: { weight: 30, prefer: low }
 *     support: { weight: 25, scores: { standard: 0, premium: 80, enterprise: 100 } }
 *   batna: 40   # optional: drawn around our estimate when left out
 *
 * Weights are normalised. Every problem is reported with its path, as plan problems are; the
 * command line places them in the file (line and column).
 */
import { z } from 'zod'
import { PreferenceSchema } from '../model/plan'
import { type PathProblem, pathError } from '../model/problem'
import { levelKey } from '../plan/levels'
import { closest, schemaProblems } from '../plan/schema-problems'
import { type IssueModel, type Space, scoreLevel } from '../scoring/space'
import type { TruthSpec } from './generators'

export const TruthFileSchema = z.strictObject({
  /** Per issue id: their true weight (positive, normalised) and scoring. */
  issues: z.record(z.string(), PreferenceSchema),
  /** Their true BATNA utility, 0..100. */
  batna: z.number().min(0).max(100).optional(),
})

export type TruthRead = { ok: true; truth: TruthSpec } | { ok: false; errors: PathProblem[] }

/** Checks a parsed truth document against the plan and turns it into weights and per-level scores. */
export function readTruthDocument(space: Space, value: unknown): TruthRead {
  const parsed = TruthFileSchema.safeParse(value)
  // Issues the plan does not have (or lacks) are named even when some value is also wrong.
  const raw = isRecord(value) && isRecord(value.issues) ? value.issues : undefined
  const errors: PathProblem[] = raw ? issueProblems(space, raw) : []
  if (!parsed.success)
    return { ok: false, errors: [...schemaProblems(parsed.error.issues, value, TruthFileSchema), ...errors] }
  const weights: number[] = []
  const scores: number[][] = []
  for (const issue of space.issues) {
    const preference = parsed.data.issues[issue.id]
    if (!preference) continue
    const problems = preferenceProblems(issue, preference, ['issues', issue.id])
    errors.push(...problems)
    if (problems.length > 0) continue
    weights[issue.index] = preference.weight
    scores[issue.index] = issue.levels.map((level) =>
      scoreLevel(
        { min: issue.min, max: issue.max, preference: { us: issue.preference.us, them: preference } },
        'them',
        level,
      ),
    )
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    truth: { weights, scores, ...(parsed.data.batna !== undefined ? { batna: parsed.data.batna } : {}) },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Issue ids the plan does not have, and issues of the plan the document leaves out. */
function issueProblems(space: Space, issues: Record<string, unknown>): PathProblem[] {
  const errors: PathProblem[] = []
  const ids = space.issues.map((issue) => issue.id)
  for (const id of Object.keys(issues)) {
    if (!space.byId.has(id)) {
      const hint = closest(id, ids)
      errors.push(
        pathError(
          'unknown_issue',
          ['issues', id],
          `the plan has no issue '${id}'${hint ? ` (did you mean '${hint}'?)` : ` (issues: ${ids.join(', ')})`}`,
          'key',
        ),
      )
    }
  }
  const missing = ids.filter((id) => issues[id] === undefined)
  if (missing.length > 0)
    errors.push(
      pathError(
        'missing_issue',
        ['issues'],
        `needs every issue of the plan; missing ${missing.map((id) => `'${id}'`).join(', ')}`,
      ),
    )
  return errors
}

/** The plan's rules for one side's scoring of an issue: exactly one of prefer, scores or points, each where it applies. */
function preferenceProblems(
  issue: IssueModel,
  preference: z.infer<typeof PreferenceSchema>,
  at: readonly (string | number)[],
): PathProblem[] {
  const given = (['prefer', 'scores', 'points'] as const).filter((key) => preference[key] !== undefined)
  if (given.length === 0)
    return [
      pathError('missing_scoring', at, 'needs one of prefer (high or low), scores (per option) or points'),
    ]
  if (given.length > 1)
    return [
      pathError(
        'conflicting_scoring',
        [...at, given[1] as string],
        `give only one of prefer, scores or points (found ${given.join(' and ')})`,
      ),
    ]
  const problems: PathProblem[] = []
  if ((preference.prefer || preference.points) && !issue.numeric)
    problems.push(
      pathError(
        'not_numeric',
        [...at, given[0] as string],
        `${given[0]} needs numeric levels; give scores for each option instead`,
      ),
    )
  if (preference.scores) {
    if (issue.kind === 'range')
      return [
        pathError(
          'scores_on_range',
          [...at, 'scores'],
          'scores apply to options; on a range use prefer or points',
        ),
      ]
    const keys = issue.levels.map(levelKey)
    for (const key of Object.keys(preference.scores)) {
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
    const missing = keys.filter((key) => preference.scores?.[key] === undefined)
    if (missing.length > 0)
      problems.push(
        pathError(
          'missing_score',
          [...at, 'scores'],
          `missing a score for option${missing.length === 1 ? '' : 's'} ${missing.map((key) => `'${key}'`).join(', ')}`,
        ),
      )
  }
  if (preference.points) {
    for (let k = 1; k < preference.points.length; k++) {
      const previous = preference.points[k - 1]?.[0] ?? Number.NEGATIVE_INFINITY
      const x = preference.points[k]?.[0] ?? 0
      if (x <= previous)
        problems.push(
          pathError(
            'points_order',
            [...at, 'points', k],
            `x values must increase: ${x} comes after ${previous}`,
          ),
        )
    }
  }
  return problems
}
