/** The journal file beside a plan (`acme.journal.jsonl`): reading it into events, and appending one. */
import { readFileSync, statSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { type JournalEvent, type Problem, readEvent, readJournalText } from '@parley/core'
import { fileTextHash } from './plan-file'

/** `acme.yaml` → `acme.journal.jsonl`, in the same folder. */
export function journalPathFor(planPath: string): string {
  return `${planPath.replace(/\.(ya?ml|json)$/i, '')}.journal.jsonl`
}

export interface LoadedJournal {
  file: string
  exists: boolean
  events: JournalEvent[]
  /** The line of each event in the file (parallel to `events`). */
  lines: number[]
  /** Lines that could not be read as events (syntax, shape), each placed at its line. */
  problems: Problem[]
  /** Whether the file ends mid-line (an append must start on a new line). */
  endsMidLine: boolean
  /** The hash of the file's text, for a journal read from a file. */
  hash?: string
  /**
   * For a journal kept on a team server: records an event there (the server checks it again and
   * may refuse it); a file's journal has none and is appended to.
   */
  post?: (
    event: JournalEvent,
  ) => Promise<{ ok: true; event: JournalEvent } | { ok: false; problems: Problem[] }>
}

/** A journal as read before, kept with the hash of its text (replay-cache). */
export type ReadJournal = Pick<LoadedJournal, 'events' | 'lines' | 'problems'> & { hash: string }

/**
 * Reads the journal file. `read`: the same journal as read before (kept beside it), used instead of
 * checking every event again when the text is the same, byte for byte.
 */
export async function loadJournal(file: string, read?: ReadJournal): Promise<LoadedJournal> {
  let text: string
  try {
    // Synchronously: see `readTextFile`.
    statSync(file)
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { file, exists: false, events: [], lines: [], problems: [], endsMidLine: false }
    return {
      file,
      exists: true,
      events: [],
      lines: [],
      problems: [
        {
          code: 'unreadable',
          severity: 'error',
          message: `can not be read (${(error as NodeJS.ErrnoException).code})`,
          path: '',
          file,
        },
      ],
      endsMidLine: false,
    }
  }
  const hash = fileTextHash(text, file)
  const endsMidLine = text.length > 0 && !text.endsWith('\n')
  if (read?.hash === hash)
    return {
      file,
      exists: true,
      events: read.events,
      lines: read.lines,
      problems: read.problems,
      endsMidLine,
      hash,
    }
  const lineByLine = readJournalText(text, file)
  const events: JournalEvent[] = []
  const lines: number[] = []
  const problems: Problem[] = [...lineByLine.problems]
  for (const line of lineByLine.lines) {
    const event = readEvent(line.value)
    if (event.ok) {
      events.push(event.event)
      lines.push(line.line)
    } else
      problems.push(
        ...event.errors.map((error) => ({
          ...line.place(error),
          message: `${error.message}; this event is skipped`,
        })),
      )
  }
  return { file, exists: true, events, lines, problems, endsMidLine, hash }
}

/** Appends one event as a line; a file cut off mid-line gets a new line first, so the fragment stays on its own. */
export async function appendEvent(journal: LoadedJournal, event: JournalEvent): Promise<void> {
  await appendFile(journal.file, `${journal.endsMidLine ? '\n' : ''}${JSON.stringify(event)}\n`, {
    flag: 'a',
  })
}
