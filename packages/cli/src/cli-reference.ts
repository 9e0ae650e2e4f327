/**
 * The command-line reference (docs/cli.md), read from the commander tree the command itself parses
 * with, so the document cannot drift from the flags: every command and subcommand with its usage,
 * description, arguments, options and the help text it adds after its options. No terminal width,
 * no colour: the same tree always renders to the same text. `npm run docs` writes it, and
 * cli-reference.test.ts fails when docs/cli.md differs.
 */
import { Writable } from 'node:stream'
import { type Command, Help } from 'commander'
import { EXIT } from './exit-codes'
import { Output } from './output'
import { buildProgram } from './program'

/** docs/cli.md as it should read now. */
export function cliReference(): string {
  const program = referenceProgram()
  const commands = descendants(program)
  const lines = [
    '# The command line',
    '',
    "<!-- Generated from the commands' own definitions by `npm run docs` (packages/cli/src/cli-reference.ts). Do not edit by hand. -->",
    '',
    'Every command also prints its section with `--help`. How the commands fit together in a negotiation is in the',
    "[README's tour](../README.md#a-five-minute-tour); what every command shares is under [Conventions](#conventions).",
    '',
    ...commandSection(program, commands),
    ...commands.flatMap((command) => commandSection(command, command.commands)),
    ...CONVENTIONS,
  ]
  return `${lines.join('\n').trimEnd()}\n`
}

/** The program as the command builds it, with streams that go nowhere: nothing is parsed or run. */
function referenceProgram(): Command {
  const nowhere = new Writable({
    write(_chunk, _encoding, done) {
      done()
    },
  })
  const out = new Output({ stdout: nowhere, stderr: nowhere, env: { NO_COLOR: '1' } })
  return buildProgram({ context: { out, cwd: '.', env: {} }, exit: () => undefined })
}

/** Every command under `command`, depth first in the order the help lists them; commander's own `help` left out. */
function descendants(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...descendants(child)])
}

function fullName(command: Command): string {
  const names: string[] = []
  for (let current: Command | null = command; current !== null; current = current.parent)
    names.unshift(current.name())
  return names.join(' ')
}

/** The heading's anchor as GitHub makes it: lower case, spaces to hyphens. */
function anchor(command: Command): string {
  return fullName(command).toLowerCase().replaceAll(' ', '-')
}

/** What every command shares, in words; the numbers come from the code. */
const CONVENTIONS = [
  '## Conventions',
  '',
  'Every command has `--help`, and those that print results `--json` (machine output on stdout; human text by',
  'default). Colour appears only on a terminal and never when `NO_COLOR` is set. Exit codes are the same',
  'everywhere ([packages/cli/src/exit-codes.ts](../packages/cli/src/exit-codes.ts)):',
  '',
  '| code | meaning |',
  '|---|---|',
  `| ${EXIT.ok} | success (a valid plan with warnings is still ${EXIT.ok}) |`,
  `| ${EXIT.invalid} | invalid input: the plan, the offer, a flag value or an event is wrong (nothing is written) |`,
  `| ${EXIT.usage} | bad usage: unknown command or flag, missing argument |`,
  `| ${EXIT.no} | valid input, but the answer is no: no MESO set, a frontier too large for exact mode, an error-level lint finding |`,
  `| ${EXIT.crash} | a crash inside Parley (a bug, never bad input): one line on stderr; \`PARLEY_DEBUG=1\` prints the stack |`,
  `| ${EXIT.interrupted} | stopped with Ctrl-C at a prompt (\`parley rehearse\` on a terminal) |`,
  '',
  'An offer (`--offer`) is inline JSON when it starts with `{`, otherwise a `.json` or `.yaml` file. A bundle needs a',
  'level for every issue; a range also takes off-grid values inside it (a counter at 117,500 on a 5,000 step is',
  'scored by the same formula). `{ "terms": {...} }` is accepted as well as the bare map. A journal event is given',
  'the same way; its fields are in [the journal](journal.md).',
  '',
  "`PARLEY_TIMING=1` adds one line to stderr at the end, `parley: ran in N ms`: the command's own time, without",
  'starting Node and loading the command line (the benchmarks read it).',
]

function commandSection(command: Command, listed: readonly Command[]): string[] {
  const help = new Help()
  const lines = [`## ${fullName(command)}`, '']
  const description = command.description()
  if (description) lines.push(...description.split('\n').map(escape), '')
  lines.push('```', help.commandUsage(command), '```', '')
  const args = help.visibleArguments(command)
  if (args.length > 0) {
    lines.push('Arguments:', '')
    for (const argument of args)
      lines.push(`- \`${help.argumentTerm(argument)}\`: ${markdownText(help.argumentDescription(argument))}`)
    lines.push('')
  }
  const options = help.visibleOptions(command)
  if (options.length > 0) {
    lines.push('Options:', '')
    for (const option of options)
      lines.push(`- \`${help.optionTerm(option)}\`: ${markdownText(help.optionDescription(option))}`)
    lines.push('')
  }
  if (listed.length > 0) {
    lines.push('Commands:', '')
    for (const subcommand of listed)
      lines.push(
        `- [\`${fullName(subcommand)}\`](#${anchor(subcommand)}): ${markdownText(subcommand.description())}`,
      )
    lines.push('')
  }
  const after = helpTextAfter(command)
  if (after) lines.push('```text', after, '```', '')
  return lines
}

/**
 * The text a verb adds after its options (`addHelpText('after', ...)`: examples, settings, exit
 * codes), read by printing the command's help with commander's own part replaced by a marker.
 */
function helpTextAfter(command: Command): string {
  const marker = '\u0000'
  let written = ''
  command
    .configureOutput({
      writeOut: (text) => {
        written += text
      },
      getOutHasColors: () => false,
    })
    .configureHelp({ formatHelp: () => marker })
  command.outputHelp()
  const after = written.slice(written.indexOf(marker) + marker.length)
  return after.replace(/^\n+/, '').trimEnd()
}

/** Plain text made safe in Markdown: no stray emphasis, links or HTML. */
function markdownText(text: string): string {
  return text.replace(/[\\`*<[\]]/g, (character) => `\\${character}`)
}
