/**
 * The renewal example (`examples/sales-saas-renewal.yaml`) compiled, for tests that need a
 * real-shaped plan (8 issues, a rollout rule) where the live advice's defects were seen.
 */
import type { Space } from '../scoring/space'
import { exampleSpace } from './examples'

export function renewalSpace(): Space {
  return exampleSpace('sales-saas-renewal')
}
