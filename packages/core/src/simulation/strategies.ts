/**
 * Our side's strategies and the protocol they play. Each round t = 1..T (T = `deadline`): we offer
 * one to three bundles; the counterpart agrees to one, leaves, or answers with its ranking and a
 * counter; we accept the counter or go on. After round T without agreement both sides take their
 * BATNAs. Every strategy offers only bundles that meet the decision rule and our limits and are
 * worth at least our reservation R to us, and accepts only such counters.
 *
 * - `single-offer`: one bundle a round, conceding on our time schedule tau(t) (see `prepared.ts`):
 *   the bundle best for them under the plan's estimate among those worth tau(t) to us (the
 *   estimated frontier). Accepts a counter worth at least its next offer, tau(t+1) (R in round T).
 * - `split-difference`: opens like single-offer; then meets each counter halfway on every issue —
 *   a numeric issue at the level nearest the midpoint of the two values, an option at the one whose
 *   score for us is nearest the mean of the two scores, ties toward our side — keeping our side's
 *   level where the midpoint breaks the rule or a limit, and repeating its last offer when the split
 *   would fall under R. Accepts a counter worth at least its next split (anything over R in round T).
 * - `parley`, Parley's method: discovery first (they are asked what matters most), then every round
 *   an offer of up to `mesoCount` bundles at the round's target tau, all chosen under what Parley has
 *   learned from the journal (the current estimate, as `parley status` uses): first the reality
 *   test's trade when their last counter only moved issues their way, or gave back under a quarter
 *   of what it took (at our last offer's value, or at tau once we have conceded below it); then the
 *   bundle best for them with U_us at least tau under the current estimate, or within a point of it
 *   for them the one best for us (`bestForThemAt` with `THEIR_INDIFFERENCE`), even when it gives us
 *   more than tau: then it is better for both;
 *   then, to fill the offer, the bundles most likely to be their best (`likelyBest`: best for them
 *   under posterior draws, equal for us, chosen to raise the expected worth to them of the best
 *   bundle offered); then the bundles of the MESO set `parley meso --target tau` gives with the
 *   journal that are worth at least tau to us, at least two bundles in all when the set has them
 *   (or the bundle best for them under the posterior mean when no set exists). Trade,
 *   don't gift: our target moves half a step down the schedule, tau(1 + k/2) after k such rounds,
 *   only for each round in which their counter asked less for them than their previous one (their
 *   utility under the current estimate); otherwise we hold it. The reality test (`parley status`)
 *   decides their counter: `accept` closes, unless a bundle better for both (`status`'s joint gain)
 *   exists under the current estimate, which is then offered beside their counter; `counter` with a
 *   proposal is answered by the next offer. In round T, with no next offer to trade with, a one-sided
 *   or lopsided counter that meets the rule, our limits and R is accepted: it beats no agreement.
 *   Before signing, Parley's method offers the post-settlement alternatives `parley status` shows
 *   once an agreement is recorded (`postSettlement`: up to `mesoCount - 1` bundles at least as good
 *   for us); the counterpart signs the one it prefers, or the agreement (`Counterpart.settle`). The
 *   baselines offer none.
 */

import { computeFrontier } from '../frontier/frontier'
import { meanWeights } from '../inference/beliefs'
import { currentEstimate } from '../inference/estimate'
import { setAwaitsAnswer } from '../journal/apply/offers'
import { theirUtility } from '../journal/concessions'
import { jointGain } from '../journal/joint-gain'
import { likelyBest, sameBundle } from '../journal/likely-best'
import { alternativesBeside } from '../journal/post-settlement'
import { realityTest } from '../journal/reality'
import { bestForThemAt, ourLastOffer, tradeProposal } from '../journal/trade-advice'
import { type MesoViewResult, mesoView } from '../meso/view'
import { TOLERANCE } from '../model/limits'
import type { Level, Terms } from '../model/plan'
import { constraintHolds } from '../scoring/constraints'
import { offerFromLevels, readOffer } from '../scoring/offer'
import type { Counterpart } from './counterpart'
import { SimulatedJournal, termsOfLevels } from './journal'
import { bestForThemAbove, ourTarget, type PreparedPlan } from './prepared'
import type { AnswerKind, StrategyName } from './settings'
import { estimatedScores, ourUtility, theirSpace } from './truth'

export interface OurStrategy {
  /** Our offer of round t: one to three bundles (level indices), or none when we have nothing to offer. */
  offer(round: number): Int32Array[]
  /** Whether we accept their counter of round t, given their ranking of what we offered. */
  answer(round: number, order: readonly number[], counter: Int32Array): boolean
  /** Alternatives offered before signing the agreement `agreed` (none by default). */
  settle?(agreed: Int32Array): Int32Array[]
}

export interface NegotiationOutcome {
  agreed: boolean
  /** The round of the agreement, or the last round played. */
  round: number
  /** The agreed bundle. */
  levels?: Int32Array
}

/** Plays one negotiation. */
export function negotiate(
  prepared: PreparedPlan,
  counterpart: Counterpart,
  strategy: OurStrategy,
): NegotiationOutcome {
  const T = prepared.settings.deadline
  // Before signing, our alternatives (if the strategy has any); they sign the one they prefer.
  const close = (round: number, agreed: Int32Array): NegotiationOutcome => ({
    agreed: true,
    round,
    levels: counterpart.settle(agreed, strategy.settle?.(agreed) ?? []),
  })
  for (let round = 1; round <= T; round++) {
    const bundles = strategy.offer(round)
    if (bundles.length === 0) return { agreed: false, round }
    const reply = counterpart.answer(round, bundles)
    if (reply.kind === 'agree') return close(round, bundles[reply.index] as Int32Array)
    if (reply.kind === 'leave') return { agreed: false, round }
    if (strategy.answer(round, reply.order, reply.counter)) return close(round, reply.counter)
  }
  return { agreed: false, round: T }
}

/** Whether a bundle meets the rule and our limits and is worth our reservation to us. */
function acceptable(prepared: PreparedPlan, levels: ArrayLike<number>): boolean {
  const values = valuesOf(prepared, levels)
  return (
    prepared.constraints.every((constraint) => constraintHolds(constraint, values)) &&
    ourUtility(prepared.space, levels) >= prepared.reservation - TOLERANCE
  )
}

function valuesOf(prepared: PreparedPlan, levels: ArrayLike<number>): Level[] {
  return prepared.space.issues.map((issue) => issue.levels[levels[issue.index] ?? 0] as Level)
}

export function singleOffer(prepared: PreparedPlan): OurStrategy {
  const T = prepared.settings.deadline
  return {
    offer(round) {
      const bundle = bestForThemAbove(prepared.estimated, ourTarget(prepared, round))
      return bundle ? [bundle] : []
    },
    answer(round, _order, counter) {
      if (!acceptable(prepared, counter)) return false
      const next = round < T ? ourTarget(prepared, round + 1) : prepared.reservation
      return ourUtility(prepared.space, counter) >= next - TOLERANCE
    },
  }
}

/** Halfway between our bundle and theirs on every issue (see the header), kept within the rule, our limits and R. */
export function splitBundle(prepared: PreparedPlan, ours: Int32Array, theirs: Int32Array): Int32Array {
  const { space } = prepared
  const split = Int32Array.from(ours)
  for (const issue of space.issues) {
    const i = issue.index
    const a = ours[i] ?? 0
    const b = theirs[i] ?? 0
    if (a === b) continue
    const position = (k: number) => (issue.numeric ? Number(issue.levels[k]) : (issue.score.us[k] ?? 0))
    const middle = (position(a) + position(b)) / 2
    let best = a
    for (let k = 0; k < issue.levels.length; k++) {
      const gap = Math.abs(position(k) - middle)
      const bestGap = Math.abs(position(best) - middle)
      // Ties toward our level, then toward theirs.
      if (gap < bestGap - 1e-12 || (Math.abs(gap - bestGap) <= 1e-12 && best !== a && k === b)) best = k
    }
    split[i] = best
  }
  // Where the midpoint breaks the rule or a limit, keep our level (ours meets them all).
  const values = valuesOf(prepared, split)
  for (const issue of space.issues) {
    if (prepared.constraints.every((constraint) => constraintHolds(constraint, values))) break
    const i = issue.index
    const broken = prepared.constraints.some(
      (constraint) =>
        !constraintHolds(constraint, values) &&
        (constraint.kind === 'issue'
          ? constraint.issue === i
          : constraint.terms.some((term) => term.issue === i)),
    )
    if (broken && split[i] !== ours[i]) {
      split[i] = ours[i] ?? 0
      values[i] = issue.levels[split[i] ?? 0] as Level
    }
  }
  return ourUtility(space, split) >= prepared.reservation - TOLERANCE &&
    prepared.constraints.every((constraint) => constraintHolds(constraint, values))
    ? split
    : Int32Array.from(ours)
}

export function splitDifference(prepared: PreparedPlan): OurStrategy {
  const T = prepared.settings.deadline
  let last: Int32Array | undefined
  let counter: Int32Array | undefined
  return {
    offer(round) {
      const next =
        round === 1 || !last || !counter
          ? bestForThemAbove(prepared.estimated, ourTarget(prepared, 1))
          : splitBundle(prepared, last, counter)
      last = next
      return next ? [next] : []
    },
    answer(round, _order, theirs) {
      counter = theirs
      if (!acceptable(prepared, theirs)) return false
      if (round >= T || !last) return true
      return (
        ourUtility(prepared.space, theirs) >=
        ourUtility(prepared.space, splitBundle(prepared, last, theirs)) - TOLERANCE
      )
    },
  }
}

/** Level indices of a MESO answer's bundles. */
function bundlesOf(prepared: PreparedPlan, result: MesoViewResult): Int32Array[] {
  if (!result.ok) return []
  return result.set.bundles.map((bundle) => {
    const read = readOffer(prepared.space, bundle.terms)
    if (!read.ok) throw new Error('a MESO bundle does not read back')
    return Int32Array.from(read.offer.levelIndex)
  })
}

/**
 * The offer Parley's method makes from a journal at a target: the MESO set `parley meso --target`
 * gives with that journal (3 bundles, else 2), else the bundle best for them under the posterior mean.
 * `target` undefined: `parley meso`'s default target.
 */
export function parleyOffer(
  prepared: PreparedPlan,
  journal: SimulatedJournal,
  target?: number,
): Int32Array[] {
  const { space, settings } = prepared
  const posterior = journal.posterior()
  const learned = journal.events.length > 0 ? posterior : undefined
  for (let count = settings.mesoCount; count >= 2; count--) {
    const result = prepared.mesos.get(`${journal.key}|${target ?? 'default'}|${count}`, () =>
      mesoView(
        space,
        { count, tolerance: settings.mesoTolerance, ...(target !== undefined ? { target } : {}) },
        learned,
        // As `parley meso` does: never below their pick, never a set they already answered.
        journal.state,
      ),
    ) as MesoViewResult
    const bundles = bundlesOf(prepared, result)
    if (bundles.length > 0) return bundles
  }
  if (target === undefined) return []
  const belief = theirSpace(space, meanWeights(posterior.beliefs), estimatedScores(space))
  const frontier = computeFrontier(belief, { constraints: prepared.constraints })
  const single = frontier.ok ? bestForThemAbove(frontier.frontier, target) : undefined
  return single ? [single] : []
}

/** Records their answer to a set: a ranking of all its bundles, or the one they pick. */
export function recordAnswer(
  journal: SimulatedJournal,
  labels: readonly string[],
  order: readonly number[],
  answers: AnswerKind,
): void {
  if (labels.length < 2) return
  if (answers === 'rank') journal.add('bundles-ranked', { order: order.map((k) => labels[k] as string) })
  else journal.add('bundle-chosen', { label: labels[order[0] ?? 0] as string })
}

const LABELS = ['A', 'B', 'C']

/**
 * How far down our schedule Parley's target moves for each round in which they conceded: half a
 * step of tau. Concessions smaller than theirs and only in return (trade, don't gift); against the
 * simulated counterparts a whole step gave away 2 to 4 points of U_us on the examples for no gain in
 * agreement (see the report of issue 12).
 */
const CONCESSION_STEP = 0.5

export function parleyMethod(
  prepared: PreparedPlan,
  counterpart: Counterpart,
  answers: AnswerKind,
): OurStrategy {
  const { space } = prepared
  const T = prepared.settings.deadline
  const journal = new SimulatedJournal(prepared)
  const stated = counterpart.discovery()
  if (stated.length >= 2)
    journal.add('interest-stated', {
      text: 'what matters most to you?',
      ranking: stated.map((i) => space.issues[i]?.id as string),
    })
  let concessions = 0
  let previous: Int32Array | undefined
  let labels: string[] = []
  // The reality test's conditional trade, offered with our next set instead of accepting their counter.
  let proposal: Int32Array | undefined
  // Their acceptable counter and a bundle better for both (est.), offered together before closing.
  let closing: Int32Array[] | undefined
  const send = (bundles: Int32Array[]): Int32Array[] => {
    labels = bundles.map((_, k) => LABELS[k] as string)
    if (bundles.length > 0)
      journal.add('offer-sent', {
        bundles: bundles.map((levels, k) => ({
          label: labels[k] as string,
          terms: termsOfLevels(space, levels),
        })),
      })
    return bundles
  }
  return {
    settle(agreed) {
      // The agreement as `parley status` reads it once recorded: their choice from our set (when
      // they took one of several), then the terms, so the alternatives are under that posterior.
      const chosen = setAwaitsAnswer(journal.state)
        ? journal.state.offers.at(-1)?.bundles.find((bundle) => sameBundle(bundle.offer.levelIndex, agreed))
        : undefined
      if (chosen) journal.add('bundle-chosen', { label: chosen.label })
      journal.add('agreed', { terms: termsOfLevels(space, agreed) })
      const options = alternativesBeside(
        space,
        offerFromLevels(space, agreed),
        journal.state,
        journal.posterior(),
        { count: prepared.settings.mesoCount - 1 },
      )
      return options.map((option) => levelsOf(prepared, option.terms))
    },
    offer() {
      if (closing) {
        const bundles = closing
        closing = undefined
        return send(bundles)
      }
      const target = ourTarget(prepared, 1 + concessions * CONCESSION_STEP)
      const set = parleyOffer(prepared, journal, target)
      // Beside the set, the bundle best for them at the target under the current estimate: a set
      // teaches, this one creates value; with the reality test's trade ahead of both when there is
      // one. It is offered even when it gives us more than the set's tolerance above the target:
      // then it is better for both than the set's bundles (under the estimate), which it leads.
      const estimate = currentEstimate(space, journal.state, journal.posterior())
      const best = bestForThemAt(space, estimate, prepared.constraints, target, THEIR_INDIFFERENCE)
      const efficient = best ? levelsOf(prepared, best.terms) : undefined
      const head = [proposal, efficient].filter((levels): levels is Int32Array => levels !== undefined)
      const bundles: Int32Array[] = []
      // The set's bundles under the target (its tolerance goes both ways) only when nothing else is offered.
      const atTarget = set.filter((levels) => ourUtility(space, levels) >= target - TOLERANCE)
      for (const levels of [...head, ...fillLikelyBest(prepared, journal, target, head), ...atTarget])
        if (!bundles.some((kept) => sameBundle(kept, levels))) bundles.push(levels)
      // Always a set of at least two when the round's MESO set has them: their ranking teaches us.
      for (const levels of set)
        if (bundles.length < 2 && !bundles.some((kept) => sameBundle(kept, levels))) bundles.push(levels)
      proposal = undefined
      bundles.splice(prepared.settings.mesoCount)
      return send(bundles)
    },
    answer(round, order, counter) {
      recordAnswer(journal, labels, order, answers)
      journal.add('offer-rejected', { counter: { terms: termsOfLevels(space, counter) } })
      const estimate = currentEstimate(space, journal.state, journal.posterior())
      if (previous) {
        const now = theirUtility(space, estimate, offerFromLevels(space, counter))
        const before = theirUtility(space, estimate, offerFromLevels(space, previous))
        if (now < before - TOLERANCE) concessions++
      }
      previous = counter
      const item = realityTest(space, journal.state, estimate).items.find(
        (entry) => entry.label === 'their counter',
      )
      if (item?.verdict === 'accept') {
        // Before closing on their counter, a bundle better for both (est.) is offered beside it.
        const better =
          round < T ? jointGain(space, offerFromLevels(space, counter), estimate, prepared.constraints) : null
        if (!better) return true
        const read = readOffer(space, better.terms)
        if (!read.ok) return true
        closing = [Int32Array.from(read.offer.levelIndex), counter]
        return false
      }
      // At the deadline there is no next offer to trade with: an acceptable counter beats no deal.
      if (round >= T) return item?.giveaway !== undefined && acceptable(prepared, counter)
      if (item?.proposal) {
        // The reality test's trade is at our last offer's value; ours is the schedule's, once we
        // have conceded below it (the same trade, at the target we now hold).
        const ours = ourLastOffer(journal.state)
        const target = ourTarget(prepared, 1 + concessions * CONCESSION_STEP)
        const trade =
          ours && item.proposal.utility.us > target + TOLERANCE
            ? (tradeProposal(space, estimate, prepared.constraints, Math.max(prepared.reservation, target), {
                ours: ours.offer,
                counter: offerFromLevels(space, counter),
              }) ?? item.proposal)
            : item.proposal
        proposal = levelsOf(prepared, trade.terms)
      }
      return false
    },
  }
}

/**
 * Differences to them under this many points are below what the current estimate can tell apart
 * (its errors are several points): among bundles that close to the best for them, ours is the one
 * that gives us most. On a flat frontier (GENIUS's Car, where both sides reach 55 and 99 points at
 * once) the strictly best for them could cost us 10 points for a tenth of a point to them.
 */
export const THEIR_INDIFFERENCE = 1

/**
 * The bundles that fill the offer beside `head` (the trade and the bundle best for them under the
 * current estimate): core's `likelyBest` over the posterior, at least the target to us and within
 * the MESO tolerance of the head's value to us (equal for us), until the offer has `mesoCount`
 * bundles.
 */
function fillLikelyBest(
  prepared: PreparedPlan,
  journal: SimulatedJournal,
  target: number,
  head: readonly Int32Array[],
): Int32Array[] {
  const { space, settings } = prepared
  const ours = head.map((levels) => ourUtility(space, levels))
  return likelyBest(space, journal.posterior().beliefs, prepared.constraints, {
    head,
    slots: settings.mesoCount - head.length,
    usLow:
      Math.max(target, prepared.reservation, ...ours.map((us) => us - settings.mesoTolerance)) - TOLERANCE,
    usHigh: Math.max(target + settings.mesoTolerance, ...ours),
  })
}

function levelsOf(prepared: PreparedPlan, terms: Terms): Int32Array {
  const read = readOffer(prepared.space, terms)
  if (!read.ok) throw new Error('a proposed bundle does not read back')
  return Int32Array.from(read.offer.levelIndex)
}

export function makeStrategy(
  name: StrategyName,
  prepared: PreparedPlan,
  counterpart: Counterpart,
  answers: AnswerKind,
): OurStrategy {
  switch (name) {
    case 'parley':
      return parleyMethod(prepared, counterpart, answers)
    case 'single-offer':
      return singleOffer(prepared)
    case 'split-difference':
      return splitDifference(prepared)
  }
}
