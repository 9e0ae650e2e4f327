/**
 * One issue as a row of the issues grid: its name, unit and levels (shareable), then our weight and
 * how we score it, our estimate of theirs with how sure we are, and whether it funds trades (all
 * private). Each control is labelled for screen readers with the issue's name, carries the data
 * attributes the grid's keyboard handling finds it by, and shows core's problems for its part of
 * the plan right under it.
 */
import { formatShare, type Issue, levelKey, type Side } from '@parley/core'
import { type ReactNode, useId } from 'react'
import { type FieldProblem, ProblemList } from '../../ui/controls'
import { useMaths } from '../../ui/maths'
import type { PreferenceMode } from './issue-edits'
import {
  type CellKey,
  cellText,
  type GridCell,
  levelCount,
  levelKind,
  preferenceChoices,
  problemsByCell,
  scoreKey,
} from './issues-grid-cells'
import type { GridEditor } from './issues-grid-editor'
import { formatOptions, formatPoints, formatRange } from './level-text'

export const MODE_LABELS: Record<PreferenceMode, string> = {
  high: 'Higher is better',
  low: 'Lower is better',
  scores: 'Score each option',
  points: 'Curve through points',
}

export const CONFIDENCE_LABELS = {
  '': 'Medium (default)',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
} as const

interface RowProps {
  issue: Issue
  index: number
  cells: readonly GridCell[]
  problems: readonly (FieldProblem & { path: string })[]
  shares: { us: number | undefined; them: number | undefined }
}

/** How a row names its issue in labels, even while its name is empty. */
/** The issue's id, as the plan file and the command line name it: shown with the maths only. */
function IssueId({ id }: { id: string }) {
  return useMaths() ? <span className="issue-id">id {id}</span> : null
}

function issueName(issue: Issue, index: number): string {
  return issue.name?.trim() ? issue.name : `issue ${index + 1}`
}

function isError(problems: readonly FieldProblem[]): boolean {
  return problems.some((problem) => problem.severity !== 'warning')
}

/** A text control of the grid, with its hidden (or given) label, its problems, and what it describes. */
function GridText({
  editor,
  row,
  cellKey,
  planText,
  label,
  problems,
  numeric,
  describedBy,
}: {
  editor: GridEditor
  row: number
  cellKey: CellKey
  planText: string
  label: ReactNode
  problems: readonly FieldProblem[]
  numeric?: boolean
  describedBy?: string
}) {
  const id = useId()
  const place = { row, key: cellKey }
  const unreadable = editor.unreadable(place)
  const all = unreadable ? [...problems, { message: unreadable }] : problems
  const described = [describedBy, all.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ')
  return (
    <div className={`grid-field ${editor.isEditing(place) ? 'editing' : ''}`}>
      <label htmlFor={id} className={typeof label === 'string' ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        data-grid-row={row}
        data-grid-cell={cellKey}
        value={editor.shown(place, planText)}
        inputMode={numeric ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={numeric ? false : undefined}
        aria-invalid={isError(all) || undefined}
        aria-describedby={described || undefined}
        onChange={(event) => editor.type(place, event.target.value)}
      />
      <ProblemList id={`${id}-problems`} problems={all} />
    </div>
  )
}

function GridSelect({
  editor,
  row,
  cellKey,
  value,
  label,
  options,
  problems,
}: {
  editor: GridEditor
  row: number
  cellKey: CellKey
  value: string
  label: string
  options: readonly { value: string; label: string }[]
  problems: readonly FieldProblem[]
}) {
  const id = useId()
  const place = { row, key: cellKey }
  return (
    <div className={`grid-field ${editor.isEditing(place) ? 'editing' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        data-grid-row={row}
        data-grid-cell={cellKey}
        value={value}
        aria-invalid={isError(problems) || undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => editor.choose(place, event.target.value)}
      >
        {options.some((option) => option.value === value) ? null : <option value={value}>Choose…</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ProblemList id={`${id}-problems`} problems={problems} />
    </div>
  )
}

function Share({ id, share, whose }: { id: string; share: number | undefined; whose: string }) {
  return (
    <span className="share" id={id}>
      {share === undefined ? '—' : formatShare(share)}
      <span className="visually-hidden"> of {whose} weights</span>
    </span>
  )
}

export function IssueRow({
  issue,
  index,
  cells,
  problems,
  shares,
  editor,
  canRemove,
  onRemove,
}: RowProps & { editor: GridEditor; canRemove: boolean; onRemove: () => void }) {
  const shareId = useId()
  const name = issueName(issue, index)
  const byCell = problemsByCell(cells, problems)
  const at = (key: CellKey) => byCell.get(key) ?? []
  const has = (key: CellKey) => cells.some((cell) => cell.key === key)
  const text = (key: CellKey, label: ReactNode, extra: { numeric?: boolean; describedBy?: string } = {}) => (
    <GridText
      editor={editor}
      row={index}
      cellKey={key}
      planText={cellText(issue, key)}
      label={label}
      problems={at(key)}
      {...extra}
    />
  )
  const invalid = (keys: readonly CellKey[]) => (keys.some((key) => isError(at(key))) ? 'invalid' : undefined)
  const count = levelCount(issue)

  const preference = (side: Side) => {
    const ours = side === 'us'
    const estimate = ours ? '' : ' (estimate)'
    const whose = ours ? 'Our' : 'Their'
    const keys = cells.filter((cell) => cell.column === (ours ? 'usPreference' : 'themPreference'))
    return (
      <td className={`preference ${invalid(keys.map((cell) => cell.key)) ?? ''}`}>
        <GridSelect
          editor={editor}
          row={index}
          cellKey={`${side}Mode`}
          value={cellText(issue, `${side}Mode`)}
          label={`${whose} preference on ${name}${estimate}`}
          options={preferenceChoices(issue, side).map((mode) => ({ value: mode, label: MODE_LABELS[mode] }))}
          problems={at(`${side}Mode`)}
        />
        {has(`${side}Curve`)
          ? text(`${side}Curve`, `${whose} curve for ${name}${estimate}, as value:score pairs`)
          : null}
        {(issue.options ?? []).map((option) => {
          const key = scoreKey(side, levelKey(option))
          if (!has(key)) return null
          return (
            <div className="score" key={key}>
              {text(
                key,
                <>
                  <span className="visually-hidden">{whose} score for </span>
                  {levelKey(option)}
                  <span className="visually-hidden">
                    {' '}
                    of {name}
                    {estimate}
                  </span>
                </>,
                { numeric: true },
              )}
            </div>
          )
        })}
      </td>
    )
  }

  return (
    <tr>
      <th scope="row" className={`issue-name ${invalid(['name']) ?? ''}`}>
        {text('name', `Name of issue ${index + 1}`)}
        <IssueId id={issue.id} />
      </th>
      <td className={`unit ${invalid(['unit']) ?? ''}`}>{text('unit', `Unit of ${name}`)}</td>
      <td className={`levels ${invalid(['kind', 'min', 'max', 'step', 'options']) ?? ''}`}>
        <GridSelect
          editor={editor}
          row={index}
          cellKey="kind"
          value={levelKind(issue)}
          label={`Range or options for ${name}`}
          options={[
            { value: 'range', label: 'Range' },
            { value: 'options', label: 'Options' },
          ]}
          problems={at('kind')}
        />
        {levelKind(issue) === 'range' ? (
          <div className="range">
            {text(
              'min',
              <>
                from<span className="visually-hidden"> (lowest level of {name})</span>
              </>,
              { numeric: true },
            )}
            {text(
              'max',
              <>
                to<span className="visually-hidden"> (highest level of {name})</span>
              </>,
              { numeric: true },
            )}
            {text(
              'step',
              <>
                step<span className="visually-hidden"> (of {name})</span>
              </>,
              { numeric: true },
            )}
          </div>
        ) : (
          text('options', `Levels of ${name}`)
        )}
        {count !== undefined ? <span className="level-count">{count} levels</span> : null}
      </td>
      <td className={`number ${invalid(['usWeight']) ?? ''}`}>
        {text('usWeight', `Our weight for ${name}`, { numeric: true, describedBy: `${shareId}-us` })}
        <Share id={`${shareId}-us`} share={shares.us} whose="our" />
      </td>
      {preference('us')}
      <td className={`number ${invalid(['themWeight']) ?? ''}`}>
        {text('themWeight', `Their weight for ${name} (estimate)`, {
          numeric: true,
          describedBy: `${shareId}-them`,
        })}
        <Share id={`${shareId}-them`} share={shares.them} whose="their" />
      </td>
      <td className={`confidence ${invalid(['confidence']) ?? ''}`}>
        <GridSelect
          editor={editor}
          row={index}
          cellKey="confidence"
          value={cellText(issue, 'confidence')}
          label={`Confidence in their weight for ${name}`}
          options={Object.entries(CONFIDENCE_LABELS).map(([value, label]) => ({ value, label }))}
          problems={at('confidence')}
        />
      </td>
      {preference('them')}
      <td className={`tradeable ${invalid(['tradeable']) ?? ''}`}>
        <Tradeable editor={editor} row={index} issue={issue} name={name} problems={at('tradeable')} />
      </td>
      <td className="remove">
        <button
          type="button"
          className="button danger"
          data-grid-row={index}
          data-grid-cell="remove"
          disabled={!canRemove}
          onClick={onRemove}
        >
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </td>
    </tr>
  )
}

function Tradeable({
  editor,
  row,
  issue,
  name,
  problems,
}: {
  editor: GridEditor
  row: number
  issue: Issue
  name: string
  problems: readonly FieldProblem[]
}) {
  const id = useId()
  return (
    <div className="grid-field">
      <input
        id={id}
        type="checkbox"
        data-grid-row={row}
        data-grid-cell="tradeable"
        checked={issue.tradeable === true}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => editor.choose({ row, key: 'tradeable' }, event.target.checked ? 'yes' : 'no')}
      />
      <label htmlFor={id} className="visually-hidden">
        Tradeable: {name}
      </label>
      <ProblemList id={`${id}-problems`} problems={problems} />
    </div>
  )
}

/** How a side scores an issue, in words, for the read-only grid. */
function preferenceText(issue: Issue, side: Side): string {
  const preference = issue[side]
  if (preference?.points) return formatPoints(preference.points)
  if (preference?.scores) {
    const scores = preference.scores
    return (issue.options ?? [])
      .map((option) => `${levelKey(option)} ${scores[levelKey(option)] ?? '—'}`)
      .join(', ')
  }
  return preference?.prefer ? MODE_LABELS[preference.prefer] : '—'
}

/** The same row for someone who may only look: text, no controls; problems still shown. */
export function ReadOnlyIssueRow({ issue, index, cells, problems, shares }: RowProps) {
  const byCell = problemsByCell(cells, problems)
  const columnProblems = (keys: readonly string[]) =>
    [...byCell]
      .filter(([key]) => keys.some((k) => key === k || key.startsWith(k)))
      .flatMap(([, list]) => list)
  const cell = (content: ReactNode, keys: readonly string[], className?: string) => {
    const list = columnProblems(keys)
    return (
      <td className={className}>
        {content}
        <ProblemList id={`issue-${index}-${keys[0]}-problems`} problems={list} />
      </td>
    )
  }
  const count = levelCount(issue)
  const levels = issue.range ? formatRange(issue.range) : formatOptions(issue.options ?? [])
  const weight = (side: Side) => {
    const value = cellText(issue, `${side}Weight`)
    return (
      <>
        {value || '—'}{' '}
        <span className="share">({shares[side] === undefined ? '—' : formatShare(shares[side])})</span>
      </>
    )
  }
  return (
    <tr>
      <th scope="row" className="issue-name">
        {issue.name}
        <IssueId id={issue.id} />
        <ProblemList id={`issue-${index}-name-problems`} problems={byCell.get('name') ?? []} />
      </th>
      {cell(issue.unit, ['unit'])}
      {cell(
        <>
          {levels}
          {count !== undefined ? <span className="level-count">{count} levels</span> : null}
        </>,
        ['kind', 'min', 'max', 'step', 'options'],
      )}
      {cell(weight('us'), ['usWeight'], 'number')}
      {cell(preferenceText(issue, 'us'), ['usMode', 'usCurve', 'usScore'])}
      {cell(weight('them'), ['themWeight'], 'number')}
      {cell(CONFIDENCE_LABELS[issue.them?.confidence ?? ''], ['confidence'])}
      {cell(preferenceText(issue, 'them'), ['themMode', 'themCurve', 'themScore'])}
      {cell(issue.tradeable ? 'Yes' : 'No', ['tradeable'])}
    </tr>
  )
}
