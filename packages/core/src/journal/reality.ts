/**
 * The reality test: every bundle in play (the table, and our latest set while it waits for their
 * answer) against our reservation, both BATNAs, our limits and the decision rule, with a plain
 * verdict — accept, counter, or walk away — and the reason. Their counter is also read against our
 * last offer (`trade-advice.ts`): one that only moves issues their way, or gives back less than a
 * quarter of what it takes, is answered with a conditional trade at our target, never accepted, and
 * every numeric term they moved is compared with the evidence pack's standards.
 */
import type { TheirValue } from '../inference/estimate'
import { listAnd } from '../language/english'
import { formatLevelWithUnit } from '../language/levels'
import type { Level, Terms } from '../model/plan'
import { compileRequirements } from '../scoring/constraints'
import { formatPoints } from '../scoring/figures'
import { type Offer, readOffer, scoreOffer, termsOf, utilityOf } from '../scoring/offer'
import type { IssueModel, Space } from '../scoring/space'
import { offerAwaitsAnswer } from './apply/offers'
import { theirUtility } from './concessions'
import { changedIssues } from './positions'
import type { NegotiationState } from './replay'
import {
  compareWithStandards,
  counterGiveaway,
  ourLastOffer,
  ourPointsOn,
  type StandardComparison,
  standardsInWords,
  type TradeBundle,
  termsInWords,
  tradeProposal,
} from './trade-advice'

export type Verdict = 'accept' | 'counter' | 'walk away'

export interface RealityItem {
  /** `on the table`, `A`, `their counter`, `agreed`. */
  label: string
  terms: Terms
  utility: { us: number; them: number }
  margin: { reservation: number | null; batnaUs: number | null; batnaThem: number | null }
  meetsDecisionRule: boolean
  breaksLimits: boolean
  verdict: Verdict
  reason: string
  /**
   * Their counter only: the points of U_us we would give away by accepting it, against our last
   * offer, when it only moves issues their way or gives back less than a quarter of what it takes
   * (then the verdict is `counter`).
   */
  giveaway?: number
  /** With `giveaway`, when the counter gives something back: what it gives back, in our points (absent when nothing). */
  givenBack?: number
  /** With `giveaway`: the conditional trade to offer instead, at our current target. */
  proposal?: TradeBundle
  /** With `proposal`: what to say, `counter with … if they accept …`. */
  advice?: string
  /**
   * With `proposal`: what it does against their counter, by issue id — what of their ask it grants
   * (in full or in part, and anything more it gives them) and what it asks back for us. No grant:
   * our last offer held. The coach's counter-trade words read these.
   */
  proposalMoves?: ProposalMoves
  /** Their counter only: each numeric term they moved against the plan's evidence that speaks to its issue (`evidenceIssue`). */
  standards?: StandardComparison[]
}

export interface ProposalMoves {
  granted: string[]
  asked: string[]
}

export interface RealityTest {
  items: RealityItem[]
  /** Set when nothing in play beats our BATNA. */
  warning?: string
}

const WALK_AWAY_TAIL = ': walking away is better'

export function realityTest(space: Space, state: NegotiationState, theirWeights: TheirValue): RealityTest {
  const requirements = compileRequirements(space)
  const { plan } = space
  const candidates: { label: string; offer: Offer; terms: Terms }[] = []
  const seen = new Set<string>()
  const add = (label: string, offer: Offer, terms: Terms) => {
    const key = JSON.stringify(terms)
    if (seen.has(key)) return
    seen.add(key)
    candidates.push({ label, offer, terms })
  }
  if (state.agreed) add('agreed', state.agreed.offer, state.table?.terms ?? {})
  if (state.table)
    add(
      state.table.source === 'counter' ? 'their counter' : 'on the table',
      state.table.offer,
      state.table.terms,
    )
  // A set's bundles are in play while it waits for their answer: once they chose, ranked or rejected
  // (or we moved past it, or agreed), the others are history and only the table is tested.
  const latest = offerAwaitsAnswer(state) ? state.offers.at(-1) : undefined
  if (latest && latest.bundles.length > 1)
    for (const bundle of latest.bundles) add(bundle.label, bundle.offer, bundle.terms)
  const batnaUs = plan.batna?.us?.utility
  const batnaThem = plan.batna?.them?.utility
  const items = candidates.map(({ label, offer, terms }): RealityItem => {
    const score = scoreOffer(space, offer, requirements)
    const them = theirUtility(space, theirWeights, offer)
    const us = score.utility.us
    const margin = {
      reservation: score.margin.reservation,
      batnaUs: score.margin.batnaUs,
      batnaThem: batnaThem === undefined ? null : them - batnaThem,
    }
    let verdict: Verdict = 'accept'
    let reason: string
    if (batnaUs !== undefined && us < batnaUs) {
      verdict = 'walk away'
      reason = `worth ${formatPoints(us)} to us, below our BATNA (${formatPoints(batnaUs)})${WALK_AWAY_TAIL}`
    } else if (score.breaksLimits) {
      verdict = 'counter'
      reason = `breaks our limit ${score.limitChecks
        .filter((check) => !check.met)
        .map((check) => check.text)
        .join('; ')}`
    } else if (!score.meetsDecisionRule) {
      verdict = 'counter'
      reason = `does not meet the decision rule (${score.ruleChecks
        .filter((check) => !check.met)
        .map((check) => check.text)
        .join('; ')})`
    } else if (plan.reservation !== undefined && us < plan.reservation) {
      verdict = 'counter'
      reason = `above our BATNA but ${formatPoints(plan.reservation - us)} below our reservation`
    } else {
      reason = `meets the rule and our limits${plan.reservation !== undefined ? `, ${formatPoints(us - plan.reservation)} above our reservation` : ''}`
      if (margin.batnaThem !== null && margin.batnaThem < 0)
        reason += `; it is worth less to them than their BATNA (est.), so expect pushback`
    }
    const item: RealityItem = {
      label,
      terms,
      utility: { us, them },
      margin,
      meetsDecisionRule: score.meetsDecisionRule,
      breaksLimits: score.breaksLimits,
      verdict,
      reason,
    }
    return label === 'their counter' && !state.agreed
      ? adviseOnCounter(space, state, theirWeights, item, offer)
      : item
  })
  const test: RealityTest = { items }
  if (items.length > 0 && batnaUs !== undefined && items.every((item) => item.utility.us <= batnaUs)) {
    test.warning = `nothing in play beats our BATNA (${formatPoints(batnaUs)}): improve our alternative, reopen the issues, or prepare to walk away`
  }
  return test
}

/**
 * Their counter against our last offer: the verdict becomes `counter` with a proposal when it only
 * moves issues their way (whatever the limits said: the trade is the better answer than accepting
 * or walking away while it exists), and the reason quotes the standards it was compared with.
 */
function adviseOnCounter(
  space: Space,
  state: NegotiationState,
  value: TheirValue,
  item: RealityItem,
  counter: Offer,
): RealityItem {
  const ours = ourLastOffer(state)
  const standards = compareWithStandards(space, ours?.offer, counter)
  const advised: RealityItem = { ...item, ...(standards.length > 0 ? { standards } : {}) }
  const evidence = standards.length > 0 ? `; ${standardsInWords(space, standards)}` : ''
  const lopsided = ours ? counterGiveaway(space, ours.offer, counter) : undefined
  if (!ours || lopsided === undefined) return { ...advised, reason: `${item.reason}${evidence}` }
  const giveaway = lopsided.points
  const givenBack = lopsided.gives > 0 ? { givenBack: lopsided.gives } : {}
  const requirements = compileRequirements(space)
  const target = Math.max(utilityOf(space, ours.offer).us, space.plan.reservation ?? Number.NEGATIVE_INFINITY)
  const constraints = [...requirements.rule, ...requirements.limits]
  const traded = tradeProposal(space, value, constraints, target, { ours: ours.offer, counter })
  const proposal = traded ?? heldOffer(space, value, requirements, ours.offer)
  const moved = changedIssues(space, ours.offer, counter)
  const ourWay = moved.filter(
    (issue) =>
      ourPointsOn(space, issue, counter.values[issue.index] as Level) >
      ourPointsOn(space, issue, ours.offer.values[issue.index] as Level),
  )
  const theirWay = moved.filter((issue) => !ourWay.includes(issue))
  const asks =
    lopsided.gives > 0
      ? `it moves ${listAnd(termsInWords(counter, theirWay))} their way from our last offer (${ours.label}) and gives back only ${listAnd(termsInWords(counter, ourWay))}, worth ${formatPoints(lopsided.gives)} of the ${formatPoints(lopsided.takes)} points it takes: accepting gives away ${formatPoints(giveaway)} points`
      : `it only moves ${listAnd(termsInWords(counter, moved))} their way from our last offer (${ours.label}) and gives us nothing back: accepting gives away ${formatPoints(giveaway)} points for nothing`
  if (!proposal) {
    // Nothing meets our limits at our target: we cannot improve on it by trading, so the verdict stands.
    return { ...advised, giveaway, ...givenBack, reason: `${item.reason}; ${asks}${evidence}` }
  }
  const read = readOffer(space, proposal.terms)
  if (!read.ok) throw new Error('a proposal does not read back')
  const moves = proposalMoves(space, counter, read.offer, ours.offer)
  const trade = proposalInWords(counter, read.offer, moves, traded !== undefined)
  // Below our BATNA, walking away still beats accepting it; the trade beats both.
  const before = item.verdict === 'accept' ? '' : `${item.reason.replace(WALK_AWAY_TAIL, '')}; `
  const label = 'label' in value && typeof value.label === 'string' ? value.label : 'est.'
  const advice = `counter with ${trade} (${formatPoints(proposal.utility.us)} to us, our target ${formatPoints(target)}; ${formatPoints(proposal.utility.them)} to them, ${label})`
  return {
    ...advised,
    verdict: 'counter',
    giveaway,
    ...givenBack,
    proposal,
    advice,
    proposalMoves: {
      granted: moves.granted.map(({ issue }) => issue.id),
      asked: moves.asked.map((issue) => issue.id),
    },
    reason: `${before}${asks}; ${advice}${evidence}`,
  }
}

/**
 * Our last offer, held, when the frontier is too large to search: still better than accepting a
 * one-sided counter, as long as it meets the rule, our limits and our reservation.
 */
function heldOffer(
  space: Space,
  value: TheirValue,
  requirements: ReturnType<typeof compileRequirements>,
  ours: Offer,
): TradeBundle | undefined {
  const score = scoreOffer(space, ours, requirements)
  if (score.breaksLimits || !score.meetsDecisionRule) return undefined
  if (space.plan.reservation !== undefined && score.utility.us < space.plan.reservation) return undefined
  return {
    terms: termsOf(space, ours),
    utility: { us: score.utility.us, them: theirUtility(space, value, ours) },
  }
}

interface Moves {
  /** Issues where the proposal grants their ask (`asked`: in full, or in part) or gives them more. */
  granted: { issue: IssueModel; asked: 'in full' | 'in part' | false }[]
  /** Issues where it takes back, for us, what their counter moved. */
  asked: IssueModel[]
  /** Our last offer held: it grants nothing, and `asked` is where it differs from their counter. */
  held: boolean
}

/**
 * The proposal as a conditional trade against their counter: what of their ask we grant (all of it,
 * or part) and anything more it gives them, against the terms it takes back for us; or our last
 * offer held, when no trade at our target is better for them.
 */
function proposalMoves(space: Space, counter: Offer, proposal: Offer, ours: Offer): Moves {
  const differs = changedIssues(space, counter, proposal)
  const fromOurs = changedIssues(space, ours, proposal)
  if (fromOurs.length === 0) return { granted: [], asked: differs, held: true }
  const theirAsks = changedIssues(space, ours, counter)
  const moves: Moves = { granted: [], asked: [], held: false }
  for (const issue of space.issues) {
    const wasAsked = theirAsks.includes(issue)
    const moved = differs.includes(issue)
    if (wasAsked && !moved) moves.granted.push({ issue, asked: 'in full' })
    else if (wasAsked && fromOurs.includes(issue)) moves.granted.push({ issue, asked: 'in part' })
    else if (moved) {
      const gain =
        ourPointsOn(space, issue, proposal.values[issue.index] as Level) -
        ourPointsOn(space, issue, counter.values[issue.index] as Level)
      if (gain > 0) moves.asked.push(issue)
      else moves.granted.push({ issue, asked: false })
    }
  }
  return moves
}

function proposalInWords(counter: Offer, proposal: Offer, moves: Moves, searched: boolean): string {
  if (moves.held)
    return `our last offer held (${listAnd(termsInWords(proposal, moves.asked))}): ${searched ? 'no bundle worth our target to us is worth more to them' : 'the plan is too large to search for a better trade'}`
  const gives = moves.granted.map(({ issue, asked }) => {
    const [words = ''] = termsInWords(proposal, [issue])
    return asked === 'in full'
      ? `${words} as they asked`
      : asked === 'in part'
        ? `${words} (they asked ${formatLevelWithUnit(counter.values[issue.index] as Level, issue.unit)})`
        : words
  })
  const gets = termsInWords(proposal, moves.asked)
  if (gets.length === 0) return listAnd(gives)
  return gives.length > 0 ? `${listAnd(gives)} if they accept ${listAnd(gets)}` : listAnd(gets)
}
