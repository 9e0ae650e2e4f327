/**
 * The fairness story: a short paragraph, drafted for us to edit, that the people who sign on both
 * sides could repeat — what was agreed, the test it meets (the decision rule as agreed), the
 * evidence it stands on, and how each move was traded for one in return ("we moved the support
 * tier to premium when you moved the term to 36 months").
 *
 * It is written for the other side, so it is drafted from the counterparty view and the levels of
 * the concessions (levels are shareable: both sides saw them on the table) and from nothing else:
 * never a utility, weight, score, reservation, BATNA, limit, note or trigger. The projection is
 * done first (`shareableStory`), and the wording reads only that projection, so no private value
 * can reach the text however the wording changes.
 */
import type { NegotiationState } from '../journal/replay'
import { evidenceLine } from '../language/evidence'
import type { Level, Terms } from '../model/plan'
import { formatLevelWithUnit, inSentence, joinWords, type PhraseStyle } from '../playbooks/phrases'
import type { Space } from '../scoring/space'
import { type CounterpartyView, counterpartyView, type ViewMove } from '../sharing/counterparty-view'

export interface FairnessStoryOptions {
  /**
   * The terms the story is about (a level per issue), such as the terms being written into the
   * agreement; by default the recorded agreement's, else the bundle on the table.
   */
  terms?: Terms
  /** Direct or indirect wording; by default the plan's `culture.style` (direct without one). */
  style?: PhraseStyle
}

/** A concession as the story tells it: the levels each side moved to, and nothing more. */
export type SharedMove = ViewMove

/** Everything the story may use: the counterparty view, the terms, and the moves' levels. */
export interface ShareableStory {
  view: CounterpartyView
  terms: Terms | undefined
  moves: SharedMove[]
}

function copyTerms(terms: Terms): Terms {
  const out: Terms = {}
  for (const [issue, level] of Object.entries(terms)) out[issue] = level
  return out
}

/** The allow-listed projection the story is written from. */
function shareableStory(space: Space, state: NegotiationState, terms: Terms | undefined): ShareableStory {
  const view = counterpartyView(space, state)
  const chosen = terms ?? view.agreement?.terms ?? state.table?.terms
  return {
    view,
    terms: chosen ? copyTerms(chosen) : undefined,
    // Only the levels (the view's moves): a concession's note, trigger and values are ours.
    moves: view.moves,
  }
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '')
}

function levelText(view: CounterpartyView, id: string, level: Level): string | undefined {
  const issue = view.issues.find((candidate) => candidate.id === id)
  if (!issue) return undefined
  return formatLevelWithUnit(level, issue.unit)
}

/** `annual subscription fee 230,000 USD/year; billing schedule milestone`, in plan order. */
function termsList(view: CounterpartyView, terms: Terms): string {
  const parts: string[] = []
  for (const issue of view.issues) {
    const level = terms[issue.id]
    if (level === undefined) continue
    parts.push(`${inSentence(issue.name)} ${levelText(view, issue.id, level)}`)
  }
  return parts.join('; ')
}

/** `the support tier to premium and the term to 36 months`. */
function movedList(view: CounterpartyView, terms: Terms): string {
  const parts: string[] = []
  for (const issue of view.issues) {
    const level = terms[issue.id]
    if (level === undefined) continue
    parts.push(`the ${inSentence(issue.name)} to ${levelText(view, issue.id, level)}`)
  }
  return joinWords(parts)
}

function ruleText(view: CounterpartyView): string | undefined {
  const rule = view.decisionRule
  if (!rule) return undefined
  if (rule.statement?.trim()) return withoutFullStop(rule.statement)
  return rule.require.length > 0 ? rule.require.join(' and ') : undefined
}

/**
 * The evidence, split by what the terms can truly be said to be "in line with": an item whose range
 * holds the agreed level of the issue it speaks to (the view's `issue`); every other item (no range,
 * no issue it can be tied to, or a level outside its range) was only weighed.
 */
function evidenceTexts(
  view: CounterpartyView,
  terms: Terms | undefined,
): { inLine: string | undefined; weighed: string | undefined; weighedInSentence: string | undefined } {
  const inLine: string[] = []
  const weighed: string[] = []
  view.evidence.forEach((item) => {
    const level = item.issue === null ? undefined : terms?.[item.issue]
    const holds =
      item.range !== null &&
      typeof level === 'number' &&
      level >= item.range[0] - 1e-9 &&
      level <= item.range[1] + 1e-9
    ;(holds ? inLine : weighed).push(evidenceLine(item))
  })
  return {
    inLine: inLine.length > 0 ? joinWords(inLine) : undefined,
    weighed: weighed.length > 0 ? joinWords(weighed) : undefined,
    // Inside a sentence rather than after a colon: "weighed them against months from ...".
    weighedInSentence: weighed.length > 0 ? joinWords(weighed.map((text) => inSentence(text))) : undefined,
  }
}

function moveText(view: CounterpartyView, move: SharedMove, style: PhraseStyle): string | undefined {
  const give = movedList(view, move.give)
  const get = movedList(view, move.get)
  if (give && get)
    return style === 'indirect'
      ? `when you were able to move ${get}, we moved ${give}`
      : `we moved ${give} when you moved ${get}`
  if (give) return style === 'indirect' ? `we were able to move ${give}` : `we moved ${give}`
  if (get) return style === 'indirect' ? `you were kind enough to move ${get}` : `you moved ${get}`
  return undefined
}

/**
 * Whether every move (one that moved anybody: see the view's moves) was a trade, a step of ours
 * with a step of theirs; false when there was none.
 */
export function everyMoveTraded(moves: readonly SharedMove[]): boolean {
  const made = moves.filter((move) => Object.keys(move.give).length + Object.keys(move.get).length > 0)
  return (
    made.length > 0 &&
    made.every((move) => Object.keys(move.give).length > 0 && Object.keys(move.get).length > 0)
  )
}

/** The paragraph, from the shareable projection alone. */
function writeFairnessStory(story: ShareableStory, style: PhraseStyle = 'direct'): string {
  const { view } = story
  const indirect = style === 'indirect'
  const sentences: string[] = []
  const terms = story.terms ? termsList(view, story.terms) : ''
  if (terms)
    sentences.push(
      indirect
        ? `We are glad to have reached an agreement between ${view.parties.us} and ${view.parties.them} on these terms: ${terms}.`
        : `${view.parties.us} and ${view.parties.them} have agreed on these terms: ${terms}.`,
    )
  const rule = ruleText(view)
  if (rule)
    sentences.push(
      indirect
        ? `We believe they respect the test we agreed together at the start: ${rule}.`
        : `They meet the test we agreed at the start: ${rule}.`,
    )
  const evidence = evidenceTexts(view, story.terms)
  if (evidence.inLine)
    sentences.push(
      indirect
        ? `They also sit with the evidence we looked at together: ${evidence.inLine}.`
        : `They are in line with the evidence we both looked at: ${evidence.inLine}.`,
    )
  if (evidence.weighed)
    sentences.push(
      evidence.inLine
        ? indirect
          ? `We also looked at them in the light of ${evidence.weighedInSentence}.`
          : `We also weighed them against ${evidence.weighedInSentence}.`
        : indirect
          ? `We looked at them together in the light of the evidence we shared: ${evidence.weighed}.`
          : `We weighed them against the evidence we both looked at: ${evidence.weighed}.`,
    )
  const moves = story.moves
    .map((move) => moveText(view, move, style))
    .filter((text): text is string => text !== undefined)
  if (moves.length > 0) {
    const traded = everyMoveTraded(story.moves)
    const lead = traded
      ? indirect
        ? 'Each step came with a step from the other side'
        : 'Every move was matched by a move in return'
      : indirect
        ? 'This is how we got here together'
        : 'This is how we got here'
    sentences.push(`${lead}: ${moves.join('; ')}.`)
  }
  sentences.push(
    indirect
      ? 'We hope this shows that both sides were treated fairly, and we are happy to go through any part of it again.'
      : 'That is why we consider the outcome fair to both sides, and why either of us can explain it to anyone who asks.',
  )
  return sentences.join(' ')
}

/**
 * A draft of the fairness story for an agreement, from what may be shared: the decision rule as
 * agreed, the evidence, the terms and the concessions as give/get pairs in plain words. Worded
 * directly or indirectly after the plan's `culture.style` unless `options.style` says otherwise.
 */
export function draftFairnessStory(
  space: Space,
  state: NegotiationState,
  options: FairnessStoryOptions = {},
): string {
  const style = options.style ?? space.plan.culture?.style ?? 'direct'
  return writeFairnessStory(shareableStory(space, state, options.terms), style)
}

/**
 * The story from the counterparty view alone (what the documents for them are built from): the
 * terms given, else the agreement's, else the bundle on the table; the moves as the view has them.
 */
export function fairnessStoryFromView(
  view: CounterpartyView,
  options: { terms?: Terms; style?: PhraseStyle } = {},
): string {
  const terms = options.terms ?? view.agreement?.terms ?? view.table?.terms
  return writeFairnessStory(
    { view, terms: terms ? copyTerms(terms) : undefined, moves: view.moves },
    options.style,
  )
}
