/**
 * The debrief's figures: how efficient the agreement was (how far below the Pareto frontier, and
 * what share of the Nash product it reached), our surplus over the reservation, how reciprocal the
 * concessions were, how many rounds it took, and how far our belief about them moved from the
 * plan's estimate (how well we had guessed them). Their side is valued under our best estimate:
 * the posterior's mean weights.
 */

import { nashIndex } from '../frontier/bargaining'
import { computeFrontier } from '../frontier/frontier'
import { disagreementPoint } from '../frontier/report'
import { currentEstimate, spaceUnderEstimate } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import { concessionLog } from '../journal/concessions'
import type { NegotiationState } from '../journal/replay'
import { compileRequirements } from '../scoring/constraints'
import { utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'

export interface DebriefFigures {
  agreed: boolean
  /** The agreement's utilities (theirs under the posterior mean), when there is one. */
  agreement: { us: number; them: number } | null
  /** The largest gain both sides could still have had together, in points (0 on the frontier). */
  distanceToFrontier: number | null
  /** The agreement's Nash product as a share of the best one (disagreement point: both BATNAs). */
  nashShare: number | null
  /** U_us of the agreement minus our reservation. */
  surplus: number | null
  reciprocity: { concessions: number; reciprocated: number; ratio: number | null; valueRatio: number | null }
  rounds: number
  /** L1 distance between the posterior mean shares of their weights and the plan's estimate (0 to 2). */
  estimateShift: number
  /** Which estimate U_them and the frontier figures are under: `est., plan` or `est., learned from N moves`. */
  estimate: string
  /** The issues we misjudged most, with the estimate and what we learned. */
  misjudged: { issue: string; estimate: number; learned: number }[]
}

export function debriefFigures(space: Space, state: NegotiationState, posterior: Posterior): DebriefFigures {
  // The current estimate, as everywhere else: with no observation, the plan itself (not a sample mean).
  const estimate = currentEstimate(space, state, posterior)
  const learned = spaceUnderEstimate(space, estimate)
  const log = concessionLog(space, state.concessions, estimate)
  const giving = log.filter((line) => Object.keys(line.give).length > 0)
  const reciprocated = giving.filter((line) => line.reciprocated).length
  const giveCost = giving.reduce((sum, line) => sum + Math.max(0, line.giveCostUs), 0)
  const getValue = log.reduce((sum, line) => sum + Math.max(0, line.getValueUs), 0)
  const misjudged = space.issues
    .map((issue) => ({
      issue: issue.id,
      estimate: space.share.them[issue.index] ?? 0,
      learned: estimate.shares[issue.index] ?? 0,
    }))
    .sort((a, b) => Math.abs(b.learned - b.estimate) - Math.abs(a.learned - a.estimate))
    .slice(0, 3)
  const base: DebriefFigures = {
    agreed: state.agreed !== undefined,
    agreement: null,
    distanceToFrontier: null,
    nashShare: null,
    surplus: null,
    reciprocity: {
      concessions: giving.length,
      reciprocated,
      ratio: giving.length ? reciprocated / giving.length : null,
      valueRatio: giveCost > 0 ? getValue / giveCost : null,
    },
    rounds: state.round,
    estimateShift: posterior.shift,
    estimate: estimate.label,
    misjudged,
  }
  if (!state.agreed) return base
  const utility = utilityOf(learned, state.agreed.offer)
  const requirements = compileRequirements(learned)
  // Where the exact frontier is too large, a frontier within half a point measures well enough.
  const exact = computeFrontier(learned, { constraints: requirements.rule })
  const result = exact.ok ? exact : computeFrontier(learned, { constraints: requirements.rule, epsilon: 0.5 })
  const frontier = result.ok ? result.frontier : undefined
  let distance: number | null = null
  let nashShare: number | null = null
  if (frontier) {
    distance = 0
    for (let k = 0; k < frontier.size; k++)
      distance = Math.max(
        distance,
        Math.min((frontier.us[k] ?? 0) - utility.us, (frontier.them[k] ?? 0) - utility.them),
      )
    const d = disagreementPoint(learned)
    const nash = nashIndex(frontier, d)
    if (nash >= 0) {
      const best = ((frontier.us[nash] ?? 0) - d.us) * ((frontier.them[nash] ?? 0) - d.them)
      const reached = Math.max(0, utility.us - d.us) * Math.max(0, utility.them - d.them)
      nashShare = best > 0 ? reached / best : null
    }
  }
  return {
    ...base,
    agreement: { us: utility.us, them: utility.them },
    distanceToFrontier: distance,
    nashShare,
    surplus: space.plan.reservation === undefined ? null : utility.us - space.plan.reservation,
  }
}
