/**
 * The reality test: every bundle in play against our reservation, both BATNAs, our limits and the
 * decision rule, with a plain verdict — accept, counter, or walk away — and the reason.
 */
import type { TheirValue } from '../inference/estimate'
import type { Terms } from '../model/plan'
import { compileRequirements } from '../scoring/constraints'
import { formatPoints } from '../scoring/figures'
import { type Offer, scoreOffer } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { theirUtility } from './concessions'
import type { NegotiationState } from './replay'

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
}

export interface RealityTest {
  items: RealityItem[]
  /** Set when nothing in play beats our BATNA. */
  warning?: string
}

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
  const latest = state.offers.at(-1)
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
      reason = `worth ${formatPoints(us)} to us, below our BATNA (${formatPoints(batnaUs)}): walking away is better`
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
    return {
      label,
      terms,
      utility: { us, them },
      margin,
      meetsDecisionRule: score.meetsDecisionRule,
      breaksLimits: score.breaksLimits,
      verdict,
      reason,
    }
  })
  const test: RealityTest = { items }
  if (items.length > 0 && batnaUs !== undefined && items.every((item) => item.utility.us <= batnaUs)) {
    test.warning = `nothing in play beats our BATNA (${formatPoints(batnaUs)}): improve our alternative, reopen the issues, or prepare to walk away`
  }
  return test
}
