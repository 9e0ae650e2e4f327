/**
 * Core's negotiator warnings as the command line prints them: each message as core words it (issue
 * names, plain figures), marked by severity, and for value left on the table the better bundle's
 * terms, so the reader can offer it instead.
 */
import type { NegotiatorWarning } from '@parley/core'
import type { Output } from './output'
import { formatTerms } from './terms'

export function printWarnings(out: Output, heading: string, warnings: readonly NegotiatorWarning[]): void {
  if (warnings.length === 0) return
  const c = out.colour
  out.print()
  out.print(c.bold(heading))
  for (const warning of warnings) {
    const mark = warning.severity === 'warning' ? c.yellow('!') : c.dim('i')
    out.print(`  ${mark} ${warning.message}`)
    if (warning.code === 'left_on_table')
      out.print(c.dim(`    instead: ${formatTerms(warning.better.terms)}`))
  }
}
