/** Weights as people write them in the issues grid and the elicitation: one decimal at most. */

/** A weight: `34.7`, `8`. */
export function weight(value: number): string {
  return String(Math.round(value * 10) / 10)
}
