/**
 * The issue map as a spreadsheet: one row per issue with its unit and levels (shareable) and each
 * side's weight and scoring (private), edited in place with the keyboard as in a spreadsheet, or
 * filled by pasting a block copied from one. Core checks the plan as it is typed; its problems show
 * at the cell they are about. Numbers need not be typed here at all: the ranking below derives
 * them, and they show here as they change. Someone who may only look gets the same grid as text.
 */
import { LIMITS } from '@parley/core'
import { useId, useMemo, useRef, useState } from 'react'
import { Button, Notice, PrivateMark, ProblemList } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { addIssue, newIssue, removeIssue, unusedIssueName } from './issue-edits'
import { IssueRow, ReadOnlyIssueRow } from './issue-row'
import { rowCells, weightShares } from './issues-grid-cells'
import { useGridEditor } from './issues-grid-editor'
import { applyPaste, describePaste } from './paste'
import './issues-grid.css'

function Head({ editable }: { editable: boolean }) {
  return (
    <thead>
      <tr>
        <th scope="colgroup" colSpan={3}>
          Issue
        </th>
        <th scope="colgroup" colSpan={2} className="private-group">
          Us <PrivateMark />
        </th>
        <th scope="colgroup" colSpan={3} className="private-group">
          Them, our estimate <PrivateMark />
        </th>
        <th scope="col" rowSpan={2} className="private-group">
          Tradeable <PrivateMark />
        </th>
        {editable ? (
          <th scope="col" rowSpan={2}>
            <span className="visually-hidden">Remove</span>
          </th>
        ) : null}
      </tr>
      <tr>
        <th scope="col" className="issue-name">
          Name
        </th>
        <th scope="col">Unit</th>
        <th scope="col">Levels</th>
        <th scope="col">Weight</th>
        <th scope="col">Preference</th>
        <th scope="col">Weight</th>
        <th scope="col">Confidence</th>
        <th scope="col">Preference</th>
      </tr>
    </thead>
  )
}

function removalMessage(name: string, dropped: readonly string[]): string {
  if (dropped.length === 0) return `Removed ${name}.`
  const list =
    dropped.length === 1
      ? dropped[0]
      : `${dropped.slice(0, -1).join(', ')} and ${dropped[dropped.length - 1]}`
  return `Removed ${name}, and with it ${list} that named it.`
}

export function IssuesGrid({ model }: { model: NegotiationModel }) {
  const { draft, canEdit } = model
  const tableRef = useRef<HTMLTableElement>(null)
  const cells = useMemo(() => draft.issues.map((issue, index) => rowCells(issue, index)), [draft.issues])
  const shares = useMemo(
    () => ({ us: weightShares(draft, 'us'), them: weightShares(draft, 'them') }),
    [draft],
  )
  const editor = useGridEditor(model, cells, tableRef)
  const [pasteText, setPasteText] = useState('')
  const pasteId = useId()
  const full = draft.issues.length >= LIMITS.issues

  const add = () => {
    editor.setLastChange(undefined)
    editor.replace(addIssue(draft, newIssue(draft, unusedIssueName(draft))), {
      row: draft.issues.length,
      key: 'name',
    })
  }

  const remove = (index: number) => {
    const issue = draft.issues[index]
    if (!issue) return
    const { plan, dropped } = removeIssue(draft, issue.id)
    // The focus stays where the removed row was, on the row that takes its place (or the one above).
    editor.replace(plan, { row: Math.min(index, plan.issues.length - 1), key: 'remove' })
    editor.setLastChange({ message: removalMessage(issue.name, dropped), before: draft, after: plan })
  }

  const pasteBox = () => {
    const { plan, report } = applyPaste(draft, pasteText)
    editor.replace(plan)
    editor.setLastChange({ message: describePaste(report), before: draft, after: plan })
    setPasteText('')
  }

  const change = editor.lastChange
  const listProblems = model.problemsAt('issues')

  return (
    <div className="issues-grid">
      {canEdit ? (
        <p className="hint">
          Arrow keys move between cells. Type to replace a value, or press Enter or F2 to edit it; Enter keeps
          it and moves down, Escape puts back what was there. Paste rows copied from a spreadsheet into any
          cell. Weights need not be typed: rank the issues under “Weights by ranking”.
        </p>
      ) : (
        <p className="hint">You can look at the issues; only owners and editors can change them.</p>
      )}
      {change ? (
        <Notice kind="info">
          <span className="change-message">{change.message}</span>{' '}
          {canEdit && draft === change.after ? <Button onClick={editor.undo}>Undo</Button> : null}{' '}
          <Button onClick={() => editor.setLastChange(undefined)}>Dismiss</Button>
        </Notice>
      ) : null}
      {/* Read-only, the grid has no control to scroll it by: the region itself takes the focus. */}
      <div
        className="grid-wrap issues-grid-wrap"
        {...(canEdit ? {} : { role: 'region', 'aria-label': 'Issues, scrolls sideways', tabIndex: 0 })}
      >
        <table
          ref={tableRef}
          className="grid-table issues-grid-table"
          onKeyDown={canEdit ? editor.table.onKeyDown : undefined}
          onFocus={canEdit ? editor.table.onFocus : undefined}
          onBlur={canEdit ? editor.table.onBlur : undefined}
          onMouseDown={canEdit ? editor.table.onMouseDown : undefined}
          onPaste={canEdit ? editor.table.onPaste : undefined}
        >
          <caption className="visually-hidden">Issues</caption>
          <Head editable={canEdit} />
          <tbody>
            {draft.issues.map((issue, index) => {
              const props = {
                issue,
                index,
                cells: cells[index] ?? [],
                problems: model.problemsUnder(`issues[${index}]`),
                shares: { us: shares.us[index], them: shares.them[index] },
              }
              return canEdit ? (
                <IssueRow
                  // Rows are their place in the plan: typing state is kept by place, and dropped on removal.
                  // biome-ignore lint/suspicious/noArrayIndexKey: ids change while a new issue is named
                  key={index}
                  {...props}
                  editor={editor}
                  canRemove={draft.issues.length > 1}
                  onRemove={() => remove(index)}
                />
              ) : (
                <ReadOnlyIssueRow key={issue.id} {...props} />
              )
            })}
          </tbody>
        </table>
      </div>
      <ProblemList
        problems={listProblems.map((problem) => ({ ...problem, message: `Issues: ${problem.message}` }))}
      />
      {canEdit ? (
        <div className="issues-grid-actions">
          <Button
            onClick={add}
            disabled={full}
            title={full ? `A plan may have at most ${LIMITS.issues} issues` : undefined}
          >
            Add issue
          </Button>
          <details className="paste-box">
            <summary>Paste from a spreadsheet</summary>
            <div className="field">
              <label htmlFor={pasteId}>Rows copied from a spreadsheet</label>
              <textarea
                id={pasteId}
                rows={4}
                value={pasteText}
                aria-describedby={`${pasteId}-hint`}
                onChange={(event) => setPasteText(event.target.value)}
              />
              <p className="hint" id={`${pasteId}-hint`}>
                One issue a row, cells separated by tabs, the issue name first. A header row (Issue, Unit,
                Levels, Our weight, Their weight…) says which column is which; without one the columns are the
                grid’s. Rows naming an issue fill it; other rows add issues.
              </p>
            </div>
            <Button onClick={pasteBox} disabled={pasteText.trim() === ''}>
              Fill the grid
            </Button>
          </details>
        </div>
      ) : null}
    </div>
  )
}
