/**
 * A lesson from this negotiation for the workspace's tradeables library, drafted from it (the
 * context, the issue that moved most) and sent to the library as a new entry tied to it.
 */
import type { DebriefFigures } from '@parley/core'
import { useId, useState } from 'react'
import { ApiError } from '../../api/http'
import { addTradeable } from '../../api/tradeables'
import { Link } from '../../router'
import { Button, Notice, SelectField, TextField } from '../../ui/controls'
import { placeProblems, problemLine } from '../../workspace/field-problems'
import { NameAndDescription } from '../../workspace/library-entry-fields'
import type { NegotiationModel } from '../model'
import { type LessonForm as Lesson, lessonDraft, lessonInput, withIssue } from './debrief'

export function AddLesson({ model, figures }: { model: NegotiationModel; figures: DebriefFigures }) {
  const formId = useId()
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<Lesson>(() => lessonDraft(model.space, model.derived.state, figures))
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([])
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState<string>()
  const workspace = model.record.workspaceId
  const placed = placeProblems(problems)
  const change = (patch: Partial<Lesson>) => setForm((current) => ({ ...current, ...patch }))

  const save = async () => {
    setBusy(true)
    setProblems([])
    try {
      await addTradeable(workspace, lessonInput(model.space, form, model.record.id))
      setAdded(form.name.trim())
      setOpen(false)
      setForm(lessonDraft(model.space, model.derived.state, figures))
    } catch (caught) {
      setProblems(
        caught instanceof ApiError && caught.problems.length > 0
          ? caught.problems
          : [{ path: '', message: caught instanceof Error ? caught.message : String(caught) }],
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="debrief-lesson">
      {added ? (
        <Notice kind="success">
          “{added}” is in the <Link to={`/w/${workspace}/tradeables`}>tradeables library</Link>.
        </Notice>
      ) : null}
      <button
        type="button"
        className="button secondary"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => {
          setOpen(!open)
          setAdded(undefined)
        }}
      >
        Add a lesson to the tradeables library
      </button>
      {open ? (
        <form
          id={formId}
          className="debrief-lesson-form"
          aria-label="Lesson for the tradeables library"
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <NameAndDescription entry={form} placed={placed} onChange={change} />
          <TextField
            multiline
            label="Lesson"
            hint="What to do, or not to do, next time: it is offered to later plans in this workspace"
            value={form.lesson}
            problems={placed.at('lesson')}
            onChange={(lesson) => change({ lesson })}
          />
          <SelectField
            label="Issue"
            value={form.issue}
            empty="None"
            options={model.space.issues.map((issue) => ({ value: issue.id, label: issue.name }))}
            problems={placed.at('issue')}
            onChange={(issue) => setForm((current) => withIssue(model.space, current, issue))}
          />
          {placed.rest(['name', 'description', 'lesson', 'issue']).length > 0 ? (
            <Notice kind="error">
              {placed.rest(['name', 'description', 'lesson', 'issue']).map(problemLine).join('; ')}
            </Notice>
          ) : null}
          <div className="close-buttons">
            <Button kind="primary" type="submit" disabled={busy}>
              Save to the library
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
