/**
 * An evidence item in one line, as every document and the fairness story cite it: the claim, its
 * range with its unit, and where it comes from.
 */
import { formatLevel } from './levels'

/** The evidence as a person cites it: `Market price (95,000–125,000 USD/year; analyst report, 2026-09)`. */
export function evidenceLine(item: {
  claim: string
  range: readonly [number, number] | null
  unit: string | null
  source: string | null
  date: string | null
}): string {
  const details: string[] = []
  if (item.range)
    details.push(
      `${formatLevel(item.range[0])}–${formatLevel(item.range[1])}${item.unit ? ` ${item.unit}` : ''}`,
    )
  const origin = [item.source, item.date].filter((part): part is string => Boolean(part)).join(', ')
  if (origin) details.push(origin)
  const claim = item.claim.trim().replace(/[.\s]+$/, '')
  return details.length > 0 ? `${claim} (${details.join('; ')})` : claim
}
