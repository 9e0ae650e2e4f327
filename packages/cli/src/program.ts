/**
 * The `parley` command line: assembles the verbs (one file each in verbs/), runs one, and turns
 * every outcome into the exit codes every verb shares (0 ok, 1 invalid input, 2 bad usage, 3 "no").
 */
import { Command, CommanderError } from 'commander'
import type { CommandContext } from './command-context'
import { EXIT } from './exit-codes'
import { Output, type Streams } from './output'
import { checkVerb } from './verbs/check'
import { coachVerb } from './verbs/coach'
import { completionVerb } from './verbs/completion'
import { debriefVerb } from './verbs/debrief'
import { exportVerb } from './verbs/export'
import { exportDbVerb } from './verbs/export-db'
import { frontierVerb } from './verbs/frontier'
import { importVerb } from './verbs/import'
import { importDbVerb } from './verbs/import-db'
import { initVerb } from './verbs/init'
import { journalVerb } from './verbs/journal'
import { lintVerb } from './verbs/lint'
import { mesoVerb } from './verbs/meso'
import { MOVE_VERB_DECLARATIONS } from './verbs/moves'
import { rehearseVerb } from './verbs/rehearse'
import { scoreVerb } from './verbs/score'
import { serveVerb } from './verbs/serve'
import { simulateVerb } from './verbs/simulate'
import { statusVerb } from './verbs/status'
import { userVerb } from './verbs/user'
import type { Verb, VerbRun } from './verbs/verb'
import { VERSION } from './version'

/** The verbs in the order `parley --help` lists them. */
const VERBS: readonly Verb[] = [
  checkVerb,
  scoreVerb,
  frontierVerb,
  mesoVerb,
  journalVerb,
  ...MOVE_VERB_DECLARATIONS,
  statusVerb,
  coachVerb,
  lintVerb,
  debriefVerb,
  simulateVerb,
  rehearseVerb,
  initVerb,
  importVerb,
  exportVerb,
  serveVerb,
  userVerb,
  exportDbVerb,
  importDbVerb,
  completionVerb,
]

export async function runParley(argv: readonly string[], streams: Streams, cwd: string): Promise<number> {
  const context: CommandContext = { out: new Output(streams), cwd, env: streams.env }
  let exitCode: number = EXIT.ok
  const program = buildProgram({
    context,
    exit: (code: number) => {
      exitCode = code
    },
  })

  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    return commanderExitCode(error)
  }
  return exitCode
}

/**
 * The `parley` program with every verb declared on it, ready to parse: nothing runs until it does.
 * Its help and errors are written to the context's streams; the reference in docs/cli.md is read
 * from the same tree.
 */
export function buildProgram(run: VerbRun): Command {
  const { out } = run.context
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
      writeOut: (text) => out.streams.stdout.write(text),
      writeErr: (text) => out.streams.stderr.write(text),
      outputError: (text, write) => write(out.errColour.red(text)),
    })
  for (const verb of VERBS) verb(program, run)
  return program
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
