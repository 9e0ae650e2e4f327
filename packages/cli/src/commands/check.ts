/**
 * `parley check PLAN`: validate a plan and print what it holds. A valid plan exits 0 whatever its
 * warnings — a fresh starter's `<...>` placeholders among them, each named with its path — and the
 * linter's findings are listed too, keeping check's own exit codes.
 */
import {
  count,
  findingsJson,
  lintNegotiation,
  locateFindings,
  nounFor,
  type PlanSummary,
  RULES,
  summarizePlan,
} from '@parley/core'
import type { CommandContext } from '../command-context'
import { EXIT } from '../exit-codes'
import { journalPathFor, loadJournal } from '../journal-file'
import { type Output, percent, problemJson, pts, count as wholeNumber } from '../output'
import { loadPlan } from '../plan-file'
import { printFindings } from './lint'

export interface CheckOptions {
  json?: boolean
}

export async function checkCommand(
  context: CommandContext,
  file: string,
  options: CheckOptions,
): Promise<number> {
  const loaded = await loadPlan(file)
  const { out } = context
  if (!loaded.ok) {
    const errors = loaded.errors.filter((problem) => problem.severity === 'error')
    const warnings = loaded.errors.filter((problem) => problem.severity === 'warning')
    if (options.json) {
      out.json({
        valid: false,
        errors: errors.map(problemJson),
        warnings: warnings.map(problemJson),
        summary: null,
      })
    } else {
      out.problems(loaded.errors)
      out.error(`${file}: ${count(errors.length, 'error')}; the plan is not valid`)
    }
    return EXIT.invalid
  }
  const summary = summarizePlan(loaded.space)
  // The linter runs too; its findings inform, but check keeps its own exit codes.
  const journal = await loadJournal(journalPathFor(file))
  // A placeholder is already a warning of the plan's own (above); the linter's error for it is
  // for `parley lint`, which refuses an unfinished plan, while check accepts a fresh starter.
  const findings = locateFindings(
    lintNegotiation(loaded.space, journal.events).filter((finding) => finding.id !== RULES.placeholder.id),
    {
      plan: { name: loaded.file, source: loaded.source },
      journal: { name: journal.file, lines: journal.lines },
    },
  )
  if (options.json) {
    out.json({
      valid: true,
      errors: [],
      warnings: loaded.warnings.map(problemJson),
      summary,
      ...findingsJson(findings),
    })
    return EXIT.ok
  }
  printSummary(out, file, summary)
  if (loaded.warnings.length > 0) {
    out.print()
    out.problems(loaded.warnings)
  }
  const worth = findings.filter((finding) => finding.severity !== 'info')
  if (worth.length > 0) {
    out.print()
    out.print(out.colour.bold('Lint'))
    printFindings(context, worth)
  }
  return EXIT.ok
}

function printSummary(out: Output, file: string, summary: PlanSummary): void {
  const c = out.colour
  out.print(
    `${c.green('✓')} ${file}: ${c.bold(summary.title)} (${summary.context}) — ${summary.parties.us} and ${summary.parties.them}`,
  )
  out.print()
  out.print(
    out.table(
      ['issue', 'unit', 'levels', 'domain', 'weight us', 'weight them (est.)'],
      summary.issues.map((issue) => [
        `${issue.id}${issue.tradeable ? ' *' : ''}`,
        issue.unit,
        issue.levels,
        issue.domain.length > 48 ? `${issue.domain.slice(0, 47)}…` : issue.domain,
        percent(issue.weight.us),
        percent(issue.weight.them),
      ]),
      ['left', 'left', 'right', 'left', 'right', 'right'],
    ),
  )
  if (summary.issues.some((issue) => issue.tradeable))
    out.print('* tradeable: cheap for us, valuable to them')
  out.print(`Outcome space: ${wholeNumber(summary.outcomes)} possible ${nounFor(summary.outcomes, 'bundle')}`)
  out.print()
  const batna = (value: PlanSummary['batna']['us']) =>
    value ? `${pts(value.utility)}${value.description ? ` — ${value.description}` : ''}` : c.dim('not given')
  out.print(`BATNA (us):           ${batna(summary.batna.us)}`)
  out.print(`BATNA (them, est.):   ${batna(summary.batna.them)}`)
  out.print(
    `Reservation (private): ${summary.reservation === null ? c.dim('not given') : pts(summary.reservation)}`,
  )
  if (summary.aspiration !== null) out.print(`Aspiration (private):  ${pts(summary.aspiration)}`)
  out.print(`Limits (private):      ${summary.limits.length ? summary.limits.join('; ') : c.dim('none')}`)
  if (summary.decisionRule) {
    const { statement, require } = summary.decisionRule
    out.print(
      `Decision rule:         ${statement ?? ''}${require.length ? `${statement ? ' — ' : ''}${require.join('; ')}` : ''}`,
    )
  } else out.print(`Decision rule:         ${c.dim('none')}`)
}
