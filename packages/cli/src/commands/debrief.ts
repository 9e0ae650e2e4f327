/** `parley debrief PLAN`: the debrief prompts with the answers recorded, and the figures of the outcome. */
import { debriefSentences, debriefView } from '@parley/core'
import { type CommandContext, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { openNegotiation } from '../negotiation-file'

export async function debriefCommand(
  context: CommandContext,
  planFile: string,
  options: { journal?: string; json?: boolean },
): Promise<number> {
  const json = options.json === true
  const loaded = await openNegotiation(context, planFile, options)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
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
    const hint = `not answered yet: parley debrief ${planFile} --answer ${prompt.id}="..."`
    out.print(`    ${prompt.answer ?? c.dim(hint)}`)
  }
  out.print()
  out.print(c.bold('Figures'))
  const sentences = debriefSentences(figures)
  // Without an agreement the first line says what is missing, in grey.
  for (const [k, line] of sentences.lines.entries())
    out.print(k === 0 && !figures.agreement ? c.dim(`  ${line}`) : `  ${line}`)
  for (const item of sentences.misjudged) out.print(`    ${item.text}`)
  return EXIT.ok
}
