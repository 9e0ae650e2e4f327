/**
 * The synthetic benchmark spaces "synth-<n>x<L>" of ../shared/benchmarks/SYNTHETIC.md, as Parley
 * plans: a deterministic generator (mulberry32 seeded with 1000n + L), so frontier sizes, Nash
 * points and checksums can be compared with the published check values. Utilities there are in
 * [0, 1]; here they are in points (x100).
 */
import type { Issue, Plan } from '../model/plan'
import { mulberry32 } from '../random'

export function syntheticPlan(n: number, levels: number): Plan {
  const rand = mulberry32(1000 * n + levels)
  const rawUs = Array.from({ length: n }, () => 0.1 + rand())
  const rawThem = Array.from({ length: n }, () => 0.1 + rand())
  const permutations = new Map<number, number[]>()
  for (let i = 1; i < n; i += 2) {
    const p = Array.from({ length: levels }, (_, k) => k)
    for (let k = levels - 1; k >= 1; k--) {
      const r = Math.floor(rand() * (k + 1))
      const swap = p[k] as number
      p[k] = p[r] as number
      p[r] = swap
    }
    permutations.set(i, p)
  }
  const options = Array.from({ length: levels }, (_, j) => j)
  const issues: Issue[] = Array.from({ length: n }, (_, i) => ({
    id: `i${i}`,
    name: `Issue ${i}`,
    unit: 'level',
    options,
    us: {
      weight: rawUs[i] as number,
      scores: Object.fromEntries(options.map((j) => [String(j), (100 * j) / (levels - 1)])),
    },
    them: {
      weight: rawThem[i] as number,
      scores: Object.fromEntries(
        options.map((j) => [
          String(j),
          (100 * (i % 2 === 0 ? levels - 1 - j : (permutations.get(i)?.[j] ?? 0))) / (levels - 1),
        ]),
      ),
    },
  }))
  return {
    parley: 1,
    title: `synth-${n}x${levels}`,
    context: 'custom',
    parties: { us: { name: 'Party 1' }, them: { name: 'Party 2' } },
    issues,
  }
}
