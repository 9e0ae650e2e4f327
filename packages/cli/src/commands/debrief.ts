/** `parley debrief PLAN`: the debrief prompts with the answers recorded, and the figures of the outcome. */
import { debriefView } from '@parley/core'
import { type CommandContext, invalidInput } from '../command-context'
import { EXIT } from '../exit-codes'
import { loadNegotiation } from '../negotiation-file'
import { percent, pts, signed } from '../output'

export async function debriefCommand(
  context: CommandContext,
  planFile: string,
  options: { journal?: string; json?: boolean },
): Promise<number> {
  const json = options.json === true
  const loaded = await loadNegotiation(planFile, options.journal)
  if (!loaded.ok)
    return invalidInput(
      context,
      json,
      loaded.plan.errors.filter((problem) => problem.severity === 'error'),
    )
  const { plan, state, posterior } = loaded
  const view = debriefView(plan.space, state, posterior)
  if (json) {
    context.out.json(view)
    return EXIT.ok
  }
  const { prompts, figures } = view
  const { out } = context
  const c = out.colour
  out.print(c.bold('Debrief'))
  for (const prompt of prompts) {
    out.print(`  ${c.bold(prompt.text)} ${c.dim(`(${prompt.id})`)}`)
    const hint = `not answered yet: parley journal add PLAN '{"type":"debrief","answers":{"${prompt.id}":"..."}}'`
    out.print(`    ${prompt.answer ?? c.dim(hint)}`)
  }
  out.print()
  out.print(c.bold('Figures'))
  if (figures.agreement) {
    out.print(
      `  Agreement: U_us ${pts(figures.agreement.us)}, U_them ${pts(figures.agreement.them)} (under what we learned of them)`,
    )
    if (figures.distanceToFrontier !== null)
      out.print(
        `  Distance to the Pareto frontier: ${pts(figures.distanceToFrontier)} points for both sides${figures.distanceToFrontier < 0.05 ? ' (on the frontier)' : ''}`,
      )
    if (figures.nashShare !== null)
      out.print(`  Share of the Nash product reached: ${percent(figures.nashShare)}`)
    if (figures.surplus !== null)
      out.print(`  Our surplus over the reservation: ${signed(figures.surplus)} points`)
  } else out.print(c.dim('  No agreement recorded yet: efficiency and surplus need an agreed event.'))
  const r = figures.reciprocity
  out.print(
    `  Concessions reciprocated: ${r.reciprocated} of ${r.concessions}${r.valueRatio !== null ? ` (we got back ${percent(r.valueRatio)} of what we gave, in our points)` : ''}`,
  )
  out.print(`  Rounds taken: ${figures.rounds}`)
  out.print(
    `  How well we had guessed them: our estimate moved ${pts(figures.estimateShift * 50)}% of the way across (L1 ${figures.estimateShift.toFixed(2)})`,
  )
  for (const item of figures.misjudged)
    out.print(`    ${item.issue}: estimated ${percent(item.estimate)}, learned ${percent(item.learned)}`)
  return EXIT.ok
}
