import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PathSegment } from '../model/problem'
import { acmePlan } from '../testing/plans'
import { runs } from '../testing/property-runs'
import { describeFieldPath, parsePath } from './field-labels'
import { validatePlanValue } from './validate'

/** Every path to a value in plain data, containers included. */
function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const here = prefix.length > 0 ? [prefix] : []
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, k) => pathsOf(item, [...prefix, k]))]
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))]
  return here
}

/** The plan with the value at a path replaced (or removed, for undefined). */
function setAt(root: unknown, path: readonly PathSegment[], next: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>
  let node: Record<string | number, unknown> = copy
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>
  const last = path.at(-1) as PathSegment
  if (next === undefined) delete node[last]
  else node[last] = next
  return copy
}

/** A plan with every optional part filled, so every field the format has is there to break. */
function fullPlan(): unknown {
  const plan = acmePlan()
  return {
    ...plan,
    numeraire: 'price',
    notes: 'n',
    applicability: { verifiable: true, timeForDiscovery: true },
    culture: { style: 'direct', powerDistance: 'low' },
    parties: {
      ...plan.parties,
      them: {
        ...plan.parties.them,
        approvalLimits: [
          { issue: 'price', op: '>=', value: 100000, approver: 'CFO' },
          { sum: [{ issue: 'price', times: 1 }], op: '<=', value: 140000, approver: 'Board' },
        ],
      },
    },
    elicitation: {
      us: {
        ranking: plan.issues.map((issue) => issue.id),
        orders: { support: ['standard', 'premium', 'enterprise'] },
        tradeoffs: [{ issues: [plan.issues[0]?.id, plan.issues[1]?.id], answer: 'first' }],
      },
    },
  }
}

const JUNK = [undefined, null, -1, 0, 'x', 'zzz_unknown', [], {}, [1e9], true, 1e12]

/** Every problem the validator gives for each field of the full plan replaced by each junk value, and for a misspelt field. */
function brokenPlanProblems(): { path: string; plan: unknown }[] {
  const base = fullPlan()
  const found: { path: string; plan: unknown }[] = []
  for (const path of pathsOf(base)) {
    const variants = [
      ...JUNK.map((junk) => setAt(base, path, junk)),
      typeof path.at(-1) === 'string'
        ? setAt(setAt(base, path, undefined), [...path.slice(0, -1), `${String(path.at(-1))}x`], 1)
        : base,
    ]
    for (const plan of variants) {
      const result = validatePlanValue(plan)
      if (!result.ok) for (const error of result.errors) found.push({ path: formatted(error.at), plan })
    }
  }
  return found
}

function formatted(at: readonly PathSegment[]): string {
  return at
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '')
}

describe('describeFieldPath', () => {
  const plan = acmePlan()
  const rollout = plan.issues.findIndex((issue) => issue.id === 'rollout')
  const support = plan.issues.findIndex((issue) => issue.id === 'support')

  it('names an issue by its name and the field by its label, with an anchor from the issue id', () => {
    expect(describeFieldPath(`issues[${rollout}].unit`, plan)).toEqual({
      label: `Issue "${plan.issues[rollout]?.name}" → Unit`,
      anchor: 'issue-rollout-unit',
    })
    expect(describeFieldPath(`issues[${support}].them.scores.premium`, plan)).toEqual({
      label: `Issue "${plan.issues[support]?.name}" → Their score for "premium"`,
      anchor: 'issue-support-them-scores-premium',
    })
  })

  it('falls back to the id, then the position from 1, for an issue without a name', () => {
    expect(describeFieldPath('issues[0].us.weight', { issues: [{ id: 'price' }] }).label).toBe(
      'Issue "price" → Our weight',
    )
    expect(describeFieldPath('issues[4]', {})).toEqual({ label: 'Issue "5"', anchor: 'issue-5' })
  })

  it('labels fields outside issues, list items from 1, and unknown fields as written', () => {
    expect(describeFieldPath('batna.us.utility', plan).label).toBe('Our BATNA → Worth (points)')
    expect(describeFieldPath('limits[0].value', plan)).toEqual({
      label: 'Our limit 1 → Value',
      anchor: 'limits-1-value',
    })
    expect(describeFieldPath('anchor.issue', plan)).toEqual({ label: 'Anchor issue', anchor: 'anchor-issue' })
    expect(describeFieldPath('parties.them.stakeholders[0].name', plan).label).toBe(
      'Their side → Stakeholder "Dana Lee" → Name',
    )
    expect(describeFieldPath('issues[0].wieght', plan).label).toBe(
      `Issue "${plan.issues[0]?.name}" → field "wieght"`,
    )
    expect(describeFieldPath('', plan)).toEqual({ label: 'The plan', anchor: 'plan' })
  })

  it('reads back the paths formatPath writes', () => {
    expect(parsePath('issues[2].us.scores["per seat"]')).toEqual(['issues', 2, 'us', 'scores', 'per seat'])
  })

  it('gives every problem the validator finds in broken plans a label in words, not its path', () => {
    const problems = brokenPlanProblems()
    expect(problems.length).toBeGreaterThan(200)
    for (const { path, plan: broken } of problems) {
      const place = describeFieldPath(path, broken)
      expect(place.label, path).not.toBe(path)
      expect(place.label, path).not.toMatch(/\[\d+\]|undefined|\{n\}|\{key\}/)
      expect(place.anchor, path).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  })

  it('gives any path a label and an anchor (property)', () => {
    const segment = fc.oneof(
      fc.nat({ max: 5 }),
      fc.constantFrom('issues', 'us', 'scores', 'unit', 'limits', 'x y', 'décor'),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (path) => {
        const place = describeFieldPath(path, plan)
        expect(place.label).not.toMatch(/\{n\}|\{key\}|undefined/)
        expect(place.anchor).toMatch(/^[a-z0-9-]*$/)
      }),
      { numRuns: runs(200) },
    )
  })
})
