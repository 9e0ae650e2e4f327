/**
 * Validates a plan given as plain data (a parsed file or a request body): the schema, then the
 * cross-field checks, then the warnings a valid plan can still deserve. Paths, not positions:
 * `parse.ts` places them in a source text.
 */
import type { Plan } from '../model/plan'
import { PlanSchema } from '../model/plan'
import { type PathProblem, pathWarning } from '../model/problem'
import { crossCheckPlan } from './cross-check'
import { withDefaults } from './defaults'
import { placeholders } from './placeholders'
import { schemaProblems } from './schema-problems'

export type PlanValidation =
  | { ok: true; plan: Plan; warnings: PathProblem[] }
  | { ok: false; errors: PathProblem[]; warnings: PathProblem[] }

export function validatePlanValue(value: unknown): PlanValidation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      errors: [
        {
          code: 'invalid_type',
          severity: 'error',
          message: 'a plan must be a map of fields (parley: 1, title, ...)',
          at: [],
        },
      ],
      warnings: [],
    }
  }
  const parsed = PlanSchema.safeParse(value)
  const errors = [
    ...(parsed.success ? [] : schemaProblems(parsed.error.issues, value, PlanSchema)),
    ...crossCheckPlan(value),
  ]
  if (!parsed.success || errors.length > 0) return { ok: false, errors: dedupe(errors), warnings: [] }
  const plan = withDefaults(parsed.data)
  return { ok: true, plan, warnings: planWarnings(plan) }
}

/** What a valid plan still lacks or gets backwards; never blocks, always worth a look. */
function planWarnings(plan: Plan): PathProblem[] {
  const warnings: PathProblem[] = []
  const ours = plan.batna?.us
  if (!ours) {
    warnings.push(
      pathWarning(
        'no_batna',
        ['batna', 'us'],
        'no BATNA for us: write down what we do if there is no deal, and what it is worth',
      ),
    )
  }
  if (!plan.batna?.them) {
    warnings.push(
      pathWarning(
        'no_batna_them',
        ['batna', 'them'],
        'no estimate of their BATNA: Parley counts it as 0, which flatters every offer to them',
      ),
    )
  }
  if (plan.reservation === undefined) {
    warnings.push(
      pathWarning(
        'no_reservation',
        ['reservation'],
        'no reservation point: decide the worst deal we would accept before the first call',
      ),
    )
  } else if (ours && plan.reservation < ours.utility) {
    warnings.push(
      pathWarning(
        'reservation_below_batna',
        ['reservation'],
        `reservation ${plan.reservation} is below our BATNA (${ours.utility}): we would accept deals worse than walking away`,
      ),
    )
  }
  if (plan.aspiration !== undefined && plan.reservation !== undefined && plan.aspiration < plan.reservation) {
    warnings.push(
      pathWarning(
        'aspiration_below_reservation',
        ['aspiration'],
        `aspiration ${plan.aspiration} is below the reservation ${plan.reservation}`,
      ),
    )
  }
  if (!plan.decisionRule || (!plan.decisionRule.statement && !plan.decisionRule.require?.length)) {
    warnings.push(
      pathWarning(
        'no_decision_rule',
        ['decisionRule'],
        'no decision rule: agree with them how offers will be judged (e.g. total cost in 12 months)',
      ),
    )
  }
  for (const blank of placeholders(plan))
    warnings.push(
      pathWarning(
        'placeholder',
        blank.at,
        `still holds the placeholder ${blank.text}: replace it with the real text`,
      ),
    )
  return warnings
}

function dedupe(problems: PathProblem[]): PathProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = `${problem.at.join('\u0000')}\u0001${problem.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
