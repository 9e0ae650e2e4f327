import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { mulberry32 } from '../random'
import { compileSpace } from '../scoring/space'
import { renewalSpace } from '../testing/renewal'
import { syntheticPlan } from '../testing/synthetic'
import { drawTruth } from './generators'
import { bestNashProduct, frontierDistance, nashShare, trueFrontier } from './measures'
import { preparePlan } from './prepared'
import { STRATEGY_NAMES, simulationSettings } from './settings'
import {
  counterpartSeed,
  runSimulationTask,
  type SimulationOptions,
  simulate,
  simulateCounterparts,
  summarizeSimulation,
} from './simulate'

const plan: Plan = {
  ...syntheticPlan(5, 4),
  batna: { us: { utility: 30 }, them: { utility: 30 } },
  reservation: 40,
}
const space = compileSpace(plan)
// Small and quick: a few counterparts, a light posterior, short talks.
const options: SimulationOptions = {
  counterparts: 5,
  seed: 7,
  rounds: 2,
  settings: { posteriorSamples: 150, deadline: 5 },
}

describe('simulate', () => {
  const report = simulate(space, options)

  it('reports every strategy with the figures of the contract', () => {
    expect(report.strategies.map((strategy) => strategy.name)).toEqual([...STRATEGY_NAMES])
    expect(report.counterparts).toBe(5)
    expect(report.generator).toBe('perturbed')
    for (const strategy of report.strategies) {
      expect(strategy.agreementRate).toBeGreaterThanOrEqual(0)
      expect(strategy.agreementRate).toBeLessThanOrEqual(1)
      if (strategy.agreementRate === 0) {
        expect(strategy.meanUs).toBeNull()
        continue
      }
      expect(strategy.meanUs ?? 0).toBeGreaterThanOrEqual(40 - 1e-9)
      expect(strategy.meanJoint ?? 0).toBeCloseTo((strategy.meanUs ?? 0) + (strategy.meanThem ?? 0), 9)
      expect(strategy.nashShare ?? 2).toBeLessThanOrEqual(1 + 1e-9)
      expect(strategy.frontierDistance ?? -1).toBeGreaterThanOrEqual(0)
      expect(strategy.meanRounds ?? 0).toBeGreaterThanOrEqual(1)
      expect(strategy.meanRounds ?? 99).toBeLessThanOrEqual(5)
    }
    const [parley, ...others] = report.strategies
    expect(parley?.posteriorError).toHaveLength(3)
    for (const other of others) expect(other.posteriorError).toBeNull()
  })

  it('gives the same numbers for the same seed, and other numbers for another', () => {
    expect(simulate(space, options)).toEqual(report)
    expect(simulate(space, { ...options, seed: 8 })).not.toEqual(report)
  })

  it('gives the same numbers however the counterparts are split (as among worker threads)', () => {
    const shares = [[3, 0], [4], [1, 2]].map((indexes) => runSimulationTask({ plan, options, indexes }))
    expect(summarizeSimulation(options, shares.flat())).toEqual(report)
    // A counterpart's outcome depends on its index alone, not on what was played before it.
    const alone = simulateCounterparts(space, options, [4])
    expect(alone).toEqual(shares[1])
  })

  it('derives a distinct seed per counterpart and stream', () => {
    const seeds = new Set<number>()
    for (let index = 0; index < 200; index++)
      for (let stream = 0; stream < 3; stream++) seeds.add(counterpartSeed(20261125, index, stream))
    expect(seeds.size).toBe(600)
  })

  it('measures agreements against the true frontier of the deals we could make (our limits kept)', () => {
    // The renewal's limits (price, rollout, credits) cut off bundles they would value most.
    const renewal = renewalSpace()
    const light: SimulationOptions = { ...options, counterparts: 4 }
    const outcomes = simulateCounterparts(renewal, light, [0, 1, 2, 3])
    const prepared = preparePlan(renewal, simulationSettings(light.settings))
    let differs = 0
    let agreements = 0
    for (const outcome of outcomes) {
      const truth = drawTruth(
        renewal,
        'perturbed',
        prepared.settings,
        mulberry32(counterpartSeed(options.seed ?? 0, outcome.index, 0)),
      )
      const possible = trueFrontier(renewal, truth, prepared.constraints)
      const ruleOnly = trueFrontier(renewal, truth, prepared.requirements.rule)
      const d = { us: prepared.batnaUs, them: truth.batna }
      for (const play of outcome.plays) {
        if (!play.agreed) continue
        agreements++
        const point = { us: play.us, them: play.them }
        expect(play.frontierDistance).toBeCloseTo(frontierDistance(point, possible), 9)
        expect(play.nashShare).toBeCloseTo(nashShare(point, bestNashProduct(possible, d), d) ?? Number.NaN, 9)
        if (Math.abs(frontierDistance(point, ruleOnly) - frontierDistance(point, possible)) > 1e-6) differs++
      }
    }
    expect(agreements).toBeGreaterThan(0)
    // The limits matter here: against the rule alone some agreements would read further off.
    expect(differs).toBeGreaterThan(0)
  })

  it('plays a truth set by hand and single picks', () => {
    const truth = {
      weights: space.issues.map(() => 1),
      scores: space.issues.map((issue) => Array.from(issue.score.them)),
      batna: 25,
    }
    const byHand = simulate(space, {
      ...options,
      counterparts: 2,
      generator: { name: 'truth.yaml', truth },
      answers: 'pick',
    })
    expect(byHand.generator).toBe('truth.yaml')
    expect(byHand.answers).toBe('pick')
    const errors = byHand.strategies[0]?.posteriorError ?? []
    // The truth is the same for both counterparts, so is the prior's error: L1 from the estimate to equal weights.
    const equal = 1 / space.issues.length
    const prior = Array.from(space.share.them).reduce((total, share) => total + Math.abs(share - equal), 0)
    expect(errors[0]).toBeCloseTo(prior, 1)
  })
})
