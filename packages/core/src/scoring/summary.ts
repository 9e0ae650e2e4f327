/** The overview `parley check` prints: issues and levels, the size of the space, both sides' weights, BATNAs, rule. */
import type { Context } from '../model/plan'
import { levelKey } from '../plan/levels'
import { describeConstraint } from './constraints'
import type { Space } from './space'

export interface IssueSummary {
  id: string
  name: string
  unit: string
  kind: 'range' | 'options'
  levels: number
  /** `90000..140000 step 5000` or `standard, premium, enterprise`. */
  domain: string
  tradeable: boolean
  weight: { us: number; them: number }
}

export interface PlanSummary {
  title: string
  context: Context
  parties: { us: string; them: string }
  issues: IssueSummary[]
  outcomes: number
  /** Normalised weights (shares summing to 1), per side, keyed by issue id. */
  weights: { us: Record<string, number>; them: Record<string, number> }
  batna: {
    us: { description: string | null; utility: number } | null
    them: { description: string | null; utility: number } | null
  }
  reservation: number | null
  aspiration: number | null
  limits: string[]
  decisionRule: { statement: string | null; require: string[] } | null
}

export function summarizePlan(space: Space): PlanSummary {
  const { plan } = space
  const weights = { us: {} as Record<string, number>, them: {} as Record<string, number> }
  const issues = space.issues.map((issue): IssueSummary => {
    const us = space.share.us[issue.index] ?? 0
    const them = space.share.them[issue.index] ?? 0
    weights.us[issue.id] = us
    weights.them[issue.id] = them
    return {
      id: issue.id,
      name: issue.name,
      unit: issue.unit,
      kind: issue.kind,
      levels: issue.levels.length,
      domain:
        issue.kind === 'range'
          ? `${issue.min}..${issue.max} step ${issue.step}`
          : issue.levels.map(levelKey).join(', '),
      tradeable: issue.tradeable,
      weight: { us, them },
    }
  })
  const batna = (side: 'us' | 'them') => {
    const value = plan.batna?.[side]
    return value ? { description: value.description ?? null, utility: value.utility } : null
  }
  return {
    title: plan.title,
    context: plan.context,
    parties: { us: plan.parties.us.name, them: plan.parties.them.name },
    issues,
    outcomes: space.outcomes,
    weights,
    batna: { us: batna('us'), them: batna('them') },
    reservation: plan.reservation ?? null,
    aspiration: plan.aspiration ?? null,
    limits: (plan.limits ?? []).map(describeConstraint),
    decisionRule: plan.decisionRule
      ? {
          statement: plan.decisionRule.statement ?? null,
          require: (plan.decisionRule.require ?? []).map(describeConstraint),
        }
      : null,
  }
}
