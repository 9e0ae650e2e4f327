/** `parley init`: a commented starter plan for a context. */
import { CONTEXTS, type Context } from '@parley/core'
import { Option } from 'commander'
import { initCommand } from '../commands/init'
import type { Verb } from './verb'

export const initVerb: Verb = (program, { context, exit }) => {
  program
    .command('init')
    .description('write a commented starter plan for a context')
    .addOption(new Option('--context <context>', 'negotiation context').choices(CONTEXTS).default('custom'))
    .option('-o, --output <file>', 'write to this file instead of stdout (.json: JSON, else commented YAML)')
    .option('--force', 'overwrite the output file if it exists')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nThe plan is valid as written: parley check passes, with a warning per <...> placeholder; parley lint\nrefuses it (exit 3) until every placeholder is filled in. Answer applicability too.\nExamples: parley init --context sales -o acme.yaml\n          parley init --context hiring -o offer.json   (JSON, without the comments)',
    )
    .action(async (options: { context: Context; output?: string; force?: boolean; json?: boolean }) => {
      exit(await initCommand(context, options))
    })
}
