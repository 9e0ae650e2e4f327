/**
 * The `parley` command line: declares the verbs and their flags, runs one, and turns every
 * outcome into the exit codes every verb shares (0 ok, 1 invalid input, 2 bad usage, 3 "no").
 */
import { CONTEXTS, type Context, STAGES, type Stage } from '@parley/core'
import { Command, CommanderError, Option } from 'commander'
import type { CommandContext } from './command-context'
import { checkCommand } from './commands/check'
import { coachCommand } from './commands/coach'
import { debriefCommand } from './commands/debrief'
import { frontierCommand } from './commands/frontier'
import { initCommand } from './commands/init'
import { journalAddCommand, journalListCommand } from './commands/journal'
import { lintCommand } from './commands/lint'
import { mesoCommand } from './commands/meso'
import { scoreCommand } from './commands/score'
import { statusCommand } from './commands/status'
import { EXIT } from './exit-codes'
import { epsilonPoints, integerIn, positiveNumber, utilityPoints } from './options'
import { Output, type Streams } from './output'
import { VERSION } from './version'

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
    .command('frontier')
    .description(
      'the exact Pareto frontier, the Nash, Kalai–Smorodinsky and max-joint points, and the zone of agreement',
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option('--rule', 'count only bundles that meet the decision rule (applies to every figure)')
    .option(
      '--epsilon <points>',
      'return a frontier within this many utility points of the true one (for very large plans)',
      epsilonPoints,
    )
    .option('--plot <file.svg>', 'also draw the frontier, bargaining points, reservation and BATNAs as SVG')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nEach frontier point carries the bundle that reaches it: among bundles with the same pair (within 1e-9),\nthe one whose level indices are lexicographically smallest in plan order.\nExit codes: 0 done, 1 invalid plan or flag, 2 bad usage, 3 frontier too large for exact mode (use --epsilon).',
    )
    .action(
      async (plan: string, options: { rule?: boolean; json?: boolean; plot?: string; epsilon?: number }) => {
        exitCode = await frontierCommand(context, plan, options)
      },
    )

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
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nEvery bundle meets the decision rule, keeps our limits, gives us at least our reservation and them at least\ntheir BATNA (estimated), and differs from the others on two issues or more.\nExit codes: 0 a set, 1 invalid plan or flag, 2 bad usage, 3 no set (the message says why and what would help).',
    )
    .action(
      async (
        plan: string,
        options: { count?: number; target?: number; tolerance?: number; json?: boolean; plot?: string },
      ) => {
        exitCode = await mesoCommand(context, plan, options)
      },
    )

  const journal = program
    .command('journal')
    .description('record the moves of a negotiation (JSON Lines beside the plan)')
  journal
    .command('add')
    .description(
      'append one event: offer-sent, bundle-chosen, bundles-ranked, offer-rejected, interest-stated, concession, contingency-proposed, contingency-accepted, note, agreed, debrief, retract',
    )
    .argument('<plan>', 'plan file')
    .argument(
      '<event>',
      'inline JSON such as \'{"type": "bundle-chosen", "label": "B"}\', or a .json/.yaml file',
    )
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nid (a ULID), at, side, round and planVersion are filled in when missing; offered bundles get labels A, B, C.\nThe event is checked against the plan and the journal first: nothing is written when it does not fit.\nExample: parley journal add acme.yaml \'{"type":"concession","give":{"payment":60},"get":{"term":36}}\'',
    )
    .action(async (plan: string, event: string, options: { journal?: string; json?: boolean }) => {
      exitCode = await journalAddCommand(context, plan, event, options)
    })
  journal
    .command('list')
    .description('list the events of the journal, with retracted and skipped ones marked')
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (plan: string, options: { journal?: string; json?: boolean }) => {
      exitCode = await journalListCommand(context, plan, options)
    })

  program
    .command('status')
    .description(
      'where the negotiation stands: stage, offers in play, concession log and balance, their priorities, contingencies, reality test, next move',
    )
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (plan: string, options: { journal?: string; json?: boolean }) => {
      exitCode = await statusCommand(context, plan, options)
    })

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
      exitCode = await coachCommand(context, plan, options)
    })

  program
    .command('lint')
    .description("check the plan, the journal and every phrase against the method's pitfalls")
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']))
    .option('--json', 'the same as --format json')
    .addHelpText(
      'after',
      '\nExit codes: 0 no error-level finding, 1 the plan does not parse, 2 bad usage, 3 an error-level finding.\nSARIF 2.1.0 output shows up in code review when run in CI on plans kept in git.',
    )
    .action(
      async (
        plan: string,
        options: { journal?: string; json?: boolean; format?: 'text' | 'json' | 'sarif' },
      ) => {
        exitCode = await lintCommand(context, plan, options)
      },
    )

  program
    .command('debrief')
    .description(
      'the debrief prompts with the answers recorded, and the figures: efficiency, surplus, reciprocity, rounds, how well we guessed them',
    )
    .argument('<plan>', 'plan file')
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (plan: string, options: { journal?: string; json?: boolean }) => {
      exitCode = await debriefCommand(context, plan, options)
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

  // The server and the database drivers load only for the commands that need them.
  const serverCommands = () => import('./server-commands')
  const dataOption = () =>
    new Option('--data <dir>', 'folder of the embedded SQLite database (default: PARLEY_DATA, else ./data)')

  program
    .command('serve')
    .description(
      'run the team server: the HTTP API (and the web app) on the embedded SQLite database, or PostgreSQL',
    )
    .option(
      '--port <port>',
      'port to listen on (default: PORT, else 8080; 0 picks a free one)',
      integerIn(0, 65535),
    )
    .option('--host <host>', 'address to listen on (default: HOST, else 127.0.0.1)')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\nDATABASE_URL=postgres://user:password@host:5432/db uses PostgreSQL instead (for teams; several instances may share it).\nPARLEY_PUBLIC_URL names the address people reach it at (invitation links, the CSRF origin check);\nPARLEY_TRUST_PROXY=1 reads client addresses from X-Forwarded-For behind your own proxy.\nOn first start it prints a one-time setup token for the first owner.',
    )
    .action(async (options: { port?: number; host?: string; data?: string }) => {
      exitCode = await (await serverCommands()).serveCommand(context, options)
    })

  const user = program.command('user').description("manage accounts on this machine's server database")
  user
    .command('add')
    .description('create an account with its own workspace (the first one is the first owner)')
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--name <name>', 'their name')
    .option('--workspace <name>', 'name of their workspace (default: "NAME\'s workspace")')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\nThe password is asked for twice on a terminal, or read from the first line of standard input.',
    )
    .action(async (options: { email: string; name: string; workspace?: string; data?: string }) => {
      exitCode = await (await serverCommands()).userAddCommand(context, options)
    })
  user
    .command('password')
    .description('set a new password for an account and end its sessions (for someone locked out)')
    .requiredOption('--email <email>', 'the account')
    .addOption(dataOption())
    .action(async (options: { email: string; data?: string }) => {
      exitCode = await (await serverCommands()).userPasswordCommand(context, options)
    })

  program
    .command('export-db')
    .description(
      'write every workspace, account, negotiation and journal to one JSON file (backup, or a move to PostgreSQL)',
    )
    .argument('<file>', "the file to write ('-' for standard output)")
    .addOption(dataOption())
    .action(async (file: string, options: { data?: string }) => {
      exitCode = await (await serverCommands()).exportDbCommand(context, file, options)
    })

  program
    .command('import-db')
    .description(
      'load a file written by export-db into an empty database (SQLite, or PostgreSQL with DATABASE_URL)',
    )
    .argument('<file>', 'the export file')
    .addOption(dataOption())
    .action(async (file: string, options: { data?: string }) => {
      exitCode = await (await serverCommands()).importDbCommand(context, file, options)
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
