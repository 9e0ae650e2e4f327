/**
 * The renewal example (`examples/sales-saas-renewal.yaml`) compiled, for tests that need a
 * real-shaped plan (8 issues, a rollout rule) where the live advice's defects were seen. Read through
 * Vite's glob import, since core has no file system: tests only, never bundled for a benchmark.
 */
import { parsePlanText } from '../plan/parse'
import { compileSpace, type Space } from '../scoring/space'

const RENEWAL = import.meta.glob(['../../../../examples/sales-saas-renewal.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

export function renewalSpace(): Space {
  const parsed = parsePlanText(Object.values(RENEWAL)[0] ?? '', { format: 'yaml' })
  if (!parsed.ok) throw new Error('the renewal example does not parse')
  return compileSpace(parsed.plan)
}
