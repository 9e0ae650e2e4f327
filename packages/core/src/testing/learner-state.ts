/** A learner's snapshot copied array by array, as one kept outside the process comes back: nothing shared with the learner. */
import type { LearnerState } from '../inference/posterior'

export function copyLearnerState(state: LearnerState): LearnerState {
  return {
    ...state,
    samples: Float64Array.from(state.samples),
    logWeight: Float64Array.from(state.logWeight),
    orders: Int32Array.from(state.orders),
    readings: Uint8Array.from(state.readings),
    ...(state.flips ? { flips: Uint8Array.from(state.flips) } : {}),
    moves: state.moves.map((move) => ({ ...move })),
    keys: [...state.keys],
    ...(state.figures
      ? {
          figures: Object.fromEntries(Object.entries(state.figures).map(([id, entry]) => [id, { ...entry }])),
        }
      : {}),
  }
}
