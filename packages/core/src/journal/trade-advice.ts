/**
 * The reality test as a trade adviser: their counter read against our last offer, not only
 * against our limits. A counter that moves issues their way and gives us nothing (or next to nothing)
 * back is a request for points for nothing; the answer is a conditional trade at our current target
 * instead.
 *
 * Definitions (docs/journal.md, "The reality test as a trade adviser", says the same):
 * - Our last offer: our position when they countered, as replay keeps it (`ourPosition`, the same
 *   position concessions are measured from): the last single bundle we offered, the bundle they
 *   chose or ranked first from our latest set, moved by our concessions since; when they countered
 *   a set without choosing from it, the bundle of that set that differs from their counter on the
 *   fewest issues (the first of them on a tie).
 * - What a counter takes and gives, against our last offer, in our points: it takes the sum of what
 *   we lose on the issues it moves their way, and gives back the sum of what we gain on the issues it
 *   moves ours (each issue's share times our score, so takes − gives is the loss in U_us).
 * - One-sided: it differs from our last offer on at least one issue, is worth less to us than our
 *   last offer, and gives nothing back. Lopsided: the same, but it gives back something worth less
 *   than a quarter of what it takes (`LOPSIDED_SHARE`): a request for points with next to nothing in
 *   return, answered like a one-sided one. The giveaway is the loss either way:
 *   U_us(our last offer) − U_us(counter), in points.
 * - Our current target: what our last offer is worth to us, never below our reservation.
 * - The proposal: among bundles that meet the decision rule and our limits and are worth at least
 *   our target to us, the one worth most to them under the current estimate (a point of the exact
 *   frontier under that estimate): it gives them what they asked for wherever that is cheap for us,
 *   and takes back, on issues cheap for them and valuable to us, what keeps us at our target.
 */
import type { Frontier } from '../frontier/frontier'
import type { TheirValue } from '../inference/estimate'
import { listAnd } from '../language/english'
import { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'
import { evidenceIssue } from '../model/evidence-issue'
import { TOLERANCE } from '../model/limits'
import type { Evidence, Level, Terms } from '../model/plan'
import type { CompiledConstraint } from '../scoring/constraints'
import { formatPoints } from '../scoring/figures'
import { type Offer, offerFromLevels, termsOf, utilityOf } from '../scoring/offer'
import { type IssueModel, type Space, scoreLevel } from '../scoring/space'
import { theirUtility } from './concessions'
import { estimatedFrontier, frontierLevels } from './estimated-frontier'
import { changedIssues, sameLevel } from './positions'
import type { NegotiationState } from './replay'

/** Where our side stood when they countered. */
export interface OurLastOffer {
  /** `A`, `our offer`, `our last concession`. */
  label: string
  offer: Offer
}

/** A bundle we could propose, with what it is worth to each side (theirs under the current estimate). */
export interface TradeBundle {
  terms: Terms
  utility: { us: number; them: number }
}

/** How one numeric term of their counter compares with a standard from the plan's evidence. */
export interface StandardComparison {
  issue: string
  value: number
  /** Index into the plan's evidence list. */
  evidence: number
  claim: string
  range: [number, number]
  source?: string
  position: 'below' | 'within' | 'above'
  /** `their annual subscription fee 200,000 USD/year is below Benchmark price … (210,000–270,000 USD/year; Fenwick Research)`. */
  text: string
}

/**
 * Our last offer before their counter (see the header): where replay says we stood when they made it
 * (`NegotiationState.counter.against`). Undefined unless their counter is what is on the table.
 */
export function ourLastOffer(state: NegotiationState): OurLastOffer | undefined {
  const { table, counter } = state
  return table?.source === 'counter' && counter?.eventId === table.eventId ? counter.against : undefined
}

/** `base` with one issue at level k. */
function offerAtLevel(base: Offer, issue: IssueModel, k: number): Offer {
  const values = [...base.values]
  values[issue.index] = issue.levels[k] as Level
  const levelIndex = Int32Array.from(base.levelIndex)
  levelIndex[issue.index] = k
  return { values, levelIndex }
}

/** Our points from one issue's level (its share times our score). */
export function ourPointsOn(space: Space, issue: IssueModel, level: Level): number {
  return (space.share.us[issue.index] ?? 0) * scoreLevel(issue, 'us', level)
}

/**
 * A counter that gives back less than this share of what it takes from us (in our points) is read
 * as a request for points with next to nothing in return. Trading 15 points of ours for 3 is not a
 * trade a negotiator accepts on sight; a quarter leaves room for the uneven trades real counters
 * make (take 10,000 off the price for the 36-month term we value is accepted).
 */
export const LOPSIDED_SHARE = 0.25

/** What accepting a lopsided counter gives away, against our last offer, in our points. */
export interface Giveaway {
  /** The loss in U_us: `takes - gives`. */
  points: number
  /** What we lose on the issues it moves their way. */
  takes: number
  /** What we gain on the issues it moves our way: 0 when it only moves issues their way. */
  gives: number
}

/**
 * Whether their counter, against our last offer, takes from us and gives back nothing or less than
 * `LOPSIDED_SHARE` of it (see the header); what accepting it gives away when so, else undefined.
 */
export function counterGiveaway(space: Space, ours: Offer, counter: Offer): Giveaway | undefined {
  const changed = changedIssues(space, ours, counter)
  if (changed.length === 0) return undefined
  const tolerance = TOLERANCE * 100
  let takes = 0
  let gives = 0
  for (const issue of changed) {
    const gain =
      ourPointsOn(space, issue, counter.values[issue.index] as Level) -
      ourPointsOn(space, issue, ours.values[issue.index] as Level)
    if (gain > 0) gives += gain
    else takes -= gain
  }
  if (gives > LOPSIDED_SHARE * takes + tolerance) return undefined
  const points = utilityOf(space, ours).us - utilityOf(space, counter).us
  return points > tolerance ? { points, takes, gives: gives > tolerance ? gives : 0 } : undefined
}

/**
 * What accepting gives away: `12.0 of our points for nothing`, or `12.0 of our points (it takes
 * 15.0 and gives back 3.0)`; with `against`, saying what it is measured from: `… for nothing
 * (against our last offer)`, `12.0 of our points against our last offer (it takes …)`.
 */
export function giveawayInWords(giveaway: number, givenBack: number | undefined, against = false): string {
  return givenBack === undefined || givenBack <= 0
    ? `${formatPoints(giveaway)} of our points for nothing${against ? ' (against our last offer)' : ''}`
    : `${formatPoints(giveaway)} of our points${against ? ' against our last offer' : ''} (it takes ${formatPoints(giveaway + givenBack)} and gives back ${formatPoints(givenBack)})`
}

/**
 * The proposal at our target (see the header): undefined when no bundle meeting the rule and our
 * limits reaches the target. `ours` and `counter` given: it never goes back on what they asked —
 * each issue they moved stays between our last offer's level and theirs (by what it is worth to
 * them) — unless no bundle at our target can, and then the best for them at the target is taken.
 */
export function tradeProposal(
  space: Space,
  value: TheirValue,
  constraints: readonly CompiledConstraint[],
  target: number,
  moves?: { ours: Offer; counter: Offer },
): TradeBundle | undefined {
  const kept = moves
    ? [...constraints, ...keepTheirAsks(space, value, moves.ours, moves.counter)]
    : constraints
  return (
    bestForThemAt(space, value, kept, target) ??
    (moves ? bestForThemAt(space, value, constraints, target) : undefined)
  )
}

/**
 * The bundle best for them among those meeting the constraints and worth at least the target to
 * us, under `value` (a point of the estimated frontier). `indifference` (points, default 0): among
 * the bundles within that much of it for them, the one best for us — the first such on the
 * frontier, which lists U_us from the highest, so with 0 the best for them with the most for us.
 */
export function bestForThemAt(
  space: Space,
  value: TheirValue,
  constraints: readonly CompiledConstraint[],
  target: number,
  indifference = 0,
): TradeBundle | undefined {
  const frontier = estimatedFrontier(space, value, constraints)
  if (!frontier) return undefined
  const reach: FrontierPoint[] = []
  let most = Number.NEGATIVE_INFINITY
  const point = pointsOf(space, value, frontier)
  for (let k = 0; k < frontier.size; k++) {
    // The frontier lists U_us from the highest: once its own figure is below the target by more than
    // any rounding, so is every later point's (the exact figure below decides the ones near it).
    if ((frontier.us[k] ?? 0) < target - TOLERANCE * 100 - 1e-6) break
    const at = point(k)
    if (at.us < target - TOLERANCE * 100) continue
    reach.push(at)
    most = Math.max(most, at.them)
  }
  const best = reach.find((point) => point.them >= most - indifference)
  return best && { terms: termsOf(space, best.offer), utility: { us: best.us, them: best.them } }
}

interface FrontierPoint {
  offer: Offer
  us: number
  them: number
}

/** Points of an estimated frontier read as offers with their exact utilities, by frontier (each is `value`'s own). */
const readPoints = new WeakMap<Frontier, { value: TheirValue; points: FrontierPoint[] }>()

/**
 * Frontier point k as an offer with U_us and U_them, each read once: the warnings on a MESO set
 * look along the same frontier for every bundle.
 */
function pointsOf(space: Space, value: TheirValue, frontier: Frontier): (k: number) => FrontierPoint {
  let read = readPoints.get(frontier)
  if (read?.value !== value) {
    read = { value, points: [] }
    readPoints.set(frontier, read)
  }
  const { points } = read
  return (k) => {
    let at = points[k]
    if (!at) {
      const offer = offerFromLevels(space, frontierLevels(frontier, k))
      at = { offer, us: utilityOf(space, offer).us, them: theirUtility(space, value, offer) }
      points[k] = at
    }
    return at
  }
}

/** `base` with one issue's term taken from `from`: to value a single term in the context of a bundle. */
function withTermOf(base: Offer, issue: IssueModel, from: Offer): Offer {
  const values = [...base.values]
  values[issue.index] = from.values[issue.index] as Level
  const levelIndex = Int32Array.from(base.levelIndex)
  levelIndex[issue.index] = from.levelIndex[issue.index] ?? -1
  return { values, levelIndex }
}

/**
 * For each issue they moved, the levels between our last offer's and their counter's, by what the
 * level is worth to them (both ends included), as requirements the frontier honours.
 */
export function keepTheirAsks(
  space: Space,
  value: TheirValue,
  ours: Offer,
  counter: Offer,
): CompiledConstraint[] {
  return changedIssues(space, ours, counter).map((issue) => {
    const at = (offer: Offer) => theirUtility(space, value, withTermOf(ours, issue, offer))
    const atLevel = (k: number) => theirUtility(space, value, offerAtLevel(ours, issue, k))
    const a = at(ours)
    const b = at(counter)
    const low = Math.min(a, b) - TOLERANCE * 100
    const high = Math.max(a, b) + TOLERANCE * 100
    const allowed = Uint8Array.from(issue.levels, (_, k) => {
      const them = atLevel(k)
      return them >= low && them <= high ? 1 : 0
    })
    const levels = issue.levels.filter((_, k) => allowed[k] === 1)
    return {
      kind: 'issue' as const,
      source: { issue: issue.id, op: 'in' as const, value: levels },
      path: 'their ask',
      text: `${issue.id} between our last offer and their counter`,
      issue: issue.index,
      allowed,
      test: (level: Level) => levels.some((kept) => sameLevel(kept, level)),
    }
  })
}

/**
 * The evidence items with a range that speak to a numeric issue (`evidenceIssue`: the issue they
 * name, the anchor's for its evidence, else the one issue in their unit), each range low end first.
 */
export function evidenceRanges(
  space: Space,
  issue: IssueModel,
): { item: Evidence; index: number; range: [number, number] }[] {
  if (!issue.numeric) return []
  return (space.plan.evidence ?? []).flatMap((item, index) => {
    if (!item.range || evidenceIssue(space.plan, space.issues, index) !== issue.id) return []
    const [a, b] = item.range
    return [{ item, index, range: [Math.min(a, b), Math.max(a, b)] as [number, number] }]
  })
}

/**
 * Each numeric term they moved, against every evidence item with a range that speaks to its issue
 * (`evidenceRanges`): the market standards, quotes and costs the plan cites.
 */
export function compareWithStandards(
  space: Space,
  ours: Offer | undefined,
  counter: Offer,
): StandardComparison[] {
  const moved = ours ? changedIssues(space, ours, counter) : space.issues
  const comparisons: StandardComparison[] = []
  for (const issue of moved) {
    const value = counter.values[issue.index]
    if (typeof value !== 'number' || !issue.numeric) continue
    evidenceRanges(space, issue).forEach(({ item, index, range: [low, high] }) => {
      const position = value < low ? 'below' : value > high ? 'above' : 'within'
      const range = `${formatLevel(low)}–${formatLevelWithUnit(high, issue.unit)}`
      const text = `their ${inSentence(issue.name)} ${formatLevelWithUnit(value, issue.unit)} is ${position === 'within' ? 'within' : position} ${position === 'within' ? 'the range of ' : ''}${inSentence(item.claim)} (${range}${item.source ? `; ${item.source}` : ''})`
      comparisons.push({
        issue: issue.id,
        value,
        evidence: index,
        claim: item.claim,
        range: [low, high],
        ...(item.source ? { source: item.source } : {}),
        position,
        text,
      })
    })
  }
  return comparisons
}

/**
 * The comparisons in one sentence part per issue: `their annual subscription fee 200,000 USD/year is
 * below benchmark price … (210,000–270,000 USD/year; Fenwick Research) and within the range of …`.
 */
export function standardsInWords(space: Space, standards: readonly StandardComparison[]): string {
  const parts: string[] = []
  for (const issue of space.issues) {
    const mine = standards.filter((standard) => standard.issue === issue.id)
    const first = mine[0]
    if (!first) continue
    parts.push(
      `their ${inSentence(issue.name)} ${formatLevelWithUnit(first.value, issue.unit)} is ${listAnd(mine.map(standardPhrase))}`,
    )
  }
  return listAnd(parts)
}

/** `below benchmark price … (210,000–270,000 USD/year; Fenwick Research)`. */
function standardPhrase(standard: StandardComparison): string {
  return standard.text.slice(standard.text.indexOf(' is ') + 4)
}

/** `annual subscription fee 200,000 USD/year` for each issue named, in plan order. */
export function termsInWords(offer: Offer, issues: readonly IssueModel[]): string[] {
  return issues.map(
    (issue) =>
      `${inSentence(issue.name)} ${formatLevelWithUnit(offer.values[issue.index] as Level, issue.unit)}`,
  )
}
