/**
 * `parley coach PLAN`: the playbook for the current stage, with the words to say filled from the
 * plan. `--shareable` prints only what may be said or shown to them (the words and the call
 * script, from the counterparty view), for a rep who shares their screen.
 */
import {
  type CoachReport,
  coach,
  count,
  formatLevel,
  listAnd,
  quoted,
  type ShareableCoach,
  type Stage,
  shareableCoach,
} from '@parley/core'
import { type CommandContext, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { type JournalOptions, openNegotiation } from '../negotiation-file'
import type { Output } from '../output'
import { pts } from '../output'
import { formatTerms } from '../terms'

export interface CoachOptions extends JournalOptions {
  stage?: Stage
  /** Only what may be said or shown to them. */
  shareable?: boolean
}

export async function coachCommand(
  context: CommandContext,
  planFile: string,
  options: CoachOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await openNegotiation(context, planFile, options)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
  const report = coach(
    loaded.plan.space,
    loaded.journal.events,
    options.stage ? { stage: options.stage } : {},
    // As loaded: core reads the posterior (drawn lazily without a journal) only once it holds their moves.
    loaded,
  )
  if (options.shareable) {
    const shareable = shareableCoach(report)
    if (json) context.out.json(shareable)
    else printShareable(context.out, shareable)
  } else if (json) context.out.json(report)
  else printCoach(context.out, report)
  return EXIT.ok
}

/** The words and the call script, and nothing else: no heading names a stage, a figure or advice. */
function printShareable(out: Output, shareable: ShareableCoach): void {
  const c = out.colour
  if (shareable.phrases.length === 0) {
    out.print('Nothing to say to them at this stage.')
    return
  }
  out.print(c.bold('Words to use'))
  for (const phrase of shareable.phrases) out.print(`  ${quoted(phrase.text)}`)
  if (shareable.script.length > 0) {
    out.print()
    out.print(c.bold('Call script'))
    shareable.script.forEach((line, k) => {
      out.print(`  ${k + 1}. ${line}`)
    })
  }
}

/** A sentence placed inside another (after a colon, before a semicolon): without its full stop. */
function bare(text: string): string {
  return text.trim().replace(/[.\s]+$/, '')
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
    out.print(
      c.dim(
        `    signal to adjust: ${bare(move.signal)} · risk: ${bare(move.risk)} → ${bare(move.safeguard)}`,
      ),
    )
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
    out.print(
      c.bold(
        'Face-saving variants (same value to us, at least as good for them, a headline win for their approver)',
      ),
    )
    for (const variant of report.faceSaving) {
      out.print(
        `  • ${variant.headline.issue} at ${formatLevel(variant.headline.level)}, made up on ${listAnd(variant.compensation) || 'nothing else'}: ${formatTerms(variant.terms)} ${c.dim(`(U_us ${pts(variant.utility.us)}, U_them ${pts(variant.utility.them)}, ${report.estimate})`)}`,
      )
    }
  }
  out.print()
  out.print(
    c.bold('Words to use (safe to say aloud; parley coach --shareable prints only these and the script)'),
  )
  if (report.phrases.length === 0)
    out.print(
      report.stage === 'debrief'
        ? '  None: the debrief is for your side (parley debrief).'
        : '  None at this stage.',
    )
  for (const phrase of report.phrases) out.print(`  ${quoted(phrase.text)}`)
  if (report.script.length > 0) {
    out.print()
    out.print(c.bold('Call script'))
    report.script.forEach((line, k) => {
      out.print(`  ${k + 1}. ${line}`)
    })
  }
  out.print()
  out.print(c.bold('Timeline'))
  for (const step of report.timeline)
    out.print(
      `  ${count(step.days, 'day').padStart(7)}  ${step.step}${step.note ? c.dim(` — ${step.note}`) : ''}`,
    )
  if (report.quickReference.length > 0) {
    out.print()
    out.print(c.bold('Quick reference'))
    // What to say is sometimes a quote and sometimes an instruction: printed as it is written.
    for (const row of report.quickReference)
      out.print(
        `  ${row.move}: ${row.when} — ${row.say} ${c.dim(`(signal: ${bare(row.signal)}; risk: ${bare(row.risk)} → ${bare(row.safeguard)})`)}`,
      )
  }
}
