/**
 * Terms as the trading screens write them: in plan order, each issue by name with its level and
 * unit, and money equivalents and what a MESO choice would suggest in words. The numbers in them
 * are written by core's formatters, as the command line writes them.
 */
import { choiceLeaders, formatLevelWithUnit, formatMoney, formatShare, type Terms } from '@parley/core'

/** What an issue needs to write a level: its name, unit and whether its levels are numbers. */
export interface IssueLabel {
  id: string
  name: string
  unit: string
  numeric: boolean
}

/** Terms in plan order, named: `Annual subscription fee 210,000 USD/year · Billing schedule milestone`. */
export function termsText(issues: readonly IssueLabel[], terms: Terms): string {
  const known = new Set(issues.map((issue) => issue.id))
  const parts: string[] = []
  for (const issue of issues) {
    const level = terms[issue.id]
    if (level !== undefined) parts.push(`${issue.name} ${formatLevelWithUnit(level, issue.unit)}`)
  }
  // Issues the plan no longer has (renamed since the event) still show, by id.
  for (const [id, level] of Object.entries(terms)) if (!known.has(id)) parts.push(`${id} ${String(level)}`)
  return parts.join(' · ')
}

/** A money equivalent: `about 10,000 USD/year`, `about -4,500 USD/year`. */
export function moneyText(value: number, unit: string): string {
  return `about ${formatMoney(value, unit)}`
}

/**
 * Why a MESO bundle is in the set: it is the best of the equivalent ones for them under its
 * `efficientFor` weights, named by their heaviest issues (core's `choiceLeaders`, which the warning on
 * a bundle left inside the frontier names too). Their choice tells which weighting is nearer theirs;
 * the shares are that weighting's, not a prediction of what the choice would teach.
 */
export function choiceText(
  issues: readonly IssueLabel[],
  efficientFor: Readonly<Record<string, number>>,
): string {
  const top = choiceLeaders(efficientFor).map(
    ({ id, share }) => `${issues.find((issue) => issue.id === id)?.name ?? id} (${formatShare(share)})`,
  )
  return top.length === 0 ? '' : `they weigh ${top.join(' and ')} most`
}
