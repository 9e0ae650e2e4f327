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

/**
 * A text that is the same for two observations exactly when the learner reads the same from them
 * (the event, each bundle's levels and values, the answer): what a saved learner state is keyed
 * by, so that a state learned from other moves is never taken for this journal's.
 */
export function observationKey(observation: Observation): string {
  const offer = (item: Offer) => [item.values, Array.from(item.levelIndex)]
  switch (observation.kind) {
    case 'choice':
      return JSON.stringify([
        observation.kind,
        observation.eventId,
        observation.offered.map(offer),
        observation.chosen,
      ])
    case 'ranking':
      return JSON.stringify([
        observation.kind,
        observation.eventId,
        observation.offered.map(offer),
        observation.order,
      ])
    case 'counter':
      return JSON.stringify([
        observation.kind,
        observation.eventId,
        observation.offered.map(offer),
        offer(observation.counter),
      ])
    case 'stated':
      return JSON.stringify([
        observation.kind,
        observation.eventId,
        observation.ranking,
        observation.relative.map((item) => [item.issue, item.over, item.factor]),
      ])
  }
}
