/**
 * The coach: the method's playbook for the current stage, applied to the live plan. Advice to us
 * may mention our own private figures; every phrase and every line of the call script is filled
 * from the counterparty view alone (see `phrases.ts`), so it is something we could say aloud.
 *
 * The words follow the deal as it stands: recaps and confirmations read the bundle on the table;
 * trades and face-saving variants are chosen under the current estimate of what they value (the
 * plan's until the journal holds an observation, then the posterior's); each phrase and move
 * belongs to the stages it declares, and once the terms are agreed nothing proposes a change to
 * them but the alternatives offered before signing, which they may take or leave (the agreement
 * stands if they decline). The debrief speaks to us only: it has no words for them. What may be
 * shown to them — the phrases and the script and nothing else — is `shareableCoach`.
 */

import { disagreementPoint, effectiveReservation } from '../frontier/report'
import { thinBeliefs } from '../inference/beliefs'
import { currentEstimate, estimateLabel, type TheirValue } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import { inferPriorities } from '../inference/posterior'
import { offerAwaitsAnswer } from '../journal/apply/offers'
import type { JournalEvent } from '../journal/events'
import { changedIssues } from '../journal/positions'
import { alternativesBeforeSigning } from '../journal/post-settlement'
import { type RealityItem, realityTest } from '../journal/reality'
import { type NegotiationState, replay, type Stage } from '../journal/replay'
import { ruleMessage, shortfallsOf } from '../journal/shortfalls'
import { giveawayInWords } from '../journal/trade-advice'
import { listAnd, nounFor, sentence, withoutFullStop } from '../language/english'
import { formatLevelWithUnit, inSentence } from '../language/levels'
import { type MesoBundle, meso } from '../meso/meso'
import type { Context, Level, Side } from '../model/plan'
import { type ApprovalBlock, approvalBlocks } from '../scoring/approval'
import { type CompiledConstraint, constraintHolds, ruleAndLimits } from '../scoring/constraints'
import { formatPoints } from '../scoring/figures'
import type { Offer } from '../scoring/offer'
import { readOffer } from '../scoring/offer'
import { type IssueModel, type Space, scoreLevel } from '../scoring/space'
import { type CounterpartyView, counterpartyView } from '../sharing/counterparty-view'
import { type FaceSavingVariant, faceSavingVariants, headlineIssue } from './approval'
import { PLAYBOOKS, QUICK_REFERENCE } from './library'
import {
  benchmarkOutOfPlay,
  type FilledPhrase,
  fillWords,
  type PhrasePicks,
  type PhraseStyle,
} from './phrases'
import { negotiationTimeline, type TimelineStep } from './timeline'
import {
  type DiscoveryQuestion,
  type FlowStep,
  type Move,
  type PhraseKind,
  type PhraseTemplate,
  type QuickReferenceRow,
  REOPENING_KINDS,
} from './types'

export interface ApplicabilityNote {
  id: string
  /** When the method may not fit, and what fits better. */
  message: string
}

export interface CoachReport {
  stage: Stage
  /** Which estimate the U_them figures here are under: `est., plan` or `est., learned from N moves`. */
  estimate: string
  context: Context
  applicability: ApplicabilityNote[]
  flow: FlowStep[]
  moves: Move[]
  /** Advice to us: it may mention our own private figures; never read it out. */
  advice: string[]
  discovery: DiscoveryQuestion[]
  quickReference: QuickReferenceRow[]
  /** Lines we can say aloud, filled from the counterparty view; none at the debrief. */
  phrases: FilledPhrase[]
  /** Up to about eight lines for the next conversation, each one of the phrases, in the method's order. */
  script: string[]
  /**
   * Plan fields that still hold a `<...>` placeholder: the words that would have read one aloud
   * are left out, and the advice says to fill them in first.
   */
  toFill: string[]
  /** The bundles to offer next, when there is no offer on the table yet. */
  proposed: MesoBundle[]
  approval: { label: string; blocks: ApprovalBlock[] }[]
  faceSaving: FaceSavingVariant[]
  timeline: TimelineStep[]
  style: PhraseStyle
}

/** When the method does not fit, computed from the plan where it can be and read from `applicability` where not. */
export function applicabilityNotes(space: Space, state?: NegotiationState): ApplicabilityNote[] {
  const notes: ApplicabilityNote[] = []
  const { plan } = space
  if (space.issues.length === 1) {
    notes.push({
      id: 'single-issue',
      message:
        'There is only one issue: with little to trade across, a distributive approach on fixed standards may fit better, unless you can add issues that matter to either side.',
    })
  }
  const unmeasured = state?.contingencies.some((record) => !record.contingency.measurement?.source) ?? false
  if (plan.applicability?.verifiable === false || unmeasured) {
    notes.push({
      id: 'unverifiable',
      message:
        'Some terms can not be verified after signing; where misrepresentation risk is high, add verification (audit rights, third-party measurement, holdbacks) or narrow the deal to what can be checked.',
    })
  }
  if (plan.applicability?.timeForDiscovery === false) {
    notes.push({
      id: 'no-time',
      message:
        'There is no time for discovery: narrow the scope to what can be agreed now and come back to discovery for the rest.',
    })
  }
  return notes
}

/** A side's score of the level an offer gives an issue (off the grid too). */
function scoreAt(issue: IssueModel, side: Side, offer: Offer): number {
  const k = offer.levelIndex[issue.index] ?? -1
  return k >= 0 ? (issue.score[side][k] ?? 0) : scoreLevel(issue, side, offer.values[issue.index] ?? 0)
}

/**
 * The levels of an issue that move the table a side's way and keep every requirement the table
 * keeps (the decision rule, our limits), nearest first: a move that breaks our own limit or the
 * rule they set is not one we can offer or ask for.
 */
function movesFor(
  issue: IssueModel,
  side: Side,
  table: Offer,
  kept: readonly CompiledConstraint[],
): number[] {
  const now = scoreAt(issue, side, table)
  const values = [...table.values]
  return issue.levels
    .map((level, k) => ({ k, level, gain: (issue.score[side][k] ?? 0) - now }))
    .filter(({ level, gain }) => {
      if (gain <= 1e-9) return false
      values[issue.index] = level
      return kept.every((constraint) => constraintHolds(constraint, values))
    })
    .sort((a, b) => a.gain - b.gain || a.k - b.k)
    .map(({ k }) => k)
}

/**
 * A conditional trade on the bundle on the table, under the current estimate of their weights:
 * give what costs us least and they value most, among issues that can still move their way; ask
 * for what we value most and they value least, among issues that can still move ours — each move,
 * and the two together, keeping the decision rule and our limits where the table keeps them. None
 * when no such pair exists (a trade that can not happen is not proposed).
 */
export function tradePicks(
  space: Space,
  weights: ArrayLike<number>,
  table: Offer | undefined,
): Pick<PhrasePicks, 'give' | 'get'> {
  if (!table) return {}
  const kept = ruleAndLimits(space).filter((constraint) => constraintHolds(constraint, table.values))
  const us = (issue: IssueModel) => space.share.us[issue.index] ?? 0
  const them = (issue: IssueModel) => weights[issue.index] ?? 0
  const gives = space.issues
    .filter((issue) => them(issue) > 0)
    .map((issue) => ({
      issue,
      levels: movesFor(issue, 'them', table, kept),
      ratio: (them(issue) + 1e-9) / (us(issue) + 1e-9) + (issue.tradeable ? 10 : 0),
    }))
    .filter(({ levels }) => levels.length > 0)
    .sort((a, b) => b.ratio - a.ratio)
  const gets = space.issues
    .filter((issue) => us(issue) > 0)
    .map((issue) => ({
      issue,
      levels: movesFor(issue, 'us', table, kept),
      ratio: (us(issue) + 1e-9) / (them(issue) + 1e-9),
    }))
    .filter(({ levels }) => levels.length > 0)
    .sort((a, b) => b.ratio - a.ratio)
  // Both moves at once must keep them too (a rule can tie two issues together).
  const together = (
    give: { issue: IssueModel; levels: number[] },
    get: { issue: IssueModel; levels: number[] },
  ) =>
    give.levels.some((g) =>
      get.levels.some((k) => {
        const values = [...table.values]
        values[give.issue.index] = give.issue.levels[g] as Level
        values[get.issue.index] = get.issue.levels[k] as Level
        return kept.every((constraint) => constraintHolds(constraint, values))
      }),
    )
  for (const give of gives) {
    const get = gets.find((candidate) => candidate.issue !== give.issue && together(give, candidate))
    if (get) return { give: give.issue.id, get: get.issue.id }
  }
  return {}
}

/**
 * The call script's kinds of line per stage, in the method's order. `bundle` stands for one line
 * per bundle being presented; a kind twice takes its next phrase. The close closes (the
 * fairness of the terms, then the confirmation of what is signed); the debrief has none: it is
 * for our side (the prompts are `parley debrief`).
 */
export const SCRIPT: Record<Stage, readonly PhraseKind[]> = {
  // Before any contact: a rehearsal of the first conversation.
  prepare: ['open', 'decision-rule', 'discovery', 'benchmark'],
  setup: ['open', 'decision-rule', 'discovery', 'benchmark'],
  'first-move': ['decision-rule', 'discovery', 'benchmark', 'benchmark', 'bundles', 'bundle'],
  midgame: [
    'decision-rule',
    'recap',
    'counter-trade',
    'bundles',
    'bundle',
    'conditional-trade',
    'contingency',
    'face-saving',
    'benchmark',
    'pause',
  ],
  close: ['fairness', 'post-settlement', 'close'],
  debrief: [],
}

/** The script: for each kind of line, the next phrase of that kind (so every line is one of the phrases). */
function callScript(phrases: readonly FilledPhrase[], stage: Stage): FilledPhrase[] {
  const lines: FilledPhrase[] = []
  const used = new Set<FilledPhrase>()
  for (const kind of SCRIPT[stage]) {
    const next = phrases.filter((phrase) => phrase.kind === kind && !used.has(phrase))
    for (const phrase of kind === 'bundle' ? next : next.slice(0, 1)) {
      used.add(phrase)
      if (!lines.some((line) => line.text === phrase.text)) lines.push(phrase)
    }
  }
  return lines
}

/** Whether the terms are settled for this stage: agreed, or a stage after the agreement. */
function settled(state: NegotiationState, stage: Stage): boolean {
  return state.agreed !== undefined || stage === 'close' || stage === 'debrief'
}

/** The templates the coach may fill at a stage: those that belong to it, none that reopens settled terms. */
function templatesFor(context: Context, stage: Stage, state: NegotiationState): PhraseTemplate[] {
  const closed = settled(state, stage)
  return PLAYBOOKS[context].phrases.filter(
    (template) => template.stages.includes(stage) && !(closed && REOPENING_KINDS.includes(template.kind)),
  )
}

/**
 * "Bundle A breaks the decision rule agreed with them: rollout <= 60", for each bundle in play (being
 * presented, and the bundle on the table) that breaks the rule; the table once, when it is one of
 * the bundles.
 */
function brokenRuleInPlay(
  space: Space,
  presented: readonly { label: string; offer: Offer }[],
  table: Offer | undefined,
): string[] {
  const same = (a: Offer, b: Offer) => a.values.every((value, i) => value === b.values[i])
  const inPlay = [
    ...presented.map(({ label, offer }) => ({ what: `Bundle ${label}`, offer })),
    ...(table && !presented.some(({ offer }) => same(offer, table))
      ? [{ what: 'The bundle on the table', offer: table }]
      : []),
  ]
  return inPlay.flatMap(({ what, offer }) => {
    const message = ruleMessage(what, shortfallsOf(space, offer))
    return message ? [message] : []
  })
}

/** Their counter on the table as the reality test reads it (with the trade adviser's proposal when it is one-sided). */
function theirCounterRead(space: Space, state: NegotiationState, value: TheirValue): RealityItem | undefined {
  if (state.table?.source !== 'counter' || state.agreed) return undefined
  return realityTest(space, state, value).items.find((item) => item.label === 'their counter')
}

/** The words' answer to it: the proposal's terms, what it grants and what it asks back. */
function counterTradeOf(counter: RealityItem | undefined): PhrasePicks['counterTrade'] {
  const moves = counter?.proposalMoves
  return counter?.proposal && moves && moves.asked.length > 0
    ? { terms: counter.proposal.terms, granted: moves.granted, asked: moves.asked }
    : undefined
}

export interface CoachOptions {
  /** Show the playbook of this stage instead of the current one. */
  stage?: Stage
}

export function coach(
  space: Space,
  events: readonly JournalEvent[],
  options: CoachOptions = {},
  /** The journal replayed, and what it taught (needed only once it holds one of their moves). */
  learned?: { state: NegotiationState; posterior?: Posterior },
): CoachReport {
  const state = learned?.state ?? replay(space, events)
  // Before any of their moves, what we believe of them is the plan's estimate: no sampling needed.
  const posterior =
    state.observations.length > 0
      ? (learned?.posterior ?? inferPriorities(space, state.observations))
      : undefined
  const stage = options.stage ?? state.stage
  const { plan } = space
  const playbook = PLAYBOOKS[plan.context]
  const style: PhraseStyle = plan.culture?.style ?? 'direct'
  // What we now believe they value: the plan's estimate until the journal has taught us something.
  const estimate = currentEstimate(space, state, posterior)
  const weights = Array.from(estimate.shares)
  const closed = settled(state, stage)

  // The next set, when nothing is on offer yet: chosen under what we know of them.
  let proposed: MesoBundle[] = []
  if (state.offers.length === 0 && !closed) {
    const result = meso(
      space,
      posterior && state.observations.length > 0
        ? {
            beliefs: thinBeliefs(posterior.beliefs, 400),
            theirUtility: estimate.themOfLevels,
          }
        : {},
    )
    if (result.ok) proposed = result.set.bundles
  }
  // Before signing, the alternatives `status` lists: the words offer them beside the agreement.
  const alternatives =
    stage === 'close'
      ? alternativesBeforeSigning(space, state, posterior ?? inferPriorities(space, state.observations))
      : []
  const view = counterpartyView(space, state, proposed.length > 0 ? proposed : undefined, alternatives)

  // Bundles on the table or about to be: which would their approvers block.
  const bundles: { label: string; offer: Offer }[] = [
    ...(state.offers.at(-1)?.bundles.map((bundle) => ({ label: bundle.label, offer: bundle.offer })) ?? []),
    ...proposed.flatMap((bundle) => {
      const read = readOffer(space, bundle.terms)
      return read.ok ? [{ label: bundle.label, offer: read.offer }] : []
    }),
  ]
  const approval = bundles.map((bundle) => ({
    label: bundle.label,
    blocks: approvalBlocks(space, bundle.offer),
  }))
  const table = state.table?.offer
  const presenting = !closed && (proposed.length > 0 || offerAwaitsAnswer(state))
  // Their counter on the table, read by the reality test's trade adviser: when it only moves issues
  // their way, the words say the adviser's proposal, and no trade that would give more on the table.
  const counter = closed ? undefined : theirCounterRead(space, state, estimate)
  const counterTrade = counterTradeOf(counter)
  // Variants of what we put to them, while its terms can still change: the bundle on the table, or
  // our answer to their one-sided counter (variants of the counter would be worth as little to us).
  const varied = counterTrade ? readOffer(space, counterTrade.terms) : undefined
  if (varied && !varied.ok) throw new Error('a proposal does not read back')
  const base = varied?.offer ?? table
  const faceSaving =
    base && !closed && (stage === 'first-move' || stage === 'midgame')
      ? faceSavingVariants(space, base, { weights })
      : []
  // A single bundle we offered that is the table: the stage's recap reads it in full already, and a
  // "Version A, in full" line after it would say the same terms twice, as if there were a choice.
  const [lone, ...others] = state.offers.at(-1)?.bundles ?? []
  const recapsIt =
    SCRIPT[stage].includes('recap') &&
    lone !== undefined &&
    others.length === 0 &&
    table !== undefined &&
    changedIssues(space, lone.offer, table).length === 0
  const picks: PhrasePicks = {
    ...(closed || counterTrade ? {} : tradePicks(space, weights, table)),
    ...(counterTrade ? { counterTrade } : {}),
    // A face-saving line invites a choice among variants: only when there are some.
    ...(faceSaving[0] ? { headline: faceSaving[0].headline.issue } : {}),
    presenting: presenting && !recapsIt,
  }
  // The decision rule's line promises that every option passes the test: while one in play does
  // not, the words leave that line out and the advice says why.
  const ruleBroken = closed ? [] : brokenRuleInPlay(space, presenting ? bundles : [], table)
  // Every playbook's pause answers a request of theirs that the agreed rule cannot take ("that request
  // does not fit what we agreed"): said only while their counter on the table breaks the rule and we
  // have no trade to answer it with (the pause puts off what the trade settles now).
  const theirRequestBreaksRule =
    !closed &&
    !counterTrade &&
    state.table?.source === 'counter' &&
    shortfallsOf(space, state.table.offer).brokenRule.length > 0
  const templates = templatesFor(plan.context, stage, state).filter(
    (template) =>
      !(ruleBroken.length > 0 && template.kind === 'decision-rule') &&
      !(template.kind === 'pause' && !theirRequestBreaksRule),
  )
  const words = fillWords(templates, view, picks, style)
  const script = callScript(words.phrases, stage)

  const advice: string[] = []
  if (words.toFill.length > 0)
    advice.push(
      `Fill in ${listAnd(words.toFill)} first: ${nounFor(words.toFill.length, 'it still holds', 'they still hold')} a placeholder, and the words that would read it aloud are left out until then.`,
    )
  if (stage === 'debrief')
    advice.push(
      'The debrief is for your side: there is nothing here to say to them. Answer the debrief prompts (parley debrief) while memories are fresh.',
    )
  // Their counter only moved issues their way (or gave next to nothing back): say the trade to offer, as status's next move does.
  if (counter?.advice && counter.giveaway !== undefined)
    advice.push(
      sentence(
        `${counter.givenBack === undefined ? 'Their counter only moves issues their way and gives us nothing back' : 'Their counter gives back next to nothing for what it takes'}: ${counter.advice}, rather than accept it, which would give away ${giveawayInWords(counter.giveaway, counter.givenBack)}`,
      ),
    )
  const offRange = closed ? undefined : benchmarkOutOfPlay(view, picks)
  if (offRange) {
    const issue = space.byId.get(offRange.issue)
    const outside = [...new Set(offRange.outside)]
    const levels = listAnd(outside.map((value) => formatLevelWithUnit(value, issue?.unit ?? '')))
    advice.push(
      `The words leave out the benchmark (${withoutFullStop(offRange.claim)}: ${formatLevelWithUnit(offRange.range[0], '')} to ${formatLevelWithUnit(offRange.range[1], issue?.unit ?? '')}): ${inSentence(issue?.name ?? offRange.issue)} ${levels} in play ${outside.length === 1 ? 'lies' : 'lie'} outside it, so its line ("our offer is set against that range") would not be true of what we put to them. Quote it again once that is within it.`,
    )
  }
  for (const broken of ruleBroken)
    advice.push(
      `${broken}. The words leave out the line that states the test, since it promises every option passes it: rework the bundle, or tell them plainly where and why it departs from the test.`,
    )
  if (alternatives.length > 0)
    advice.push(
      `Before you sign, offer ${alternatives.length === 1 ? 'the alternative' : `the ${alternatives.length} alternatives`} listed under "Before you sign" beside the agreement (the words below say ${alternatives.length === 1 ? 'it' : 'them'}): ${alternatives.length === 1 ? 'it is' : 'each is'} at least as good for us, and they keep the agreement if they prefer it. If they take one, record it as the agreement.`,
    )
  const reservation = effectiveReservation(space)
  const d = disagreementPoint(space)
  advice.push(
    `Hold your floor: nothing below ${formatPoints(reservation)} points for us${plan.batna?.us ? `; walking away is worth ${formatPoints(plan.batna.us.utility)} (${withoutFullStop(plan.batna.us.description ?? '') || 'our BATNA'})` : ''}.`,
  )
  if (plan.limits?.length)
    advice.push(
      `Walk-away limits: ${plan.limits.map((limit) => `${limit.issue ?? 'sum'} ${limit.op} ${Array.isArray(limit.value) ? limit.value.join(', ') : limit.value}`).join('; ')}.`,
    )
  if (plan.batna?.them)
    advice.push(
      `Their alternative (our estimate) is worth ${formatPoints(d.them)} to them: every bundle we offer should beat it for them.`,
    )
  if (plan.parties.them.approvalPath)
    advice.push(`Their approval path: ${sentence(plan.parties.them.approvalPath)}`)
  for (const person of plan.parties.them.stakeholders ?? []) {
    if (person.faceSaving)
      advice.push(
        `${person.name}${person.role ? `, ${person.role},` : ''} needs to save face: ${sentence(person.faceSaving)}`,
      )
  }
  for (const { label, blocks } of approval) {
    for (const block of blocks)
      advice.push(`Bundle ${label} is likely to be blocked: the ${block.approver} signs only ${block.limit}.`)
  }
  if (plan.culture?.powerDistance === 'high')
    advice.push(
      'High power distance: expect slower approvals; build the buffer into your timeline and give the decision maker a choice to make, not a verdict.',
    )
  if (style === 'indirect')
    advice.push(
      'Indirect style: soften the wording, offer choices rather than demands, and leave room for them to save face.',
    )

  return {
    stage,
    estimate: estimateLabel(state.observations.length),
    context: plan.context,
    applicability: applicabilityNotes(space, state),
    flow: playbook.flow.filter((step) => step.stage === stage),
    moves: playbook.moves.filter((move) => move.stages.includes(stage)),
    advice,
    discovery: stage === 'prepare' || stage === 'setup' || stage === 'first-move' ? playbook.discovery : [],
    quickReference: QUICK_REFERENCE.filter((row) => row.stage === stage),
    phrases: words.phrases,
    script: script.map((line) => line.text),
    toFill: words.toFill,
    proposed,
    approval,
    faceSaving,
    timeline: negotiationTimeline(plan),
    style,
  }
}

/** What may be said or shown to them: the words and the call script, and nothing of the advice for us. */
export interface ShareableCoach {
  phrases: FilledPhrase[]
  script: string[]
}

/**
 * The coach's report as the other side may see it (a rep sharing their screen, a deal room): the
 * phrases and the call script, copied by name, both filled from the counterparty view alone. The
 * moves, advice, approval blocks, variants, bundles with their utilities, placeholders to fill and
 * charts stay with us.
 */
export function shareableCoach(report: Pick<CoachReport, 'phrases' | 'script'>): ShareableCoach {
  return {
    phrases: report.phrases.map((phrase) => ({ id: phrase.id, kind: phrase.kind, text: phrase.text })),
    script: report.script.map((line) => String(line)),
  }
}

/**
 * Every phrase of the context's playbook the coach could have us say as the negotiation stands,
 * whatever the stage (a superset of any one report's: every set line, every trade and face-saving
 * wording): what the linter checks.
 */
export function allFilledPhrases(
  space: Space,
  state: NegotiationState,
  /** Our current estimate of their weights (shares by plan issue), for choosing what to trade. */
  weights: ArrayLike<number>,
  proposed: readonly MesoBundle[] = [],
): FilledPhrase[] {
  const playbook = PLAYBOOKS[space.plan.context]
  const view: CounterpartyView = counterpartyView(space, state, proposed.length > 0 ? proposed : undefined)
  const agreed = state.agreed !== undefined
  const headline = headlineIssue(space, space.plan.parties.them.approvalLimits ?? [], weights)
  const counterTrade = agreed ? undefined : counterTradeOf(theirCounterRead(space, state, weights))
  const picks: PhrasePicks = {
    ...(agreed || counterTrade ? {} : tradePicks(space, weights, state.table?.offer)),
    ...(counterTrade ? { counterTrade } : {}),
    ...(headline && !agreed ? { headline } : {}),
    presenting: !agreed,
  }
  const style: PhraseStyle = space.plan.culture?.style ?? 'direct'
  const templates = playbook.phrases.filter(
    (template) => !(agreed && REOPENING_KINDS.includes(template.kind)),
  )
  return fillWords(templates, view, picks, style).phrases
}
