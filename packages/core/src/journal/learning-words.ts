/**
 * What their moves have taught us about what they value, in one sentence, as `parley status` and
 * the web app's midgame say it with the maths shown: one wording for both. Before any move of
 * theirs there is nothing learned to report, only the plan's estimate.
 */
import { formatBits } from '../scoring/figures'

export const NOTHING_LEARNED_YET = "No move of theirs is recorded yet: this is the plan's estimate"

export interface LearningFigures {
  /** Their moves the posterior learned from, one entry each. */
  moves: readonly unknown[]
  lastBits: number
  totalBits: number
  samples: number
  seed: number
}

export function learningInWords(learning: LearningFigures): string {
  const sampled = `${learning.samples} samples, seed ${learning.seed}`
  return learning.moves.length === 0
    ? `${NOTHING_LEARNED_YET} (${sampled}).`
    : `Their last move taught us ${formatBits(learning.lastBits)} bits; all their moves ${formatBits(learning.totalBits)} bits (${sampled}).`
}
