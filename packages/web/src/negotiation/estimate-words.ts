/**
 * Which estimate of their side a figure is under, as every page says it: `our estimate after 2
 * moves` by default, core's exact label (`est., learned from 2 moves`) with the maths shown — both
 * core's words, so the command line and the app agree.
 */
import { estimateLabel, plainEstimateLabel } from '@parley/core'
import { useMaths } from '../ui/maths'

/** The label for an estimate learned from `moves` observations (0: the plan's own estimate). */
export function useEstimateLabel(moves: number): string {
  return useMaths() ? estimateLabel(moves) : plainEstimateLabel(moves)
}
