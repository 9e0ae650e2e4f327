/**
 * Bundles of the renewal example (`examples/sales-saas-renewal.yaml`) that several tests offer:
 * kept apart from `renewal.ts`, which reads the example through Vite, so any test can import them.
 */

/** Bundle B: what we had offered when they countered with only a lower price (issue 12's story). */
export const RENEWAL_B = {
  price: 230000,
  rollout: 60,
  billing: 'milestone',
  support: 'premium',
  credits: 10,
  term: 36,
  uplift: 3,
} as const
