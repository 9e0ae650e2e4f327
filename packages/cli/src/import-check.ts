/**
 * What `parley import-db` checks in an export beyond its shape (the store's `readDatabaseExport`),
 * before anything is written, so the database it fills can serve every row it holds: every plan is
 * one `parley check` accepts (and a kept plan file still reads), every journal event is one
 * `parley journal add` accepts, every JSON column parses, and every text is one every backend
 * stores as it is (no U+0000, no lone surrogates: PostgreSQL refuses the one and alters the
 * other, so an export from SQLite could otherwise fail half-way into PostgreSQL). Each problem
 * names its row and column, and inside a plan or an event the path:
 * `negotiations[3].planJson issues[2].unit: must not be empty`.
 */
import {
  formatPath,
  type PathProblem,
  parsePlanText,
  readEvent,
  readSource,
  validatePlanValue,
} from '@parley/core'
import { inspectInput, textFault, textFaultMessage } from '@parley/server'
import type { DatabaseExport } from '@parley/store'

export interface ImportProblem {
  /** The row and column (`events[12].body`), then the path inside it when it holds a document. */
  where: string
  message: string
}

/** `events[12].body issues[0].name: must not be empty` */
export function formatImportProblem(problem: ImportProblem): string {
  return `${problem.where}: ${problem.message}`
}

function pathProblems(cell: string, problems: readonly PathProblem[]): ImportProblem[] {
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => {
      const path = formatPath(problem.at)
      return { where: path ? `${cell} ${path}` : cell, message: problem.message }
    })
}

/** A JSON column read as a value; a problem when it is not JSON or holds text no backend keeps. */
function readJsonCell(
  cell: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  const read = readSource(text, 'json')
  const error = read.errors[0]
  if (error) {
    const at = error.line !== undefined ? ` (line ${error.line}, column ${error.column ?? 1})` : ''
    return { ok: false, problem: { where: cell, message: `is not valid JSON${at}: ${error.message}` } }
  }
  const fault = inspectInput(read.value)
  if (fault)
    return {
      ok: false,
      problem: { where: fault.path ? `${cell} ${fault.path}` : cell, message: fault.message },
    }
  return { ok: true, value: read.value }
}

/** Every text of every row: the rows are flat (the JSON columns are texts, checked again once read). */
function textProblems(dump: DatabaseExport): ImportProblem[] {
  const problems: ImportProblem[] = []
  for (const [table, rows] of Object.entries(dump)) {
    if (!Array.isArray(rows)) continue
    rows.forEach((row: Record<string, unknown>, index) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue
        const fault = textFault(value)
        if (fault) problems.push({ where: `${table}[${index}].${column}`, message: textFaultMessage(fault) })
      }
    })
  }
  return problems
}

function planProblems(dump: DatabaseExport): ImportProblem[] {
  return dump.negotiations.flatMap((negotiation, index): ImportProblem[] => {
    const row = `negotiations[${index}]`
    const found: ImportProblem[] = []
    const stored = readJsonCell(`${row}.planJson`, negotiation.planJson)
    if (!stored.ok) found.push(stored.problem)
    else if (negotiation.version === 0) {
      // Imported with problems: no valid plan yet, only its draft (kept as written, problems and all).
      if (stored.value !== null)
        found.push({ where: `${row}.planJson`, message: 'must be null at version 0 (no valid plan yet)' })
    } else {
      const checked = validatePlanValue(stored.value)
      if (!checked.ok) found.push(...pathProblems(`${row}.planJson`, checked.errors))
    }
    if (negotiation.planText !== null) {
      if (negotiation.planFormat === null)
        found.push({ where: `${row}.planFormat`, message: 'must be yaml or json: the row keeps a plan file' })
      else {
        const parsed = parsePlanText(negotiation.planText, { format: negotiation.planFormat })
        if (!parsed.ok)
          for (const problem of parsed.errors.filter((each) => each.severity === 'error')) {
            const at =
              problem.line !== undefined ? ` line ${problem.line}, column ${problem.column ?? 1}` : ''
            const path = problem.path ? ` ${problem.path}` : ''
            found.push({ where: `${row}.planText${at}${path}`, message: problem.message })
          }
      }
    }
    return found
  })
}

function eventProblems(dump: DatabaseExport): ImportProblem[] {
  return dump.events.flatMap((event, index): ImportProblem[] => {
    const cell = `events[${index}].body`
    const body = readJsonCell(cell, event.body)
    if (!body.ok) return [body.problem]
    const read = readEvent(body.value)
    return read.ok ? [] : pathProblems(cell, read.errors)
  })
}

/**
 * The other JSON columns the server parses when it answers: a tradeable's body, a draft's problems
 * (a list and a count of the rest), an audit entry's detail.
 */
function documentProblems(dump: DatabaseExport): ImportProblem[] {
  const found: ImportProblem[] = []
  dump.tradeables.forEach((tradeable, index) => {
    const cell = `tradeables[${index}].body`
    const body = readJsonCell(cell, tradeable.body)
    if (!body.ok) found.push(body.problem)
    else if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value))
      found.push({ where: cell, message: 'must be a JSON object (the fields of the tradeable)' })
  })
  dump.drafts.forEach((draft, index) => {
    const cell = `drafts[${index}].problems`
    const problems = readJsonCell(cell, draft.problems)
    if (!problems.ok) found.push(problems.problem)
    else {
      const value = problems.value as { problems?: unknown; unlisted?: unknown } | null
      if (!Array.isArray(value?.problems) || typeof value?.unlisted !== 'number')
        found.push({
          where: cell,
          message: 'must be a JSON object with a list of problems and a count of the rest',
        })
    }
  })
  dump.audit.forEach((entry, index) => {
    if (entry.detail === null) return
    const detail = readJsonCell(`audit[${index}].detail`, entry.detail)
    if (!detail.ok) found.push(detail.problem)
  })
  return found
}

/** Every problem of an export's contents, in the order of its tables; none: it can be imported. */
export function checkExportContents(dump: DatabaseExport): ImportProblem[] {
  return [...textProblems(dump), ...planProblems(dump), ...eventProblems(dump), ...documentProblems(dump)]
}
