/**
 * `parley check PLAN`: validate a plan and print what it holds. A valid plan exits 0 whatever its
 * warnings — a fresh starter's `<...>` placeholders among them, each named with its path — and the
 * linter's findings are listed too, keeping check's own exit codes.
 */
import { existsSync } from 'node:fs'
import {
  count,
  findingsJson,
  lintNegotiation,
  locateFindings,
  type NegotiationState,
  nounFor,
  type PlanSummary,
  type Posterior,
  type Problem,
  RULES,
  summarizePlan,
} from '@parley/core'
import type { CommandContext } from '../command-context'
import { EXIT } from '../exit-codes'
import { journalPathFor, type LoadedJournal, loadJournal } from '../journal-file'
import { loadNegotiation } from '../negotiation-file'
import { type Output, percent, problemJson, pts, count as wholeNumber } from '../output'
import { type LoadedPlan, loadPlan } from '../plan-file'
import { printFindings } from './lint'

export interface CheckOptions {
  json?: boolean
}

export async function checkCommand(
  context: CommandContext,
  file: string,
  options: CheckOptions,
): Promise<number> {
  const negotiation = await checkedNegotiation(file)
  const { out } = context
  if (!negotiation.ok) {
    const refused = negotiation.errors
    const errors = refused.filter((problem) => problem.severity === 'error')
    const warnings = refused.filter((problem) => problem.severity === 'warning')
    if (options.json) {
      out.json({
        valid: false,
        errors: errors.map(problemJson),
        warnings: warnings.map(problemJson),
        summary: null,
      })
    } else {
      out.problems(refused)
      out.error(`${file}: ${count(errors.length, 'error')}; the plan is not valid`)
    }
    return EXIT.invalid
  }
  const { plan: loaded, journal, derived } = negotiation
  const summary = summarizePlan(loaded.space)
  // The linter runs too; its findings inform, but check keeps its own exit codes.
  // A placeholder is already a warning of the plan's own (above); the linter's error for it is
  // for `parley lint`, which refuses an unfinished plan, while check accepts a fresh starter.
  const findings = locateFindings(
    lintNegotiation(loaded.space, journal.events, derived).filter(
      (finding) => finding.id !== RULES.placeholder.id,
    ),
    {
      // Read (parsing the file again, when it came from the cache) only to place a finding in the plan.
      plan: {
        name: loaded.file,
        get source() {
          return loaded.source
        },
      },
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

type CheckedNegotiation =
  | {
      ok: true
      plan: Extract<LoadedPlan, { ok: true }>
      journal: LoadedJournal
      derived?: { state: NegotiationState; posterior: Posterior }
    }
  | { ok: false; errors: Problem[] }

/**
 * The plan and its journal. With a journal, read as every journal command reads it: the posterior
 * kept beside the journal saves the linter learning it again (about 0.25 s with 30 events). Without
 * one nothing has been learned, and the linter needs no posterior: the plan alone is read.
 */
async function checkedNegotiation(file: string): Promise<CheckedNegotiation> {
  const journalPath = journalPathFor(file)
  if (existsSync(journalPath)) {
    const loaded = await loadNegotiation(file)
    if (!loaded.ok) return { ok: false, errors: loaded.plan.errors }
    const { plan, journal, state, posterior } = loaded
    return { ok: true, plan, journal, derived: { state, posterior } }
  }
  const plan = await loadPlan(file)
  if (!plan.ok) return { ok: false, errors: plan.errors }
  return { ok: true, plan, journal: await loadJournal(journalPath) }
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
