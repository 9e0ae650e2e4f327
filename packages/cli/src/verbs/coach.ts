/** `parley coach`: the playbook for the current stage (or another), or with --shareable only the words for them. */
import { STAGES, type Stage } from '@parley/core'
import { Option } from 'commander'
import { coachCommand } from '../commands/coach'
import { SERVER_FLAG, SERVER_HELP, type Verb } from './verb'

export const coachVerb: Verb = (program, { context, exit }) => {
  program
    .command('coach')
    .description(
      'the playbook for the current stage: moves, advice for you, discovery questions, words to say, a call script',
    )
    .argument('<plan>', 'plan file')
    .addOption(new Option('--stage <stage>', 'show this stage instead of the current one').choices(STAGES))
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option(SERVER_FLAG, SERVER_HELP)
    .option(
      '--shareable',
      'print only what may be said or shown to them: the words to use and the call script',
    )
    .option('--json', 'machine-readable output on stdout (with --shareable: { "phrases", "script" })')
    .addHelpText(
      'after',
      [
        '',
        'Phrases and the call script are filled from the counterparty view only (what may be shared):',
        'safe to say aloud. Recaps and confirmations read the bundle on the table and name every issue;',
        'once the terms are agreed nothing proposes a change to them; the debrief has no words for them.',
        'A phrase that would read a <...> placeholder aloud is left out, and the advice names the field',
        'to fill in. --shareable leaves out everything for you alone (moves, advice, figures, variants,',
        'approval blocks, bundles with their utilities), for sharing your screen; charts stay internal.',
      ].join('\n'),
    )
    .action(
      async (
        plan: string,
        options: {
          stage?: Stage
          journal?: string
          server?: string | true
          json?: boolean
          shareable?: boolean
        },
      ) => {
        exit(await coachCommand(context, plan, options))
      },
    )
}
