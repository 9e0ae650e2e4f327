/** Terms of a bundle for people: `price 230000 · rollout 60 · support premium`. */
import type { Terms } from '@parley/core'

export function formatTerms(terms: Terms): string {
  return Object.entries(terms)
    .map(([issue, level]) => `${issue} ${level}`)
    .join(' · ')
}
