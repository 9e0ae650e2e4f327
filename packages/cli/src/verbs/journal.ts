/** `parley journal add` and `parley journal list`: the moves of a negotiation. */
import { journalAddCommand, journalListCommand } from '../commands/journal'
import type { Verb } from './verb'

export const journalVerb: Verb = (program, { context, exit }) => {
  const journal = program
    .command('journal')
    .description('record the moves of a negotiation (JSON Lines beside the plan)')
  journal
    .command('add')
    .description(
      'append one event: offer-sent, bundle-chosen, bundles-ranked, offer-rejected, interest-stated, concession, contingency-proposed, contingency-accepted, note, agreed, debrief, retract',
    )
    .argument('<plan>', 'plan file')
    .argument(
      '<event>',
      'inline JSON such as \'{"type": "bundle-chosen", "label": "B"}\', or a .json/.yaml file',
    )
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nid (a ULID), at, side, round and planVersion are filled in when missing; offered bundles get labels A, B, C.\nThe event is checked against the plan and the journal first: nothing is written when it does not fit.\nAn offer, agreement or concession that leaves a bundle below our reservation or BATNA, or breaking our limits or the decision rule, is recorded with a warning (stderr; "warnings" in --json).\nExample: parley journal add acme.yaml \'{"type":"concession","give":{"payment":60},"get":{"term":36}}\'',
    )
    .action(async (plan: string, event: string, options: { journal?: string; json?: boolean }) => {
      exit(await journalAddCommand(context, plan, event, options))
    })
  journal
    .command('list')
    .description('list the events of the journal, with retracted and skipped ones marked')
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (plan: string, options: { journal?: string; json?: boolean }) => {
      exit(await journalListCommand(context, plan, options))
    })
}
