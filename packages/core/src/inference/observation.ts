/**
 * What the learner reads from the journal: one of their moves (a choice among our bundles, a
 * ranking, a counter-offer, or priorities they stated) reduced to what it reveals about their weights.
 * Replay (`journal/replay.ts`) produces these; the posterior (`posterior.ts`) consumes them.
 */
import type { Offer } from '../scoring/offer'

/** What one of their moves reveals about their priorities, for the learner. */
export type Observation =
  | { kind: 'choice'; eventId: string; offered: Offer[]; chosen: number }
  | { kind: 'ranking'; eventId: string; offered: Offer[]; order: number[] }
  | { kind: 'counter'; eventId: string; offered: Offer[]; counter: Offer }
  | {
      kind: 'stated'
      eventId: string
      ranking: number[]
      relative: { issue: number; over: number; factor: number }[]
    }
