import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'

const examples = readdirSync('examples').filter((name) => name.endsWith('.yaml'))

interface Bundle {
  label: string
  name: string
  emphasis: string[]
  terms: Record<string, string | number>
  utility: { us: number; them: number }
  meetsDecisionRule: boolean
  efficientFor: Record<string, number>
}
interface MesoSet {
  target: number
  tolerance: number
  bundles: Bundle[]
  informativeness: number
}

describe('parley meso on the examples', () => {
  it.each(examples)('%s gives a sensible set', (name) => {
    const file = join('examples', name)
    const run = parley(['meso', file, '--json'])
    expect(run.code).toBe(0)
    const set = run.json() as MesoSet
    console.log(
      `${name}: target ${set.target} ± ${set.tolerance}, ${set.informativeness.toFixed(2)} bits\n${set.bundles
        .map(
          (b) =>
            `  ${b.label} ${b.name} (us ${b.utility.us.toFixed(1)}, them ${b.utility.them.toFixed(1)}) ${JSON.stringify(b.terms)}`,
        )
        .join('\n')}`,
    )
    expect(set.bundles.map((bundle) => bundle.label)).toEqual(['A', 'B', 'C'])
    expect(new Set(set.bundles.map((bundle) => bundle.name)).size).toBe(3)
    expect(set.informativeness).toBeGreaterThan(0.3)
    for (const bundle of set.bundles) {
      expect(bundle.name).toMatch(/-optimised$/)
      expect(bundle.emphasis.length).toBeGreaterThan(0)
      expect(Math.abs(bundle.utility.us - set.target)).toBeLessThanOrEqual(set.tolerance + 1e-9)
      // Checked again by the scorer: the rule holds, our limits are kept, both margins are positive.
      const score = parley(['score', file, '--offer', JSON.stringify(bundle.terms), '--json']).json() as {
        utility: { us: number; them: number }
        meetsDecisionRule: boolean
        breaksLimits: boolean
        margin: { reservation: number; batnaThem: number }
      }
      expect(score.utility).toEqual(bundle.utility)
      expect(score.meetsDecisionRule).toBe(true)
      expect(score.breaksLimits).toBe(false)
      expect(score.margin.reservation).toBeGreaterThanOrEqual(0)
      expect(score.margin.batnaThem).toBeGreaterThanOrEqual(0)
      // Different bundles meet the rule in different ways.
      for (const other of set.bundles) {
        if (other === bundle) continue
        const differing = Object.keys(bundle.terms).filter(
          (issue) => bundle.terms[issue] !== other.terms[issue],
        )
        expect(differing.length).toBeGreaterThanOrEqual(2)
      }
    }
  })
})

describe('parley meso', () => {
  const example = 'examples/sales-saas-renewal.yaml'

  it('prints the MESO grid for people and draws the bundles on the frontier', () => {
    const plot = join(temporaryFolder(), 'meso.svg')
    const run = parley(['meso', example, '--plot', plot])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('MESO: 3 bundles worth 72.0 ± 2 to us')
    expect(run.stdout).toContain('A: price-optimised')
    expect(run.stdout).toContain('U_them (est., plan)')
    // Why each bundle is in the set: the two heaviest issues of its own weighting, as --json gives it.
    const set = parley(['meso', example, '--json']).json() as MesoSet
    const row = run.stdout.split('\n').find((line) => line.includes('best for them if they weigh most'))
    for (const bundle of set.bundles) {
      const [first, second] = Object.entries(bundle.efficientFor).sort((a, b) => b[1] - a[1])
      const share = (entry: [string, number] | undefined) =>
        `${entry?.[0]} ${Math.round((entry?.[1] ?? 0) * 100)}%`
      expect(row).toContain(`${share(first)} · ${share(second)}`)
    }
    const svg = readFileSync(plot, 'utf8')
    expect(svg).toContain('>A<')
    expect(svg).toContain('C: ')
  })

  it('draws the bundles on the frontier under the estimate they are valued by, once the journal taught something', () => {
    const folder = temporaryFolder()
    const plan = join(folder, 'renewal.yaml')
    copyFileSync(example, plan)
    for (const move of [
      ['heard', plan, 'launch date first', '--ranking', 'rollout,price'],
      ['offer', plan, '--meso'],
      ['reply', plan, '--chose', 'B'],
    ])
      expect(parley(move).code).toBe(0)
    const plot = join(folder, 'meso.svg')
    expect(parley(['meso', plan, '--plot', plot]).code).toBe(0)
    expect(readFileSync(plot, 'utf8')).toContain('value to them (est., learned from 2 moves)')
    // No bundle of the set lies above the frontier `frontier --learned` gives: one estimate for both.
    const set = parley(['meso', plan, '--json']).json() as MesoSet
    const frontier = parley(['frontier', plan, '--rule', '--learned', '--json']).json() as {
      frontier: { us: number; them: number }[]
      estimate: string
    }
    expect(frontier.estimate).toBe('est., learned from 2 moves')
    for (const bundle of set.bundles) {
      const best = Math.max(
        ...frontier.frontier
          .filter((point) => point.us >= bundle.utility.us - 1e-9)
          .map((point) => point.them),
      )
      expect(best).toBeGreaterThanOrEqual(bundle.utility.them - 1e-6)
    }
  })

  it('takes --count, --target and --tolerance', () => {
    const set = parley([
      'meso',
      example,
      '--count',
      '2',
      '--target',
      '65',
      '--tolerance',
      '3',
      '--json',
    ]).json() as MesoSet
    expect(set.bundles).toHaveLength(2)
    expect(set.target).toBe(65)
    for (const bundle of set.bundles) expect(Math.abs(bundle.utility.us - 65)).toBeLessThanOrEqual(3)
  })

  it('says why there is no set, and what would help, with exit 3', () => {
    const run = parley(['meso', example, '--target', '97'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('target 97 is out of reach')
    // Core words what to change; the command line adds the flag that asks for it.
    expect(run.stderr).toMatch(/try a target of [\d.]+ or less \(--target [\d.]+\)/)
    const json = parley(['meso', example, '--target', '97', '--json'])
    expect(json.json()).toMatchObject({ ok: false, code: 'target_too_high', target: 97 })
    const narrow = parley(['meso', example, '--target', '50.05', '--tolerance', '0.001', '--json'])
    expect(narrow.code).toBe(3)
    const { message, suggestedTolerance } = narrow.json() as {
      message: string
      suggestedTolerance: number
    }
    expect(message).toMatch(
      /^only 2 equivalent bundles exist at target 50.05 \(within 0.001\); a tolerance of [\d.]+ points gives 3$/,
    )
    expect(message).toContain(`a tolerance of ${suggestedTolerance} points`)
    expect(parley(['meso', example, '--target', '50.05', '--tolerance', '0.001']).stderr).toContain(
      `(--tolerance ${suggestedTolerance})`,
    )
    // The suggestion works.
    const suggested = String(suggestedTolerance)
    const wider = parley(['meso', example, '--target', '50.05', '--tolerance', suggested, '--json'])
    expect(wider.code).toBe(0)
    expect((wider.json() as MesoSet).bundles).toHaveLength(3)
  })

  it('rejects bad flag values with exit 1', () => {
    expect(parley(['meso', example, '--count', '4']).code).toBe(1)
    expect(parley(['meso', example, '--target', '120']).code).toBe(1)
    expect(parley(['meso', example, '--tolerance', '0']).code).toBe(1)
  })
})
