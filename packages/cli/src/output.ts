/**
 * Everything the command prints goes through here: JSON for machines on stdout, human text
 * otherwise, problems rendered the one way (`file:line:col path: message`), colour only on a
 * terminal and never with NO_COLOR.
 */
import { formatProblem, groupThousands, type Problem } from '@parley/core'
import { createColors } from 'picocolors'
import { type Alignment, boxTable } from './box-table'

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  /** What a person types, for the one interactive verb (`parley rehearse`); no other verb reads it. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean }
  env: Readonly<Record<string, string | undefined>>
}

function colourEnabled(stream: { isTTY?: boolean }, env: Streams['env']): boolean {
  const noColor = env.NO_COLOR
  return stream.isTTY === true && (noColor === undefined || noColor === '') && env.TERM !== 'dumb'
}

export type Colours = ReturnType<typeof createColors>

export class Output {
  readonly colour: Colours
  readonly errColour: Colours

  constructor(readonly streams: Streams) {
    this.colour = createColors(colourEnabled(streams.stdout, streams.env))
    this.errColour = createColors(colourEnabled(streams.stderr, streams.env))
  }

  get isTTY(): boolean {
    return this.streams.stdout.isTTY === true
  }

  get stderrIsTTY(): boolean {
    return this.streams.stderr.isTTY === true
  }

  print(text = ''): void {
    this.streams.stdout.write(`${text}\n`)
  }

  json(value: unknown): void {
    this.streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  error(text: string): void {
    this.streams.stderr.write(`${text}\n`)
  }

  /** Problems on stderr, errors first, each on its own line. */
  problems(problems: readonly Problem[]): void {
    const c = this.errColour
    for (const problem of problems) {
      const label = problem.severity === 'error' ? c.red('error') : c.yellow('warning')
      this.error(`${label} ${formatProblem(problem)}`)
    }
  }

  table(head: string[], rows: (string | number)[][], align?: Alignment[]): string {
    return boxTable(
      head.map((cell) => this.colour.bold(cell)),
      rows.map((row) => row.map(String)),
      align,
    )
  }
}

/** A problem as `--json` shows it: `{ file, line, column, path, message, code }`. */
export function problemJson(problem: Problem) {
  return {
    file: problem.file ?? null,
    line: problem.line ?? null,
    column: problem.column ?? null,
    path: problem.path,
    message: problem.message,
    code: problem.code,
  }
}

// Figures are written by core, so the web app shows them exactly as the command line prints them.
export { formatPoints as pts, formatShare as percent, formatSigned as signed } from '@parley/core'

/** Whole numbers with thousands separators, large ones in scientific notation. */
export function count(value: number): string {
  return value < 1e15 ? groupThousands(value) : value.toExponential(2)
}
