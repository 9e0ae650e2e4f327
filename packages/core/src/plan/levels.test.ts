import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { compileSpace } from '../scoring/space'
import { rangeLevels, rangeStepCount } from './levels'

/** A one-issue plan on a range, scored linearly on both sides (them preferring low). */
function linearPlan(range: { min: number; max: number; step: number }): Plan {
  return {
    parley: 1,
    title: 'Grid',
    context: 'custom',
    parties: { us: { name: 'Us' }, them: { name: 'Them' } },
    issues: [
      {
        id: 'i0',
        name: 'Issue',
        unit: 'units',
        range,
        us: { weight: 1, prefer: 'high' },
        them: { weight: 1, prefer: 'low' },
      },
    ],
  }
}

// Ranges as plans write them, min included as arithmetic leaves it (start × step, 0.1 × -3).
const rangeArb = fc
  .tuple(
    fc.integer({ min: -50, max: 50 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom(1, 0.5, 5, 1000, 0.1, 0.25, 0.01),
  )
  .map(([start, steps, step]) => {
    const min = start * step
    return { min, max: Math.round((min + steps * step) * 1e6) / 1e6, step }
  })
  .filter((range) => rangeStepCount(range) !== undefined)

describe('rangeLevels', () => {
  it('gives a tidy grid from min to max exactly, increasing, one level per step', () => {
    fc.assert(
      fc.property(rangeArb, (range) => {
        const levels = rangeLevels(range)
        expect(levels).toHaveLength((rangeStepCount(range) ?? -1) + 1)
        expect(levels[0]).toBe(range.min)
        expect(levels[levels.length - 1]).toBe(range.max)
        for (let k = 1; k < levels.length; k++) {
          expect(levels[k]).toBeGreaterThan(levels[k - 1] as number)
          expect(Math.abs((levels[k] as number) - (range.min + k * range.step))).toBeLessThan(
            1e-9 * range.step,
          )
        }
      }),
    )
  })

  it('scores a linear preference exactly 0 and 100 at the ends, even where min has float noise', () => {
    // -0.1 × 3 is -0.30000000000000004: rounded, the first level was -0.3, and the best for a side
    // preferring low scored 99.99999999999999 (the GENIUS export then wrote it rescaled). And on
    // 0.18..0.27, 100 × (max − min) / (max − min) itself rounds to 99.99999999999999.
    const noisy = { min: -0.1 * 3, max: -0.1, step: 0.1 }
    expect(noisy.min).not.toBe(-0.3)
    for (const range of [
      noisy,
      { min: 0.1 * 3, max: 1, step: 0.1 },
      { min: 0.18, max: 0.27, step: 0.01 },
      { min: 0, max: 1, step: 0.25 },
    ]) {
      const [issue] = compileSpace(linearPlan(range)).issues
      if (!issue) return expect.unreachable()
      const last = issue.levels.length - 1
      expect([issue.score.us[0], issue.score.us[last]]).toEqual([0, 100])
      expect([issue.score.them[0], issue.score.them[last]]).toEqual([100, 0])
    }
    fc.assert(
      fc.property(rangeArb, (range) => {
        const [issue] = compileSpace(linearPlan(range)).issues
        if (!issue) return expect.unreachable()
        expect(Math.max(...issue.score.us)).toBe(100)
        expect(Math.max(...issue.score.them)).toBe(100)
      }),
    )
  })
})
