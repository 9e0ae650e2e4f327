/** `parley status PLAN`: where the negotiation stands, derived from the plan and its journal. */
import {
  CONCESSION_FLAG_WORDS,
  changesInWords,
  contingencyVerdict,
  explainsBundleInPlay,
  formatMoney,
  giveawayInWords,
  learningInWords,
  listAnd,
  type NegotiationStatus,
  negotiationStatus,
  negotiationWarnings,
  type Space,
  tableInWords,
  tableSourceWords,
} from '@parley/core'
import { type CommandContext, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { type JournalOptions, openNegotiation } from '../negotiation-file'
import { printWarnings } from '../negotiator-warnings'
import { type Output, percent, problemJson, pts, signed } from '../output'
import { suggestedCommand } from '../suggested-command'
import { formatTerms } from '../terms'

export async function statusCommand(
  context: CommandContext,
  planFile: string,
  options: JournalOptions,
): Promise<number> {
  const json = options.json === true
  const loaded = await openNegotiation(context, planFile, options)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
  const { plan, journal, state, posterior } = loaded
  const status = negotiationStatus(plan.space, journal.events, { state, posterior })
  const warnings = negotiationWarnings(plan.space, { state, posterior })
  if (json)
    context.out.json({
      ...status,
      warnings,
      journal: journal.file,
      problems: journal.problems.map(problemJson),
    })
  else {
    printStatus(context.out, plan.space, status, journal.exists ? journal.file : null, (template) =>
      suggestedCommand(template, planFile, options),
    )
    // Figures of bundles no longer in play are history (in --json): earlier rounds', a set's bundles
    // they did not pick once they answered, and every one once the terms are agreed.
    printWarnings(
      context.out,
      'Warnings',
      warnings.filter((w) => w.code !== 'sent_figures_changed' || explainsBundleInPlay(w, state)),
    )
    if (journal.problems.length > 0) context.out.problems(journal.problems)
  }
  return EXIT.ok
}

function printStatus(
  out: Output,
  space: Space,
  status: NegotiationStatus,
  journal: string | null,
  /** A command core suggests, as it can be run on this negotiation. */
  runnable: (template: string) => string,
): void {
  const c = out.colour
  out.print(
    `${c.bold('Stage:')} ${status.stage}${status.round > 0 ? ` · round ${status.round}` : ''}${journal ? '' : c.dim(' (no journal yet)')}`,
  )
  if (status.offersInPlay.length > 0) {
    out.print()
    out.print(
      status.awaitingAnswer
        ? `${c.bold('Offers in play')} (waiting for their answer)`
        : `${c.bold('Our latest offer')} (answered: the table below is where it stands)`,
    )
    for (const bundle of status.offersInPlay) {
      out.print(
        `  ${bundle.label}${bundle.name ? ` ${bundle.name}` : ''}: U_us ${pts(bundle.utility.us)}, U_them ${pts(bundle.utility.them)} (${status.estimate.label}) — ${formatTerms(bundle.terms)}`,
      )
    }
  }
  if (status.table?.source === 'agreement') {
    out.print()
    out.print(
      `${c.bold('Agreed')}: U_us ${pts(status.table.utility.us)}, U_them ${pts(status.table.utility.them)} (${status.estimate.label}) — ${formatTerms(status.table.terms)}`,
    )
  } else if (status.table) {
    out.print(
      `${c.bold('On the table')} (${tableSourceWords(status.table.source)}): U_us ${pts(status.table.utility.us)}, U_them ${pts(status.table.utility.them)} (${status.estimate.label}) — ${formatTerms(status.table.terms)}`,
    )
  }
  if (status.concessions.length > 0) {
    out.print()
    out.print(c.bold('Concession log'))
    out.print(
      out.table(
        ['item', 'we give', 'we get', 'value to us / to them', 'trigger or contingency'],
        status.concessions.map((line, k) => [
          `${k + 1}${line.flags.length ? ` ${c.yellow(line.flags.map((flag) => CONCESSION_FLAG_WORDS[flag].label).join(', '))}` : ''}`,
          formatTerms(line.give) || '—',
          formatTerms(line.get) || '—',
          `${signed(line.valueUs)} / ${signed(line.valueThem)}${line.money ? ` (about ${formatMoney(line.money.valueUs, line.money.unit)} / ${formatMoney(line.money.valueThem, line.money.unit)})` : ''}`,
          line.trigger ?? '',
        ]),
      ),
    )
    out.print(
      `Balance: us ${signed(status.balance.us)}, them ${signed(status.balance.them)} (points; theirs under our current estimate)`,
    )
  }
  out.print()
  out.print(c.bold('Their priorities (our estimate, updated by their moves; 80% interval)'))
  // The direction column only when an issue is marked uncertain: an empty column reads as a fault.
  const uncertain = Object.values(status.posterior).some((entry) => entry.reversed !== undefined)
  const rows = Object.entries(status.posterior).map(([id, entry]) => [
    id,
    percent(entry.mean),
    `${percent(entry.low)}–${percent(entry.high)}`,
    percent(entry.estimate),
    '█'.repeat(Math.round(entry.mean * 40)),
    ...(uncertain
      ? [entry.reversed !== undefined ? `${Math.round(entry.reversed * 100)}% they lean the other way` : '']
      : []),
  ])
  out.print(
    out.table(['issue', 'mean', '80% interval', 'plan estimate', '', ...(uncertain ? [''] : [])], rows),
  )
  out.print(learningInWords(status.learning))
  if (status.contingencies.length > 0) {
    out.print()
    out.print(c.bold('Contingencies'))
    for (const item of status.contingencies) {
      const value =
        item.us && item.them
          ? `expected gain: us ${signed(item.us.gain)}, them ${signed(item.them.gain)} — ${(item.jointValue ? c.green : c.yellow)(contingencyVerdict(item) ?? '')}`
          : c.dim(
              "no beliefs given: add each side's probability to see what it is worth (propose-contingency --chance-us, --chance-them)",
            )
      out.print(
        `  ${item.accepted ? '✓' : '·'} ${item.text}: ${value}${item.verifiable ? '' : c.yellow(' — not verifiable: say how the metric is measured and reported')}`,
      )
    }
  }
  if (status.realityTest.items.length > 0) {
    out.print()
    out.print(c.bold('Reality test'))
    for (const item of status.realityTest.items) {
      const verdict =
        item.verdict === 'accept'
          ? c.green(item.verdict)
          : item.verdict === 'counter'
            ? c.yellow(item.verdict)
            : c.red(item.verdict)
      out.print(
        `  ${item.label}: ${verdict} — ${item.reason} (U_us ${pts(item.utility.us)}, U_them ${pts(item.utility.them)} ${status.estimate.label})`,
      )
      if (item.giveaway !== undefined)
        out.print(
          `    ${c.yellow('Giveaway:')} accepting it gives away ${giveawayInWords(item.giveaway, item.givenBack, true)}`,
        )
      if (item.proposal)
        out.print(
          `    ${c.bold('Proposal:')} U_us ${pts(item.proposal.utility.us)}, U_them ${pts(item.proposal.utility.them)} (${status.estimate.label}) — ${formatTerms(item.proposal.terms)}`,
        )
    }
    if (status.realityTest.warning) out.print(c.red(`  ${status.realityTest.warning}`))
  }
  if (status.postSettlement.length > 0) {
    // At the close the joint gain is the first alternative: shown once, with the others.
    out.print()
    out.print(
      status.postSettlementOffered
        ? `${c.bold('Before you sign')} — alternatives offered beside the agreement, waiting for their signature; they keep the agreement if they prefer it (U_them ${status.estimate.label}):`
        : `${c.bold('Before you sign')} — alternatives to offer beside the agreement, each at least as good for us; they keep the agreement if they prefer it (U_them ${status.estimate.label}):`,
    )
    status.postSettlement.forEach((option, k) => {
      out.print(
        `  ${k + 1}. ${c.green(`${signed(option.gain.us)} for us, ${signed(option.gain.them)} for them`)} — U_us ${pts(option.utility.us)}, U_them ${pts(option.utility.them)}, better for them in ${Math.round(option.chance * 100)}% of our estimate's draws — ${formatTerms(option.terms)}`,
      )
    })
  } else if (status.jointGain) {
    const gain = status.jointGain
    out.print()
    out.print(
      `${c.bold('Joint gain in sight:')} ${c.green(`${signed(gain.gain.us)} for us, ${signed(gain.gain.them)} for them`)} (${status.estimate.label}) over ${tableInWords(status.table?.source)} — U_us ${pts(gain.utility.us)}, U_them ${pts(gain.utility.them)} — ${listAnd(changesInWords(space, status.table?.terms ?? {}, gain.terms))}`,
    )
    out.print(c.dim(`  in full: ${formatTerms(gain.terms)}`))
  }
  out.print()
  out.print(
    `${c.bold('Next move:')} ${status.nextMove.text}${status.nextMove.command ? c.dim(` (${runnable(status.nextMove.command)})`) : ''}`,
  )
  if (status.findings.length > 0) {
    out.print()
    out.print(c.bold('Findings'))
    for (const finding of status.findings)
      out.print(
        `  ${finding.severity === 'error' ? c.red('error') : c.yellow('warning')} event ${finding.index + 1}${finding.eventId ? ` (${finding.eventId})` : ''}: ${finding.message}`,
      )
  }
}
