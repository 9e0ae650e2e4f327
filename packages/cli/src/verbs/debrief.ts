/**
 * `parley debrief`: the prompts with their answers, and the negotiation's figures; with `--answer`,
 * the answers recorded first (a `debrief` event, checked as `journal add` checks it).
 */
import { debriefCommand } from '../commands/debrief'
import { debriefAnswerCommand } from '../commands/moves'
import { EXIT } from '../exit-codes'
import { SERVER_FLAG, SERVER_HELP, type Verb } from './verb'

export const debriefVerb: Verb = (program, { context, exit }) => {
  program
    .command('debrief')
    .description(
      'the debrief prompts with the answers recorded, and the figures: efficiency, surplus, reciprocity, rounds, how well we guessed them',
    )
    .argument(
      '<plan>',
      'plan file, or with --server a negotiation (its id or the start of it, its title, or a part of one title)',
    )
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option(SERVER_FLAG, SERVER_HELP)
    .option(
      '--answer <prompt=text>',
      'record an answer to a prompt, by the id shown after it (repeat for more); a later answer replaces an earlier one',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'machine-readable output on stdout (with --answer: the event written)')
    .addHelpText(
      'after',
      '\nExamples:\n  parley debrief acme.yaml\n  parley debrief acme.yaml --answer sales-next-time="bring the rollout plan to the first call"',
    )
    .action(
      async (
        plan: string,
        options: { journal?: string; json?: boolean; server?: string | true; answer?: string[] },
      ) => {
        const { answer, ...reading } = options
        if (answer && answer.length > 0) {
          const recorded = await debriefAnswerCommand(context, plan, answer, reading)
          // With JSON the event written is the output, as for every move.
          if (recorded !== EXIT.ok || options.json) return exit(recorded)
          context.out.print()
        }
        exit(await debriefCommand(context, plan, reading))
      },
    )
}
