/**
 * A verb of `parley`: declares its command on the program (arguments, options with their parsers,
 * help text, examples) and, when commander runs it, calls its command in commands/ and reports
 * the exit code that command gives.
 */
import type { Command } from 'commander'
import type { CommandContext } from '../command-context'

export interface VerbRun {
  context: CommandContext
  /** Records the exit code of the command that ran, for `runParley` to return. */
  exit: (code: number) => void
}

export type Verb = (program: Command, run: VerbRun) => void

/**
 * A verb that reads a plan and its journal and prints what it finds (`status`, `debrief`): the plan
 * as argument, `--journal` and `--json` as options, nothing else.
 */
export function journalReader(
  name: string,
  description: string,
  command: (
    context: CommandContext,
    plan: string,
    options: { journal?: string; json?: boolean; server?: string | true },
  ) => Promise<number>,
): Verb {
  return (program, { context, exit }) => {
    program
      .command(name)
      .description(description)
      .argument(
        '<plan>',
        'plan file, or with --server a negotiation (its id or the start of it, its title, or a part of one title)',
      )
      .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
      .option(SERVER_FLAG, SERVER_HELP)
      .option('--json', 'machine-readable output on stdout')
      .action(async (plan: string, options: { journal?: string; json?: boolean; server?: string | true }) => {
        exit(await command(context, plan, options))
      })
  }
}

/** The option of the verbs that also work on a negotiation kept on a team server. */
export const SERVER_FLAG = '--server [url]'
export const SERVER_HELP =
  'a negotiation on a team server (default URL: PARLEY_SERVER; API token: PARLEY_TOKEN): PLAN is then its id or the start of it, its title, or a part of one title'
