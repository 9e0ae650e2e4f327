/**
 * Issue ids made from names: what the plan file, the decision rule and the journal call an issue.
 * Made once, when the issue is created (renaming an issue later keeps its id, so the journal and
 * the rules that name it still fit).
 */
import { ISSUE_ID_PATTERN } from '@parley/core'

const MAX_LENGTH = 64

/** `Annual price (USD)` → `annual_price_usd`; unique among `taken` (`_2`, `_3`, ... when needed). */
export function issueIdFromName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
  if (base === '') base = 'issue'
  base = base.slice(0, MAX_LENGTH - 4).replace(/_+$/, '')
  if (!used.has(base)) return base
  for (let k = 2; ; k++) {
    const candidate = `${base}_${k}`
    if (!used.has(candidate)) return candidate
  }
}

export function isIssueId(id: string): boolean {
  return ISSUE_ID_PATTERN.test(id) && id.length <= MAX_LENGTH
}
