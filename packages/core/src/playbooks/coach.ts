/**
 * The coach: the method's playbook for the current stage, applied to the live plan. Advice to us
 * may mention our own private figures; every phrase and every line of the call script is filled
 * from the counterparty view alone (see `phrases.ts`), so it is something we could say aloud.
 */
import { disagreementPoint, effectiveReservation } from '../frontier/report'
import { thinBeliefs } from '../inference/beliefs'
import type { Posterior } from '../inference/posterior'
import { inferPriorities } from '../inference/posterior'
import type { JournalEvent } from '../journal/events'
import { type NegotiationState, replay, type Stage } from '../journal/replay'
import { type MesoBundle, meso } from '../meso/meso'
import type { Context } from '../model/plan'
import { type ApprovalBlock, approvalBlocks } from '../scoring/approval'
import { formatPoints } from '../scoring/figures'
import type { Offer } from '../scoring/offer'
import { readOffer } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { type CounterpartyView, counterpartyView } from '../sharing/counterparty-view'
import { type FaceSavingVariant, faceSavingVariants, headlineIssue } from './approval'
import { PLAYBOOKS, QUICK_REFERENCE } from './library'
import {
  type FilledPhrase,
  fillPhrases,
  fillTemplate,
  type PhrasePicks,
  type PhraseStyle,
  phraseSlots,
  slotsFor,
} from './phrases'
import { negotiationTimeline, type TimelineStep } from './timeline'
import type {
  DiscoveryQuestion,
  FlowStep,
  Move,
  PhraseKind,
  PhraseTemplate,
  QuickReferenceRow,
} from './types'

export interface ApplicabilityNote {
  id: string
  /** When the method may not fit, and what fits better. */
  message: string
}

export interface CoachReport {
  stage: Stage
  context: Context
  applicability: ApplicabilityNote[]
  flow: FlowStep[]
  moves: Move[]
  /** Advice to us: it may mention our own private figures; never read it out. */
  advice: string[]
  discovery: DiscoveryQuestion[]
  quickReference: QuickReferenceRow[]
  /** Lines we can say aloud, filled from the counterparty view. */
  phrases: FilledPhrase[]
  /** About eight lines for the next conversation. */
  script: string[]
  /** The bundles to offer next, when there is no offer on the table yet. */
  proposed: MesoBundle[]
  approval: { label: string; blocks: ApprovalBlock[] }[]
  faceSaving: FaceSavingVariant[]
  timeline: TimelineStep[]
  style: PhraseStyle
}

/** A text as the end of a sentence: one full stop, whatever it ended with. */
function sentence(text: string): string {
  return `${text.trim().replace(/[.!]+$/, '')}.`
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

/** A conditional trade: give what costs us least and they value most; ask for what we value most and they value least. */
function tradePicks(space: Space, weights: ArrayLike<number>): Pick<PhrasePicks, 'give' | 'get'> {
  let give: { id: string; ratio: number } | undefined
  let get: { id: string; ratio: number } | undefined
  for (const issue of space.issues) {
    const us = space.share.us[issue.index] ?? 0
    const them = weights[issue.index] ?? 0
    const giveRatio = (them + 1e-9) / (us + 1e-9) + (issue.tradeable ? 10 : 0)
    const getRatio = (us + 1e-9) / (them + 1e-9)
    if (!give || giveRatio > give.ratio) give = { id: issue.id, ratio: giveRatio }
    if (!get || getRatio > get.ratio) get = { id: issue.id, ratio: getRatio }
  }
  if (give && get && give.id === get.id) {
    const second = space.issues
      .filter((issue) => issue.id !== give?.id)
      .sort((a, b) => (space.share.us[b.index] ?? 0) - (space.share.us[a.index] ?? 0))[0]
    if (second) get = { id: second.id, ratio: 0 }
  }
  return { ...(give ? { give: give.id } : {}), ...(get ? { get: get.id } : {}) }
}

/** Eight lines in the method's order: issues, rule, the set, two bundles, a trade, their priorities, the close. */
const SCRIPT: Record<Stage, PhraseKind[]> = {
  prepare: [
    'open',
    'decision-rule',
    'discovery',
    'benchmark',
    'bundles',
    'conditional-trade',
    'pause',
    'close',
  ],
  setup: [
    'open',
    'decision-rule',
    'discovery',
    'benchmark',
    'bundles',
    'conditional-trade',
    'pause',
    'close',
  ],
  'first-move': [
    'open',
    'decision-rule',
    'bundles',
    'bundle',
    'bundle',
    'conditional-trade',
    'discovery',
    'close',
  ],
  midgame: [
    'decision-rule',
    'bundle',
    'conditional-trade',
    'contingency',
    'face-saving',
    'benchmark',
    'pause',
    'close',
  ],
  close: [
    'decision-rule',
    'close',
    'contingency',
    'face-saving',
    'benchmark',
    'pause',
    'conditional-trade',
    'open',
  ],
  debrief: ['open', 'decision-rule', 'close', 'benchmark', 'contingency', 'bundles', 'discovery', 'pause'],
}

function callScript(
  templates: readonly PhraseTemplate[],
  view: CounterpartyView,
  picks: PhrasePicks,
  style: PhraseStyle,
  stage: Stage,
): string[] {
  const lines: string[] = []
  const used = new Set<string>()
  let bundleTurn = 0
  for (const kind of SCRIPT[stage]) {
    const candidates = templates.filter((template) => template.kind === kind && !used.has(template.id))
    let text: string | undefined
    for (const template of candidates) {
      const label = kind === 'bundle' ? view.bundles[bundleTurn]?.label : picks.bundle
      const slots = phraseSlots(view, label ? { ...picks, bundle: label } : picks)
      text = fillTemplate(
        style === 'indirect' ? template.indirect : template.direct,
        slotsFor(template.kind, slots),
      )
      if (text) {
        used.add(template.id)
        break
      }
    }
    if (kind === 'bundle') bundleTurn++
    if (text && !lines.includes(text)) lines.push(text)
  }
  return lines
}

export interface CoachOptions {
  /** Show the playbook of this stage instead of the current one. */
  stage?: Stage
}

export function coach(
  space: Space,
  events: readonly JournalEvent[],
  options: CoachOptions = {},
  learned?: { state: NegotiationState; posterior: Posterior },
): CoachReport {
  const state = learned?.state ?? replay(space, events)
  const posterior = learned?.posterior ?? inferPriorities(space, state.observations)
  const stage = options.stage ?? state.stage
  const { plan } = space
  const playbook = PLAYBOOKS[plan.context]
  const style: PhraseStyle = plan.culture?.style ?? 'direct'
  const weights = space.issues.map((issue) => posterior.issues[issue.id]?.mean ?? 0)

  // The next set, when nothing is on offer yet: chosen under what we know of them.
  let proposed: MesoBundle[] = []
  if (state.offers.length === 0 && stage !== 'close' && stage !== 'debrief') {
    const result = meso(
      space,
      state.observations.length > 0 ? { beliefs: thinBeliefs(posterior.beliefs, 400) } : {},
    )
    if (result.ok) proposed = result.set.bundles
  }
  const view = counterpartyView(space, state, proposed.length > 0 ? proposed : undefined)
  const headline = headlineIssue(space)
  const picks: PhrasePicks = {
    ...tradePicks(space, weights),
    ...(headline ? { headline } : {}),
    ...(view.bundles[0] ? { bundle: view.bundles[0].label } : {}),
  }
  const stagePhrases = playbook.phrases.filter((template) => template.stage === stage)
  const phrases = fillPhrases(stagePhrases.length > 0 ? stagePhrases : playbook.phrases, view, picks, style)

  // Bundles on the table or about to be: which would their approvers block, and face-saving variants of the one they like.
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
  const liked = state.table?.offer ?? bundles[0]?.offer
  const faceSaving = liked && stage !== 'prepare' && stage !== 'setup' ? faceSavingVariants(space, liked) : []

  const advice: string[] = []
  const reservation = effectiveReservation(space)
  const d = disagreementPoint(space)
  advice.push(
    `Hold your floor: nothing below ${formatPoints(reservation)} points for us${plan.batna?.us ? `; walking away is worth ${formatPoints(plan.batna.us.utility)} (${plan.batna.us.description?.trim().replace(/[.!]+$/, '') ?? 'our BATNA'})` : ''}.`,
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
    context: plan.context,
    applicability: applicabilityNotes(space, state),
    flow: playbook.flow.filter((step) => step.stage === stage),
    moves: playbook.moves.filter((move) => move.stage === stage),
    advice,
    discovery: stage === 'prepare' || stage === 'setup' || stage === 'first-move' ? playbook.discovery : [],
    quickReference: QUICK_REFERENCE.filter((row) => row.stage === stage),
    phrases,
    script: callScript(playbook.phrases, view, picks, style, stage),
    proposed,
    approval,
    faceSaving,
    timeline: negotiationTimeline(plan),
    style,
  }
}

/** Every phrase of the context's playbook, filled for the negotiation as it stands: what the linter checks. */
export function allFilledPhrases(
  space: Space,
  state: NegotiationState,
  /** Our current estimate of their weights (shares by plan issue), for choosing what to trade. */
  weights: ArrayLike<number>,
  proposed: readonly MesoBundle[] = [],
): FilledPhrase[] {
  const playbook = PLAYBOOKS[space.plan.context]
  const view = counterpartyView(space, state, proposed.length > 0 ? proposed : undefined)
  const headline = headlineIssue(space)
  const picks: PhrasePicks = { ...tradePicks(space, weights), ...(headline ? { headline } : {}) }
  const style: PhraseStyle = space.plan.culture?.style ?? 'direct'
  return view.bundles.length > 0
    ? view.bundles.flatMap((bundle) =>
        fillPhrases(playbook.phrases, view, { ...picks, bundle: bundle.label }, style),
      )
    : fillPhrases(playbook.phrases, view, picks, style)
}
