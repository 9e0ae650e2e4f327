/** `parley lint`: the plan, the journal and every phrase against the method's pitfalls. */
import { Option } from 'commander'
import { lintCommand } from '../commands/lint'
import type { Verb } from './verb'

export const lintVerb: Verb = (program, { context, exit }) => {
  program
    .command('lint')
    .description("check the plan, the journal and every phrase against the method's pitfalls")
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']))
    .option('--json', 'the same as --format json')
    .addHelpText(
      'after',
      '\nExit codes: 0 no error-level finding, 1 the plan does not parse, 2 bad usage, 3 an error-level finding (a private figure in text for them, a <...> placeholder left, an offer that breaks the decision rule or falls below our floor, an agreement below it).\nSARIF 2.1.0 output shows up in code review when run in CI on plans kept in git.',
    )
    .action(
      async (
        plan: string,
        options: { journal?: string; json?: boolean; format?: 'text' | 'json' | 'sarif' },
      ) => {
        exit(await lintCommand(context, plan, options))
      },
    )
}
