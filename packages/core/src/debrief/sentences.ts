/**
 * The debrief's figures in words, once for every place that shows them: `parley debrief` prints
 * these lines and the web app's debrief lists them, so the two read line for line the same. The
 * figures come from `debriefFigures`; the numbers are written by core's figure formatters.
 */
import { formatPoints, formatShare, formatSigned } from '../scoring/figures'
import type { DebriefFigures } from './figures'

export interface DebriefSentences {
  /** One sentence per figure, in the order they are read. */
  lines: string[]
  /** The issues we misjudged most, said under the last line. */
  misjudged: { issue: string; text: string }[]
}

/** Below this many points from the frontier, the agreement is said to be on it. */
const ON_THE_FRONTIER = 0.05

/**
 * The debrief's figures as sentences. Without an agreement the first line says what is missing
 * (`agreement` is null) and the figures that need one are left out.
 */
export function debriefSentences(figures: DebriefFigures): DebriefSentences {
  const lines: string[] = []
  if (figures.agreement) {
    lines.push(
      `Agreement: U_us ${formatPoints(figures.agreement.us)}, U_them ${formatPoints(figures.agreement.them)} (${figures.estimate})`,
    )
    if (figures.distanceToFrontier !== null)
      lines.push(
        `Distance to the Pareto frontier: ${formatPoints(figures.distanceToFrontier)} points for both sides${figures.distanceToFrontier < ON_THE_FRONTIER ? ' (on the frontier)' : ''}`,
      )
    if (figures.nashShare !== null)
      lines.push(`Share of the Nash product reached: ${formatShare(figures.nashShare)}`)
    if (figures.surplus !== null)
      lines.push(`Our surplus over the reservation: ${formatSigned(figures.surplus)} points`)
  } else lines.push('No agreement recorded yet: efficiency and surplus need an agreed event.')
  const r = figures.reciprocity
  lines.push(
    `Concessions reciprocated: ${r.reciprocated} of ${r.concessions}${r.valueRatio !== null ? ` (we got back ${formatShare(r.valueRatio)} of what we gave, in our points)` : ''}`,
  )
  lines.push(`Rounds taken: ${figures.rounds}`)
  // The shift is an L1 distance between share vectors (0 to 2): half of it is the share of the way
  // from the plan's estimate to the opposite extreme.
  lines.push(
    `How well we had guessed them: our estimate moved ${formatPoints(figures.estimateShift * 50)}% of the way across (L1 ${figures.estimateShift.toFixed(2)})`,
  )
  return {
    lines,
    misjudged: figures.misjudged.map((item) => ({
      issue: item.issue,
      text: `${item.issue}: estimated ${formatShare(item.estimate)}, learned ${formatShare(item.learned)}`,
    })),
  }
}
