/** `parley coach`: the playbook for the current stage (or another). */
import { STAGES, type Stage } from '@parley/core'
import { Option } from 'commander'
import { coachCommand } from '../commands/coach'
import type { Verb } from './verb'

export const coachVerb: Verb = (program, { context, exit }) => {
  program
    .command('coach')
    .description(
      'the playbook for the current stage: moves, advice for you, discovery questions, words to say, a call script',
    )
    .argument('<plan>', 'plan file')
    .addOption(new Option('--stage <stage>', 'show this stage instead of the current one').choices(STAGES))
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nPhrases and the call script are filled from what may be shared only: safe to say aloud.',
    )
    .action(async (plan: string, options: { stage?: Stage; journal?: string; json?: boolean }) => {
      exit(await coachCommand(context, plan, options))
    })
}
