import { describe, expect, it } from 'vitest'
import { alternativesBeforeSigning } from '../journal/post-settlement'
import { replay } from '../journal/replay'
import { shortfallsOf } from '../journal/shortfalls'
import { negotiationStatus } from '../journal/status'
import { mulberry32 } from '../random'
import { constraintHolds } from '../scoring/constraints'
import { offerFromLevels, readOffer } from '../scoring/offer'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { renewalSpace } from '../testing/renewal'
import { drawTruth } from './generators'
import { bestNashProduct, frontierDistance, nashShare, trueFrontier } from './measures'
import { preparePlan } from './prepared'
import {
  type Rehearsal,
  type RehearsalMove,
  type RehearsalStep,
  startRehearsal,
  stepRehearsal,
} from './rehearsal'
import { nothingLeftInWords, rehearsalDebrief } from './rehearsal-debrief'
import { simulationSettings } from './settings'
import { counterpartSeed } from './simulate'
import { ourUtility, trueUtility } from './truth'

const space = compileSpace(acmePlan())
// Fewer posterior samples keep the tests quick; the model is the same.
const settings = { posteriorSamples: 300 }

function play(rehearsal: Rehearsal, move: RehearsalMove): Rehearsal {
  const step = stepRehearsal(rehearsal, move)
  if (!step.ok) throw new Error(step.refusal.message)
  return step.rehearsal
}

/** Our side: ask, offer Parley's MESO set, then accept their counter at the last round. */
function rehearseAsUs(
  seed: number,
  samples: Partial<typeof settings> = settings,
): { rehearsal: Rehearsal; steps: RehearsalStep[] } {
  let rehearsal = startRehearsal(space, { seed, settings: { ...samples, deadline: 3 } })
  const steps: RehearsalStep[] = []
  const moves: RehearsalMove[] = [{ kind: 'ask' }, { kind: 'meso', target: 75 }]
  while (!rehearsal.end) {
    const move: RehearsalMove =
      moves.shift() ??
      (rehearsal.round < rehearsal.deadline ? { kind: 'meso', target: 60 } : { kind: 'accept' })
    const step = stepRehearsal(rehearsal, move)
    steps.push(step)
    if (!step.ok) throw new Error(step.refusal.message)
    rehearsal = step.rehearsal
  }
  return { rehearsal, steps }
}

describe('a rehearsal on our side', () => {
  it('is the same for the same seed and moves, and differs with the seed', () => {
    const a = rehearseAsUs(7)
    const b = rehearseAsUs(7)
    expect(b.rehearsal.events).toEqual(a.rehearsal.events)
    expect(b.steps.map((step) => step.ok && step.reply)).toEqual(a.steps.map((step) => step.ok && step.reply))
    expect(startRehearsal(space, { seed: 8 }).setup.truth).not.toEqual(
      startRehearsal(space, { seed: 7 }).setup.truth,
    )
  })

  it('reaches an agreement recorded in a scratch journal that replays to the same state', () => {
    const { rehearsal } = rehearseAsUs(7)
    expect(rehearsal.end?.kind).toBe('agreed')
    const types = rehearsal.events.map((event) => event.type)
    expect(types[0]).toBe('interest-stated')
    expect(types).toContain('offer-sent')
    expect(types.at(-1)).toBe('agreed')
    const replayed = replay(space, rehearsal.events)
    expect(replayed.findings).toEqual([])
    expect(replayed.agreed?.event.terms).toEqual(rehearsal.state.agreed?.event.terms)
    expect(replayed.stage).toBe('close')
  })

  it('debriefs with the figures the simulator measures against the truth it drew', () => {
    const { rehearsal } = rehearseAsUs(7)
    const debrief = rehearsalDebrief(rehearsal)
    // The truth drawn again, independently of the rehearsal: counterpart 0 of `parley simulate` with this seed.
    const simulation = simulationSettings({ ...settings, deadline: 3 })
    const truth = drawTruth(space, 'perturbed', simulation, mulberry32(counterpartSeed(7, 0, 0)))
    const prepared = preparePlan(space, simulation)
    // The deals we could have made: the rule and our limits kept, as `parley simulate` measures.
    const frontier = trueFrontier(space, truth, prepared.constraints)
    const end = rehearsal.end
    if (end?.kind !== 'agreed') throw new Error('expected an agreement')
    const point = { us: ourUtility(space, end.bundle.levels), them: trueUtility(truth, end.bundle.levels) }
    const d = { us: 40, them: truth.batna }
    expect(debrief.outcome).toBe('agreed')
    expect(debrief.agreement?.us).toBeCloseTo(point.us, 9)
    expect(debrief.agreement?.them).toBeCloseTo(point.them, 9)
    expect(debrief.batna).toEqual(d)
    expect(debrief.nearest?.distance).toBeCloseTo(frontierDistance(point, frontier), 9)
    expect(debrief.nashShare).toBeCloseTo(nashShare(point, bestNashProduct(frontier, d), d) ?? Number.NaN, 9)
    const nash = debrief.nash
    if (!nash) throw new Error('expected a Nash point')
    expect((nash.us - d.us) * (nash.them - d.them)).toBeCloseTo(bestNashProduct(frontier, d), 9)
    // Value left: a frontier point at least as good for both, or nothing when the agreement is on the frontier.
    expect(debrief.left.us).toBeGreaterThanOrEqual(0)
    expect(debrief.left.them).toBeGreaterThanOrEqual(0)
    // Value left: measured against the same frontier.
    const feasible = frontier
    const better: number[] = []
    for (let k = 0; k < feasible.size; k++) {
      const gu = (feasible.us[k] ?? 0) - point.us
      const gt = (feasible.them[k] ?? 0) - point.them
      if (gu >= -0.01 && gt >= -0.01 && gu + gt > 0.01) better.push(k)
    }
    if (better.length === 0) expect(debrief.left).toEqual({ us: 0, them: 0 })
    else {
      const bundle = debrief.left.bundle
      if (!bundle) throw new Error('expected a bundle better for both')
      expect(better.some((k) => Math.abs((feasible.us[k] ?? 0) - bundle.us) < 1e-9)).toBe(true)
      expect(bundle.us - point.us).toBeCloseTo(debrief.left.us, 9)
      expect(bundle.them - point.them).toBeCloseTo(debrief.left.them, 9)
      expect(debrief.left.us + debrief.left.them).toBeGreaterThan(0.01)
    }
    // Against our plan: the same judgement as the warnings when it was accepted.
    const shortfalls = shortfallsOf(space, offerFromLevels(space, end.bundle.levels))
    const outside = shortfalls.brokenLimits.length + shortfalls.brokenRule.length > 0
    expect(debrief.outsideFrontier).toBe(outside)
    expect(debrief.againstPlan.length > 0).toBe(
      outside || shortfalls.belowReservation || shortfalls.belowBatna !== undefined,
    )
    expect(nothingLeftInWords({ outsideFrontier: false })).toBe('none; no bundle is better for both')
    expect(nothingLeftInWords({ outsideFrontier: true })).toContain('none within our limits and the rule')
    // What was learned, against the truth: L1 of weight shares.
    const priorError = space.issues.reduce(
      (total, issue) =>
        total + Math.abs((space.share.them[issue.index] ?? 0) - (truth.weights[issue.index] ?? 0)),
      0,
    )
    expect(debrief.learned.priorError).toBeCloseTo(priorError, 9)
    expect(debrief.learned.moves).toBeGreaterThan(0)
  })

  it('lists what Parley would offer before signing, as status does for the scratch journal, and what they would sign', () => {
    let signedSome = 0
    // The product's 2,000 posterior samples, so the scratch journal's status is the same computation.
    for (const seed of [3, 5, 7, 11]) {
      const { rehearsal } = rehearseAsUs(seed, {})
      if (rehearsal.end?.kind !== 'agreed') continue
      const debrief = rehearsalDebrief(rehearsal)
      const before = debrief.beforeSigning
      if (!before) throw new Error('an agreement without the step before signing')
      const status = negotiationStatus(space, rehearsal.events)
      // The same alternatives `parley status` lists once the agreement is recorded (its default count, 2).
      expect(before.alternatives.map((option) => option.terms)).toEqual(
        status.postSettlement.map((option) => option.terms),
      )
      const agreement = debrief.agreement
      if (!agreement) throw new Error('no agreement')
      for (const option of before.alternatives) {
        expect(option.us).toBeGreaterThanOrEqual(agreement.us - 1e-9)
        const read = readOffer(space, option.terms)
        if (!read.ok) throw new Error('an alternative does not read back')
        expect(option.them).toBeCloseTo(trueUtility(rehearsal.setup.truth, read.offer.levelIndex), 9)
      }
      // They sign the one worth most to them by true utility, only when it beats the agreement.
      const top = Math.max(agreement.them, ...before.alternatives.map((option) => option.them))
      if (top > agreement.them + 1e-9) {
        signedSome++
        expect(before.signed?.them).toBeCloseTo(top, 9)
      } else expect(before.signed).toBeUndefined()
    }
    expect(signedSome).toBeGreaterThan(0)
  })

  it('ends at a walk-away with both BATNAs, the Nash point being what a deal could have given', () => {
    let rehearsal = startRehearsal(space, { seed: 3, settings })
    const untargeted = stepRehearsal(rehearsal, { kind: 'meso' })
    expect(untargeted.ok || untargeted.refusal.message).toBe(
      'Parley finds no MESO set now: target 85 is out of reach: while giving them their BATNA 35.0 the most we can get is 82.2; try a target of 80.2 or less (here: meso TARGET, or offer one bundle)',
    )
    rehearsal = play(rehearsal, { kind: 'meso', target: 75 })
    rehearsal = play(rehearsal, { kind: 'walk' })
    expect(rehearsal.end?.kind).toBe('walked')
    const debrief = rehearsalDebrief(rehearsal)
    expect(debrief.agreement).toBeUndefined()
    expect(debrief.point).toEqual(debrief.batna)
    expect(debrief.nashShare).toBeUndefined()
    expect(debrief.left.us).toBeCloseTo((debrief.nash?.us ?? 0) - debrief.batna.us, 9)
    expect(debrief.left.them).toBeCloseTo((debrief.nash?.them ?? 0) - debrief.batna.them, 9)
    const after = stepRehearsal(rehearsal, { kind: 'meso' })
    expect(after.ok || after.refusal.code).toBe('rehearsal-over')
  })

  it('refuses moves that do not fit, leaving the rehearsal as it was', () => {
    const start = startRehearsal(space, { seed: 3, settings })
    const accept = stepRehearsal(start, { kind: 'accept' })
    expect(accept.ok || accept.refusal.code).toBe('nothing-to-accept')
    const partial = stepRehearsal(start, { kind: 'offer', terms: { price: 120000 } })
    expect(partial.ok || partial.refusal.message).toBe(
      'nothing is on the table yet, so a bundle names every issue; missing: rollout, support',
    )
    const unknown = stepRehearsal(start, {
      kind: 'offer',
      terms: { price: 120001, rollout: 30, support: 'gold' },
    })
    // Off-grid numbers are allowed in an offer, as in `parley score`; an unknown option is not.
    expect(unknown.ok || unknown.refusal.problems.map((problem) => problem.at)).toEqual([
      ['terms', 'support'],
    ])
    const theirs = stepRehearsal(start, { kind: 'counter', terms: {} })
    expect(theirs.ok || theirs.refusal.code).toBe('wrong-side')
    expect(start.moves).toEqual([])
    expect(start.events).toEqual([])
  })

  it('moves the named issues of a single offer from the bundle on the table, and concedes from it', () => {
    let rehearsal = startRehearsal(space, { seed: 11, settings: { ...settings, theirExponent: 0.1 } })
    rehearsal = play(rehearsal, { kind: 'offer', terms: { price: 140000, rollout: 60, support: 'standard' } })
    expect(rehearsal.exchanges[0]?.reply.kind).toBe('countered')
    rehearsal = play(rehearsal, { kind: 'offer', terms: { price: 135000 } })
    const offered = rehearsal.state.offers.at(-1)?.bundles[0]?.terms
    expect(offered?.price).toBe(135000)
    const counter = rehearsal.state.counter
    if (!counter) throw new Error('expected a counter')
    rehearsal = play(rehearsal, { kind: 'concede', give: { price: 130000 }, get: {} })
    expect(rehearsal.round).toBe(3)
    expect(rehearsal.state.concessions.length).toBe(1)
  })

  it('warns when an offer falls below our reservation, and records it all the same', () => {
    const start = startRehearsal(space, { seed: 3, settings })
    const step = stepRehearsal(start, {
      kind: 'offer',
      terms: { price: 90000, rollout: 30, support: 'enterprise' },
    })
    if (!step.ok) throw new Error(step.refusal.message)
    expect(step.warnings.length).toBeGreaterThan(0)
    expect(step.rehearsal.events[0]?.type).toBe('offer-sent')
  })
})

describe('a rehearsal in role reversal', () => {
  it("asks their priorities, then plays Parley's method against the person's answers", () => {
    let rehearsal = startRehearsal(space, { seed: 5, as: 'them', settings })
    expect(rehearsal.askedPriorities).toBe(true)
    const early = stepRehearsal(rehearsal, { kind: 'accept' })
    expect(early.ok || early.refusal.code).toBe('priorities-first')
    const unknown = stepRehearsal(rehearsal, { kind: 'priorities', ranking: ['price', 'colour'] })
    expect(unknown.ok || unknown.refusal.message).toBe(
      "unknown issue 'colour' (issues: price, rollout, support)",
    )
    rehearsal = play(rehearsal, { kind: 'priorities', ranking: ['support', 'price'] })
    expect(rehearsal.events[0]).toMatchObject({ type: 'interest-stated', ranking: ['support', 'price'] })
    expect(rehearsal.onOffer.length).toBeGreaterThan(0)
    const prepared = preparePlan(space, simulationSettings(settings))
    for (const bundle of rehearsal.onOffer) {
      const values = space.issues.map((issue) => issue.levels[bundle.levels[issue.index] ?? 0] ?? 0)
      expect(prepared.constraints.every((constraint) => constraintHolds(constraint, values))).toBe(true)
      expect(ourUtility(space, bundle.levels)).toBeGreaterThanOrEqual(prepared.reservation - 1e-9)
    }
    const first = rehearsal.onOffer[0]
    if (!first) throw new Error('expected an offer')
    // A counter asking for everything: Parley holds out and offers again in round 2.
    rehearsal = play(rehearsal, {
      kind: 'counter',
      terms: { price: 90000, rollout: 30, support: 'enterprise' },
    })
    expect(rehearsal.round).toBe(2)
    expect(rehearsal.exchanges.at(-1)?.reply.kind).toBe('offered')
    const label = rehearsal.onOffer.length > 1 ? rehearsal.onOffer[1]?.label : undefined
    const accepted = rehearsal.onOffer[label ? 1 : 0]
    if (!accepted) throw new Error('expected a bundle to accept')
    rehearsal = play(rehearsal, label ? { kind: 'accept', label } : { kind: 'accept' })
    expect(rehearsal.events.at(-1)?.type).toBe('agreed')
    expect(replay(space, rehearsal.events).findings).toEqual([])
    if (rehearsal.signing) {
      // Before signing, only signing remains; the alternatives are the ones status lists.
      expect(rehearsal.end).toBeUndefined()
      expect(rehearsal.exchanges.at(-1)?.reply.kind).toBe('before-signing')
      const walk = stepRehearsal(rehearsal, { kind: 'walk' })
      expect(walk.ok || walk.refusal.code).toBe('sign-first')
      rehearsal = play(rehearsal, { kind: 'sign' })
    }
    expect(rehearsal.end?.kind).toBe('agreed')
    const debrief = rehearsalDebrief(rehearsal)
    expect(debrief.agreement?.them).toBeCloseTo(trueUtility(rehearsal.setup.truth, accepted.levels), 9)
  })

  it('offers the post-settlement alternatives before signing in role reversal, and records the one the person signs', () => {
    const renewal = renewalSpace()
    // Accept Parley's first bundles each round until the talks agree with alternatives to offer.
    const agreeing = (seed: number) => {
      let rehearsal = startRehearsal(renewal, { seed, as: 'them', settings })
      rehearsal = play(rehearsal, { kind: 'priorities', ranking: [] })
      const label = rehearsal.onOffer[0]?.label
      return play(
        rehearsal,
        label && rehearsal.onOffer.length > 1 ? { kind: 'accept', label } : { kind: 'accept' },
      )
    }
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8]
    const rehearsal = seeds.map(agreeing).find((candidate) => candidate.signing !== undefined)
    if (!rehearsal?.signing) throw new Error('no seed gives alternatives before signing')
    const { agreed, alternatives } = rehearsal.signing
    const reply = rehearsal.exchanges.at(-1)?.reply
    expect(reply).toEqual({ kind: 'before-signing', agreed, alternatives })
    // The same alternatives status lists for the scratch journal (under the rehearsal's posterior), in the same order.
    const listed = alternativesBeforeSigning(renewal, rehearsal.state, rehearsal.posterior)
    expect(alternatives.map((bundle) => bundle.terms)).toEqual(listed.map((option) => option.terms))
    for (const bundle of alternatives)
      expect(ourUtility(renewal, bundle.levels)).toBeGreaterThanOrEqual(
        ourUtility(renewal, agreed.levels) - 1e-9,
      )
    // Only signing remains, and only an alternative on offer.
    for (const move of [{ kind: 'walk' }, { kind: 'accept' }] as const) {
      const step = stepRehearsal(rehearsal, move)
      expect(step.ok || step.refusal.code).toBe('sign-first')
    }
    const beyond = stepRehearsal(rehearsal, { kind: 'sign', alternative: alternatives.length + 1 })
    expect(beyond.ok || beyond.refusal.code).toBe('unknown-label')

    // Signing the first alternative records it as the latest agreement; the debrief keeps the talks' agreement.
    const signed = play(rehearsal, { kind: 'sign', alternative: 1 })
    expect(signed.end).toMatchObject({
      kind: 'agreed',
      bundle: agreed,
      beforeSigning: { signed: alternatives[0] },
    })
    expect(signed.events.at(-1)).toMatchObject({ type: 'agreed', terms: alternatives[0]?.terms })
    expect(replay(renewal, signed.events).agreed?.event.terms).toEqual(alternatives[0]?.terms)
    const debrief = rehearsalDebrief(signed)
    expect(debrief.agreement?.terms).toEqual(agreed.terms)
    expect(debrief.beforeSigning?.chosenBy).toBe('them')
    expect(debrief.beforeSigning?.signed?.terms).toEqual(alternatives[0]?.terms)
    expect(debrief.beforeSigning?.signed?.them).toBeCloseTo(
      trueUtility(signed.setup.truth, alternatives[0]?.levels ?? []),
      9,
    )

    // Signing as agreed records nothing more.
    const kept = play(rehearsal, { kind: 'sign' })
    expect(kept.events).toEqual(rehearsal.events)
    expect(rehearsalDebrief(kept).beforeSigning).toMatchObject({ chosenBy: 'them' })
    expect(rehearsalDebrief(kept).beforeSigning?.signed).toBeUndefined()
    const over = stepRehearsal(kept, { kind: 'sign' })
    expect(over.ok || over.refusal.code).toBe('rehearsal-over')
  })

  it('records their ranking of a set before their counter, and refuses one that leaves a bundle out', () => {
    const renewal = renewalSpace()
    let rehearsal = startRehearsal(renewal, { seed: 5, as: 'them', settings })
    rehearsal = play(rehearsal, { kind: 'priorities', ranking: [] })
    expect(rehearsal.events.some((event) => event.type === 'interest-stated')).toBe(false)
    expect(rehearsal.onOffer.length).toBeGreaterThan(1)
    const step = stepRehearsal(rehearsal, { kind: 'counter', terms: {}, order: ['A'] })
    expect(step.ok || step.refusal.code).toBe('unknown-label')
    const order = rehearsal.onOffer.map((bundle) => bundle.label ?? '').reverse()
    rehearsal = play(rehearsal, { kind: 'counter', terms: {}, order })
    const types = rehearsal.events.map((event) => event.type)
    expect(types.slice(1, 3)).toEqual(['bundles-ranked', 'offer-rejected'])
    expect(rehearsal.events[1]).toMatchObject({ order })
  })
})
