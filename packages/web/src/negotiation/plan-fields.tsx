/**
 * Fields bound to a place in the plan: each reads its value from the draft at a path, shows what
 * core says at that path (the check's problems and the linter's findings, as `parley check` and
 * `parley lint` word them), writes back with `setIn`, and is read-only for viewers. An empty text
 * field shows the context's template text as its placeholder (core's `starterHint`), since a plan
 * created in the app never stores it. Sections say only what is theirs: the path, the label and the hint.
 */
import { formatPath, type PathSegment, starterHint } from '@parley/core'
import type { ReactNode } from 'react'
import { type FieldProblem, NumberField, TextField } from '../ui/controls'
import type { NegotiationModel } from './model'
import { problemsFor } from './plan-problems'
import { fieldText, getIn, setIn } from './prepare/plan-paths'

interface Bound {
  model: NegotiationModel
  at: readonly PathSegment[]
  label: ReactNode
  hint?: ReactNode
  /** More problems than those at the path (a range's problems under its high end). */
  problems?: readonly FieldProblem[]
}

/** Text at a path; clearing it removes the field, unless the plan requires it (then core asks for it). */
export function PlanTextField(
  props: Bound & { multiline?: boolean; type?: string; required?: boolean; read?: (text: string) => unknown },
) {
  const { model, at } = props
  const value = getIn(model.draft, at)
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      multiline={props.multiline}
      type={props.type}
      value={fieldText(value)}
      placeholder={starterHint(model.draft.context, at)}
      disabled={!model.canEdit}
      problems={[...problemsFor(model, formatPath(at)), ...(props.problems ?? [])]}
      onChange={(text) =>
        model.edit((plan) =>
          setIn(plan, at, props.read ? props.read(text) : text === '' && !props.required ? undefined : text),
        )
      }
    />
  )
}

/** A number at a path; clearing it removes the field. */
export function PlanNumberField(props: Bound) {
  const { model, at } = props
  const value = getIn(model.draft, at)
  return (
    <NumberField
      label={props.label}
      hint={props.hint}
      value={typeof value === 'number' ? value : undefined}
      disabled={!model.canEdit}
      problems={[...problemsFor(model, formatPath(at)), ...(props.problems ?? [])]}
      onChange={(number) => model.edit((plan) => setIn(plan, at, number))}
    />
  )
}
