/** Reads plan files (and other documents) from disk for the commands; all checking is core's. */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import {
  compileSpace,
  formatBytes,
  groupThousands,
  LIMITS,
  type Plan,
  type Problem,
  parsePlanText,
  readSource,
  type SourceDocument,
  type SourceFormat,
  type Space,
  sourceFormatOf,
  tooLargeProblem,
} from '@parley/core'

export type LoadedPlan =
  | {
      ok: true
      file: string
      plan: Plan
      space: Space
      warnings: Problem[]
      source: SourceDocument
      text: string
      /** The text's hash (`fileTextHash`), for a plan read from a file. */
      hash?: string
    }
  | { ok: false; file: string; errors: Problem[] }

/** A plan as core checked it, kept with the hash of the text it was read from (replay-cache). */
export interface CheckedPlan {
  hash: string
  plan: Plan
  warnings: Problem[]
}

/**
 * What keys a file's reading kept in the replay cache (a checked plan, a journal's events): its text
 * and its name, since the problems found in it name the file.
 */
export function fileTextHash(text: string, file: string): string {
  return createHash('sha256').update(`${file}\n${text}`).digest('hex')
}

function fileProblem(file: string, code: string, message: string): Problem {
  return { code, severity: 'error', message, path: '', file }
}

/** Reads a text file no larger than `limit` bytes, or explains why it can not. */
export async function readTextFile(
  file: string,
  limit: number = LIMITS.planBytes,
): Promise<{ ok: true; text: string } | { ok: false; errors: Problem[] }> {
  try {
    // Synchronously, as the journal and its cache: a command can do nothing before it has them, and
    // its first asynchronous read waited 4-6 ms for libuv's thread pool to start.
    const info = statSync(file)
    if (info.isDirectory())
      return { ok: false, errors: [fileProblem(file, 'not_a_file', 'is a directory, not a file')] }
    if (info.size > limit) {
      return {
        ok: false,
        errors: [
          limit === LIMITS.planBytes
            ? tooLargeProblem(info.size, file)
            : fileProblem(
                file,
                'too_large',
                // In bytes as well: rounded to a unit, a file just over the limit would read as at it.
                `is ${groupThousands(info.size)} bytes; at most ${formatBytes(limit)} (${groupThousands(limit)} bytes) is allowed`,
              ),
        ],
      }
    }
    return { ok: true, text: readFileSync(file, 'utf8') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : `can not be read (${code ?? 'unknown error'})`
    return { ok: false, errors: [fileProblem(file, 'unreadable', message)] }
  }
}

export function formatOf(file: string): SourceFormat | undefined {
  return sourceFormatOf(file)
}

/**
 * Reads and checks a plan file. `checked`: the same plan as checked before (kept beside its journal),
 * used instead of reading it again when the text is the same, byte for byte.
 */
export async function loadPlan(file: string, checked?: CheckedPlan): Promise<LoadedPlan> {
  const format = formatOf(file)
  if (!format) {
    return {
      ok: false,
      file,
      errors: [
        fileProblem(file, 'unknown_format', 'is not a plan file: use a .yaml, .yml or .json extension'),
      ],
    }
  }
  const read = await readTextFile(file)
  if (!read.ok) return { ok: false, file, errors: read.errors }
  const hash = fileTextHash(read.text, file)
  if (checked?.hash === hash) {
    // Read again only if a problem must be placed in it (lint, check).
    let source: SourceDocument | undefined
    return {
      ok: true,
      file,
      plan: checked.plan,
      space: compileSpace(checked.plan),
      warnings: checked.warnings,
      get source() {
        source ??= readSource(read.text, format, file)
        return source
      },
      text: read.text,
      hash,
    }
  }
  const parsed = parsePlanText(read.text, { format, file })
  if (!parsed.ok) return { ok: false, file, errors: [...parsed.errors, ...parsed.warnings] }
  return {
    ok: true,
    file,
    plan: parsed.plan,
    space: compileSpace(parsed.plan),
    warnings: parsed.warnings,
    source: parsed.source,
    text: read.text,
    hash,
  }
}
