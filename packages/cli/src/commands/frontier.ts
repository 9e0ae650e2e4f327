/** `parley frontier PLAN`: the Pareto frontier, the bargaining points and the zone of agreement. */
import { writeFile } from 'node:fs/promises'
import {
  BARGAINING_POINTS,
  bargainingMarkers,
  currentEstimate,
  estimateLabel,
  evenlySpaced,
  type FrontierPoint,
  type FrontierReport,
  frontierView,
  type PlotMarker,
  plotReferences,
  type Space,
  sampleUtilities,
  spaceUnderEstimate,
} from '@parley/core'
import { type CommandContext, invalidInput, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { loadNegotiation } from '../negotiation-file'
import { count, pts } from '../output'
import { loadPlan } from '../plan-file'
import { frontierSvg } from '../plot'
import { progressBar } from '../progress'
import { formatTerms } from '../terms'

export interface FrontierOptions {
  rule?: boolean
  json?: boolean
  plot?: string
  epsilon?: number
  /** Value their side under the current estimate (what the journal taught) instead of the plan's. */
  learned?: boolean
  journal?: string
}

export async function frontierCommand(
  context: CommandContext,
  file: string,
  options: FrontierOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await loadPlan(file)
  if (!loaded.ok) return planRefused(context, json, loaded.errors)
  // The plan's estimate unless --learned: then the current estimate, as `status` and `meso` use it.
  let space = loaded.space
  let estimate = estimateLabel(0)
  if (options.learned) {
    const negotiation = await loadNegotiation(file, options.journal)
    if (!negotiation.ok) return planRefused(context, json, negotiation.plan.errors)
    const current = currentEstimate(negotiation.plan.space, negotiation.state, negotiation.posterior)
    space = spaceUnderEstimate(negotiation.plan.space, current)
    estimate = current.label
  }
  const progress = progressBar(context.out, 'frontier')
  const result = frontierView(
    space,
    {
      rule: options.rule === true,
      ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
      onProgress: progress.onProgress,
    },
    (epsilon) => `run with --epsilon ${epsilon}`,
  )
  progress.stop()
  if (!result.ok) {
    if (json) context.out.json(result)
    else context.out.error(`${file}: ${result.message}`)
    return EXIT.no
  }
  const { report } = result
  if (options.plot) {
    const written = await writePlot(context, options.plot, space, report, [], json, estimate)
    if (written !== EXIT.ok) return written
  }
  if (json) context.out.json({ ...result.view, estimate })
  else {
    printFrontier(context, space, report)
    context.out.print(
      context.out.colour.dim(
        `U_them (${estimate})${options.learned ? '' : '; --learned values their side by what the journal taught us'}`,
      ),
    )
  }
  return EXIT.ok
}

export async function writePlot(
  context: CommandContext,
  target: string,
  space: Space,
  report: FrontierReport,
  meso: readonly PlotMarker[],
  json: boolean,
  /** Which estimate `space` values their side by (`estimateLabel`). */
  estimate: string,
): Promise<number> {
  const { plan } = space
  const svg = frontierSvg({
    title: plan.title,
    estimate,
    subtitle: `${plan.parties.us.name} and ${plan.parties.them.name} · ${count(report.outcomes)} possible bundles · ${report.frontier.length} on the frontier${report.rule ? ' (meeting the decision rule)' : ''}${report.epsilon !== null ? ` · within ${report.epsilon} points` : ''}`,
    frontier: report.frontier,
    cloud: sampleUtilities(space, 1500),
    ...plotReferences(plan),
    markers: [...bargainingMarkers(report), ...meso],
  })
  try {
    await writeFile(target, svg)
    return EXIT.ok
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return invalidInput(context, json, [
      {
        code: 'unwritable',
        severity: 'error',
        message: `can not be written (${code ?? 'unknown error'})`,
        path: '',
        file: target,
      },
    ])
  }
}

const SHOWN = 20

function printFrontier({ out }: CommandContext, space: Space, report: FrontierReport): void {
  const c = out.colour
  const size = report.frontier.length
  out.print(
    `${c.bold(`Pareto frontier: ${count(size)} point${size === 1 ? '' : 's'}`)} of ${count(report.outcomes)} possible bundles${report.rule ? ', counting only bundles that meet the decision rule' : ''}${report.epsilon !== null ? ` (within ${report.epsilon} points of the true frontier in both coordinates)` : ' (exact)'}`,
  )
  if (size === 0) {
    out.print(c.yellow('No bundle qualifies.'))
  } else {
    const picks = evenlySpaced(size, SHOWN)
    out.print(
      out.table(
        ['U_us', 'U_them', 'terms'],
        picks.map((k) => row(report.frontier[k] as FrontierPoint)),
        ['right', 'right', 'left'],
      ),
    )
    if (size > SHOWN)
      out.print(c.dim(`showing ${SHOWN} of ${count(size)} points, evenly spaced; --json lists all`))
  }
  out.print()
  out.print(
    `Bargaining points (disagreement point: us ${pts(report.disagreement.us)}, them ${pts(report.disagreement.them)}):`,
  )
  const line = (name: string, point: FrontierPoint | null) =>
    out.print(
      point
        ? `  ${name.padEnd(18)} U_us ${pts(point.us).padStart(5)}  U_them ${pts(point.them).padStart(5)}  ${formatTerms(point.terms)}`
        : `  ${name.padEnd(18)} ${c.dim('none qualifies')}`,
    )
  for (const { field, legend } of BARGAINING_POINTS) line(legend, report[field])
  out.print()
  const reservation = space.plan.reservation ?? space.plan.batna?.us?.utility ?? 0
  out.print(
    report.zopa
      ? `Zone of agreement: ${c.green('yes')} — some bundle gives us at least ${pts(reservation)} (our reservation), keeps our limits, and gives them at least ${pts(report.disagreement.them)} (their BATNA, estimated)`
      : `Zone of agreement: ${c.red('no')} — no bundle gives us ${pts(reservation)} within our limits while giving them ${pts(report.disagreement.them)}; improve our BATNA, add issues, or revisit the reservation`,
  )
}

function row(point: FrontierPoint): (string | number)[] {
  return [pts(point.us), pts(point.them), formatTerms(point.terms)]
}
