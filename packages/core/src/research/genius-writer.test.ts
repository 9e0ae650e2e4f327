import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan'
import { formatProblem } from '../model/problem'
import { mulberry32 } from '../random'
import { offerFromLevels, utilityOf } from '../scoring/offer'
import { compileSpace, type Space } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { acmePlan } from '../testing/plans'
import {
  geniusDomainXml,
  geniusProfileXml,
  TOY_SCENARIO,
  type ToyIssue,
  type ToyProfile,
} from '../testing/research'
import { exportGenius, GENIUS_FILE_NAMES, type GeniusFiles } from './genius-writer'
import { importResearch } from './import'
import { childrenNamed, readXml } from './xml-tree'

function reimport(files: GeniusFiles): Plan {
  const result = importResearch({
    domain: { text: files.domain, file: GENIUS_FILE_NAMES.domain },
    us: { text: files.us, file: GENIUS_FILE_NAMES.us },
    them: { text: files.them, file: GENIUS_FILE_NAMES.them },
  })
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
  return result.plan
}

function exported(plan: Plan) {
  const result = exportGenius(plan)
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
  return result
}

/** Up to `count` bundles: all of them when the space is small, else a seeded sample. */
function bundles(space: Space, count = 300): number[][] {
  const sizes = space.issues.map((issue) => issue.levels.length)
  const random = mulberry32(20261125)
  return Array.from({ length: Math.min(count, space.outcomes) }, (_, n) => {
    if (space.outcomes <= count) {
      let rest = n
      return sizes.map((size) => {
        const k = rest % size
        rest = Math.floor(rest / size)
        return k
      })
    }
    return sizes.map((size) => Math.floor(random() * size))
  })
}

/**
 * Both plans' U on the same bundles (level k of issue i in one is level k of issue i in the
 * other): the re-imported one must be `scale` × the original, per side.
 */
function expectScaledUtilities(original: Plan, again: Plan, scale: { us: number; them: number }): void {
  const a = compileSpace(original)
  const b = compileSpace(again)
  for (const bundle of bundles(a)) {
    const before = utilityOf(a, offerFromLevels(a, bundle))
    const after = utilityOf(b, offerFromLevels(b, bundle))
    expect(Math.abs(after.us - scale.us * before.us)).toBeLessThan(1e-9 * Math.max(1, scale.us))
    expect(Math.abs(after.them - scale.them * before.them)).toBeLessThan(1e-9 * Math.max(1, scale.them))
  }
}

const ISSUES: ToyIssue[] = TOY_SCENARIO.issues
const OURS: ToyProfile = TOY_SCENARIO.ours
const THEIRS: ToyProfile = TOY_SCENARIO.theirs

function imported(ours: ToyProfile = OURS, theirs: ToyProfile = THEIRS): Plan {
  const result = importResearch({
    domain: { text: geniusDomainXml('Toy', ISSUES), file: 'toy.xml' },
    us: { text: geniusProfileXml(ISSUES, ours), file: 'buyer.xml' },
    them: { text: geniusProfileXml(ISSUES, theirs), file: 'seller.xml' },
  })
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'))
  return result.plan
}

describe('GENIUS export', () => {
  it('import → export → import gives the same plan, and the same utilities', () => {
    const plan = imported()
    const result = exported(plan)
    expect(result.scale).toEqual({ us: 1, them: 1 })
    expect(result.warnings).toEqual([])
    const again = reimport(result.files)
    expect(again).toEqual(plan)
    expectScaledUtilities(plan, again, { us: 1, them: 1 })
  })

  it('writes weights that do not sum to 1 normalised: the same plan up to the weights’ scale', () => {
    const plan = imported({ ...OURS, weights: [3, 2] })
    const again = reimport(exported(plan).files)
    expect(again.issues.map((issue) => issue.us.weight)).toEqual([0.6, 0.4])
    expect({ ...again, issues: again.issues.map((issue) => ({ ...issue, us: issue.us.scores })) }).toEqual({
      ...plan,
      issues: plan.issues.map((issue) => ({ ...issue, us: issue.us.scores })),
    })
    expectScaledUtilities(plan, again, { us: 1, them: 1 })
  })

  it('writes a domain and two profiles GENIUS reads: items per level, evaluations, weights, reservations', () => {
    const { files } = exported(acmePlan())
    const domain = readXml(files.domain)
    const profile = readXml(files.us)
    if (!domain.ok || !profile.ok) return expect.unreachable()
    expect(domain.root.name).toBe('negotiation_template')
    const [space] = childrenNamed(domain.root, 'utility_space')
    expect(space?.attributes.get('number_of_issues')?.value).toBe(String(acmePlan().issues.length))
    expect(profile.root.name).toBe('utility_space')
    const objective = childrenNamed(profile.root, 'objective')[0]
    if (!objective) return expect.unreachable()
    const weights = childrenNamed(objective, 'weight').map((weight) =>
      Number(weight.attributes.get('value')?.value),
    )
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12)
    const issues = childrenNamed(objective, 'issue')
    const price = issues[0]
    // The price range 90,000..140,000 in steps of 5,000: 11 items, scored 0 at 90,000 up to 100.
    expect(price?.attributes.get('name')?.value).toBe('Annual price')
    expect(
      childrenNamed(price as never, 'item').map((item) => item.attributes.get('value')?.value),
    ).toHaveLength(11)
    expect(childrenNamed(profile.root, 'reservation')[0]?.attributes.get('value')?.value).toBe('0.55')
  })

  it('export of a plan → import gives its utilities (acme: every issue has a level scoring 100, so exactly)', () => {
    const plan = acmePlan()
    const result = exported(plan)
    expect(result.scale).toEqual({ us: 1, them: 1 })
    const again = reimport(result.files)
    expect(again.issues.map((issue) => [issue.name, issue.options?.length])).toEqual(
      compileSpace(plan).issues.map((issue) => [issue.name, issue.levels.length]),
    )
    expect(again.reservation).toBeCloseTo(plan.reservation ?? Number.NaN, 12)
    expect(again.batna?.them?.utility).toBeCloseTo(plan.batna?.them?.utility ?? Number.NaN, 12)
    expectScaledUtilities(plan, again, result.scale)
  })

  it('export of random plans → import gives U × one factor per side, 1 when every issue can score 100', () => {
    fc.assert(
      fc.property(planArb(), (plan) => {
        const result = exported(plan)
        const space = compileSpace(plan)
        for (const side of ['us', 'them'] as const) {
          const exact = space.issues.every((issue) => {
            const best = Math.max(...issue.score[side])
            return best === 100 || best === 0
          })
          if (exact) expect(result.scale[side]).toBe(1)
          else expect(result.scale[side]).toBeGreaterThan(1)
        }
        expectScaledUtilities(plan, reimport(result.files), result.scale)
      }),
    )
  })

  it('says when GENIUS will read utilities scaled, and by how much', () => {
    const plan = acmePlan()
    const first = plan.issues[0]
    if (!first) return expect.unreachable()
    const capped: Plan = {
      ...plan,
      issues: [
        {
          id: first.id,
          name: first.name,
          unit: first.unit,
          options: ['a', 'b'],
          us: { weight: 40, scores: { a: 50, b: 80 } },
          them: { weight: 35, scores: { a: 100, b: 0 } },
        },
        ...plan.issues.slice(1),
      ],
      decisionRule: undefined,
      limits: undefined,
      anchor: undefined,
    }
    const result = exported(capped)
    expect(result.scale.them).toBe(1)
    expect(result.scale.us).toBeGreaterThan(1)
    expect(result.warnings.map((problem) => problem.code)).toEqual(['rescaled'])
    expect(result.warnings[0]?.message).toContain(`'Annual price' (best 80)`)
    expect(result.warnings[0]?.message).toContain(`is ${result.scale.us} × U / 100`)
    expectScaledUtilities(capped, reimport(result.files), result.scale)
  })

  it('keeps names and labels with XML’s special characters exactly', () => {
    const names = ['A & B <"x">', 'tab\there, line\nbreak', 'Größe ✓']
    const plan: Plan = {
      parley: 1,
      title: 'Q&A "special"',
      context: 'custom',
      parties: { us: { name: 'Us & co' }, them: { name: '<them>' } },
      issues: names.map((name, i) => ({
        id: `i${i}`,
        name,
        unit: 'x',
        options: ['<a>', '"b" & c', 'ü\tü'],
        us: { weight: i + 1, scores: { '<a>': 100, '"b" & c': 50, 'ü\tü': 0 } },
        them: { weight: 1, scores: { '<a>': 0, '"b" & c': 20, 'ü\tü': 100 } },
      })),
    }
    const again = reimport(exported(plan).files)
    expect(again.title).toBe(plan.title)
    expect(again.parties).toEqual(plan.parties)
    expect(again.issues.map((issue) => [issue.name, issue.options])).toEqual(
      plan.issues.map((issue) => [issue.name, issue.options]),
    )
  })

  it('refuses text XML can not hold, and renames issues sharing a name', () => {
    const plan = acmePlan()
    const broken: Plan = {
      ...plan,
      issues: plan.issues.map((issue, i) => (i === 1 ? { ...issue, name: 'bell\u0007' } : issue)),
    }
    const refused = exportGenius(broken)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.errors.map(formatProblem)).toEqual([
      'issues[1].name: holds a control character (or a broken surrogate pair) that XML can not hold: issues[1].name can not be exported to GENIUS',
    ])
    const twins: Plan = { ...plan, issues: plan.issues.map((issue) => ({ ...issue, name: 'Same' })) }
    const result = exported(twins)
    expect(result.warnings.filter((problem) => problem.code === 'renamed_issue')).toHaveLength(
      plan.issues.length,
    )
    expect(reimport(result.files).issues.map((issue) => issue.name)).toEqual(
      plan.issues.map((issue) => `Same (${issue.id})`),
    )
  })
})
