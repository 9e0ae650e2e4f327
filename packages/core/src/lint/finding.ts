/**
 * What the linter reads and what it reports: a finding names a rule and its place — a path in the
 * plan, an event of the journal, or a phrase — for the command line to turn into file positions and
 * SARIF locations, and for the server to name the stored plan and event.
 */
import type { Posterior } from '../inference/posterior'
import type { JournalEvent } from '../journal/events'
import type { NegotiationState } from '../journal/replay'
import type { PathSegment } from '../model/problem'
import type { FilledPhrase } from '../playbooks/phrases'
import type { Space } from '../scoring/space'
import type { LintSeverity } from './rules'

export type FindingPlace =
  | { document: 'plan'; at: readonly PathSegment[] }
  | { document: 'journal'; event: number; eventId: string; at: readonly PathSegment[] }
  | { document: 'phrase'; phraseId: string }

export interface Finding {
  id: string
  severity: LintSeverity
  place: FindingPlace
  message: string
  fix: string
}

export interface LintInput {
  space: Space
  /** The journal's events and their replay (both optional: a plan alone lints too). */
  events?: readonly JournalEvent[]
  state?: NegotiationState
  /** Every filled phrase Parley would have us say. */
  phrases?: readonly FilledPhrase[]
  /** What the journal has taught us (learned from `state`'s moves when a check needs it and it is not given). */
  posterior?: Posterior
}
