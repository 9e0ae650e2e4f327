/** `parley debrief`: the prompts with their answers, and the negotiation's figures. */
import { debriefCommand } from '../commands/debrief'
import type { Verb } from './verb'

export const debriefVerb: Verb = (program, { context, exit }) => {
  program
    .command('debrief')
    .description(
      'the debrief prompts with the answers recorded, and the figures: efficiency, surplus, reciprocity, rounds, how well we guessed them',
    )
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (plan: string, options: { journal?: string; json?: boolean }) => {
      exit(await debriefCommand(context, plan, options))
    })
}
