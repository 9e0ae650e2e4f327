/** `parley check`: validate a plan and summarise it. */
import { checkCommand } from '../commands/check'
import type { Verb } from './verb'

export const checkVerb: Verb = (program, { context, exit }) => {
  program
    .command('check')
    .description('validate a plan and summarise it: issues, outcome space, weights, BATNAs, rule')
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      "\nExit codes: 0 valid (warnings allowed, such as a starter's <...> placeholders, each named with its path), 1 invalid, 2 bad usage.\nExample: parley check examples/sales-saas-renewal.yaml",
    )
    .action(async (plan: string, options: { json?: boolean }) => {
      exit(await checkCommand(context, plan, options))
    })
}
