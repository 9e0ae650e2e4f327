/**
 * Left on the table: a bundle about to be sent that gives them clearly less than another bundle
 * worth as much to us. Measured against the exact frontier under the current estimate, among bundles
 * meeting the decision rule and our limits (`estimated-frontier.ts`, through the trade adviser's
 * `tradeProposal`): the gap is max{ U_them(b) : b on that frontier, U_us(b) ≥ U_us(bundle) } −
 * U_them(bundle), in points. A bundle on the frontier has a gap of 0.
 */

import { plainUtility } from '../glossary/glossary'
import type { CurrentEstimate } from '../inference/estimate'
import { changedIssues, changesInWords } from '../journal/positions'
import { tradeProposal } from '../journal/trade-advice'
import { listAnd } from '../language/english'
import { inSentence } from '../language/levels'
import { choiceLeaders } from '../meso/choice-leaders'
import { type CompiledConstraint, ruleAndLimits } from '../scoring/constraints'
import { formatPoints, formatShare } from '../scoring/figures'
import { readOffer, termsOf, utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { type BundleToSend, bundleName, type LeftOnTableWarning } from './warning'

/**
 * Points of U_them a bundle must leave below the estimated frontier to be warned about. 3 points is
 * the scale of the logit choice model MESO and the learner use (`LOGIT_SCALE`): a bundle 3 points
 * better for them is e ≈ 2.7 times as likely to be chosen, a difference that changes their answer.
 * Below it the gap is within what our estimate of them can tell apart, and the MESO set's own
 * tolerance (2 points for us) makes smaller differences routine.
 */
export const LEFT_ON_TABLE_MIN = 3

/** The bundles among `bundles` that leave at least `LEFT_ON_TABLE_MIN` points on the table for them. */
export function leftOnTable(
  space: Space,
  estimate: CurrentEstimate,
  bundles: readonly BundleToSend[],
  constraints: readonly CompiledConstraint[] = ruleAndLimits(space),
): LeftOnTableWarning[] {
  return bundles.flatMap((bundle) => {
    const read = readOffer(space, bundle.terms)
    if (!read.ok) return []
    const offer = read.offer
    const utility = { us: utilityOf(space, offer).us, them: estimate.them(offer) }
    const better = tradeProposal(space, estimate, constraints, utility.us)
    if (!better) return []
    const gap = better.utility.them - utility.them
    if (gap < LEFT_ON_TABLE_MIN) return []
    const betterRead = readOffer(space, better.terms)
    if (!betterRead.ok) throw new Error('a frontier bundle does not read back', { cause: betterRead.errors })
    const changed = changedIssues(space, offer, betterRead.offer)
    const changes = changesInWords(space, termsOf(space, offer), better.terms)
    return [
      {
        code: 'left_on_table',
        severity: 'warning',
        bundle: bundle.label,
        message: `${bundleName(bundle.label)} leaves ${formatPoints(gap)} points on the table for them: it is worth ${plainUtility(utility.us)} to us and ${plainUtility(utility.them)} to them, while a bundle worth as much to us would be worth ${plainUtility(better.utility.them)} to them (${listAnd(changes)}).${bundle.efficientFor ? ` ${whyInTheSet(space, bundle.efficientFor)}` : ''}`,
        utility,
        gap,
        better,
        changes: changed.map((issue) => issue.id),
      },
    ]
  })
}

/**
 * Why a MESO bundle that leaves value on the table under the estimate is in the set anyway: it is the
 * best of the set's window for them under another weighting, which their choice tests (named as the
 * web app's "If they choose it" row names it: `choiceLeaders`).
 */
function whyInTheSet(space: Space, efficientFor: Readonly<Record<string, number>>): string {
  const leaders = choiceLeaders(efficientFor).map(
    ({ id, share }) => `${inSentence(space.byId.get(id)?.name ?? id)} (${formatShare(share)})`,
  )
  return `It is in the set as their best of the bundles in the set's range for us if they weigh ${listAnd(leaders)} most: their choice will tell.`
}
