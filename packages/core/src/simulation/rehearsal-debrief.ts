/**
 * The rehearsal's debrief: where the talks ended against the truth the simulator knows. All
 * utilities in points; U_them is the counterpart's TRUE utility (never shown during a rehearsal
 * played on our side, only here).
 *
 * - The outcome point: the agreement's (U_us, U_them), or both BATNAs d = (our BATNA, their true
 *   BATNA) without one.
 * - The true frontier is that of the deals we could have made: bundles meeting the rule and keeping
 *   our limits, as `parley simulate` measures against.
 * - The Nash point: the true frontier point with the largest Nash product (U_us - d_us)(U_them -
 *   d_them), both gains at least 0 (`bestNashProduct`); `nashShare` and `frontierDistance` are
 *   `measures.ts`'s, as `parley simulate` reports them (agreements only).
 * - Against our plan: with an agreement, where it falls short of the plan (below our reservation or
 *   BATNA, breaking our limits or the rule), as the warnings said when it was accepted.
 * - Value left on the table: with an agreement, the point of the true frontier better for both (at
 *   least as good for each side, within 0.01 points) whose gains over the agreement have the largest product (the largest total
 *   when no point gains both sides), and the gains for each side; zero when no such point exists.
 *   Without an agreement, the Nash point's gains over both BATNAs: what a deal could have given
 *   each side.
 * - Before signing: with an agreement, the post-settlement alternatives `parley status` lists for the
 *   scratch journal (`postSettlement`; each with their true utility) and the one the counterpart
 *   would sign, as `parley simulate` plays it (`Counterpart.settle`: the one worth most to it by
 *   true utility when that beats the agreement); `signed` is absent when it would keep the agreement.
 *   In role reversal the person was offered them and chose: their choice is `signed`.
 * - What was learned: the L1 distance between weight shares and the true ones (0 to 2), for the
 *   plan's estimate and for the current estimate after the scratch journal (the estimate
 *   `parley status` would show for it), with each issue's three shares.
 */

import { currentEstimate } from '../inference/estimate'
import { alternativesBeside } from '../journal/post-settlement'
import { floorMessage, limitMessage, ruleMessage, shortfallsOf } from '../journal/shortfalls'
import { TOLERANCE } from '../model/limits'
import type { Terms } from '../model/plan'
import { offerFromLevels, readOffer } from '../scoring/offer'
import { signedAmong } from './counterpart'
import { termsOfLevels } from './journal'
import { bestNashProduct, frontierDistance, nashShare } from './measures'
import type { Rehearsal, RehearsalEnd } from './rehearsal'
import { ourUtility, trueUtility } from './truth'

/** A point with its bundle. */
export interface DebriefPoint {
  terms: Terms
  us: number
  them: number
}

export interface RehearsalDebrief {
  /** How it ended; `stopped` when the person stopped before the end. */
  outcome: RehearsalEnd['kind'] | 'stopped'
  /** Rounds played. */
  rounds: number
  /** The agreement, with our utility and their true utility. */
  agreement?: DebriefPoint
  /** The disagreement point: our BATNA and their true BATNA. */
  batna: { us: number; them: number }
  /** The outcome's utilities: the agreement's, or both BATNAs. */
  point: { us: number; them: number }
  /** The true frontier's Nash point, when some bundle beats both BATNAs. */
  nash?: DebriefPoint
  /** The agreement's share of the best Nash product (undefined without agreement or without a product). */
  nashShare?: number
  /** Agreement only: the distance to the nearest true frontier point, and that point. */
  nearest?: DebriefPoint & { distance: number }
  /**
   * Agreement only: where it falls short of our own plan — below our reservation or BATNA, breaking
   * our limits or the rule — in words, one sentence each; empty when it keeps to the plan. An
   * agreement that breaks our limits or the rule lies outside the deals the true frontier covers.
   */
  againstPlan: string[]
  /** Agreement only: it breaks our limits or the rule, so it lies outside the deals the true frontier covers. */
  outsideFrontier: boolean
  /** Value left on the table for each side (see the header), and the bundle that would have given it. */
  left: { us: number; them: number; bundle?: DebriefPoint }
  /**
   * Agreement only: the alternatives to offer before signing (their true utility), and the one they
   * sign instead (absent: they keep the agreement) — chosen by the person playing them in role
   * reversal (`chosenBy: 'them'`), else by the simulator's rule (`'simulator'`).
   */
  beforeSigning?: { alternatives: DebriefPoint[]; signed?: DebriefPoint; chosenBy: 'them' | 'simulator' }
  /** How far our estimate of their weights was from the truth, before and after the rehearsal. */
  learned: {
    moves: number
    priorError: number
    learnedError: number
    issues: { id: string; name: string; truth: number; plan: number; learned: number }[]
  }
}

/** How a rehearsal ended, in words, for the debrief. */
export const OUTCOME_TEXT: Readonly<Record<RehearsalDebrief['outcome'], string>> = {
  agreed: 'agreed',
  walked: 'walked away',
  'they-left': 'they walked away',
  deadline: 'the deadline passed without agreement',
  'no-offer': 'Parley had nothing left to offer',
  stopped: 'stopped before the end',
}

/** The debrief of a rehearsal, ended or not. */
export function rehearsalDebrief(rehearsal: Rehearsal): RehearsalDebrief {
  const { setup, end } = rehearsal
  const { space, truth, frontier, prepared } = setup
  const d = { us: prepared.batnaUs, them: truth.batna }
  const pointAt = (k: number): DebriefPoint => ({
    terms: termsOfLevels(
      space,
      frontier.levels.subarray(k * frontier.issueCount, (k + 1) * frontier.issueCount),
    ),
    us: frontier.us[k] ?? 0,
    them: frontier.them[k] ?? 0,
  })

  const best = bestNashProduct(frontier, d)
  let nashIndex = -1
  for (let k = 0; k < frontier.size && best > 0; k++) {
    const gu = (frontier.us[k] ?? 0) - d.us
    const gt = (frontier.them[k] ?? 0) - d.them
    if (gu >= 0 && gt >= 0 && gu * gt === best) {
      nashIndex = k
      break
    }
  }
  const nash = nashIndex >= 0 ? pointAt(nashIndex) : undefined

  // Stopped before signing (role reversal): the talks' agreement stands.
  const agreed = end?.kind === 'agreed' ? end.bundle : rehearsal.signing?.agreed
  // A bundle with our utility and their true one.
  const debriefPoint = (bundle: { terms: Terms; levels: ArrayLike<number> }): DebriefPoint => ({
    terms: bundle.terms,
    us: ourUtility(space, bundle.levels),
    them: trueUtility(truth, bundle.levels),
  })
  const agreement = agreed ? debriefPoint(agreed) : undefined
  const point = agreement ? { us: agreement.us, them: agreement.them } : d

  let left: RehearsalDebrief['left'] = { us: 0, them: 0 }
  if (agreement) {
    let chosen = -1
    let chosenKey: [number, number] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]
    for (let k = 0; k < frontier.size; k++) {
      const gu = (frontier.us[k] ?? 0) - agreement.us
      const gt = (frontier.them[k] ?? 0) - agreement.them
      if (gu < -TOLERANCE || gt < -TOLERANCE || gu + gt <= TOLERANCE) continue
      const key: [number, number] = [Math.max(0, gu) * Math.max(0, gt), gu + gt]
      if (key[0] > chosenKey[0] || (key[0] === chosenKey[0] && key[1] > chosenKey[1])) {
        chosen = k
        chosenKey = key
      }
    }
    if (chosen >= 0) {
      const bundle = pointAt(chosen)
      left = {
        us: Math.max(0, bundle.us - agreement.us),
        them: Math.max(0, bundle.them - agreement.them),
        bundle,
      }
    }
  } else if (nash) left = { us: nash.us - d.us, them: nash.them - d.them, bundle: nash }

  let nearest: RehearsalDebrief['nearest']
  if (agreement) {
    const distance = frontierDistance(agreement, frontier)
    for (let k = 0; k < frontier.size; k++) {
      const du = agreement.us - (frontier.us[k] ?? 0)
      const dt = agreement.them - (frontier.them[k] ?? 0)
      if (Math.abs(Math.sqrt(du * du + dt * dt) - distance) <= 1e-9) {
        nearest = { ...pointAt(k), distance }
        break
      }
    }
  }
  const share = agreement ? nashShare(agreement, best, d) : undefined
  const shortfalls = agreed ? shortfallsOf(space, offerFromLevels(space, agreed.levels)) : undefined
  const againstPlan = shortfalls
    ? [
        floorMessage('the agreement', shortfalls),
        limitMessage('the agreement', shortfalls),
        ruleMessage('the agreement', shortfalls),
      ].filter((message): message is string => message !== undefined)
    : []

  const estimate = currentEstimate(space, rehearsal.state, rehearsal.posterior)
  let beforeSigning: RehearsalDebrief['beforeSigning']
  const signing = end?.kind === 'agreed' ? end.beforeSigning : undefined
  if (signing) {
    // Role reversal: the alternatives Parley offered, and the person's own choice.
    beforeSigning = {
      alternatives: signing.alternatives.map(debriefPoint),
      ...(signing.signed ? { signed: debriefPoint(signing.signed) } : {}),
      chosenBy: 'them',
    }
  } else if (agreed && agreement) {
    const bundles = alternativesBeside(
      space,
      offerFromLevels(space, agreed.levels),
      rehearsal.state,
      rehearsal.posterior,
      { count: prepared.settings.mesoCount - 1 },
    ).map((option) => {
      const read = readOffer(space, option.terms)
      if (!read.ok) throw new Error('a post-settlement alternative does not read back')
      return { terms: option.terms, levels: read.offer.levelIndex }
    })
    // What they sign, by the simulator's own rule: the agreement, or the alternative at its index.
    const pick = signedAmong(
      truth,
      agreed.levels,
      bundles.map((bundle) => bundle.levels),
    )
    const signed = bundles.find((bundle) => bundle.levels === pick)
    beforeSigning = {
      alternatives: bundles.map(debriefPoint),
      ...(signed ? { signed: debriefPoint(signed) } : {}),
      chosenBy: 'simulator',
    }
  }
  const issues = space.issues.map((issue) => ({
    id: issue.id,
    name: space.plan.issues[issue.index]?.name ?? issue.id,
    truth: truth.weights[issue.index] ?? 0,
    plan: space.share.them[issue.index] ?? 0,
    learned: estimate.shares[issue.index] ?? 0,
  }))
  const l1 = (pick: (item: (typeof issues)[number]) => number) =>
    issues.reduce((total, item) => total + Math.abs(pick(item) - item.truth), 0)

  return {
    outcome: end?.kind ?? 'stopped',
    rounds: rehearsal.round,
    ...(agreement ? { agreement } : {}),
    batna: d,
    point,
    ...(nash ? { nash } : {}),
    ...(share !== undefined ? { nashShare: share } : {}),
    ...(nearest ? { nearest } : {}),
    againstPlan,
    outsideFrontier:
      shortfalls !== undefined && shortfalls.brokenLimits.length + shortfalls.brokenRule.length > 0,
    left,
    ...(beforeSigning ? { beforeSigning } : {}),
    learned: {
      moves: rehearsal.state.observations.length,
      priorError: l1((item) => item.plan),
      learnedError: l1((item) => item.learned),
      issues,
    },
  }
}

/**
 * The debrief's words when no bundle is better for both: the whole story only when the agreement is
 * one of the deals the true frontier covers; one outside our limits or the rule is only measured
 * against them (its distance to the frontier says how far off it lies).
 */
export function nothingLeftInWords(debrief: Pick<RehearsalDebrief, 'outsideFrontier'>): string {
  return debrief.outsideFrontier
    ? 'none within our limits and the rule, since no bundle there is better for both; the agreement lies outside them'
    : 'none; no bundle is better for both'
}
