/**
 * The largest plans the limits allow, in the shape that costs the most to compute: `n` ranges of
 * `levels` points each, scored linearly in opposite directions with unequal weights, so every merge
 * of the frontier multiplies its points and every MESO window is wide. 64 x 1,000 is what an
 * attacker could send within the documented limits (about 9 KB of YAML); tests and benchmarks use
 * it to show the server stays up, and smaller shapes to show what still fits.
 */
import type { Plan } from '../model/plan'
import { planToYaml } from '../plan/rewrite'

export function largestPlan(n = 64, levels = 1000): Plan {
  return {
    parley: 1,
    title: `Ranges ${n} x ${levels}`,
    context: 'custom',
    parties: { us: { name: 'Us' }, them: { name: 'Them' } },
    issues: Array.from({ length: n }, (_, i) => ({
      id: `i${i}`,
      name: `Issue ${i}`,
      unit: 'units',
      range: { min: 0, max: levels - 1, step: 1 },
      us: { weight: 1 + ((i * 7) % 13), prefer: i % 2 ? 'high' : 'low' },
      them: { weight: 1 + ((i * 5) % 11), prefer: i % 3 ? 'low' : 'high' },
    })),
  } as Plan
}

/** The same plan as a YAML plan file. */
export function largestPlanYaml(n = 64, levels = 1000): string {
  return planToYaml(largestPlan(n, levels))
}
