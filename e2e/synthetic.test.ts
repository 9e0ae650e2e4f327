import { compileSpace, computeFrontier, nashIndex } from '@parley/core'
import { syntheticPlan } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { sharedFile, syntheticChecks } from './shared'

const file = sharedFile('benchmarks/SYNTHETIC.md')

describe.runIf(file)('synthetic spaces (check values of ../shared/benchmarks/SYNTHETIC.md)', () => {
  const checks = file ? syntheticChecks(file) : []

  it('parses the published table', () => {
    expect(checks.length).toBeGreaterThanOrEqual(17)
  })

  it.each(checks.map((check) => [check.space, check] as const))(
    '%s: frontier size, Nash point and checksum match',
    (_, check) => {
      const space = compileSpace(syntheticPlan(check.n, check.levels))
      const result = computeFrontier(space)
      if (!result.ok) return expect.unreachable()
      const { frontier } = result
      expect(frontier.size).toBe(check.frontier)
      let sum = 0
      for (let k = 0; k < frontier.size; k++)
        sum += ((frontier.us[k] ?? 0) / 100) * ((frontier.them[k] ?? 0) / 100)
      expect(Math.abs(sum - check.sumOfProducts) / check.sumOfProducts).toBeLessThan(1e-9)
      const nash = nashIndex(frontier, { us: 0, them: 0 })
      const product = ((frontier.us[nash] ?? 0) / 100) * ((frontier.them[nash] ?? 0) / 100)
      if (check.nashProduct !== undefined) expect(Math.abs(product - check.nashProduct)).toBeLessThan(1e-9)
      if (check.nashLevels) {
        expect(Array.from(frontier.levels.subarray(nash * check.n, (nash + 1) * check.n))).toEqual(
          check.nashLevels,
        )
      }
      if (check.nashUtilities) {
        expect((frontier.us[nash] ?? 0) / 100).toBeCloseTo(check.nashUtilities[0], 12)
        expect((frontier.them[nash] ?? 0) / 100).toBeCloseTo(check.nashUtilities[1], 12)
      }
    },
  )
})
