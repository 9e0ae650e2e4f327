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

/**
 * The verbs in the order `parley --help` lists them, each with the command it declares (a test
 * checks the names against what each declares): a run of one command declares that one alone, since
 * declaring every option of every verb costs a command run once more than the rest of its start.
 */
export const VERBS: readonly (readonly [name: string, verb: Verb])[] = [
  ['check', checkVerb],
  ['score', scoreVerb],
  ['frontier', frontierVerb],
  ['meso', mesoVerb],
  ['journal', journalVerb],
  ...MOVE_VERB_DECLARATIONS,
  ['status', statusVerb],
  ['coach', coachVerb],
  ['lint', lintVerb],
  ['debrief', debriefVerb],
  ['simulate', simulateVerb],
  ['rehearse', rehearseVerb],
  ['init', initVerb],
  ['import', importVerb],
  ['export', exportVerb],
  ['serve', serveVerb],
  ['user', userVerb],
  ['export-db', exportDbVerb],
  ['import-db', importDbVerb],
  // `__complete` is not listed: it completes from every verb's declaration, so it needs them all.
  ['completion', completionVerb],
]

export async function runParley(argv: readonly string[], streams: Streams, cwd: string): Promise<number> {
  const context: CommandContext = { out: new Output(streams), cwd, env: streams.env }
  let exitCode: number = EXIT.ok
  const program = buildProgram(
    {
      context,
      exit: (code: number) => {
        exitCode = code
      },
    },
    argv[0],
  )

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
 * from the same tree. `command`: the first word of the command line; when it names a verb, that
 * verb alone is declared (anything else, such as `help` or a misspelt verb, declares them all, so
 * the help and the "did you mean" list every verb).
 */
export function buildProgram(run: VerbRun, command?: string): Command {
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
  const named = VERBS.find(([name]) => name === command)?.[1]
  const verbs = named ? [named] : VERBS.map(([, verb]) => verb)
  for (const verb of verbs) verb(program, run)
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
