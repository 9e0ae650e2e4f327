import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Beliefs, priorBeliefs, utilityTable } from '../inference/beliefs'
import { currentEstimate } from '../inference/estimate'
import { inferPriorities } from '../inference/posterior'
import { lintNegotiation } from '../lint/negotiation'
import { TOLERANCE } from '../model/limits'
import type { Plan } from '../model/plan'
import { coach } from '../playbooks/coach'
import { constraintHolds, ruleAndLimits } from '../scoring/constraints'
import { offerFromLevels, readOffer, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { enumerate } from '../testing/brute-force'
import { event } from '../testing/events'
import { runs } from '../testing/property-runs'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { syntheticPlan } from '../testing/synthetic'
import { admitEvent, PREVIEW_EVENT } from './admit'
import { theirUtility } from './concessions'
import type { EventOf } from './events'
import { jointGain } from './joint-gain'
import { likelyBest } from './likely-best'
import {
  mayServeThemBetter,
  NEIGHBOUR_CAP,
  neighbours,
  postSettlement,
  signedAgreement,
} from './post-settlement'
import { replay } from './replay'
import { negotiationStatus } from './status'

const small = planArb({ maxIssues: 4, maxLevels: 5, constraints: true }).filter(
  (plan) => compileSpace(plan).outcomes <= 1500,
)

const caseArbOf = (plans: fc.Arbitrary<Plan>) =>
  plans.chain((plan) => {
    const space = compileSpace(plan)
    return fc.record({
      plan: fc.constant(plan),
      agreed: fc.tuple(...space.issues.map((issue) => fc.integer({ min: 0, max: issue.levels.length - 1 }))),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
  })
const caseArb = caseArbOf(small)
// More issues than the draws' best bundles cover: where a neighbour of the agreement can serve
// them better than any draw's best.
const wideCaseArb = caseArbOf(
  planArb({ maxIssues: 7, maxLevels: 4, constraints: true }).filter((plan) => {
    const outcomes = compileSpace(plan).outcomes
    return outcomes >= 200 && outcomes <= 6000
  }),
)

/** U_them of a bundle under each draw, straight from the definition: the draw's weights times their scores, reversed where the draw says so. */
function underDraws(space: Space, beliefs: Beliefs, levels: readonly number[]): number[] {
  return beliefs.samples.map((weights, s) =>
    space.issues.reduce((total, issue) => {
      const score = issue.score.them[levels[issue.index] ?? 0] ?? 0
      return total + (weights[issue.index] ?? 0) * (beliefs.flipped?.[s]?.[issue.index] ? 100 - score : score)
    }, 0),
  )
}

/** A drawn case's agreement under the plan's prior (200 draws), and the alternatives offered beside it. */
function settling({ plan, agreed, seed }: { plan: Plan; agreed: number[]; seed: number }) {
  const space = compileSpace(plan)
  const constraints = ruleAndLimits(space)
  const beliefs = priorBeliefs(space, { samples: 200, seed })
  const estimate = currentEstimate(space, { observations: [] })
  const offer = offerFromLevels(space, agreed)
  const options = postSettlement(space, offer, estimate, beliefs, constraints)
  return { space, constraints, beliefs, estimate, offer, ours: utilityOf(space, offer).us, options }
}

describe('post-settlement alternatives (against brute force)', () => {
  it('are at least as good for us, meet the rule and our limits, differ from the agreement, and say how likely each is better for them', () => {
    fc.assert(
      fc.property(caseArb, (drawn) => {
        const { space, constraints, beliefs, estimate, offer, ours, options } = settling(drawn)
        const { agreed } = drawn
        const theirs = theirUtility(space, estimate, offer)
        const base = underDraws(space, beliefs, agreed)
        expect(options.length).toBeLessThanOrEqual(2)
        const seen = new Set<string>()
        for (const option of options) {
          const read = readOffer(space, option.terms)
          if (!read.ok) throw new Error('an alternative does not read back')
          const levels = Array.from(read.offer.levelIndex)
          const key = levels.join(',')
          expect(key).not.toBe(agreed.join(','))
          expect(seen.has(key)).toBe(false)
          seen.add(key)
          expect(constraints.every((constraint) => constraintHolds(constraint, read.offer.values))).toBe(true)
          const us = utilityOf(space, read.offer).us
          expect(us).toBeGreaterThanOrEqual(ours - 1e-9)
          expect(option.utility.us).toBeCloseTo(us, 9)
          expect(option.gain.us).toBeCloseTo(us - ours, 9)
          expect(option.gain.them).toBeCloseTo(option.utility.them - theirs, 9)
          const draws = underDraws(space, beliefs, levels)
          const chance = draws.reduce(
            (total, value, s) =>
              value > (base[s] ?? 0) + TOLERANCE ? total + (beliefs.probability[s] ?? 0) : total,
            0,
          )
          expect(option.chance).toBeCloseTo(chance, 9)
          // Each is someone's reason to switch: better for them under some draw of our estimate.
          expect(option.chance).toBeGreaterThan(0)
        }
        // The first is the joint gain under the current estimate, when there is one.
        const joint = jointGain(space, offer, estimate, constraints)
        if (joint && options[0]) expect(options[0].terms).toEqual(joint.terms)
        // None when no bundle we could offer instead is better for them under any draw or the estimate.
        const preferred = enumerate(space, constraints).some((scored) => {
          if (scored.levels.join(',') === agreed.join(',') || scored.us < ours - 1e-9) return false
          const draws = underDraws(space, beliefs, scored.levels)
          return (
            draws.some((value, s) => value > (base[s] ?? 0) + TOLERANCE) ||
            theirUtility(space, estimate, offerFromLevels(space, scored.levels)) > theirs + TOLERANCE
          )
        })
        if (!preferred) expect(options).toEqual([])
      }),
      { numRuns: runs(150) },
    )
  })

  it('serve them at least as well as any bundle one or two issues away from the agreement would (expected best on offer, over the draws)', () => {
    fc.assert(
      fc.property(wideCaseArb, (drawn) => {
        const { space, constraints, beliefs, estimate, offer, ours, options } = settling(drawn)
        const { agreed } = drawn
        const rows = (bundles: readonly (readonly number[])[]) =>
          bundles.map((levels) => underDraws(space, beliefs, levels))
        const expectedBest = (table: number[][]) =>
          beliefs.probability.reduce(
            (total, p, s) => total + p * Math.max(...table.map((row) => row[s] ?? Number.NEGATIVE_INFINITY)),
            0,
          )
        const levelsOf = (terms: (typeof options)[number]['terms']) => {
          const read = readOffer(space, terms)
          if (!read.ok) throw new Error('an alternative does not read back')
          return Array.from(read.offer.levelIndex)
        }
        const offered = expectedBest(rows([agreed, ...options.map((option) => levelsOf(option.terms))]))
        const joint = jointGain(space, offer, estimate, constraints)
        const head = joint ? [agreed, levelsOf(joint.terms)] : [agreed]
        for (const scored of enumerate(space, constraints)) {
          const moved = scored.levels.filter((level, i) => level !== agreed[i]).length
          if (moved < 1 || moved > 2 || scored.us < ours - 1e-9) continue
          expect(offered).toBeGreaterThanOrEqual(expectedBest(rows([...head, scored.levels])) - 1e-9)
        }
      }),
      { numRuns: runs(100) },
    )
  })
})

describe("the agreement's neighbours", () => {
  it('left out as never better for them under any draw: each is worth at most the agreement to them under every draw, and the alternatives chosen are the same without them', () => {
    fc.assert(
      fc.property(wideCaseArb, fc.boolean(), ({ plan: drawn, agreed, seed }, learned) => {
        // The posterior's second reading reverses an uncertain issue in some draws: its moves are never left out.
        const plan = learned
          ? {
              ...drawn,
              issues: drawn.issues.map((issue, k) =>
                k === 0 ? { ...issue, them: { ...issue.them, uncertain: true } } : issue,
              ),
            }
          : drawn
        const space = compileSpace(plan)
        const constraints = ruleAndLimits(space)
        const beliefs = learned
          ? inferPriorities(space, [], { samples: 300, seed }).beliefs
          : priorBeliefs(space, { samples: 200, seed })
        const levels = Int32Array.from(agreed)
        const ours = utilityOf(space, offerFromLevels(space, agreed)).us
        const all = neighbours(space, levels, ours, constraints)
        const kept = all.filter(mayServeThemBetter(space, beliefs, levels))
        if (learned) expect(beliefs.flipped?.some((flips) => flips[0] === 1)).toBe(true)
        const [base = new Float64Array()] = utilityTable(space, beliefs, [levels])
        for (const candidate of all.filter((candidate) => !kept.includes(candidate))) {
          const [row = new Float64Array()] = utilityTable(space, beliefs, [candidate])
          for (let s = 0; s < row.length; s++) expect(row[s]).toBeLessThanOrEqual(base[s] ?? 0)
        }
        const query = {
          head: [levels],
          slots: 2,
          usLow: ours - TOLERANCE,
          usHigh: Number.POSITIVE_INFINITY,
          mustRaise: true,
        }
        expect(likelyBest(space, beliefs, constraints, { ...query, extra: kept })).toEqual(
          likelyBest(space, beliefs, constraints, { ...query, extra: all }),
        )
      }),
      { numRuns: runs(80) },
    )
  })

  it('are the bundles one or two issues away, worth at least the floor to us and meeting the rule; one issue away only past the cap', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 100, noNaN: true }), ({ plan, agreed }, floor) => {
        const space = compileSpace(plan)
        const constraints = ruleAndLimits(space)
        const key = (levels: ArrayLike<number>) => Array.from(levels).join(',')
        const found = neighbours(space, Int32Array.from(agreed), floor, constraints).map(key).sort()
        const expected = enumerate(space, constraints)
          .filter((scored) => {
            const moved = scored.levels.filter((level, i) => level !== agreed[i]).length
            return moved >= 1 && moved <= 2 && scored.us >= floor - 1e-9
          })
          .map((scored) => key(scored.levels))
          .sort()
        expect(found).toEqual(expected)
      }),
      { numRuns: runs(100) },
    )
    // A 12-issue plan of 10 levels each has 108 bundles one issue away and 5,346 two away: past the cap.
    const plan = syntheticPlan(12, 10)
    const space = compileSpace(plan)
    const levels = new Int32Array(12).fill(4)
    const found = neighbours(space, levels, Number.NEGATIVE_INFINITY, [])
    expect(found.length).toBe(108)
    expect(found.every((candidate) => candidate.filter((level, i) => level !== levels[i]).length === 1)).toBe(
      true,
    )
    expect(108 + 5346).toBeGreaterThan(NEIGHBOUR_CAP)
    // Three issues of 500 levels have 1,497 bundles one issue away: past the cap, none is weighed.
    const wide = compileSpace(syntheticPlan(3, 500))
    expect(3 * 499).toBeGreaterThan(NEIGHBOUR_CAP)
    expect(neighbours(wide, new Int32Array(3).fill(250), Number.NEGATIVE_INFINITY, [])).toEqual([])
  })
})

describe('status at the close', () => {
  const space = renewalSpace()
  const offer = event('offer-sent', {
    bundles: [
      { label: 'A', terms: { ...RENEWAL_B, credits: 5 } },
      { label: 'B', terms: RENEWAL_B },
    ],
  })
  const chose = event('bundle-chosen', { label: 'B' })
  const agreed = event('agreed', { terms: RENEWAL_B })

  it('lists the alternatives once an agreement is recorded, the joint gain first, and the next move offers them before signing', () => {
    const status = negotiationStatus(space, [offer, chose, agreed])
    expect(status.stage).toBe('close')
    expect(status.postSettlement.length).toBeGreaterThan(0)
    if (status.jointGain) expect(status.postSettlement[0]?.terms).toEqual(status.jointGain.terms)
    for (const option of status.postSettlement) {
      expect(option.gain.us).toBeGreaterThanOrEqual(-1e-9)
      expect(option.chance).toBeGreaterThan(0)
    }
    expect(status.nextMove.text).toMatch(
      /^before signing, offer the (2 )?post-settlement alternatives? beside the agreement/,
    )
    expect(status.nextMove.command).toBe('parley offer PLAN --alternatives')
  })

  it('lists none once they have signed one of the alternatives, and lists them anew for a corrected agreement', () => {
    const first = negotiationStatus(space, [offer, chose, agreed])
    const taken = first.postSettlement[0]
    if (!taken) throw new Error('expected an alternative')
    const signed = negotiationStatus(space, [offer, chose, agreed, event('agreed', { terms: taken.terms })])
    expect(signed.stage).toBe('close')
    expect(signed.postSettlement).toEqual([])
    expect(signed.nextMove.text).not.toMatch(/post-settlement/)
    // The coach says no words for it either.
    expect(
      coach(space, [offer, chose, agreed, event('agreed', { terms: taken.terms })]).phrases.map(
        (p) => p.kind,
      ),
    ).not.toContain('post-settlement')
    // A correction that is none of them is an agreement of its own: alternatives beside it.
    const corrected = { ...RENEWAL_B, term: 24 }
    const other = negotiationStatus(space, [offer, chose, agreed, event('agreed', { terms: corrected })])
    expect(
      first.postSettlement.some((option) => JSON.stringify(option.terms) === JSON.stringify(corrected)),
    ).toBe(false)
    expect(other.postSettlement.length).toBeGreaterThan(0)
  })

  it('lists the alternatives offered, with their figures, until they sign; then none', () => {
    const first = negotiationStatus(space, [offer, chose, agreed])
    expect(first.postSettlementOffered).toBeNull()
    // Offered in another order than status lists them, and only one of them by hand: what was offered counts.
    const [one, two] = first.postSettlement
    if (!one || !two) throw new Error('expected two alternatives')
    const offered = event('alternatives-offered', {
      bundles: [
        { label: '1', terms: two.terms },
        { label: '2', terms: one.terms },
      ],
    })
    const waiting = negotiationStatus(space, [offer, chose, agreed, offered])
    expect(waiting.postSettlementOffered).toBe(offered.id)
    expect(waiting.postSettlement.map((option) => option.terms)).toEqual([two.terms, one.terms])
    expect(waiting.postSettlement[0]).toEqual(two)
    expect(waiting.nextMove.text).toMatch(/^wait for their signature/)
    expect(waiting.nextMove.command).toBe('parley agree PLAN --alternative N')
    // Signed: an alternative, or the agreement as it is (recorded again, as the deal room does).
    for (const terms of [one.terms, RENEWAL_B]) {
      const signed = negotiationStatus(space, [offer, chose, agreed, offered, event('agreed', { terms })])
      expect(signed.postSettlement).toEqual([])
      expect(signed.postSettlementOffered).toBeNull()
      expect(signed.nextMove.text).not.toMatch(/signature|post-settlement/)
    }
    // A correction that is none of them is an agreement of its own.
    const corrected = negotiationStatus(space, [
      offer,
      chose,
      agreed,
      offered,
      event('agreed', { terms: { ...RENEWAL_B, term: 24 } }),
    ])
    expect(corrected.postSettlementOffered).toBeNull()
    expect(corrected.postSettlement.length).toBeGreaterThan(0)
  })

  it('refuses alternatives before an agreement, and labels them 1, 2 when the event does not', () => {
    const early = admitEvent(
      space,
      { events: [offer, chose], state: replay(space, [offer, chose]) },
      { type: 'alternatives-offered', bundles: [{ terms: RENEWAL_B }] },
      PREVIEW_EVENT,
    )
    expect(early.ok ? [] : early.problems.map((problem) => problem.code)).toEqual(['nothing_agreed'])
    const journal = [offer, chose, agreed]
    const admitted = admitEvent(
      space,
      { events: journal, state: replay(space, journal) },
      {
        type: 'alternatives-offered',
        bundles: [
          { terms: negotiationStatus(space, journal).postSettlement[0]?.terms ?? {} },
          { terms: { ...RENEWAL_B, price: 200000 } },
        ],
      },
      PREVIEW_EVENT,
    )
    if (!admitted.ok) throw new Error(JSON.stringify(admitted.problems))
    expect(admitted.state.alternativesOffered?.bundles.map((bundle) => bundle.label)).toEqual(['1', '2'])
    // The second is worth less to us than the agreement: recorded, with a warning at it.
    const ours = (terms: object) => {
      const read = readOffer(space, terms as never)
      return read.ok ? utilityOf(space, read.offer).us : Number.NaN
    }
    expect(ours({ ...RENEWAL_B, price: 200000 })).toBeLessThan(ours(RENEWAL_B))
    expect(admitted.warnings.filter((w) => w.code === 'alternative_worse_for_us').map((w) => w.at)).toEqual([
      ['bundles', 1],
    ])
  })

  it('is not linted as a second agreement when they sign the agreement or an alternative; a correction is', () => {
    const seconds = (events: ReturnType<typeof event>[]) =>
      lintNegotiation(space, events)
        .filter((finding) => finding.id === 'second-agreement')
        .map((finding) => finding.message)
    const [taken] = negotiationStatus(space, [offer, chose, agreed]).postSettlement
    if (!taken) throw new Error('expected an alternative')
    // Listed beside the agreement and recorded with `agree --alternative` (nothing recorded as offered).
    expect(seconds([offer, chose, agreed, event('agreed', { terms: taken.terms })])).toEqual([])
    // Offered, then signed: an alternative, or the agreement as it was.
    const offered = event('alternatives-offered', { bundles: [{ terms: taken.terms }] })
    expect(seconds([offer, chose, agreed, offered, event('agreed', { terms: taken.terms })])).toEqual([])
    expect(seconds([offer, chose, agreed, offered, event('agreed', { terms: RENEWAL_B })])).toEqual([])
    // A correction that is none of them replaced the terms: said.
    expect(
      seconds([offer, chose, agreed, offered, event('agreed', { terms: { ...RENEWAL_B, term: 24 } })]),
    ).toEqual(['a second agreement: it replaces the one recorded at event 3'])
  })

  it('keeps what the agreement says beyond its terms when they sign an alternative', () => {
    const full = event('agreed', {
      terms: RENEWAL_B,
      measures: [{ metric: 'uptime', threshold: 99.9, reporting: 'monthly', remedy: 'credits' }],
      exit: 'after 12 months with 90 days notice',
      governance: { reviewCadence: 'quarterly' },
      fairnessStory: 'the market rate for the term',
    })
    const body = signedAgreement(full as EventOf<'agreed'>, { ...RENEWAL_B, term: 36 })
    expect(body).toEqual({
      type: 'agreed',
      terms: { ...RENEWAL_B, term: 36 },
      measures: [{ metric: 'uptime', threshold: 99.9, reporting: 'monthly', remedy: 'credits' }],
      exit: 'after 12 months with 90 days notice',
      governance: { reviewCadence: 'quarterly' },
      fairnessStory: 'the market rate for the term',
    })
  })

  it('lists none before an agreement or once the debrief has begun', () => {
    expect(negotiationStatus(space, [offer, chose]).postSettlement).toEqual([])
    const debriefed = negotiationStatus(space, [
      offer,
      chose,
      agreed,
      event('debrief', { answers: { 'what worked': 'the set' } }),
    ])
    expect(debriefed.stage).toBe('debrief')
    expect(debriefed.postSettlement).toEqual([])
  })
})
