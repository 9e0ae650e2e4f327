/** Utility points: the unit every utility and score in Parley is measured in. */

/** Utility in points, 0..100: 100 when every issue is at a level this party scores 100. */
export type Points = number & { readonly __unit: 'points' }

/** Marks a number as utility points. */
export function points(value: number): Points {
  return value as Points
}

/** A bundle's utility for both sides. */
export interface Utility {
  us: Points
  them: Points
}
