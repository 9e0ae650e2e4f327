/**
 * Why the figures of bundles already sent changed: a bundle's worth to them is always shown under
 * the current estimate, so after their answers it can differ from what it read when we sent it. For
 * each bundle sent, U_them under the estimate at the time (learned from the moves recorded before
 * it was sent; the plan's estimate before any) against U_them now, said in words with both figures.
 */

import { plainUtility, plainWorth } from '../glossary/glossary'
import { type CurrentEstimate, currentEstimate } from '../inference/estimate'
import type { Observation } from '../inference/observation'
import { latestBundlesInPlay } from '../journal/apply/offers'
import type { NegotiationState } from '../journal/replay'
import { count } from '../language/english'
import { formatPoints } from '../scoring/figures'
import type { Space } from '../scoring/space'
import { bundleName, type SentFiguresChangedWarning } from './warning'

/**
 * Changes smaller than this many points are not explained: half a point never changes which of two
 * bundles reads as better once figures are rounded to whole points ("worth 55 of 100"), and listing
 * every tenth would bury the changes that do.
 */
export const FIGURE_CHANGE_MIN = 0.5

/**
 * `estimateWith`: the estimate learned from the first observations (for callers that keep posteriors
 * by journal prefix); default: learned afresh (`currentEstimate`), the plan's own with none.
 */
export function sentFiguresChanged(
  space: Space,
  state: Pick<NegotiationState, 'applied' | 'offers' | 'observations'>,
  estimate: CurrentEstimate,
  estimateWith: (observations: readonly Observation[]) => CurrentEstimate = (observations) =>
    currentEstimate(space, { observations }),
): SentFiguresChangedWarning[] {
  if (!estimate.learned) return []
  const position = new Map(state.applied.map((event, index) => [event.id, index]))
  const earlier = new Map<number, CurrentEstimate>()
  const estimateAt = (moves: number) => {
    let found = earlier.get(moves)
    if (!found) {
      found = estimateWith(state.observations.slice(0, moves))
      earlier.set(moves, found)
    }
    return found
  }
  return state.offers.flatMap((record) => {
    const sentAt = position.get(record.eventId) ?? Number.POSITIVE_INFINITY
    // Observations are in journal order: those recorded before the offer are a prefix.
    const movesBefore = state.observations.filter(
      (observation) => (position.get(observation.eventId) ?? Number.POSITIVE_INFINITY) < sentAt,
    ).length
    if (movesBefore === estimate.moves) return []
    const then = estimateAt(movesBefore)
    return record.bundles.flatMap((bundle) => {
      const before = then.them(bundle.offer)
      const after = estimate.them(bundle.offer)
      if (Math.abs(after - before) < FIGURE_CHANGE_MIN) return []
      const change = after - before
      const since = estimate.moves - movesBefore
      return [
        {
          code: 'sent_figures_changed' as const,
          severity: 'notice' as const,
          bundle: bundle.label,
          round: record.round,
          eventId: record.eventId,
          before,
          after,
          moves: { before: movesBefore, after: estimate.moves },
          message: `${bundleName(bundle.label)} of round ${record.round} is now ${plainWorth(after, 'them')} by our estimate: ${formatPoints(Math.abs(change))} points ${change > 0 ? 'more' : 'less'} than the ${plainUtility(before)} it read when we sent it. The bundle did not change: our estimate of what they value changed with their ${count(since, 'answer')} since.`,
        },
      ]
    })
  })
}

/**
 * Whether a warning explains the changed figures of a bundle still in play (`latestBundlesInPlay`):
 * what `parley status` and the web app's midgame explain in words; the others (earlier rounds', the
 * bundles they passed over, all once agreed) are history, kept in JSON.
 */
export function explainsBundleInPlay(
  warning: { code: string; eventId?: string; bundle?: string },
  state: NegotiationState,
): boolean {
  if (warning.code !== 'sent_figures_changed') return false
  return (
    warning.eventId === state.offers.at(-1)?.eventId &&
    warning.bundle !== undefined &&
    latestBundlesInPlay(state).includes(warning.bundle)
  )
}
