/**
 * What choosing a MESO bundle would point to: the issues its `efficientFor` weighting (under which
 * it is the best of the set's window for them) weighs most. The web app's "If they choose it" row
 * and the warning that says why a bundle is in the set name the same issues with the same shares.
 */

/** How many issues a choice is said to point to. */
export const CHOICE_LEADERS = 2

export interface ChoiceLeader {
  /** Issue id. */
  id: string
  /** Its share of the bundle's weighting, 0..1. */
  share: number
}

/** The heaviest issues of a bundle's weighting, heaviest first (the plan's order among equals). */
export function choiceLeaders(efficientFor: Readonly<Record<string, number>>): ChoiceLeader[] {
  return Object.entries(efficientFor)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CHOICE_LEADERS)
    .map(([id, share]) => ({ id, share }))
}
