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
    .option(
      '--offer <offer>',
      'inline JSON such as \'{"price": 120000, "support": "premium"}\', or a .json/.yaml file',
    )
    .option(
      '--bundle <terms...>',
      'the same as ISSUE=LEVEL words, as the verbs take them: price=120000 support=premium',
    )
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nGive --offer or --bundle. Every issue needs a level; a range also takes off-grid values inside it (117500 on a 5000 step).\nExamples:\n  parley score acme.yaml --bundle price=240000 rollout=60 billing=milestone support=premium credits=10 term=24 uplift=3\n  parley score acme.yaml --offer offer.yaml\nExit codes: 0 scored (however poor the offer), 1 invalid plan or offer, 2 bad usage.',
    )
    .action(async (plan: string, options: { offer?: string; bundle?: string[]; json?: boolean }) => {
      exit(await scoreCommand(context, plan, options))
    })
}
