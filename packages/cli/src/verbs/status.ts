/** `parley status`: where the negotiation stands. */
import { statusCommand } from '../commands/status'
import type { Verb } from './verb'

export const statusVerb: Verb = (program, { context, exit }) => {
  program
    .command('status')
    .description(
      'where the negotiation stands: stage, offers in play, concession log and balance, their priorities, contingencies, reality test, next move',
    )
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (plan: string, options: { journal?: string; json?: boolean }) => {
      exit(await statusCommand(context, plan, options))
    })
}
