/**
 * The debrief's figures in words, once for every place that shows them: `parley debrief` prints
 * these lines and the web app's debrief lists them with the maths shown, so the two read line for
 * line the same; by default the app asks for the plain words (the glossary's, with issues by their
 * names). The figures come from `debriefFigures`; the numbers are written by core's figure formatters.
 */
import { glossaryEntry, plainEstimateLabel, plainNashShare, plainWorth } from '../glossary/glossary'
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
export function debriefSentences(figures: DebriefFigures, options: DebriefWording = {}): DebriefSentences {
  if (options.plain) return plainSentences(figures, options.plain)
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
  } else lines.push(NO_AGREEMENT)
  lines.push(reciprocityLine(figures))
  lines.push(`Rounds taken: ${figures.rounds}`)
  // The shift is an L1 distance between share vectors (0 to 2): half of it is the share of the way
  // from the plan's estimate to the opposite extreme.
  lines.push(`${shiftLine(figures)} (L1 ${figures.estimateShift.toFixed(2)})`)
  return {
    lines,
    misjudged: figures.misjudged.map((item) => ({
      issue: item.issue,
      text: `${item.issue}: estimated ${formatShare(item.estimate)}, learned ${formatShare(item.learned)}`,
    })),
  }
}

/** How to word the sentences: the exact terms (the command line's), or plain words. */
export interface DebriefWording {
  /** The glossary's plain words, without U_us, Nash, L1 or issue ids. */
  plain?: {
    /** Issue names by id (an issue without one keeps its id). */
    issueNames: Readonly<Record<string, string>>
    /** How many moves the estimate learned from (`figures.estimate` says it the exact way). */
    estimateMoves: number
  }
}

const NO_AGREEMENT = 'No agreement recorded yet: efficiency and surplus need an agreed event.'

function reciprocityLine(figures: DebriefFigures): string {
  const r = figures.reciprocity
  return `Concessions reciprocated: ${r.reciprocated} of ${r.concessions}${r.valueRatio !== null ? ` (we got back ${formatShare(r.valueRatio)} of what we gave, in our points)` : ''}`
}

function shiftLine(figures: DebriefFigures): string {
  // Shares sum to 1, so half the L1 distance is the share of their priorities' weight that moved.
  return `How well we had guessed them: their moves shifted ${formatPoints(figures.estimateShift * 50)}% of the weight of their priorities from where we had put it`
}

/** The same figures in the glossary's plain words, in the same order. */
function plainSentences(
  figures: DebriefFigures,
  { issueNames, estimateMoves }: NonNullable<DebriefWording['plain']>,
): DebriefSentences {
  const lines: string[] = []
  const estimate = plainEstimateLabel(estimateMoves)
  if (figures.agreement) {
    lines.push(
      `The agreement: ${plainWorth(figures.agreement.us, 'us')}, ${plainWorth(figures.agreement.them, 'them')} (${estimate})`,
    )
    if (figures.distanceToFrontier !== null)
      lines.push(
        figures.distanceToFrontier < ON_THE_FRONTIER
          ? `It is one of the ${glossaryEntry('frontier').plain.toLowerCase()}: nothing left on the table`
          : `Distance to the ${glossaryEntry('frontier').plain.toLowerCase()}: ${formatPoints(figures.distanceToFrontier)} points for both sides`,
      )
    if (figures.nashShare !== null) lines.push(`It reached ${plainNashShare(figures.nashShare)}`)
    if (figures.surplus !== null)
      lines.push(
        figures.surplus < 0
          ? `Short of our ${glossaryEntry('reservation').plain.toLowerCase()}: ${formatPoints(-figures.surplus)} points`
          : `Above our ${glossaryEntry('reservation').plain.toLowerCase()}: ${formatSigned(figures.surplus)} points`,
      )
  } else lines.push(NO_AGREEMENT)
  lines.push(reciprocityLine(figures))
  lines.push(`Rounds taken: ${figures.rounds}`)
  lines.push(shiftLine(figures))
  return {
    lines,
    misjudged: figures.misjudged.map((item) => ({
      issue: item.issue,
      text: `${issueNames[item.issue] ?? item.issue}: estimated ${formatShare(item.estimate)}, learned ${formatShare(item.learned)}`,
    })),
  }
}
