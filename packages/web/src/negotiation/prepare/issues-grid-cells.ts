/**
 * The cells of one row of the issues grid and what typing in them does to the plan. A row's cells
 * follow the issue's shape (a range has min, max and step where options have a list; scores give
 * one cell per option), each placed under one of the grid's columns so that keyboard moves and
 * pastes know where they are. Every problem core finds under an issue is shown by exactly one
 * cell: the one whose part of the plan it is about, else the issue's name.
 */
import {
  CONFIDENCES,
  formatDecimal,
  formatPath,
  type Issue,
  levelKey,
  type Plan,
  rangeStepCount,
  type Side,
} from '@parley/core'
import type { ControlKind, GridStop } from './grid-navigation'
import {
  type PreferenceMode,
  preferenceMode,
  renameIssueId,
  setIssueKind,
  setIssueOptions,
  setPreferenceMode,
} from './issue-edits'
import { issueIdFromName } from './issue-ids'
import { formatOptions, formatPoints, type Read, readNumber, readOptions, readPoints } from './level-text'
import { GRID_COLUMNS, type GridColumn } from './paste'
import { setIn } from './plan-paths'

export type CellKey =
  | 'name'
  | 'unit'
  | 'kind'
  | 'min'
  | 'max'
  | 'step'
  | 'options'
  | `${Side}Weight`
  | `${Side}Mode`
  | `${Side}Curve`
  | `${Side}Score:${string}`
  | 'confidence'
  | 'tradeable'
  | 'remove'

export interface GridCell {
  key: CellKey
  /** The grid column it sits under; none for the row's remove button. */
  column: GridColumn | undefined
  /** Horizontal place, for moving up and down between rows of different shapes. */
  x: number
  control: ControlKind
  /** Problem paths it shows: these, or anything below them (the longest match wins). */
  claims: string[]
}

export type LevelKind = 'range' | 'options'

export function levelKind(issue: Issue): LevelKind {
  return issue.range ? 'range' : 'options'
}

/** The option keys a side's scores are typed for: the issue's options, in order. */
function optionKeys(issue: Issue): string[] {
  return (issue.options ?? []).map(levelKey)
}

export function scoreKey(side: Side, option: string): CellKey {
  return `${side}Score:${option}`
}

/** The option a score cell is for, when it is one. */
export function scoreOption(key: CellKey): { side: Side; option: string } | undefined {
  const match = /^(us|them)Score:(.*)$/s.exec(key)
  return match ? { side: match[1] as Side, option: match[2] ?? '' } : undefined
}

/** The ways a side may score an issue of this shape (and the current one, even when it does not fit). */
export function preferenceChoices(issue: Issue, side: Side): PreferenceMode[] {
  const options = issue.options ?? []
  const numeric = options.length > 0 && options.every((option) => typeof option === 'number')
  const fitting: PreferenceMode[] = issue.range
    ? ['high', 'low', 'points']
    : numeric
      ? ['high', 'low', 'scores', 'points']
      : ['scores']
  const current = issue[side] ? preferenceMode(issue[side]) : undefined
  return current && !fitting.includes(current) ? [...fitting, current] : fitting
}

const x = (column: GridColumn, within = 0) => GRID_COLUMNS.indexOf(column) + within

/** The cells of the row of issue `index`, left to right. */
export function rowCells(issue: Issue, index: number): GridCell[] {
  const at = (...rest: (string | number)[]) => formatPath(['issues', index, ...rest])
  const side = (s: Side): GridCell[] => {
    const column: GridColumn = s === 'us' ? 'usPreference' : 'themPreference'
    const mode = issue[s] ? preferenceMode(issue[s]) : undefined
    const cells: GridCell[] = [{ key: `${s}Mode`, column, x: x(column), control: 'select', claims: [at(s)] }]
    if (mode === 'points')
      cells.push({ key: `${s}Curve`, column, x: x(column, 0.1), control: 'text', claims: [at(s, 'points')] })
    if (mode === 'scores')
      optionKeys(issue).forEach((option, k) => {
        cells.push({
          key: scoreKey(s, option),
          column,
          x: x(column, 0.1 + k / 1000),
          control: 'text',
          claims: [at(s, 'scores', option)],
        })
      })
    return cells
  }
  const levels: GridCell[] =
    levelKind(issue) === 'range'
      ? [
          {
            key: 'min',
            column: 'levels',
            x: x('levels', 0.1),
            control: 'text',
            claims: [at('range', 'min')],
          },
          {
            key: 'max',
            column: 'levels',
            x: x('levels', 0.2),
            control: 'text',
            claims: [at('range', 'max')],
          },
          // A range's own problems (too many levels) are about its step.
          {
            key: 'step',
            column: 'levels',
            x: x('levels', 0.3),
            control: 'text',
            claims: [at('range'), at('range', 'step')],
          },
        ]
      : [
          {
            key: 'options',
            column: 'levels',
            x: x('levels', 0.1),
            control: 'text',
            claims: [at('options'), at('range')],
          },
        ]
  return [
    {
      key: 'name',
      column: 'name',
      x: x('name'),
      control: 'text',
      claims: [at('name'), at('id'), at('description'), at('notes')],
    },
    { key: 'unit', column: 'unit', x: x('unit'), control: 'text', claims: [at('unit')] },
    { key: 'kind', column: 'levels', x: x('levels'), control: 'select', claims: [] },
    ...levels,
    { key: 'usWeight', column: 'usWeight', x: x('usWeight'), control: 'text', claims: [at('us', 'weight')] },
    ...side('us'),
    {
      key: 'themWeight',
      column: 'themWeight',
      x: x('themWeight'),
      control: 'text',
      claims: [at('them', 'weight')],
    },
    {
      key: 'confidence',
      column: 'confidence',
      x: x('confidence'),
      control: 'select',
      claims: [at('them', 'confidence')],
    },
    ...side('them'),
    {
      key: 'tradeable',
      column: 'tradeable',
      x: x('tradeable'),
      control: 'checkbox',
      claims: [at('tradeable')],
    },
    { key: 'remove', column: undefined, x: GRID_COLUMNS.length, control: 'button', claims: [] },
  ]
}

export function rowStops(cells: readonly GridCell[]): GridStop[] {
  return cells.map(({ key, x }) => ({ key, x }))
}

function isUnder(path: string, claim: string): boolean {
  return path === claim || path.startsWith(`${claim}.`) || path.startsWith(`${claim}[`)
}

/** The cell that shows a problem at `path` (a path under the row's issue): the closest claim, else the name. */
export function problemCell(cells: readonly GridCell[], path: string): CellKey {
  let best: { key: CellKey; length: number } | undefined
  for (const cell of cells) {
    for (const claim of cell.claims) {
      if (isUnder(path, claim) && (!best || claim.length > best.length))
        best = { key: cell.key, length: claim.length }
    }
  }
  return best?.key ?? 'name'
}

/** Problems under one issue, sorted into the cells that show them. */
export function problemsByCell<P extends { path: string }>(
  cells: readonly GridCell[],
  problems: readonly P[],
): Map<CellKey, P[]> {
  const byCell = new Map<CellKey, P[]>()
  for (const problem of problems) {
    const key = problemCell(cells, problem.path)
    byCell.set(key, [...(byCell.get(key) ?? []), problem])
  }
  return byCell
}

/** A number in a cell, nothing when missing. */
function numberText(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value)
}

/** A weight or score as the command line prints it (one decimal at most), nothing when missing. */
function roundedText(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : formatDecimal(value, 1)
}

/** What a text cell shows for the issue as it stands. */
export function cellText(issue: Issue, key: CellKey): string {
  const score = scoreOption(key)
  if (score) return roundedText(issue[score.side]?.scores?.[score.option])
  switch (key) {
    case 'name':
      return issue.name ?? ''
    case 'unit':
      return issue.unit ?? ''
    case 'min':
    case 'max':
    case 'step':
      return numberText(issue.range?.[key])
    case 'options':
      return formatOptions(issue.options ?? [])
    case 'usWeight':
      return roundedText(issue.us?.weight)
    case 'themWeight':
      return roundedText(issue.them?.weight)
    case 'usCurve':
      return formatPoints(issue.us?.points ?? [])
    case 'themCurve':
      return formatPoints(issue.them?.points ?? [])
    case 'kind':
      return levelKind(issue)
    case 'usMode':
      return (issue.us && preferenceMode(issue.us)) ?? ''
    case 'themMode':
      return (issue.them && preferenceMode(issue.them)) ?? ''
    case 'confidence':
      return issue.them?.confidence ?? ''
    case 'tradeable':
      return issue.tradeable ? 'yes' : 'no'
    default:
      return ''
  }
}

const ok = (plan: Plan): Read<Plan> => ({ ok: true, value: plan })
const fail = (message: string): Read<Plan> => ({ ok: false, message })

/** A number typed in a cell: cleared (core then says it is required), a number, or what was wrong. */
function typedNumber(text: string): Read<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined }
  const value = readNumber(text)
  return value === undefined
    ? { ok: false, message: `'${text.trim()}' is not a number` }
    : { ok: true, value }
}

function withIssue(plan: Plan, index: number, change: (issue: Issue) => Issue): Plan {
  return { ...plan, issues: plan.issues.map((issue, k) => (k === index ? change(issue) : issue)) }
}

/**
 * An issue renamed. A fresh issue (added in this visit, named by nothing saved yet) also takes the
 * id its new name suggests, so `New issue` renamed to `Warranty` is `warranty` in the plan file.
 */
export function renameIssue(plan: Plan, index: number, name: string, fresh: boolean): Plan {
  const issue = plan.issues[index]
  if (!issue) return plan
  const renamed = withIssue(plan, index, (current) => ({ ...current, name }))
  if (!fresh || name.trim() === '') return renamed
  const others = plan.issues.filter((_, k) => k !== index).map((other) => other.id)
  return renameIssueId(renamed, issue.id, issueIdFromName(name, others))
}

export interface EditOptions {
  /** Ids of the issues added in this visit: renaming them changes their id too. */
  fresh?: ReadonlySet<string>
}

/**
 * The plan with one cell's new text (or choice) in it, or what could not be read. Clearing a
 * required number removes it, and core then says "is required" at the cell; values out of bounds
 * are taken as typed, and core says what is wrong with them, as the command line does.
 */
export function editCell(
  plan: Plan,
  index: number,
  key: CellKey,
  text: string,
  options: EditOptions = {},
): Read<Plan> {
  const issue = plan.issues[index]
  if (!issue) return fail(`there is no issue ${index + 1}`)
  const score = scoreOption(key)
  if (score) {
    const read = typedNumber(text)
    if (!read.ok) return fail(read.message)
    return ok(
      withIssue(plan, index, (current) => {
        const preference = current[score.side]
        // Removing the last score must not remove the scores: the cells would go while typing.
        const { [score.option]: _old, ...rest } = preference.scores ?? {}
        const scores = read.value === undefined ? rest : { ...rest, [score.option]: read.value }
        return { ...current, [score.side]: { ...preference, scores } }
      }),
    )
  }
  switch (key) {
    case 'name':
      return ok(renameIssue(plan, index, text, options.fresh?.has(issue.id) ?? false))
    case 'unit':
      return ok(setIn(plan, ['issues', index, 'unit'], text))
    case 'min':
    case 'max':
    case 'step': {
      const read = typedNumber(text)
      return read.ok ? ok(setIn(plan, ['issues', index, 'range', key], read.value)) : fail(read.message)
    }
    case 'options':
      return ok(setIssueOptions(plan, index, readOptions(text)))
    case 'usWeight':
    case 'themWeight': {
      const read = typedNumber(text)
      const side: Side = key === 'usWeight' ? 'us' : 'them'
      return read.ok ? ok(setIn(plan, ['issues', index, side, 'weight'], read.value)) : fail(read.message)
    }
    case 'usCurve':
    case 'themCurve': {
      const read = readPoints(text)
      const side: Side = key === 'usCurve' ? 'us' : 'them'
      return read.ok ? ok(setIn(plan, ['issues', index, side, 'points'], read.value)) : fail(read.message)
    }
    case 'kind':
      return text === 'range' || text === 'options'
        ? ok(setIssueKind(plan, index, text))
        : fail(`'${text}' is not range or options`)
    case 'usMode':
    case 'themMode': {
      const side: Side = key === 'usMode' ? 'us' : 'them'
      const mode = MODES.find((candidate) => candidate === text)
      return mode ? ok(setPreferenceMode(plan, index, side, mode)) : fail(`'${text}' is not a way to score`)
    }
    case 'confidence': {
      if (text === '') return ok(setIn(plan, ['issues', index, 'them', 'confidence'], undefined))
      const confidence = CONFIDENCES.find((candidate) => candidate === text)
      return confidence
        ? ok(setIn(plan, ['issues', index, 'them', 'confidence'], confidence))
        : fail(`'${text}' is not a confidence: low, medium or high`)
    }
    case 'tradeable':
      return ok(
        withIssue(plan, index, ({ tradeable: _tradeable, ...rest }) =>
          text === 'yes' ? { ...rest, tradeable: true } : rest,
        ),
      )
    default:
      return fail(`the ${key} cell takes no text`)
  }
}

const MODES: readonly PreferenceMode[] = ['high', 'low', 'scores', 'points']

/**
 * Each issue's share of one side's weights (0..1), as core normalises them; undefined for an issue
 * whose weight is not (yet) a positive number, which is left out of the others' total too.
 */
export function weightShares(plan: Plan, side: Side): (number | undefined)[] {
  const weights = plan.issues.map((issue) => {
    const weight = issue[side]?.weight
    return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : undefined
  })
  const total = weights.reduce<number>((sum, weight) => sum + (weight ?? 0), 0)
  return weights.map((weight) => (weight === undefined || total <= 0 ? undefined : weight / total))
}

/** How many levels the issue has, when its levels are well formed. */
export function levelCount(issue: Issue): number | undefined {
  if (issue.range) {
    const steps = rangeStepCount(issue.range)
    return steps === undefined || !(issue.range.max > issue.range.min) ? undefined : steps + 1
  }
  return issue.options?.length
}
