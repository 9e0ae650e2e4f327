/**
 * The shape of the method's know-how as data: per context, the flow of stages, the moves, the
 * discovery questions, the typical issues and tradeables, the phrase templates and the debrief
 * prompts; and, for every context, the quick reference of moves. Content lives in one file per
 * context; code only fills and filters it.
 */

import type { Stage } from '../journal/replay'
import type { Context } from '../model/plan'

/** One step of a context's own flow (sales: discovery alignment, value framing, ...), mapped to the method's stages. */
export interface FlowStep {
  stage: Stage
  name: string
  /** What this step is for, in one sentence. */
  goal: string
}

/** A move: advice to us (it may mention our own figures; it is never said aloud as is). */
export interface Move {
  id: string
  /** The stages of the method it belongs to: the coach shows it at these and no others. */
  stages: readonly Stage[]
  title: string
  /** When to use it. */
  when: string
  /** What to do or say, in brief. */
  how: string
  /** The signal to adjust or stop. */
  signal: string
  /** The risk of the move. */
  risk: string
  /** What guards against the risk. */
  safeguard: string
}

export interface DiscoveryQuestion {
  id: string
  text: string
  /** What the answer tells us. */
  purpose: string
}

/**
 * The kinds of phrase, each with the blanks its template may use (written `{blank}`). Blanks are
 * filled as: {rule} the rule's statement without a final full stop (or its requirements joined by
 * "and"); {label} a bare letter ("B", so write "option {label}"); {terms} a lower-case list that
 * names every issue with its level ("annual price 230,000 USD/year, rollout 30 days and support
 * tier premium"); {emphasis} issue names; {give}, {get}, {issue} lower-case issue names — for
 * `benchmark` {issue} is the anchor's issue, for `face-saving` the headline issue their approver
 * reports; {count} a number in words ("three", so write "{count} options": a set has two or more);
 * {revisit} a clause ("we have both checked the options against the survey", so write "once
 * {revisit}"); {rationale}, {story}, {claim} and {contingency} text without its final full stop.
 * A filled phrase always ends with exactly one full stop (or its question mark), so a template may
 * end on a blank. A template with a blank that can not be filled is left out, so every kind needs
 * at least one template that uses only its key blanks.
 * - `decision-rule`: {rule} the decision rule in words, {them}, {us}
 * - `bundles`: {count}, {labels}, {rule} (presenting a set of two or more bundles)
 * - `bundle`: {label}, {emphasis} (issue names), {terms} (every term of that bundle: what sets it
 *   apart first, then what is the same in all of the set), {rule}
 * - `recap`: {terms} (the bundle on the table, every issue), or {proposal} (the same, when the table
 *   is their counter as they proposed it: said back as theirs)
 * - `conditional-trade`: {give} and {get} (issue names: one that can still move their way, one
 *   that can still move ours)
 * - `counter-trade`: {granted} and {asked} (lists of terms, each issue with its level, as in
 *   {terms}): our answer to their counter when it only moves issues their way — what of it we can
 *   grant (or more we can give), against what we ask back; or {held} alone (the same kind of list)
 *   when our last offer is held, being where it differs from their counter
 * - `benchmark`: {low}, {high}, {unit}, {claim}, {source}, {rationale}, {issue}
 * - `pause`: {rule}, {revisit}
 * - `contingency`: {contingency} (its wording)
 * - `face-saving`: {issue}
 * - `fairness`: {rule}, {story} (the agreement's fairness story)
 * - `post-settlement`: {alternatives} (the alternatives offered beside the agreement before signing,
 *   each as the issues where it differs from the agreement: "the same terms but with base salary
 *   185,000 USD/year and start date 4 weeks after acceptance, or with ..."), {either} ("that" for
 *   one, "either of those" for two)
 * - `close`: {terms} (the bundle on the table, every issue: what is being signed)
 * - `open`: {them}, {us}, {issues} (issue names, all of them)
 * - `discovery`: {issues}
 */
export const PHRASE_KINDS = [
  'open',
  'decision-rule',
  'discovery',
  'bundles',
  'bundle',
  'recap',
  'counter-trade',
  'conditional-trade',
  'benchmark',
  'contingency',
  'face-saving',
  'pause',
  'fairness',
  'post-settlement',
  'close',
] as const
export type PhraseKind = (typeof PHRASE_KINDS)[number]

/**
 * The kinds that propose a change of terms (a set, a bundle, a trade, a contingency, a variant):
 * never said once the terms are agreed.
 */
export const REOPENING_KINDS: readonly PhraseKind[] = [
  'bundles',
  'bundle',
  'counter-trade',
  'conditional-trade',
  'contingency',
  'face-saving',
]

/** Words said aloud: one wording for direct styles, a softer one for indirect styles. */
export interface PhraseTemplate {
  id: string
  kind: PhraseKind
  /** The stages of the method it belongs to; the coach says it at these and no others. */
  stages: readonly Stage[]
  direct: string
  indirect: string
}

export interface DebriefPrompt {
  id: string
  text: string
}

export interface Playbook {
  context: Context
  title: string
  /** Who it is for and what is special about negotiating in this context, in two or three sentences. */
  summary: string
  flow: FlowStep[]
  moves: Move[]
  discovery: DiscoveryQuestion[]
  /** Issue names that usually matter in this context (units in brackets). */
  typicalIssues: string[]
  /** Items that are often cheap for one side and valuable to the other. */
  tradeables: string[]
  phrases: PhraseTemplate[]
  debrief: DebriefPrompt[]
}

/** A row of the method's quick reference: a move, when to use it, what to say, the signal, the risk and its safeguard. */
export interface QuickReferenceRow {
  move: string
  stage: Stage
  when: string
  say: string
  signal: string
  risk: string
  safeguard: string
}
