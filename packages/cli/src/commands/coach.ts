/** `parley coach PLAN`: the playbook for the current stage, with the words to say filled from the plan. */
import { type CoachReport, coach, formatLevel, type Stage } from '@parley/core'
import { type CommandContext, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { type JournalOptions, loadNegotiation } from '../negotiation-file'
import type { Output } from '../output'
import { pts } from '../output'
import { formatTerms } from '../terms'

export interface CoachOptions extends JournalOptions {
  stage?: Stage
}

export async function coachCommand(
  context: CommandContext,
  planFile: string,
  options: CoachOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await loadNegotiation(planFile, options.journal)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
  const report = coach(
    loaded.plan.space,
    loaded.journal.events,
    options.stage ? { stage: options.stage } : {},
    { state: loaded.state, posterior: loaded.posterior },
  )
  if (json) context.out.json(report)
  else printCoach(context.out, report)
  return EXIT.ok
}

function printCoach(out: Output, report: CoachReport): void {
  const c = out.colour
  if (report.applicability.length > 0) {
    out.print(c.bold(c.yellow('Before anything else: does the method fit?')))
    for (const note of report.applicability) out.print(`  • ${note.message}`)
    out.print()
  }
  out.print(
    `${c.bold('Stage:')} ${report.stage} (${report.context})${report.flow.length ? ` — ${report.flow.map((step) => `${step.name}: ${step.goal}`).join(' · ')}` : ''}`,
  )
  out.print()
  out.print(c.bold('Moves'))
  for (const move of report.moves) {
    out.print(`  ${c.bold(move.title)} — ${move.when}`)
    out.print(`    ${move.how}`)
    out.print(c.dim(`    signal to adjust: ${move.signal} · risk: ${move.risk} → ${move.safeguard}`))
  }
  out.print()
  out.print(c.bold('For you only (never read this out)'))
  for (const line of report.advice) out.print(`  • ${line}`)
  if (report.discovery.length > 0) {
    out.print()
    out.print(c.bold('Discovery questions'))
    for (const question of report.discovery)
      out.print(`  • ${question.text} ${c.dim(`(${question.purpose})`)}`)
  }
  if (report.proposed.length > 0) {
    out.print()
    out.print(c.bold('Bundles to offer next (parley meso)'))
    for (const bundle of report.proposed)
      out.print(
        `  ${bundle.label} ${bundle.name}: ${formatTerms(bundle.terms)} ${c.dim(`(U_us ${pts(bundle.utility.us)})`)}`,
      )
  }
  for (const { label, blocks } of report.approval) {
    for (const block of blocks)
      out.print(
        c.yellow(
          `  Bundle ${label} is likely to be blocked: the ${block.approver} signs only ${block.limit}`,
        ),
      )
  }
  if (report.faceSaving.length > 0) {
    out.print()
    out.print(c.bold('Face-saving variants (same value to us, a headline win for their approver)'))
    for (const variant of report.faceSaving) {
      out.print(
        `  • ${variant.headline.issue} at ${formatLevel(variant.headline.level)}, made up on ${variant.compensation.join(', ') || 'nothing else'}: ${formatTerms(variant.terms)} ${c.dim(`(U_us ${pts(variant.utility.us)})`)}`,
      )
    }
  }
  out.print()
  out.print(c.bold('Words to use (safe to say aloud)'))
  for (const phrase of report.phrases) out.print(`  “${phrase.text}”`)
  out.print()
  out.print(c.bold('Call script'))
  report.script.forEach((line, k) => {
    out.print(`  ${k + 1}. ${line}`)
  })
  out.print()
  out.print(c.bold('Timeline'))
  for (const step of report.timeline)
    out.print(
      `  ${String(step.days).padStart(2)} days  ${step.step}${step.note ? c.dim(` — ${step.note}`) : ''}`,
    )
  if (report.quickReference.length > 0) {
    out.print()
    out.print(c.bold('Quick reference'))
    for (const row of report.quickReference)
      out.print(
        `  ${row.move}: ${row.when} — “${row.say}” ${c.dim(`(signal: ${row.signal}; risk: ${row.risk} → ${row.safeguard})`)}`,
      )
  }
}
