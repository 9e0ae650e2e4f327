/**
 * Pasting a block copied from a spreadsheet into the issues grid: tab-separated rows, the issue
 * name first. A header row (`Issue, Unit, Our weight, ...`) says which column is which; without one,
 * the columns follow the grid's. Rows whose name matches an issue (by name or id, ignoring case)
 * fill its cells; other rows add issues. Pasted at a cell other than a name, the block fills the
 * grid from that cell down and right, as in a spreadsheet. Empty cells change nothing; a cell that
 * can not be read is reported with its row and column and changes nothing either.
 */
import type { Issue, Plan, Side } from '@parley/core'
import { addIssue, newIssue, setIssueKind, setIssueOptions } from './issue-edits'
import { readConfidence, readLevels, readNumber, readOptions, readPreference, readYesNo } from './level-text'

/** The grid's columns, in order. */
export const GRID_COLUMNS = [
  'name',
  'unit',
  'levels',
  'usWeight',
  'usPreference',
  'themWeight',
  'confidence',
  'themPreference',
  'tradeable',
] as const
export type GridColumn = (typeof GRID_COLUMNS)[number]

/** What a pasted column can fill: the grid's columns, a range's ends and step apart, or nothing. */
export type PasteColumn = GridColumn | 'min' | 'max' | 'step' | 'options' | 'ignore'

export const COLUMN_TITLES: Record<PasteColumn, string> = {
  name: 'name',
  unit: 'unit',
  levels: 'levels',
  usWeight: 'our weight',
  usPreference: 'our preference',
  themWeight: 'their weight',
  confidence: 'confidence',
  themPreference: 'their preference',
  tradeable: 'tradeable',
  min: 'min',
  max: 'max',
  step: 'step',
  options: 'options',
  ignore: 'ignored',
}

/** Rows of cells from clipboard text; a trailing newline adds no row. */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop()
  return lines.map((line) => line.split('\t'))
}

/** Whether pasted text is a block (several cells) rather than one value for the focused field. */
export function isBlock(text: string): boolean {
  const rows = parseClipboard(text)
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1
}

const HEADERS: [RegExp, PasteColumn][] = [
  [/^(issue|issues|issue name|name|term|terms|variable|item)$/, 'name'],
  [/^(unit|units)$/, 'unit'],
  [/^(levels|level|values|domain|range)$/, 'levels'],
  [/^(options|choices)$/, 'options'],
  [/^(min|minimum|from|lowest)$/, 'min'],
  [/^(max|maximum|to|highest)$/, 'max'],
  [/^(step|increment|by)$/, 'step'],
  [
    /^(our weight|weight us|us weight|weight|weight for us|importance to us|our importance|our priority)$/,
    'usWeight',
  ],
  [
    /^(their weight|weight them|them weight|weight for them|importance to them|their importance|their priority)$/,
    'themWeight',
  ],
  [/^(confidence|their confidence|how sure|sure)$/, 'confidence'],
  [
    /^(our preference|preference us|us preference|preference|prefer|our scores|scores us|we prefer)$/,
    'usPreference',
  ],
  [
    /^(their preference|preference them|them preference|their scores|scores them|they prefer)$/,
    'themPreference',
  ],
  [/^(tradeable|tradable|trade|tradeables?)$/, 'tradeable'],
]

function normaliseHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/\((est\.?|estimated|estimate)\)|\bestimated\b|\best\.?/g, ' ')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function headerColumn(cell: string): PasteColumn | undefined {
  const text = normaliseHeader(cell)
  return HEADERS.find(([pattern]) => pattern.test(text))?.[1]
}

/**
 * The columns a header row names, when the row is one: its first cell names the issue column and
 * at least one other cell is a known column. Unknown titles are ignored (and reported).
 */
export function headerColumns(row: readonly string[]): PasteColumn[] | undefined {
  const columns = row.map(headerColumn)
  if (columns[0] !== 'name' || row.length < 2) return undefined
  if (!columns.slice(1).some((column) => column !== undefined && column !== 'name')) return undefined
  return columns.map((column) => column ?? 'ignore')
}

export interface PasteReport {
  /** Names of the issues whose cells were filled. */
  updated: string[]
  /** Names of the issues added. */
  added: string[]
  /** What could not be read, with its row and column: `row 3, our weight: 'abc' is not a number`. */
  problems: string[]
  /** Header titles that name no column of the grid. */
  ignored: string[]
}

type Change = { issue: Issue; problem?: string }

function setWeight(issue: Issue, side: Side, text: string): Change {
  const value = readNumber(text)
  if (value === undefined) return { issue, problem: `'${text.trim()}' is not a number` }
  return { issue: { ...issue, [side]: { ...issue[side], weight: value } } }
}

function setPreference(issue: Issue, side: Side, text: string): Change {
  const read = readPreference(
    text,
    issue.range ? { kind: 'range' } : { kind: 'options', options: issue.options ?? [] },
  )
  if (!read.ok) return { issue, problem: read.message }
  const { prefer: _p, scores: _s, points: _q, ...rest } = issue[side]
  return { issue: { ...issue, [side]: { ...rest, ...read.value } } }
}

/** A cell's text applied to one issue, within a plan (options and kinds need the plan's other parts). */
function applyCell(
  plan: Plan,
  index: number,
  column: PasteColumn,
  text: string,
): { plan: Plan; problem?: string } {
  const issue = plan.issues[index]
  if (!issue || text.trim() === '' || column === 'ignore' || column === 'name') return { plan }
  const replace = (change: Change) => ({
    plan: { ...plan, issues: plan.issues.map((other, k) => (k === index ? change.issue : other)) },
    ...(change.problem ? { problem: change.problem } : {}),
  })
  const trimmed = text.trim()
  switch (column) {
    case 'unit':
      return replace({ issue: { ...issue, unit: trimmed } })
    case 'usWeight':
      return replace(setWeight(issue, 'us', trimmed))
    case 'themWeight':
      return replace(setWeight(issue, 'them', trimmed))
    case 'usPreference':
      return replace(setPreference(issue, 'us', trimmed))
    case 'themPreference':
      return replace(setPreference(issue, 'them', trimmed))
    case 'confidence': {
      const read = readConfidence(trimmed)
      return read.ok
        ? replace({ issue: { ...issue, them: { ...issue.them, confidence: read.value } } })
        : { plan, problem: read.message }
    }
    case 'tradeable': {
      const read = readYesNo(trimmed)
      if (!read.ok) return { plan, problem: read.message }
      const { tradeable: _t, ...rest } = issue
      return replace({ issue: read.value ? { ...rest, tradeable: true } : rest })
    }
    case 'options':
      return { plan: setIssueOptions(setIssueKind(plan, index, 'options'), index, readOptions(trimmed)) }
    case 'levels': {
      const read = readLevels(trimmed)
      if (!read.ok) return { plan, problem: read.message }
      if ('options' in read.value)
        return { plan: setIssueOptions(setIssueKind(plan, index, 'options'), index, read.value.options) }
      const asRange = setIssueKind(plan, index, 'range')
      const { range } = read.value
      return {
        plan: {
          ...asRange,
          issues: asRange.issues.map((other, k) => (k === index ? { ...other, range } : other)),
        },
      }
    }
    case 'min':
    case 'max':
    case 'step': {
      const value = readNumber(trimmed)
      if (value === undefined) return { plan, problem: `'${trimmed}' is not a number` }
      const asRange = setIssueKind(plan, index, 'range')
      return {
        plan: {
          ...asRange,
          issues: asRange.issues.map((other, k) =>
            k === index && other.range ? { ...other, range: { ...other.range, [column]: value } } : other,
          ),
        },
      }
    }
  }
}

function findIssueIndex(plan: Plan, name: string): number {
  const wanted = name.trim().toLowerCase()
  return plan.issues.findIndex((issue) => issue.name.trim().toLowerCase() === wanted || issue.id === wanted)
}

/**
 * The plan with a pasted block applied, and what happened. `at` is the focused cell, when the
 * paste landed in the grid: a block pasted at a cell other than a name fills from there.
 */
export function applyPaste(
  plan: Plan,
  text: string,
  at?: { row: number; column: GridColumn },
): { plan: Plan; report: PasteReport } {
  const rows = parseClipboard(text)
  const report: PasteReport = { updated: [], added: [], problems: [], ignored: [] }
  const header = rows[0] ? headerColumns(rows[0]) : undefined
  if (header && rows[0]) {
    header.forEach((column, k) => {
      if (column === 'ignore' && rows[0]?.[k]?.trim()) report.ignored.push(rows[0][k]?.trim() ?? '')
    })
  }
  const data = header ? rows.slice(1) : rows
  let next = plan
  const note = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name)
  }
  const fill = (index: number, columns: readonly PasteColumn[], cells: readonly string[], line: number) => {
    cells.forEach((cell, k) => {
      const column = columns[k]
      if (!column) return
      const result = applyCell(next, index, column, cell)
      next = result.plan
      if (result.problem) report.problems.push(`row ${line}, ${COLUMN_TITLES[column]}: ${result.problem}`)
    })
  }
  const firstLine = header ? 2 : 1

  if (!header && at && at.column !== 'name') {
    // A spreadsheet paste: the block's top-left cell lands on the focused cell.
    const columns = GRID_COLUMNS.slice(GRID_COLUMNS.indexOf(at.column))
    data.forEach((cells, r) => {
      const index = at.row + r
      const issue = next.issues[index]
      if (!issue) {
        report.problems.push(
          `row ${r + firstLine}: there is no issue below to paste into (paste rows that start with the issue name to add issues)`,
        )
        return
      }
      fill(index, columns, cells, r + firstLine)
      note(report.updated, next.issues[index]?.name ?? issue.name)
    })
    return { plan: next, report }
  }

  const columns = header ?? GRID_COLUMNS
  data.forEach((cells, r) => {
    const name = (cells[0] ?? '').trim()
    if (name === '') {
      if (cells.some((cell) => cell.trim() !== ''))
        report.problems.push(`row ${r + firstLine}: no issue name in the first column`)
      return
    }
    let index = findIssueIndex(next, name)
    if (index < 0) {
      next = addIssue(next, newIssue(next, name))
      index = next.issues.length - 1
      note(report.added, name)
    } else note(report.updated, next.issues[index]?.name ?? name)
    fill(index, columns.slice(1), cells.slice(1), r + firstLine)
  })
  report.updated = report.updated.filter((name) => !report.added.includes(name))
  return { plan: next, report }
}

/** The report in one sentence or two, for the grid's status line. */
export function describePaste(report: PasteReport): string {
  const parts: string[] = []
  if (report.updated.length > 0) parts.push(`Filled ${report.updated.join(', ')}.`)
  if (report.added.length > 0) parts.push(`Added ${report.added.join(', ')}.`)
  if (report.ignored.length > 0)
    parts.push(`Ignored the columns ${report.ignored.map((t) => `'${t}'`).join(', ')}.`)
  if (report.problems.length > 0) parts.push(`Not pasted: ${report.problems.join('; ')}.`)
  return parts.length > 0 ? parts.join(' ') : 'Nothing to paste.'
}
