/**
 * Asking at the terminal for what a move's flags left out: a choice among the plan's issues, levels
 * and labels, or a line of text. Only on a terminal: with stdin piped, a verb never asks, and a
 * missing flag is bad usage. The questions go to stderr, so `--json` output on stdout stays clean.
 */

import { Writable } from 'node:stream'
import confirm from '@inquirer/confirm'
import input from '@inquirer/input'
import select from '@inquirer/select'
import type { Streams } from './output'

export interface Choice<T extends string> {
  value: T
  name: string
  description?: string
}

/** What a verb may ask. Each question resolves to the answer, or rejects with `PromptInterrupted`. */
export interface Prompter {
  select<T extends string>(message: string, choices: readonly Choice<T>[], initial?: T): Promise<T>
  text(message: string, options?: { initial?: string; required?: boolean }): Promise<string>
  confirm(message: string, initial?: boolean): Promise<boolean>
}

/** Ctrl-C (or Ctrl-D) at a question: the verb writes nothing and exits 130. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted at the prompt')
  }
}

/** A prompter on the terminal, or undefined when stdin is not one (then nothing is ever asked). */
export function terminalPrompter(streams: Streams): Prompter | undefined {
  const { stdin, stderr } = streams
  if (stdin?.isTTY !== true) return undefined
  // The prompt library ends the stream it writes to when a question closes: give each question a
  // stream of its own that passes the text on to stderr and leaves stderr open.
  const context = () => ({
    input: stdin,
    output: new Writable({
      write(chunk, _encoding, done) {
        stderr.write(chunk)
        done()
      },
    }),
    clearPromptOnDone: false,
  })
  const asked = async <T>(question: Promise<T>): Promise<T> => {
    try {
      return await question
    } catch (error) {
      // Inquirer rejects with ExitPromptError on Ctrl-C and when the input closes.
      if (error instanceof Error && /ExitPromptError|AbortPromptError/.test(error.name))
        throw new PromptInterrupted()
      throw error
    }
  }
  return {
    select: (message, choices, initial) =>
      asked(
        select(
          {
            message,
            choices: choices.map((choice) => ({ ...choice })),
            ...(initial !== undefined ? { default: initial } : {}),
            pageSize: 12,
          },
          context(),
        ),
      ),
    text: (message, options = {}) =>
      asked(
        input(
          {
            message,
            ...(options.initial !== undefined ? { default: options.initial } : {}),
            ...(options.required ? { required: true } : {}),
          },
          context(),
        ),
      ),
    confirm: (message, initial = false) => asked(confirm({ message, default: initial }, context())),
  }
}
