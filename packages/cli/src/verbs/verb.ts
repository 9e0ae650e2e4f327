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
