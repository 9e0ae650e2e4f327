/**
 * A negotiation that has only a draft: a plan imported with problems (or never valid since). Nothing
 * is computed from it, and the page says so. The problems are listed by issue name and field label in
 * words (core's `describeFieldPath`), each a link to its line in the plan's text; the text saves as a
 * draft as it is typed (any text within the limits, shared with the team), and once it is valid it
 * becomes the negotiation's plan, from which everything is computed.
 */
import { describeFieldPath, readSource } from '@parley/core'
import type { Draft, DraftProblem } from '@parley/server/contract'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError } from '../api/http'
import { getDraft, saveDraft, savePlanText } from '../api/negotiations'
import { Link } from '../router'
import type { Workspace } from '../session'
import { Button, Notice, Section } from '../ui/controls'
import { usePageTitle } from '../ui/page-title'
import { canEdit } from '../workspace/roles'

/** How long typing pauses before the draft is saved. */
const SAVE_AFTER_MS = 700

type Saving = 'saved' | 'saving' | 'unsaved' | 'error'

/** The offset in `text` of a 1-based line and column. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let k = 1; k < line; k++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  return Math.min(text.length, offset + Math.max(0, column - 1))
}

/** Each problem in words: the field it is at (issue name, field label), the message, and where. */
export function problemsInWords(
  text: string,
  format: 'yaml' | 'json',
  problems: readonly DraftProblem[],
): { place: string; message: string; line: number | null; column: number | null }[] {
  const document = readSource(text, format).value
  return problems.map((problem) => ({
    place: problem.path ? describeFieldPath(problem.path, document).label : 'The plan',
    message: problem.message,
    line: problem.line,
    column: problem.column,
  }))
}

export function DraftRepair({
  workspace,
  negotiationId,
  planVersion = 0,
  back,
}: {
  workspace: Workspace
  negotiationId: string
  /** The version of the last valid plan (0: none yet), which the repaired plan replaces. */
  planVersion?: number
  /** Where the negotiation's pages are, for a negotiation that has a valid plan beside the draft. */
  back?: string
}) {
  const at = useMemo(() => ({ workspaceId: workspace.id, negotiationId }), [workspace.id, negotiationId])
  const editable = canEdit(workspace.role)
  const [draft, setDraft] = useState<Draft>()
  const [text, setText] = useState('')
  const [saving, setSaving] = useState<Saving>('saved')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const version = useRef<number | undefined>(undefined)
  usePageTitle(['Plan with problems', workspace.name])

  useEffect(() => {
    getDraft(at).then(
      (loaded) => {
        setDraft(loaded)
        setText(loaded?.text ?? '')
        version.current = loaded?.version
      },
      (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)),
    )
  }, [at])

  const format = draft?.format ?? 'yaml'
  const save = useCallback(
    async (next: string) => {
      setSaving('saving')
      try {
        const saved = await saveDraft(at, { text: next, format }, version.current)
        version.current = saved.version
        setDraft((current) => (current ? { ...current, ...saved, text: next } : current))
        setSaving('saved')
        setError(undefined)
      } catch (caught) {
        setSaving('error')
        setError(
          caught instanceof ApiError && caught.code === 'stale_draft'
            ? 'Someone else changed this draft: reload the page to see their version (your text is still here to copy).'
            : caught instanceof Error
              ? caught.message
              : String(caught),
        )
      }
    },
    [at, format],
  )

  // Saves a pause after typing, so every change is kept without a request per key.
  useEffect(() => {
    if (!draft || text === draft.text || !editable) return
    setSaving('unsaved')
    const timer = setTimeout(() => void save(text), SAVE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [text, draft, editable, save])

  const adoptPlan = async () => {
    setBusy(true)
    try {
      await savePlanText(at, { text, format }, planVersion)
      // A fresh load: the negotiation now opens with its plan, its journal and every computation.
      globalThis.location?.assign(`/w/${workspace.id}/n/${negotiationId}/prepare`)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }

  const goTo = (line: number | null, column: number | null) => {
    const element = area.current
    if (!element || line === null) return
    const offset = offsetOf(text, line, column ?? 1)
    element.focus()
    element.setSelectionRange(offset, offset)
  }

  if (error && !draft) return <Notice kind="error">This negotiation could not be loaded: {error}</Notice>
  if (!draft) return <p aria-busy="true">Loading…</p>
  const problems = problemsInWords(draft.text, format, draft.problems)
  const upToDate = saving === 'saved' && text === draft.text
  return (
    <div className="negotiation draft-repair">
      <div className="negotiation-header">
        <div>
          <h1>Plan with problems</h1>
          <p className="subtitle">
            Kept as a draft the whole team sees. Nothing is computed from it until it is valid: fix the
            problems below, then use it as the plan.
            {back ? ' Until then the figures come from the last valid plan.' : ''}
          </p>
          {back ? (
            <p>
              <Link to={back}>Back to the negotiation</Link>
            </p>
          ) : null}
        </div>
        {editable ? (
          <output className={`save-state ${saving}`} aria-live="polite">
            {saving === 'saved'
              ? 'Draft saved'
              : saving === 'saving'
                ? 'Saving the draft…'
                : saving === 'unsaved'
                  ? 'Unsaved changes…'
                  : 'Draft not saved'}
          </output>
        ) : null}
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Section title={draft.valid ? 'No problems left' : 'Problems to fix'}>
        {draft.valid ? (
          <p>The plan is valid. Use it to start working on the negotiation.</p>
        ) : (
          <ul className="draft-problems">
            {problems.map((problem) => (
              <li key={`${problem.place}:${problem.line}:${problem.column}:${problem.message}`}>
                <strong>{problem.place}</strong>: {problem.message}{' '}
                {problem.line !== null ? (
                  <Button onClick={() => goTo(problem.line, problem.column)}>
                    Go to line {problem.line}
                  </Button>
                ) : null}
              </li>
            ))}
            {draft.unlisted > 0 ? <li>and {draft.unlisted} more once these are fixed</li> : null}
          </ul>
        )}
        {editable && draft.valid ? (
          <Button kind="primary" onClick={() => void adoptPlan()} disabled={busy || !upToDate}>
            Use this plan
          </Button>
        ) : null}
      </Section>
      <Section title="The plan's text">
        <div className="field">
          <label htmlFor="draft-text">Plan ({format === 'json' ? 'JSON' : 'YAML'})</label>
          <textarea
            id="draft-text"
            ref={area}
            className="draft-text"
            spellCheck={false}
            rows={24}
            value={text}
            readOnly={!editable}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </Section>
    </div>
  )
}
