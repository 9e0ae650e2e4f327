/**
 * A trade that costs them more than it gives them: a recorded concession whose net value to them,
 * under the current estimate, is a loss (the concession log's `valueThem`, measured from each side's
 * latest position). Proposing it invites a no; the log alone flags only whether it is even for us.
 */
import type { CurrentEstimate } from '../inference/estimate'
import { concessionLog } from '../journal/concessions'
import type { ConcessionRecord } from '../journal/replay'
import { listAnd } from '../language/english'
import { formatLevelWithUnit, inSentence } from '../language/levels'
import type { Terms } from '../model/plan'
import { formatPoints } from '../scoring/figures'
import type { Space } from '../scoring/space'
import type { TradeCostsThemWarning } from './warning'

/**
 * Points a trade must cost them, on balance, to be warned about. 1 point: the figures show one
 * decimal, and a smaller net loss is within what our estimate of their weights can tell from an even
 * trade (one answer typically moves an issue's share by a few percent, a fraction of a point of
 * any one trade's value); a loss of a point or more is one they will feel.
 */
export const TRADE_COST_MIN = 1

function termsInWords(space: Space, terms: Terms): string {
  return listAnd(
    Object.entries(terms).map(([id, level]) => {
      const issue = space.byId.get(id)
      return issue ? `${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}` : `${id} ${level}`
    }),
  )
}

/** The recorded concessions that cost them at least `TRADE_COST_MIN` points on balance, in journal order. */
export function tradesCostingThem(
  space: Space,
  concessions: readonly ConcessionRecord[],
  estimate: CurrentEstimate,
): TradeCostsThemWarning[] {
  return concessionLog(space, concessions, estimate).flatMap((line) => {
    const costThem = -line.valueThem
    if (costThem < TRADE_COST_MIN) return []
    const give = Object.keys(line.give).length > 0 ? `we give ${termsInWords(space, line.give)}` : ''
    const get = Object.keys(line.get).length > 0 ? `we ask for ${termsInWords(space, line.get)}` : ''
    const trade = [give, get].filter(Boolean).join(' and ')
    return [
      {
        code: 'trade_costs_them' as const,
        severity: 'warning' as const,
        eventId: line.eventId,
        round: line.round,
        give: line.give,
        get: line.get,
        costThem,
        valueUs: line.valueUs,
        message: `The trade in round ${line.round} (${trade}) costs them ${formatPoints(costThem)} points more than it gives them, by our estimate of what they value: expect a no. Ask for less, or give something they value more.`,
      },
    ]
  })
}
