/**
 * The journal on disk: JSON Lines beside the plan (`acme.journal.jsonl`), one event per line. This
 * is the thin adapter between that text and the events: every line is read on its own, a broken
 * line is reported with its line number and skipped, and a last line cut off mid-write (a crash)
 * is reported while every event before it is kept.
 */
import { formatBytes, LIMITS } from '../model/limits'
import type { PathProblem, Problem } from '../model/problem'
import { placeProblem } from '../plan/parse'
import { readSource } from '../plan/source'

export interface JournalLine {
  /** 1-based line number in the file. */
  line: number
  value: unknown
  /** Places a problem found in this line's event at its line and column in the file. */
  place: (problem: PathProblem) => Problem
}

export interface JournalText {
  lines: JournalLine[]
  problems: Problem[]
}

/** Reads a journal's text; `file` names it in problems. */
export function readJournalText(text: string, file?: string): JournalText {
  const at = file !== undefined ? { file } : {}
  if (text.length > LIMITS.journalBytes) {
    return {
      lines: [],
      problems: [
        {
          code: 'too_large',
          severity: 'error',
          message: `is ${formatBytes(text.length)}; a journal may be at most ${formatBytes(LIMITS.journalBytes)}`,
          path: '',
          ...at,
        },
      ],
    }
  }
  const rows = text.split('\n')
  const lines: JournalLine[] = []
  const problems: Problem[] = []
  const endsCleanly = text.length === 0 || text.endsWith('\n')
  rows.forEach((row, index) => {
    const line = index + 1
    if (row.trim() === '') return
    if (lines.length >= LIMITS.journalEvents) {
      if (lines.length === LIMITS.journalEvents) {
        problems.push({
          code: 'too_many_events',
          severity: 'error',
          message: `a journal may hold at most ${LIMITS.journalEvents} events; the rest are not read`,
          path: '',
          ...at,
          line,
        })
      }
      return
    }
    if (row.length > LIMITS.eventBytes) {
      problems.push({
        code: 'too_large',
        severity: 'error',
        message: `this event is ${formatBytes(row.length)}; an event may be at most ${formatBytes(LIMITS.eventBytes)}`,
        path: '',
        ...at,
        line,
      })
      return
    }
    const source = readSource(row, 'json')
    if (source.errors.length > 0) {
      const last = index === rows.length - 1 && !endsCleanly
      const first = source.errors[0]
      problems.push(
        last
          ? {
              code: 'truncated',
              severity: 'warning',
              message: `line ${line} is incomplete: the journal was cut off mid-line (a crash while writing?); it is ignored and the ${lines.length} event${lines.length === 1 ? '' : 's'} before it are kept`,
              path: '',
              ...at,
              line,
            }
          : {
              code: 'syntax',
              severity: 'error',
              message: `${first?.message ?? 'invalid JSON'}; this line is skipped`,
              path: '',
              ...at,
              line,
              ...(first?.column !== undefined ? { column: first.column } : {}),
            },
      )
      return
    }
    lines.push({
      line,
      value: source.value,
      place: (problem) => {
        const placed = placeProblem(problem, source, file)
        return { ...placed, line }
      },
    })
  })
  return { lines, problems }
}
