/**
 * How numbers and terms read on the trading screens: utilities with one decimal and shares as whole
 * percents, as the command line prints them, levels with their units, and money equivalents. Every
 * number shown comes from core; this module only writes it down.
 */
import { formatLevel, groupThousands, type Level, type Terms } from '@parley/core'

/** Utility points for people: one decimal. */
export function pts(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1)
}

/** A signed change: `+8.2`, `-3.0`, and `+0.0` when it rounds to nothing. */
export function signed(value: number): string {
  const text = pts(value)
  return text.startsWith('-') ? text : `+${text}`
}

/** A share (0..1) as a whole percent, without the sign: `38`. */
export function percentNumber(share: number): string {
  return String(Math.round(share * 100))
}

/** A share (0..1) as a whole percent: `38%`. */
export function percent(share: number): string {
  return `${percentNumber(share)}%`
}

/** What an issue needs to write a level: its name, unit and whether its levels are numbers. */
export interface IssueLabel {
  id: string
  name: string
  unit: string
  numeric: boolean
}

/** A level as people read it, with the unit after numbers: `210,000 USD/year`, `milestone`. */
export function levelText(issue: Pick<IssueLabel, 'unit'>, level: Level): string {
  return typeof level === 'number' ? `${formatLevel(level)} ${issue.unit}` : formatLevel(level)
}

/** Terms in plan order, named: `Annual subscription fee 210,000 USD/year · Billing schedule milestone`. */
export function termsText(issues: readonly IssueLabel[], terms: Terms): string {
  const known = new Set(issues.map((issue) => issue.id))
  const parts: string[] = []
  for (const issue of issues) {
    const level = terms[issue.id]
    if (level !== undefined) parts.push(`${issue.name} ${levelText(issue, level)}`)
  }
  // Issues the plan no longer has (renamed since the event) still show, by id.
  for (const [id, level] of Object.entries(terms)) if (!known.has(id)) parts.push(`${id} ${String(level)}`)
  return parts.join(' · ')
}

/** A money equivalent: `about 10,000 USD/year`, `about -4,500 USD/year`. */
export function moneyText(value: number, unit: string): string {
  return `about ${groupThousands(value)} ${unit}`
}

/** Bits of information with two decimals, as the command line prints them. */
export function bits(value: number): string {
  return value.toFixed(2)
}

/**
 * What choosing a MESO bundle would suggest: the bundle is the best of the equivalent ones for
 * them under its `efficientFor` weights, so its two heaviest issues are what the choice points to.
 */
export function choiceText(
  issues: readonly IssueLabel[],
  efficientFor: Readonly<Record<string, number>>,
): string {
  const top = Object.entries(efficientFor)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([id, share]) => `${issues.find((issue) => issue.id === id)?.name ?? id} (${percent(share)})`)
  return top.length === 0 ? '' : `Best for them if they weigh ${top.join(' and ')} most`
}
