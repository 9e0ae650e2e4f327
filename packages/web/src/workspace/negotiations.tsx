/**
 * A workspace's negotiations, most recently active first, with the stage each is at (the archived
 * ones on request, each restorable); a new one from a context's starter plan, or from a plan file
 * (kept as written, comments and all).
 */
import {
  blankStarterPlan,
  CONTEXTS,
  type Context,
  compileSpace,
  negotiation as replayNegotiation,
  STAGE_WORDS,
  starterHint,
} from '@parley/core'
import type { NegotiationSummary } from '@parley/server/contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/http'
import {
  archiveNegotiation,
  createNegotiation,
  getNegotiation,
  importPlanFile,
  listEvents,
  listNegotiations,
} from '../api/negotiations'
import { Link, navigate } from '../router'
import type { Workspace } from '../session'
import { Button, Notice, Section, SelectField, TextField } from '../ui/controls'
import { ScrollRegion } from '../ui/scroll-region'
import { WorkspaceNav } from './nav'
import { canEdit as canEditAs } from './roles'

const CONTEXT_LABELS: Record<Context, string> = {
  sales: 'Sales',
  partnership: 'Partnership',
  procurement: 'Procurement',
  hiring: 'Hiring',
  custom: 'Custom (the general method)',
}

export function NegotiationsPage({ workspace }: { workspace: Workspace }) {
  const [list, setList] = useState<NegotiationSummary[]>()
  const [stages, setStages] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()
  const [archived, setArchived] = useState(false)
  const load = useCallback(async () => {
    try {
      const negotiations = await listNegotiations(workspace.id, { archived })
      setList(negotiations)
      // The stage comes from replaying each journal over its plan, as everywhere else.
      const found: Record<string, string> = {}
      await Promise.all(
        negotiations.map(async (item) => {
          // Only a draft with problems: nothing to replay until its plan is valid.
          if (!item.hasPlan) {
            found[item.id] = 'Plan has problems (draft)'
            return
          }
          const at = { workspaceId: workspace.id, negotiationId: item.id }
          const [record, events] = await Promise.all([getNegotiation(at), listEvents(at)])
          found[item.id] =
            STAGE_WORDS[
              replayNegotiation(
                compileSpace(record.negotiation.plan),
                events.map((e) => e.event),
              ).state.stage
            ].title
        }),
      )
      setStages(found)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }, [workspace.id, archived])
  useEffect(() => {
    void load()
  }, [load])
  const restore = async (negotiationId: string) => {
    try {
      await archiveNegotiation({ workspaceId: workspace.id, negotiationId }, false)
      await load()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }
  const canEdit = canEditAs(workspace.role)
  return (
    <div className="page workspace">
      <WorkspaceNav workspace={workspace} />
      <main id="main">
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Section title="Negotiations">
          <label className="maths-switch">
            <input
              type="checkbox"
              checked={archived}
              onChange={(event) => {
                setList(undefined)
                setArchived(event.target.checked)
              }}
            />{' '}
            Show archived negotiations instead
          </label>
          {!list ? (
            <p aria-busy="true">Loading…</p>
          ) : list.length === 0 ? (
            <p>
              {archived
                ? 'No archived negotiation.'
                : `No negotiation yet.${canEdit ? ' Start one below.' : ''}`}
            </p>
          ) : (
            <ScrollRegion label="Negotiations">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Negotiation</th>
                    <th scope="col">Context</th>
                    <th scope="col">Stage</th>
                    <th scope="col">Moves</th>
                    <th scope="col">Last activity</th>
                    {archived && canEdit ? <th scope="col">Restore</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((item) => (
                    <tr key={item.id}>
                      <td>
                        <Link to={`/w/${workspace.id}/n/${item.id}`}>{item.title}</Link>
                      </td>
                      <td>{item.context}</td>
                      <td>{stages[item.id] ?? '…'}</td>
                      <td>{item.eventCount}</td>
                      <td>
                        <time dateTime={item.lastActivityAt}>
                          {new Date(item.lastActivityAt).toLocaleString()}
                        </time>
                      </td>
                      {archived && canEdit ? (
                        <td>
                          <Button onClick={() => void restore(item.id)}>Restore {item.title}</Button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </Section>
        {canEdit ? <NewNegotiation workspace={workspace} /> : null}
      </main>
    </div>
  )
}

function NewNegotiation({ workspace }: { workspace: Workspace }) {
  const [context, setContext] = useState<Context>('sales')
  const [title, setTitle] = useState('')
  const [us, setUs] = useState('')
  const [them, setThem] = useState('')
  const [error, setError] = useState<string>()
  const [untitled, setUntitled] = useState(false)
  const [busy, setBusy] = useState(false)
  const titleRef = useRef<HTMLDivElement>(null)
  const create = async () => {
    // The template's title is only a hint: a negotiation is never created under it.
    if (!title.trim()) {
      setUntitled(true)
      titleRef.current?.querySelector('input')?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const plan = blankStarterPlan(context, { title: title.trim(), us, them })
      const created = await createNegotiation(workspace.id, plan)
      navigate(`/w/${workspace.id}/n/${created.id}/prepare`)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }
  const importFile = async (file: File) => {
    setBusy(true)
    setError(undefined)
    try {
      const text = await file.text()
      const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'application/yaml'
      const imported = await importPlanFile(workspace.id, { text, type })
      navigate(`/w/${workspace.id}/n/${imported.id}`)
    } catch (caught) {
      if (caught instanceof ApiError)
        setError(
          caught.problems
            .map(
              (p) =>
                `${file.name}${p.line ? `:${p.line}:${p.column ?? 1}` : ''} ${p.path ? `${p.path}: ` : ''}${p.message}`,
            )
            .join('\n') || caught.message,
        )
      else setError(String(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title="Start a negotiation">
      {error ? (
        <Notice kind="error">
          <pre className="problems">{error}</pre>
        </Notice>
      ) : null}
      <div className="form-row">
        <SelectField
          label="Context"
          value={context}
          options={CONTEXTS.map((value) => ({ value, label: CONTEXT_LABELS[value] }))}
          onChange={setContext}
          hint="Starts from the context's playbook: typical issues, tradeables and questions"
        />
        <div ref={titleRef}>
          <TextField
            label="Title"
            value={title}
            onChange={(text) => {
              setTitle(text)
              if (text.trim()) setUntitled(false)
            }}
            placeholder={starterHint(context, ['title'])}
            required
            problems={untitled ? [{ message: 'Give the negotiation a title to create it' }] : []}
          />
        </div>
        <TextField
          label="Our side"
          value={us}
          onChange={setUs}
          placeholder={starterHint(context, ['parties', 'us', 'name'])}
          hint="Us, if left empty"
        />
        <TextField
          label="Other side"
          value={them}
          onChange={setThem}
          placeholder={starterHint(context, ['parties', 'them', 'name'])}
          hint="Them, if left empty"
        />
      </div>
      <Button kind="primary" onClick={() => void create()} disabled={busy}>
        Create from the {context} template
      </Button>
      <div className="field">
        <label htmlFor="import-plan">Or import a plan file (.yaml or .json)</label>
        <input
          id="import-plan"
          type="file"
          accept=".yaml,.yml,.json"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void importFile(file)
          }}
        />
      </div>
    </Section>
  )
}
