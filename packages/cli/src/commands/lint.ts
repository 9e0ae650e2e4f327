/** `parley lint PLAN`: the method's pitfalls, checked on the plan, its journal and every phrase Parley would have us say. */
import {
  count,
  findingsJson,
  type LocatedFinding,
  lintNegotiation,
  locateFindings,
  sarifLog,
} from '@parley/core'
import { type CommandContext, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { type JournalOptions, loadNegotiation } from '../negotiation-file'
import { VERSION } from '../version'

export interface LintOptions extends JournalOptions {
  format?: 'text' | 'json' | 'sarif'
}

export async function lintCommand(
  context: CommandContext,
  planFile: string,
  options: LintOptions,
): Promise<number> {
  const format = options.format ?? (options.json ? 'json' : 'text')
  const loaded = await loadNegotiation(planFile, options.journal)
  if (!loaded.ok) return planRefused(context, format !== 'text', loaded.plan.errors)
  const { plan, journal } = loaded
  // As loaded: core reads the posterior (drawn lazily without a journal) only once it holds their moves.
  const findings = locateFindings(lintNegotiation(plan.space, journal.events, loaded), {
    // Read (parsing the file again, when it came from the cache) only to place a finding in the plan.
    plan: {
      name: plan.file,
      get source() {
        return plan.source
      },
    },
    journal: { name: journal.file, lines: journal.lines },
  })
  if (format === 'sarif') context.out.json(sarifLog(findings, { version: VERSION }))
  else if (format === 'json') context.out.json(findingsJson(findings))
  else printFindings(context, findings)
  return findings.some((finding) => finding.severity === 'error') ? EXIT.no : EXIT.ok
}

export function printFindings({ out }: CommandContext, findings: readonly LocatedFinding[]): void {
  const c = out.colour
  const order = { error: 0, warning: 1, info: 2 }
  for (const finding of [...findings].sort((a, b) => order[a.severity] - order[b.severity])) {
    const label =
      finding.severity === 'error'
        ? c.red('error')
        : finding.severity === 'warning'
          ? c.yellow('warning')
          : c.cyan('info')
    out.print(`${label} ${finding.where} ${c.dim(`[${finding.id}]`)}: ${finding.message}`)
    out.print(c.dim(`  fix: ${finding.fix}`))
  }
  const tally = (severity: LocatedFinding['severity'], noun: string) =>
    count(findings.filter((finding) => finding.severity === severity).length, noun)
  out.print(
    findings.length === 0
      ? c.green('No findings.')
      : `${tally('error', 'error')}, ${tally('warning', 'warning')}, ${tally('info', 'note')}`,
  )
}
