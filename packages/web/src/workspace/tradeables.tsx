/**
 * The workspace's tradeables library: things that cost us little and are worth more to the other
 * side, and lessons from debriefs, each with where it came from. Editors and owners add, edit and
 * remove entries; viewers read.
 */
import { CONTEXTS, type Context } from '@parley/core'
import type { Tradeable } from '@parley/server/contract'
import { useCallback, useEffect, useId, useState } from 'react'
import { ApiError, type ApiProblem } from '../api/http'
import { listNegotiations } from '../api/negotiations'
import { addTradeable, listTradeables, removeTradeable, replaceTradeable } from '../api/tradeables'
import { Link } from '../router'
import type { Workspace } from '../session'
import { Button, CheckboxField, Notice, Section, SelectField, TextField } from '../ui/controls'
import { RecordTable } from '../ui/record-table'
import { placeProblems, problemLine } from './field-problems'
import { NameAndDescription } from './library-entry-fields'
import { WorkspaceNav } from './nav'
import { canEdit as canEditAs } from './roles'
import {
  AMOUNTS,
  type Amount,
  EMPTY_TRADEABLE,
  formOfTradeable,
  type TradeableForm,
  tradeableInput,
} from './tradeable-form'
import './workspace.css'

const CONTEXT_NAMES: Record<Context, string> = {
  sales: 'Sales',
  partnership: 'Partnership',
  procurement: 'Procurement',
  hiring: 'Hiring',
  custom: 'Custom',
}

function problemsOf(caught: unknown): ApiProblem[] {
  if (caught instanceof ApiError)
    return caught.problems.length > 0
      ? caught.problems
      : [{ code: caught.code, message: caught.message, path: '' }]
  return [{ code: 'error', message: caught instanceof Error ? caught.message : String(caught), path: '' }]
}

export function TradeablesPage({ workspace }: { workspace: Workspace }) {
  const canEdit = canEditAs(workspace.role)
  const [entries, setEntries] = useState<Tradeable[]>()
  const [titles, setTitles] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()
  const [editing, setEditing] = useState<Tradeable>()
  const [notice, setNotice] = useState<string>()

  const load = useCallback(async () => {
    try {
      const [library, negotiations] = await Promise.all([
        listTradeables(workspace.id),
        listNegotiations(workspace.id),
      ])
      setEntries(library)
      setTitles(Object.fromEntries(negotiations.map((n) => [n.id, n.title])))
    } catch (caught) {
      setError(problemsOf(caught).map(problemLine).join('; '))
    }
  }, [workspace.id])
  useEffect(() => {
    void load()
  }, [load])

  const remove = async (entry: Tradeable) => {
    setNotice(undefined)
    try {
      await removeTradeable(workspace.id, entry.id)
      setEntries((current) => current?.filter((item) => item.id !== entry.id))
      if (editing?.id === entry.id) setEditing(undefined)
      setNotice(`“${entry.name}” is removed from the library.`)
    } catch (caught) {
      setError(problemsOf(caught).map(problemLine).join('; '))
    }
  }

  return (
    <div className="page workspace">
      <WorkspaceNav workspace={workspace} />
      <main id="main" className="workspace-main">
        {error ? <Notice kind="error">{error}</Notice> : null}
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <Section title="Tradeables library">
          <p className="hint">
            What costs us little and is worth more to them, and the lessons of past negotiations
            {canEdit ? '' : ' (read only: viewers can not change the library)'}.
          </p>
          {!entries ? (
            <p aria-busy="true">Loading…</p>
          ) : (
            <RecordTable
              caption="Tradeables library"
              className="table ws-tradeables"
              columns={['Name', 'Description', 'Cost to us', 'Value to them', 'Contexts', 'Lesson', 'Source']}
              actions={canEdit ? 'Actions' : undefined}
            >
              {entries.length === 0 ? (
                <tr>
                  <td colSpan={canEdit ? 8 : 7}>The library is empty.</td>
                </tr>
              ) : null}
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    {entry.name}
                    {entry.issue ? (
                      <span className="hint ws-block">
                        Issue: {entry.issue}
                        {entry.unit ? ` (${entry.unit})` : ''}
                      </span>
                    ) : null}
                  </th>
                  <td>{entry.description ?? ''}</td>
                  <td>{entry.costToUs ?? '—'}</td>
                  <td>{entry.valueToThem ?? '—'}</td>
                  <td>{(entry.contexts ?? []).map((c) => CONTEXT_NAMES[c]).join(', ') || 'any'}</td>
                  <td>{entry.lesson ?? ''}</td>
                  <td>
                    {entry.source ? (
                      <Link to={`/w/${workspace.id}/n/${entry.source.negotiationId}/debrief`}>
                        {titles[entry.source.negotiationId] ?? 'a negotiation'}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      <div className="ws-row-actions">
                        <Button
                          onClick={() => {
                            setEditing(entry)
                            setNotice(undefined)
                          }}
                        >
                          Edit {entry.name}
                        </Button>
                        <Button kind="danger" onClick={() => void remove(entry)}>
                          Remove {entry.name}
                        </Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </RecordTable>
          )}
        </Section>
        {canEdit ? (
          editing ? (
            <EntryForm
              key={editing.id}
              title={`Edit ${editing.name}`}
              submit="Save changes"
              initial={formOfTradeable(editing)}
              onCancel={() => setEditing(undefined)}
              onSave={async (form) => {
                const saved = await replaceTradeable(workspace.id, editing.id, tradeableInput(form, editing))
                setEntries((current) => current?.map((item) => (item.id === editing.id ? saved : item)))
                setEditing(undefined)
                setNotice(`“${saved.name}” is saved.`)
              }}
            />
          ) : (
            <EntryForm
              key="new"
              title="Add to the library"
              submit="Add"
              initial={EMPTY_TRADEABLE}
              onSave={async (form) => {
                const added = await addTradeable(workspace.id, tradeableInput(form))
                setEntries((current) => [...(current ?? []), added])
                setNotice(`“${added.name}” is in the library.`)
              }}
            />
          )
        ) : null}
      </main>
    </div>
  )
}

function EntryForm(props: {
  title: string
  submit: string
  initial: TradeableForm
  onSave: (form: TradeableForm) => Promise<void>
  onCancel?: () => void
}) {
  const headingId = useId()
  const [form, setForm] = useState<TradeableForm>(props.initial)
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const placed = placeProblems(problems)
  const change = (patch: Partial<TradeableForm>) => setForm((current) => ({ ...current, ...patch }))
  const amounts = AMOUNTS.map((value) => ({ value, label: value }))
  const save = async () => {
    setBusy(true)
    setProblems([])
    try {
      await props.onSave(form)
      setForm(props.initial)
    } catch (caught) {
      setProblems(problemsOf(caught))
    } finally {
      setBusy(false)
    }
  }
  const claimed = ['name', 'description', 'costToUs', 'valueToThem', 'contexts', 'lesson']
  const rest = placed.rest(claimed)
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <form
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <NameAndDescription entry={form} placed={placed} onChange={change} />
        <div className="form-row">
          <SelectField<Amount>
            label="Cost to us"
            value={form.costToUs}
            empty="—"
            options={amounts}
            problems={placed.at('costToUs')}
            onChange={(costToUs) => change({ costToUs })}
          />
          <SelectField<Amount>
            label="Value to them"
            value={form.valueToThem}
            empty="—"
            options={amounts}
            problems={placed.at('valueToThem')}
            onChange={(valueToThem) => change({ valueToThem })}
          />
        </div>
        <fieldset className="ws-contexts">
          <legend>Contexts</legend>
          <div className="ws-checkboxes">
            {CONTEXTS.map((context) => (
              <CheckboxField
                key={context}
                label={CONTEXT_NAMES[context]}
                checked={form.contexts.includes(context)}
                onChange={(checked) =>
                  change({
                    contexts: checked
                      ? [...form.contexts, context]
                      : form.contexts.filter((other) => other !== context),
                  })
                }
              />
            ))}
          </div>
          {placed.at('contexts').length > 0 ? (
            <p className="field-problems error">
              {placed
                .at('contexts')
                .map((p) => p.message)
                .join('; ')}
            </p>
          ) : null}
        </fieldset>
        <TextField
          multiline
          label="Lesson"
          value={form.lesson}
          problems={placed.at('lesson')}
          onChange={(lesson) => change({ lesson })}
        />
        {rest.length > 0 ? <Notice kind="error">{rest.map(problemLine).join('; ')}</Notice> : null}
        <div className="ws-buttons">
          <Button kind="primary" type="submit" disabled={busy}>
            {props.submit}
          </Button>
          {props.onCancel ? <Button onClick={props.onCancel}>Cancel</Button> : null}
        </div>
      </form>
    </section>
  )
}
