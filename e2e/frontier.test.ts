import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { parley, temporaryFolder } from './parley'

const folder = temporaryFolder()
const example = 'examples/sales-saas-renewal.yaml'

interface Point {
  us: number
  them: number
  terms: Record<string, string | number>
}
interface Report {
  outcomes: number
  frontier: Point[]
  nash: Point | null
  kalaiSmorodinsky: Point | null
  maxJoint: Point | null
  zopa: boolean
  epsilon: number | null
  bound?: string
}

describe('parley frontier', () => {
  it('gives the frontier, the bargaining points and the zone of agreement as JSON', () => {
    const run = parley(['frontier', example, '--json'])
    expect(run.code).toBe(0)
    const report = run.json() as Report
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['outcomes', 'frontier', 'nash', 'kalaiSmorodinsky', 'maxJoint', 'zopa']),
    )
    expect(report.outcomes).toBe(19440)
    expect(report.epsilon).toBeNull()
    for (let k = 1; k < report.frontier.length; k++) {
      expect(report.frontier[k]!.us).toBeLessThan(report.frontier[k - 1]!.us)
      expect(report.frontier[k]!.them).toBeGreaterThan(report.frontier[k - 1]!.them)
    }
    // A point's terms score to its utilities, as `parley score` computes them.
    for (const point of [report.frontier[0]!, report.nash!, report.frontier.at(-1)!]) {
      const score = parley(['score', example, '--offer', JSON.stringify(point.terms), '--json']).json() as {
        utility: Point
      }
      expect(score.utility.us).toBe(point.us)
      expect(score.utility.them).toBe(point.them)
    }
    expect(report.zopa).toBe(true)
  })

  it('counts only bundles meeting the decision rule with --rule', () => {
    const all = parley(['frontier', example, '--json']).json() as Report
    const ruled = parley(['frontier', example, '--rule', '--json']).json() as Report
    expect(all.frontier.some((point) => Number(point.terms.rollout) > 60)).toBe(true)
    expect(ruled.frontier.every((point) => Number(point.terms.rollout) <= 60)).toBe(true)
    expect(ruled.nash!.terms.rollout).toBeLessThanOrEqual(60)
  })

  it('prints a summary for people and draws an SVG', () => {
    const plot = join(folder, 'frontier.svg')
    const run = parley(['frontier', example, '--rule', '--plot', plot])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Pareto frontier: 79 points')
    expect(run.stdout).toContain('Nash')
    expect(run.stdout).toContain('Zone of agreement: yes')
    const svg = readFileSync(plot, 'utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('our reservation 48.0 (private)')
    expect(svg).toContain('Kalai–Smorodinsky')
    expect(svg).toContain('their BATNA 38.0 (est.)')
  })

  it('stops above 200,000 points with exit 3 and a suggested epsilon, which then works', () => {
    // 64 opposed issues of 1,000 levels each (the format's limits), with weights that rarely tie.
    const issues = Array.from({ length: 64 }, (_, i) => ({
      id: `i${i}`,
      name: `Issue ${i}`,
      unit: 'units',
      range: { min: 0, max: 999, step: 1 },
      us: { weight: 0.5 + ((i * 0.618034) % 1), prefer: 'high' },
      them: { weight: 0.5 + ((i * 0.414214 + 0.3) % 1), prefer: 'low' },
    }))
    const plan = join(folder, 'huge.yaml')
    writeFileSync(
      plan,
      stringify({
        parley: 1,
        title: 'Huge',
        context: 'custom',
        parties: { us: { name: 'A' }, them: { name: 'B' } },
        issues,
      }),
    )
    const run = parley(['frontier', plan])
    expect(run.code).toBe(3)
    const match = /run with --epsilon ([\d.]+)/.exec(run.stderr)
    expect(match, run.stderr).not.toBeNull()
    const json = parley(['frontier', plan, '--json'])
    expect(json.code).toBe(3)
    expect(json.json()).toMatchObject({ ok: false, code: 'too_large', limit: 200000 })
    const approximate = parley(['frontier', plan, '--epsilon', match![1]!, '--json'])
    expect(approximate.code).toBe(0)
    const report = approximate.json() as Report
    expect(report.epsilon).toBe(Number(match![1]))
    expect(report.bound).toContain('within')
    expect(report.frontier.length).toBeGreaterThan(10)
  })

  it('rejects a bad --epsilon with exit 1', () => {
    expect(parley(['frontier', example, '--epsilon', '-1']).code).toBe(1)
    expect(parley(['frontier', example, '--epsilon', 'abc']).stderr).toContain(
      'must be a number of points from 0.000001 to 100',
    )
    // Finer than any figure can show: refused rather than computed.
    expect(parley(['frontier', example, '--epsilon', '1e-9']).code).toBe(1)
  })
})
