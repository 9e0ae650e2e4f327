/**
 * Learning that survives a wrong prior: on a small plan, counterparts whose true weights are not
 * drawn from Parley's prior (`perturbed`: each weight off by a factor in [0.2, 1.8]; `reordered`:
 * priorities partly in the wrong order) must leave the posterior after three ranked sets closer to
 * the truth than the plan's estimate was, by a clear margin (10%). A fixed handful
 * of seeded counterparts keeps it deterministic and fast; the full evaluation is the simulate bench.
 */
import { describe, expect, it } from 'vitest'
import type { Confidence, Plan } from '../model/plan'
import { mulberry32 } from '../random'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { drawTruth } from './generators'
import { learningRun } from './learning'
import { preparePlan } from './prepared'
import { simulationSettings } from './settings'
import { counterpartSeed } from './simulate'

const SEED = 20261125
const COUNTERPARTS = 8

function atConfidence(plan: Plan, confidence: Confidence): Plan {
  return { ...plan, issues: plan.issues.map((issue) => ({ ...issue, them: { ...issue.them, confidence } })) }
}

/** Mean posterior error after 0..3 ranked sets over the counterparts. */
function meanErrors(generator: 'perturbed' | 'reordered', confidence: Confidence): number[] {
  const space = compileSpace(atConfidence(acmePlan(), confidence))
  const settings = simulationSettings({ posteriorSamples: 400 })
  const prepared = preparePlan(space, settings)
  const runs = Array.from({ length: COUNTERPARTS }, (_, index) =>
    learningRun(
      prepared,
      drawTruth(space, generator, settings, mulberry32(counterpartSeed(SEED, index, 0))),
      3,
      'rank',
      mulberry32(counterpartSeed(SEED, index, 2)),
    ),
  )
  return [0, 1, 2, 3].map((k) => runs.reduce((total, run) => total + (run[k] ?? 0), 0) / runs.length)
}

describe('learning from ranked MESO sets when the prior is wrong', () => {
  for (const generator of ['perturbed', 'reordered'] as const) {
    // Low confidence: where the Dirichlet prior used before ended further from the truth than it began.
    it(`ends well below the prior's error (${generator}, low confidence)`, () => {
      const errors = meanErrors(generator, 'low')
      const [e0 = 0] = errors
      expect(e0).toBeGreaterThan(0.05)
      expect(errors[3]).toBeLessThan(0.9 * e0)
    })
  }
})
