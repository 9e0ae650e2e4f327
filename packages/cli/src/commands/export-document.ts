/**
 * `parley export PLAN --as counterparty|internal [--doc KIND] [--format FORMAT] -o FILE`: one of
 * Parley's documents, built by core (the other side's only from the counterparty view) and written
 * in the format asked for. Without `--doc`, the other side gets the MESO sheet and we get the
 * preparation brief; without `--format`, the file's extension says it. `-o -` writes a text format
 * to stdout. The file appears whole or not at all.
 */
import { extname, resolve } from 'node:path'
import {
  type Audience,
  buildDocument,
  DOCUMENT_AUDIENCE,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  type DocumentKind,
  isDocumentFailure,
  type Problem,
} from '@parley/core'
import { DOCUMENT_FORMAT_INFO, renderDocument } from '@parley/documents'
import { TargetExists, writeFilesAtomically } from '../atomic-write'
import { type CommandContext, invalidInput, planRefused } from '../command-context'
import { EXIT } from '../exit-codes'
import { type JournalOptions, openNegotiation } from '../negotiation-file'

export interface DocumentExportOptions extends JournalOptions {
  as: Audience
  doc?: DocumentKind
  format?: DocumentFormat
  output: string
  force?: boolean
}

/** What each kind is called in a sentence. */
export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  meso: 'the MESO sheet',
  terms: 'the term sheet',
  fairness: 'the fairness story',
  cadence: 'the review cadence',
  brief: 'the preparation brief',
  concessions: 'the concession log',
}

const DEFAULT_KIND: Record<Audience, DocumentKind> = { counterparty: 'meso', internal: 'brief' }

const INTERNAL_ONLY =
  'This document holds our reservation, BATNA, weights and our estimate of theirs: internal only, never send it to the other side.'

function problem(code: string, message: string, file: string): Problem {
  return { code, severity: 'error', message, path: '', file }
}

/** The format the options and the file name ask for: `--format` first, else the extension, else Markdown. */
function formatOf(options: DocumentExportOptions): DocumentFormat | Problem {
  if (options.format) return options.format
  if (options.output === '-') return 'md'
  const extension = extname(options.output).slice(1).toLowerCase()
  const known = (DOCUMENT_FORMATS as readonly string[]).find(
    (format) =>
      format === extension ||
      (extension === 'markdown' && format === 'md') ||
      (extension === 'htm' && format === 'html'),
  ) as DocumentFormat | undefined
  if (known) return known
  return problem(
    'unknown_format',
    `says no format Parley writes${extension ? ` (.${extension})` : ''}: name the file .${DOCUMENT_FORMATS.join(', .')} or pass --format`,
    options.output,
  )
}

export async function exportDocumentCommand(
  context: CommandContext,
  planFile: string,
  options: DocumentExportOptions,
): Promise<number> {
  const json = options.json === true
  const kind = options.doc ?? DEFAULT_KIND[options.as]
  if (DOCUMENT_AUDIENCE[kind] !== options.as) {
    const audience = DOCUMENT_AUDIENCE[kind]
    return invalidInput(context, json, [
      problem(
        'wrong_audience',
        audience === 'internal'
          ? `${DOCUMENT_NAMES[kind]} is for our side only: export it with --as internal`
          : `${DOCUMENT_NAMES[kind]} is written for the other side: export it with --as counterparty`,
        '--doc',
      ),
    ])
  }
  const format = formatOf(options)
  if (typeof format !== 'string') return invalidInput(context, json, [format])
  const info = DOCUMENT_FORMAT_INFO[format]
  if (options.output === '-' && info.binary)
    return invalidInput(context, json, [
      problem('binary_to_stdout', `${info.name} is not text: write it to a file with -o FILE`, '-o'),
    ])

  const loaded = await openNegotiation(context, planFile, options)
  if (!loaded.ok) return planRefused(context, json, loaded.plan.errors)
  const built = buildDocument(kind, loaded.plan.space, loaded.state, { learned: loaded.posterior })
  if (isDocumentFailure(built))
    return invalidInput(context, json, [problem(built.code, built.message, planFile)])
  const rendered = await renderDocument(built, format)
  if (!rendered.ok) return invalidInput(context, json, [problem(rendered.code, rendered.message, '--format')])

  if (options.output === '-') {
    if (typeof rendered.content === 'string') context.out.print(rendered.content.replace(/\n$/, ''))
    return EXIT.ok
  }
  const target = resolve(context.cwd, options.output)
  try {
    await writeFilesAtomically([{ path: target, text: rendered.content }], {
      overwrite: options.force === true,
    })
  } catch (error) {
    if (error instanceof TargetExists)
      return invalidInput(context, json, [
        problem('unwritable', 'already exists; pass --force to overwrite it', options.output),
      ])
    const code = (error as NodeJS.ErrnoException).code
    return invalidInput(context, json, [
      problem('unwritable', `can not be written (${code ?? 'unknown error'})`, options.output),
    ])
  }
  const size =
    typeof rendered.content === 'string' ? Buffer.byteLength(rendered.content) : rendered.content.byteLength
  if (json) {
    context.out.json({
      file: options.output,
      kind,
      audience: options.as,
      format,
      bytes: size,
      internalOnly: options.as === 'internal',
    })
    return EXIT.ok
  }
  const { out } = context
  if (options.as === 'internal') out.error(`${out.errColour.yellow('warning')} ${INTERNAL_ONLY}`)
  out.print(
    `Wrote ${DOCUMENT_NAMES[kind]} of ${loaded.plan.plan.title} (${info.name}, ${size.toLocaleString('en')} bytes) to ${options.output}${options.as === 'counterparty' ? ': built only from what may be shared with the other side.' : '.'}`,
  )
  return EXIT.ok
}
