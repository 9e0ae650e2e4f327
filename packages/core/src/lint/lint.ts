/**
 * The linter: checks a plan, its journal and every phrase Parley would have us say against the
 * method's pitfalls, by running the passes of passes.ts in order. Findings name their place — a
 * path in the plan, an event of the journal, or a phrase — for the command line to turn into file
 * positions and SARIF locations.
 */
import { lintContext } from './check'
import type { Finding, LintInput } from './finding'
import { LINT_PASSES } from './passes'

export type { Finding, FindingPlace, LintInput } from './finding'
export { textsForThem } from './text-checks'

export function lint(input: LintInput): Finding[] {
  const context = lintContext(input)
  return dedupe(LINT_PASSES.flatMap((pass) => pass.run(context)))
}

/** One finding per rule, place and message, however many checks or texts arrive at it. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((item) => {
    const key = `${item.id}|${JSON.stringify(item.place)}|${item.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
