/** `parley score`: one offer against the plan. */
import { scoreCommand } from '../commands/score'
import type { Verb } from './verb'

export const scoreVerb: Verb = (program, { context, exit }) => {
  program
    .command('score')
    .description(
      'score one offer: both utilities, the decision rule, our limits, margins over reservation and BATNAs',
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .requiredOption(
      '--offer <offer>',
      'inline JSON such as \'{"price": 120000, "support": "premium"}\', or a .json/.yaml file',
    )
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nEvery issue needs a level; a range also takes off-grid values inside it (117500 on a 5000 step).\nExit codes: 0 scored (however poor the offer), 1 invalid plan or offer, 2 bad usage.',
    )
    .action(async (plan: string, options: { offer: string; json?: boolean }) => {
      exit(await scoreCommand(context, plan, options))
    })
}
