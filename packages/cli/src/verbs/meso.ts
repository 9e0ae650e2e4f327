/** `parley meso`: a set of bundles worth the same to us. */
import { mesoCommand } from '../commands/meso'
import { integerIn, positiveNumber, utilityPoints } from '../options'
import { SERVER_FLAG, SERVER_HELP, type Verb } from './verb'

export const mesoVerb: Verb = (program, { context, exit }) => {
  program
    .command('meso')
    .description(
      '2-3 bundles worth the same to us that meet the decision rule in different ways (multiple equivalent simultaneous offers)',
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option('--count <n>', 'number of bundles, 2 or 3 (default 3)', integerIn(2, 3))
    .option(
      '--target <points>',
      'U_us every bundle aims at (default: our aspiration, else midway between reservation and the best we can reach)',
      utilityPoints,
    )
    .option('--tolerance <points>', 'largest distance from the target, in points (default 2)', positiveNumber)
    .option('--plot <file.svg>', 'also draw the bundles on the frontier as SVG')
    .option('--journal <file>', 'the journal to learn from (default: PLAN with .journal.jsonl)')
    .option(SERVER_FLAG, SERVER_HELP)
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nEvery bundle meets the decision rule, keeps our limits, gives us at least our reservation and them at least\ntheir BATNA (estimated), and differs from the others on two issues or more.\nExit codes: 0 a set, 1 invalid plan or flag, 2 bad usage, 3 no set (the message says why and what would help).',
    )
    .action(
      async (
        plan: string,
        options: {
          count?: number
          target?: number
          tolerance?: number
          json?: boolean
          plot?: string
          server?: string | true
        },
      ) => {
        exit(await mesoCommand(context, plan, options))
      },
    )
}
