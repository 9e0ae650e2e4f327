/** `parley meso PLAN`: two or three bundles worth the same to us that meet the rule in different ways. */
import {
  bundleWarnings,
  choiceLeaders,
  formatBits,
  formatDecimal,
  formatShare,
  frontierReport,
  type MesoFailure,
  type MesoSet,
  mesoMarkers,
  mesoView,
  nameWithUnit,
  type Space,
  spaceUnderEstimate,
} from '@parley/core'
import { type CommandContext, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { type JournalOptions, openNegotiation } from '../negotiation-file'
import { printWarnings } from '../negotiator-warnings'
import { pts } from '../output'
import { writePlot } from './frontier'

export interface MesoCommandOptions extends JournalOptions {
  count?: number
  target?: number
  tolerance?: number
  plot?: string
}

export async function mesoCommand(
  context: CommandContext,
  file: string,
  options: MesoCommandOptions,
): Promise<number> {
  const json = options.json === true
  const negotiation = await openNegotiation(context, file, options)
  if (!negotiation.ok) return planRefused(context, json, negotiation.plan.errors)
  const { plan: loaded, journal } = negotiation
  // With a journal, the set is chosen under what their moves have taught us.
  const learned = journal.events.length > 0 ? negotiation.posterior : undefined
  const result = mesoView(
    loaded.space,
    {
      ...(options.count !== undefined ? { count: options.count } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    },
    learned,
    negotiation.state,
  )
  if (!result.ok) {
    printMesoFailure(context, file, result, json)
    return EXIT.no
  }
  const { set } = result
  if (options.plot) {
    // The frontier under the estimate the bundles' U_them is under, so they sit where they belong.
    const space = spaceUnderEstimate(loaded.space, result.estimate)
    const report = frontierReport(space, {
      rule: true,
      epsilon: space.outcomes > 1e9 ? 0.5 : undefined,
    })
    if (report.ok) {
      const markers = mesoMarkers(set.bundles)
      const written = await writePlot(
        context,
        options.plot,
        space,
        report.report,
        markers,
        json,
        result.estimate.label,
      )
      if (written !== EXIT.ok) return written
    }
  }
  const warnings = bundleWarnings(loaded.space, result.estimate, set.bundles)
  if (json) {
    context.out.json({ ...result.view, warnings, ...(learned ? { journal: journal.file } : {}) })
  } else {
    printMeso(context, loaded.space, set, result.estimate.label)
    printWarnings(context.out, 'Before you send it', warnings)
  }
  return EXIT.ok
}

/** Why there is no set (exit 3), for `meso` and `offer --meso` alike. */
export function printMesoFailure(
  context: CommandContext,
  file: string,
  result: Extract<ReturnType<typeof mesoView>, { ok: false }>,
  json: boolean,
): void {
  if (json) context.out.json(result.view)
  else context.out.error(`${file}: no MESO set: ${result.failure.message}${flagsFor(result.failure)}`)
}

/** Core says what to change in words ("a target of 80.2 or less"); here, the flags that ask for it. */
export function flagsFor(failure: MesoFailure): string {
  if (typeof failure.suggestedTarget === 'number')
    return ` (--target ${formatDecimal(failure.suggestedTarget)})`
  if (failure.suggestedTolerance !== undefined)
    return ` (--tolerance ${formatDecimal(failure.suggestedTolerance)})`
  const anotherTarget: readonly MesoFailure['code'][] = ['empty_window', 'already_answered', 'too_few']
  return anotherTarget.includes(failure.code) ? ' (--target)' : ''
}

function printMeso({ out }: CommandContext, space: Space, set: MesoSet, estimate: string): void {
  const c = out.colour
  out.print(
    c.bold(
      `MESO: ${set.bundles.length} bundles worth ${pts(set.target)} ± ${String(set.tolerance)} to us, each meeting the decision rule`,
    ),
  )
  const head = ['issue', ...set.bundles.map((bundle) => `${bundle.label}: ${bundle.name}`)]
  const rows: (string | number)[][] = space.issues.map((issue) => [
    nameWithUnit(issue),
    ...set.bundles.map((bundle) => {
      const value = String(bundle.terms[issue.id] ?? '')
      return bundle.emphasis.includes(issue.id) ? c.cyan(`${value} ◆`) : value
    }),
  ])
  rows.push(['U_us', ...set.bundles.map((bundle) => pts(bundle.utility.us))])
  rows.push([`U_them (${estimate})`, ...set.bundles.map((bundle) => pts(bundle.utility.them))])
  rows.push([
    'best for them if they weigh most',
    ...set.bundles.map((bundle) =>
      choiceLeaders(bundle.efficientFor)
        .map(({ id, share }) => `${id} ${formatShare(share)}`)
        .join(' · '),
    ),
  ])
  out.print(out.table(head, rows))
  out.print(c.dim('◆ emphasis: where the bundle is most generous to them compared with the others'))
  for (const bundle of set.bundles) {
    for (const block of bundle.likelyBlocked)
      out.print(
        c.yellow(`${bundle.label} is likely to be blocked: the ${block.approver} signs only ${block.limit}`),
      )
  }
  out.print()
  out.print(
    `${set.model.learned ? 'Chosen under what their moves have taught us. ' : ''}Their choice should tell us ${formatBits(set.informativeness)} bits about their priorities (logit model, scale ${set.model.logitScale} points, ${set.model.samples} samples, seed ${set.model.seed}).`,
  )
  out.print(
    'Each bundle is the best of the equivalent ones for them under some weighting of their priorities; the last row names its two heaviest issues (--json: efficientFor). Which bundle they choose tells which weighting is nearer theirs.',
  )
}
