/**
 * The guided flow's checklist: for each stage of the method, what the method asks there, in a
 * salesperson's words, each item done or not done as judged from the plan and the journal alone.
 * Only what the data can tell is asked: that discovery questions were put, that interests were
 * restated back, or that the tone was set leaves no trace in a plan or a journal, so those asks are
 * the coach's to teach, not items here. A template's `<...>` blank is not an answer: a field still
 * holding one counts as not written. The checklist is for our side only (it may speak of our
 * BATNA and walk-away point), and it quotes no figure, so it reads the same to the whole team.
 */
import type { Posterior } from '../inference/posterior'
import { isGift } from '../journal/concessions'
import type { JournalEvent } from '../journal/events'
import { jointGainInSight } from '../journal/joint-gain'
import type { NegotiationState, Stage } from '../journal/replay'
import { shortfallsOf } from '../journal/shortfalls'
import { placeholders } from '../plan/placeholders'
import { compileRequirements } from '../scoring/constraints'
import { scoreOffer } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { PLAYBOOKS } from './library'

/** One ask of the method at a stage, and whether the plan and the journal show it done. */
export interface ChecklistItem {
  /** Stable within its stage (`batna`, `no-gifts`), for keys and links; never shown. */
  id: string
  /** The ask, in plain words. */
  text: string
  done: boolean
  /** Where the ask is a count of several things (the debrief's questions): how many are done, of how many. */
  progress?: { done: number; of: number }
}

/** A text that is written: not blank and holding no template blank. */
function isWritten(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '' && placeholders(text).length === 0
}

/** Whether any value (a plan's field, a list of them) still holds a template blank. */
function holdsBlank(value: unknown): boolean {
  return placeholders(value).length > 0
}

const item = (id: string, text: string, done: boolean): ChecklistItem => ({ id, text, done })

/** Their answers to an offer of ours: a choice, a ranking or a rejection (with or without a counter). */
const ANSWERS: ReadonlySet<JournalEvent['type']> = new Set([
  'bundle-chosen',
  'bundles-ranked',
  'offer-rejected',
])

/** A set of bundles the method calls MESO: two or three at once ("too many options" is a pitfall). */
const MESO_SIZE = { min: 2, max: 3 } as const

type ChecklistOf = (space: Space, state: NegotiationState, posterior?: Posterior) => ChecklistItem[]

/**
 * Each stage's asks, after the method's text (seed: "Pre-Work: Preparation Checklist" and
 * "Mechanism of Action — Step by Step", then "Review and Iteration" for the debrief).
 */
const CHECKLISTS: Record<Stage, ChecklistOf> = {
  prepare: ({ plan }) => {
    const them = plan.parties.them
    const decider = (them.stakeholders ?? []).some(
      (person) => person.decides === true && isWritten(person.name),
    )
    const evidence = plan.evidence ?? []
    const anchor = plan.anchor
    return [
      item(
        'batna',
        'Our BATNA written down: what we do if there is no deal',
        isWritten(plan.batna?.us?.description),
      ),
      item(
        'reservation',
        'Our walk-away point set, no lower than our BATNA',
        plan.reservation !== undefined &&
          (plan.batna?.us === undefined || plan.reservation >= plan.batna.us.utility),
      ),
      item(
        'issues',
        'More than one issue on the table, so there is something to trade',
        plan.issues.length > 1,
      ),
      item(
        'counterparty',
        'Who decides on their side, and how their approval runs',
        decider && isWritten(them.approvalPath),
      ),
      item(
        'evidence',
        'Evidence we can cite: benchmarks with their sources',
        evidence.some((entry) => isWritten(entry.source)) && !holdsBlank(evidence),
      ),
      item(
        'anchor',
        'Our opening range, with a rationale backed by evidence',
        anchor !== undefined && isWritten(anchor.rationale) && (anchor.evidence?.length ?? 0) > 0,
      ),
      item('blanks', 'Every blank of the template filled in', !holdsBlank(plan)),
    ]
  },
  setup: ({ plan }) => [
    item(
      'decision-rule',
      'A decision rule in plain words that every offer must meet',
      isWritten(plan.decisionRule?.statement),
    ),
    item(
      'rule-check',
      'The rule written as a check each offer can be tested against',
      (plan.decisionRule?.require?.length ?? 0) > 0,
    ),
    item(
      'tradeables',
      'What we can trade marked: issues cheap for us and worth more to them',
      plan.issues.some((issue) => issue.tradeable === true),
    ),
  ],
  'first-move': (space, state) => {
    const requirements = compileRequirements(space)
    const meso = state.offers.some(
      (record) =>
        record.bundles.length >= MESO_SIZE.min &&
        record.bundles.length <= MESO_SIZE.max &&
        record.bundles.every((bundle) => scoreOffer(space, bundle.offer, requirements).meetsDecisionRule),
    )
    return [
      item('interests', 'Their interests heard and written down', state.interests.length > 0),
      item('meso', 'Two or three bundles offered together, each meeting the rule', meso),
    ]
  },
  midgame: (space, state, posterior) => {
    const table = state.table ? shortfallsOf(space, state.table.offer) : undefined
    // Value created before it is claimed: no bundle better for both than the table, by the same
    // current estimate status's joint gain uses (a figure-free ask: the gain itself is status's).
    // Once the terms are agreed the midgame is behind us; the alternatives before signing take it up.
    const nothingBetterForBoth =
      state.agreed !== undefined ||
      (state.table !== undefined && jointGainInSight(space, state, posterior) === null)
    const passes =
      table !== undefined &&
      !table.belowReservation &&
      table.belowBatna === undefined &&
      table.brokenLimits.length === 0 &&
      table.brokenRule.length === 0
    return [
      item(
        'their-answer',
        'Their answer to our offer recorded',
        state.applied.some((event) => ANSWERS.has(event.type)),
      ),
      item(
        'no-gifts',
        'No concession given away: each one paired with something in return',
        !state.concessions.some((concession) => isGift(space, concession)),
      ),
      item('reality-test', 'The deal on the table beats walking away and meets the rule', passes),
      item(
        'joint-gain',
        'No bundle better for both sides than the table, by our estimate of what they value',
        nothingBetterForBoth,
      ),
    ]
  },
  close: (_space, state) => {
    const agreed = state.agreed?.event
    return [
      item('agreed', 'The agreement recorded', agreed !== undefined),
      item(
        'measures',
        'Measurable terms: what is measured, the threshold, who reports it, the remedy',
        (agreed?.measures?.length ?? 0) > 0,
      ),
      item(
        'governance',
        'Governance written: a review cadence, change control and an exit',
        isWritten(agreed?.governance?.reviewCadence) &&
          isWritten(agreed?.changeControl) &&
          isWritten(agreed?.exit),
      ),
      item('fairness', 'A fairness story we can defend, in a paragraph', isWritten(agreed?.fairnessStory)),
    ]
  },
  debrief: ({ plan }, state) => {
    const prompts = PLAYBOOKS[plan.context].debrief
    const answered = prompts.filter((prompt) => isWritten(state.debrief[prompt.id])).length
    return [
      item('lessons', 'Lessons from this deal written down', answered > 0),
      {
        ...item('all-answered', 'Every debrief question answered', answered === prompts.length),
        progress: { done: answered, of: prompts.length },
      },
    ]
  },
}

/**
 * What the method asks at a stage, each ask done or not done for this plan and journal. The items
 * come in the method's order; their ids are stable, so the same ask keeps its id as it gets done.
 */
export function stageChecklist(
  space: Space,
  state: NegotiationState,
  stage: Stage,
  /** What the journal taught of them (the plan's estimate when left out and nothing was observed). */
  posterior?: Posterior,
): ChecklistItem[] {
  return CHECKLISTS[stage](space, state, posterior)
}
