/**
 * The `parley` command line: declares the verbs and their flags, runs one, and turns every
 * outcome into the exit codes every verb shares (0 ok, 1 invalid input, 2 bad usage, 3 "no").
 */
import { CONTEXTS, type Context } from '@parley/core'
import { Command, CommanderError, Option } from 'commander'
import packageJson from '../package.json' with { type: 'json' }
import type { CommandContext } from './command-context'
import { checkCommand } from './commands/check'
import { initCommand } from './commands/init'
import { scoreCommand } from './commands/score'
import { EXIT } from './exit-codes'
import { Output, type Streams } from './output'

export const VERSION: string = packageJson.version

export async function runParley(argv: readonly string[], streams: Streams, cwd: string): Promise<number> {
  const out = new Output(streams)
  const context: CommandContext = { out, cwd, env: streams.env }
  let exitCode: number = EXIT.ok
  const program = new Command('parley')
  program
    .description(
      'Parley: a workbench for interest-based negotiation.\nCreate value before claiming it: plan, find the frontier, offer MESO bundles, trade, close.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      outputError: (text, write) => write(out.errColour.red(text)),
    })

  program
    .command('check')
    .description('validate a plan and summarise it: issues, outcome space, weights, BATNAs, rule')
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid (warnings allowed), 1 invalid, 2 bad usage.\nExample: parley check examples/sales-saas-renewal.yaml',
    )
    .action(async (plan: string, options: { json?: boolean }) => {
      exitCode = await checkCommand(context, plan, options)
    })

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
      exitCode = await scoreCommand(context, plan, options)
    })

  program
    .command('init')
    .description('write a commented starter plan for a context')
    .addOption(new Option('--context <context>', 'negotiation context').choices(CONTEXTS).default('custom'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--force', 'overwrite the output file if it exists')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText('after', '\nExample: parley init --context sales -o acme.yaml')
    .action(async (options: { context: Context; output?: string; force?: boolean; json?: boolean }) => {
      exitCode = await initCommand(context, options)
    })

  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    return commanderExitCode(error)
  }
  return exitCode
}

function commanderExitCode(error: CommanderError): number {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return EXIT.ok
    case 'commander.help':
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    case 'commander.invalidArgument':
    case 'commander.invalidOptionArgument':
      return EXIT.invalid
    default:
      return EXIT.usage
  }
}
