/**
 * The form controls every screen uses: each has a visible label, shows the problems found at its
 * path (the same messages as the command line) right under it, and is tied to them for screen
 * readers. Numbers keep what the user typed while it is not yet a number.
 */
import { type ReactNode, useEffect, useId, useState } from 'react'
import { useIndexedSection, WithinSectionMark } from './section-index'

export interface FieldProblem {
  message: string
  severity?: 'error' | 'warning'
}

/** Problems under a field or a group of fields, in core's words; `id` ties them to a control. */
export function ProblemList({ id, problems }: { id?: string; problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null
  return (
    <ul className="field-problems" id={id}>
      {problems.map((problem) => (
        <li key={problem.message} className={problem.severity === 'warning' ? 'warning' : 'error'}>
          {problem.message}
        </li>
      ))}
    </ul>
  )
}

interface Common {
  label: ReactNode
  hint?: ReactNode
  problems?: readonly FieldProblem[]
  disabled?: boolean
  className?: string
  /** Visually hidden label (in grids, where the column says it). */
  hideLabel?: boolean
}

function useFieldIds(problems: readonly FieldProblem[] | undefined) {
  const id = useId()
  const problemId = `${id}-problems`
  const hintId = `${id}-hint`
  return { id, problemId, hintId, invalid: (problems ?? []).some((p) => p.severity !== 'warning') }
}

export function TextField(
  props: Common & {
    value: string
    onChange: (value: string) => void
    multiline?: boolean
    placeholder?: string
    type?: string
    autoComplete?: string
    /** Said to screen readers; the form asks for the value itself, in words, when it is missing. */
    required?: boolean
  },
) {
  const { id, problemId, hintId, invalid } = useFieldIds(props.problems)
  const described =
    [props.hint ? hintId : '', props.problems?.length ? problemId : ''].filter(Boolean).join(' ') || undefined
  const shared = {
    id,
    value: props.value,
    disabled: props.disabled,
    placeholder: props.placeholder,
    'aria-required': props.required || undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': described,
  }
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...shared} rows={3} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <ProblemList id={problemId} problems={props.problems ?? []} />
    </div>
  )
}

/** A number field: undefined when empty; what is typed stays as typed until it reads as a number. */
export function NumberField(
  props: Common & {
    value: number | undefined
    onChange: (value: number | undefined) => void
    step?: number
    min?: number
    max?: number
  },
) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value))
  useEffect(() => {
    setText((current) =>
      Number(current) === props.value && current.trim() !== ''
        ? current
        : props.value === undefined
          ? ''
          : String(props.value),
    )
  }, [props.value])
  const { id, problemId, hintId, invalid } = useFieldIds(props.problems)
  const notNumber = text.trim() !== '' && !Number.isFinite(Number(text))
  const problems = [
    ...(props.problems ?? []),
    ...(notNumber ? [{ message: `'${text}' is not a number` }] : []),
  ]
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        aria-invalid={invalid || notNumber || undefined}
        aria-describedby={
          [props.hint ? hintId : '', problems.length ? problemId : ''].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => {
          const next = event.target.value
          setText(next)
          if (next.trim() === '') props.onChange(undefined)
          else if (Number.isFinite(Number(next))) props.onChange(Number(next))
        }}
      />
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <ProblemList id={problemId} problems={problems} />
    </div>
  )
}

export function SelectField<T extends string>(
  props: Common & {
    value: T | ''
    options: readonly { value: T; label: string }[]
    onChange: (value: T) => void
    empty?: string
  },
) {
  const { id, problemId, hintId, invalid } = useFieldIds(props.problems)
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={
          [props.hint ? hintId : '', props.problems?.length ? problemId : ''].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <ProblemList id={problemId} problems={props.problems ?? []} />
    </div>
  )
}

export function CheckboxField(props: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, problemId } = useFieldIds(props.problems)
  return (
    <div className={`field checkbox ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <ProblemList id={problemId} problems={props.problems ?? []} />
    </div>
  )
}

export function Button(props: {
  children: ReactNode
  onClick?: () => void
  kind?: 'primary' | 'secondary' | 'danger'
  disabled?: boolean
  type?: 'button' | 'submit'
  title?: string
}) {
  return (
    <button
      type={props.type ?? 'button'}
      className={`button ${props.kind ?? 'secondary'}`}
      onClick={props.onClick}
      disabled={props.disabled}
      title={props.title}
    >
      {props.children}
    </button>
  )
}

/** Marks what never reaches the other side. */
export function PrivateMark({ children = 'Private' }: { children?: ReactNode }) {
  return (
    <span className="private-mark" title="Never shown to the other side">
      {/* A drawn lock rather than the emoji, which machines without an emoji font show as a box. */}
      <svg className="lock" aria-hidden="true" viewBox="0 0 10 12" width="9" height="11">
        <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
      </svg>{' '}
      {children}
    </span>
  )
}

/** A titled box of a page; one with an id and a text title lists itself in the page's in-page index (`section-index.tsx`). */
export function Section(props: {
  title: ReactNode
  children: ReactNode
  private?: boolean
  actions?: ReactNode
  id?: string
}) {
  const id = useId()
  useIndexedSection(props.id, props.title)
  return (
    <section className={`section ${props.private ? 'private' : ''}`} aria-labelledby={id} id={props.id}>
      <header className="section-header">
        <h2 id={id}>
          {props.title} {props.private ? <PrivateMark /> : null}
        </h2>
        {props.actions ? <div className="section-actions">{props.actions}</div> : null}
      </header>
      <WithinSectionMark>{props.children}</WithinSectionMark>
    </section>
  )
}

/** A message after an action: what happened, or what went wrong. */
export function Notice({ kind, children }: { kind: 'error' | 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
