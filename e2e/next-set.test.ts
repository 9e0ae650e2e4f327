/**
 * The advice issue 12 corrects, end to end on the renewal example: after their pick, the next MESO
 * set is never a step back for them (under the current estimate), `meso` says so with exit 3 and a
 * suggested target when no such set exists, never repeats the set answered, and shows U_them under
 * the same estimate as `status`.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parley, temporaryFolder } from './parley'

interface Bundle {
  label: string
  terms: Record<string, string | number>
  utility: { us: number; them: number }
}
interface MesoJson {
  target: number
  bundles: Bundle[]
  estimate: string
}

function negotiated(): { plan: string; first: MesoJson } {
  const folder = temporaryFolder()
  const plan = join(folder, 'renewal.yaml')
  copyFileSync('examples/sales-saas-renewal.yaml', plan)
  const first = parley(['meso', plan, '--json']).json() as MesoJson
  const sent = { type: 'offer-sent', bundles: first.bundles.map(({ label, terms }) => ({ label, terms })) }
  expect(parley(['journal', 'add', plan, JSON.stringify(sent)]).code).toBe(0)
  expect(parley(['journal', 'add', plan, '{"type":"bundle-chosen","label":"B"}']).code).toBe(0)
  return { plan, first }
}

const key = (bundles: Bundle[]) =>
  bundles
    .map((bundle) => JSON.stringify(bundle.terms))
    .sort()
    .join('|')

// A target 6 points above the first set's, for us: after their pick (B) no set there is worth as
// much to them, under the current estimate, on this example (the default target still has one).
const ABOVE = 6

describe('the next MESO set after their pick', () => {
  it('exits 3 naming the highest target with a set worth their pick when none exists at the target, then proposes one there', () => {
    const { plan, first } = negotiated()
    expect(first.estimate).toBe('est., plan')
    const status = parley(['status', plan, '--json']).json() as {
      table: { terms: Record<string, unknown>; utility: { them: number } }
    }
    const pick = status.table.utility.them
    const high = String(first.target + ABOVE)
    const atDefault = parley(['meso', plan, '--json'])
    expect(atDefault.code).toBe(0)
    for (const bundle of (atDefault.json() as MesoJson).bundles)
      expect(bundle.utility.them).toBeGreaterThanOrEqual(pick - 1e-9)
    const refused = parley(['meso', plan, '--target', high, '--json'])
    expect(refused.code).toBe(3)
    const { failure } = refused.json() as {
      failure: { code: string; message: string; suggestedTarget: number | null }
    }
    expect(failure.code).toBe('below-their-pick')
    expect(failure.message).toContain('worth less to them than the bundle they picked')
    expect(typeof failure.suggestedTarget).toBe('number')
    const suggested = failure.suggestedTarget as number
    expect(suggested).toBeLessThan(first.target + ABOVE)
    expect(failure.message).toContain(`try a target of ${suggested} or less`)
    const text = parley(['meso', plan, '--target', high])
    expect(text.code).toBe(3)
    expect(text.stderr).toContain('no MESO set: every set at target')
    expect(text.stderr).toContain(`--target ${suggested}`)

    const next = parley(['meso', plan, '--target', String(suggested), '--json'])
    expect(next.code).toBe(0)
    const set = next.json() as MesoJson
    expect(set.estimate).toBe('est., learned from 1 move')
    for (const bundle of set.bundles) expect(bundle.utility.them).toBeGreaterThanOrEqual(pick - 1e-9)
    expect(key(set.bundles)).not.toBe(key(first.bundles))
    const text2 = parley(['meso', plan, '--target', String(suggested)])
    expect(text2.stdout).toContain('U_them (est., learned from 1 move)')
  })

  it('shows U_them under one estimate in meso, status and frontier --learned, and says which', () => {
    const { plan, first } = negotiated()
    const status = parley(['status', plan, '--json']).json() as {
      estimate: { label: string }
      table: { terms: Record<string, string | number>; utility: { them: number } }
    }
    expect(status.estimate.label).toBe('est., learned from 1 move')
    expect(parley(['status', plan]).stdout).toContain('(est., learned from 1 move)')
    const refused = parley(['meso', plan, '--target', String(first.target + ABOVE), '--json']).json() as {
      failure: { suggestedTarget: number }
    }
    const set = parley([
      'meso',
      plan,
      '--target',
      String(refused.failure.suggestedTarget),
      '--json',
    ]).json() as MesoJson
    // A bundle of the set that is the table itself (their pick) has the same U_them in both.
    const same = set.bundles.find(
      (bundle) => JSON.stringify(bundle.terms) === JSON.stringify(status.table.terms),
    )
    if (same) expect(same.utility.them).toBeCloseTo(status.table.utility.them, 9)
    const frontier = parley(['frontier', plan, '--json']).json() as { estimate: string }
    expect(frontier.estimate).toBe('est., plan')
    const learned = parley(['frontier', plan, '--learned', '--json']).json() as { estimate: string }
    expect(learned.estimate).toBe('est., learned from 1 move')
    expect(parley(['frontier', plan]).stdout).toContain('U_them (est., plan); --learned')
  })
})
