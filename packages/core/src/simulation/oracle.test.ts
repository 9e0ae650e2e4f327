import { describe, expect, it } from 'vitest'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import { oracleLearning } from './oracle'
import { GENERATOR_NAMES } from './settings'
import { simulateLearning } from './simulate'
import { estimatedScores } from './truth'

describe('oracleLearning', () => {
  const space = compileSpace(acmePlan())
  const settings = { posteriorSamples: 400 }

  it('runs the same learning run as simulateLearning, and an oracle that learns from it', () => {
    const options = { generator: 'reordered' as const, settings }
    const runs = oracleLearning(space, options, [0, 1, 2, 3], 2000)
    expect(runs.map((run) => run.parley)).toEqual(simulateLearning(space, options, [0, 1, 2, 3]))
    for (const run of runs) expect(run.oracle).toHaveLength(run.parley.length)
    // Knowing how the truth was drawn, three ranked answers leave the oracle nearer than its prior.
    const mean = (k: number) => runs.reduce((sum, run) => sum + (run.oracle[k] ?? 0), 0) / runs.length
    expect(mean(3)).toBeLessThan(mean(0))
  })

  it('knows a truth set by hand from the start: error 0 throughout', () => {
    const weights = space.issues.map((_, i) => i + 1)
    const truth = { weights, scores: estimatedScores(space), batna: 40 }
    const runs = oracleLearning(space, { generator: { name: 'by hand', truth }, settings }, [0, 1], 50)
    for (const run of runs) {
      for (const error of run.oracle) expect(error).toBeCloseTo(0, 12)
      expect(run.parley[0]).toBeGreaterThan(0.05)
    }
  })

  it('with a mixed prior, starts elsewhere and ends further from the truth than knowing the generator', () => {
    const options = { generator: 'reordered' as const, settings }
    const indexes = [0, 1, 2, 3, 4, 5]
    const alone = oracleLearning(space, options, indexes, 3000)
    const mixed = oracleLearning(space, options, indexes, 3000, GENERATOR_NAMES)
    const mean = (runs: { oracle: number[] }[], k: number) =>
      runs.reduce((sum, run) => sum + (run.oracle[k] ?? 0), 0) / runs.length
    // The same learning run either way; the mixed prior starts elsewhere (its mean mixes three).
    expect(mixed.map((run) => run.parley)).toEqual(alone.map((run) => run.parley))
    expect(mean(mixed, 0)).not.toBeCloseTo(mean(alone, 0), 6)
    expect(mean(mixed, 3)).toBeGreaterThan(mean(alone, 3))
  })
})
