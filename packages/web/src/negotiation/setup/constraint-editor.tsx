/**
 * One requirement on a bundle, edited in place: a condition of the decision rule, a walk-away
 * limit, or the limit an approver on their side holds. Either one issue compared with its levels
 * (picked from the issue's own levels, several for "is one of"), or a weighted sum of numeric issues
 * compared with a number. Core's messages show under the part they are about.
 */
import {
  type Constraint,
  describeConstraint,
  formatPath,
  type IssueModel,
  levelKey,
  type Op,
  type PathSegment,
} from '@parley/core'
import type { ReactNode } from 'react'
import {
  Button,
  CheckboxField,
  type FieldProblem,
  NumberField,
  ProblemList,
  SelectField,
} from '../../ui/controls'
import { useItemKeys } from '../../ui/item-keys'
import { useMaths } from '../../ui/maths'
import { levelLabel, levelOfKey, levelOptions } from '../close/levels'
import type { NegotiationModel } from '../model'
import { problemsBelow, problemsFor, unclaimed } from '../plan-problems'
import { setIn } from '../prepare/plan-paths'
import {
  addTerm,
  asIssue,
  asSum,
  opsFor,
  removeTerm,
  SUM_OPS,
  toggleLevel,
  withIssue,
  withOp,
  withTerm,
} from './constraint-edits'
import './setup.css'

/** Operators in words, the symbol kept for those who know the plan file. */
export const OP_WORDS: Record<Op, string> = {
  '<': 'is below (<)',
  '<=': 'is at most (<=)',
  '=': 'is (=)',
  '>=': 'is at least (>=)',
  '>': 'is above (>)',
  in: 'is one of (in)',
}

type Kind = 'issue' | 'sum'

/** Issue choices: the plan's issues, and the one named if the plan no longer has it (core says so). */
function issueOptions(issues: readonly IssueModel[], current: string | undefined) {
  const options = issues.map((issue) => ({ value: issue.id, label: issue.name }))
  if (current && !issues.some((issue) => issue.id === current))
    options.push({ value: current, label: `${current} (not an issue)` })
  return options
}

export function ConstraintEditor({
  model,
  at,
  constraint,
  legend,
  keep = {},
  before,
  onRemove,
  removeLabel,
}: {
  model: NegotiationModel
  /** Where it is in the plan: `['decisionRule', 'require', 0]`. */
  at: readonly PathSegment[]
  constraint: Constraint
  legend: ReactNode
  /** Fields kept beside the constraint when it is replaced (an approval limit's approver). */
  keep?: Record<string, unknown>
  /** Fields shown first (the approver). */
  before?: ReactNode
  onRemove?: () => void
  removeLabel?: string
}) {
  const { space } = model
  const path = formatPath(at)
  const disabled = !model.canEdit
  const replace = (next: Constraint) => model.edit((plan) => setIn(plan, at, { ...keep, ...next }))
  const kind: Kind = constraint.sum ? 'sum' : 'issue'
  const numeric = space.issues.filter((issue) => issue.numeric)
  const subject = space.byId.get(constraint.issue ?? '')
  const claimed = [`${path}.issue`, `${path}.op`, `${path}.value`, `${path}.sum`, `${path}.approver`]
  const rest = unclaimed(model.problemsUnder(path), claimed)
  const maths = useMaths()
  const described = constraint.value !== undefined ? describeConstraint(constraint) : undefined

  return (
    <fieldset className="constraint">
      <legend>{legend}</legend>
      {before}
      <div className="constraint-row">
        {numeric.length > 0 ? (
          <SelectField<Kind>
            label="Compare"
            value={kind}
            disabled={disabled}
            options={[
              { value: 'issue', label: 'one issue' },
              { value: 'sum', label: 'a weighted sum' },
            ]}
            onChange={(next) =>
              replace(next === 'sum' ? asSum(constraint, space.issues) : asIssue(constraint, space.issues))
            }
          />
        ) : null}
        {kind === 'issue' ? (
          <>
            <SelectField
              label="Issue"
              value={constraint.issue ?? ''}
              disabled={disabled}
              options={issueOptions(space.issues, constraint.issue)}
              problems={problemsFor(model, `${path}.issue`)}
              onChange={(id) => {
                const issue = space.byId.get(id)
                if (issue) replace(withIssue(constraint, issue))
              }}
            />
            <SelectField<Op>
              label="Operator"
              value={constraint.op}
              disabled={disabled}
              options={opsFor(subject).map((op) => ({ value: op, label: OP_WORDS[op] }))}
              problems={problemsFor(model, `${path}.op`)}
              onChange={(op) => replace(withOp(constraint, op, subject))}
            />
            {constraint.op !== 'in' && subject ? (
              <LevelSelect
                issue={subject}
                value={constraint.value}
                disabled={disabled}
                problems={problemsBelow(model, `${path}.value`)}
                onChange={(value) => replace({ ...constraint, value })}
              />
            ) : null}
          </>
        ) : (
          <>
            <SelectField<Op>
              label="Operator"
              value={constraint.op}
              disabled={disabled}
              options={SUM_OPS.map((op) => ({ value: op, label: OP_WORDS[op] }))}
              problems={problemsFor(model, `${path}.op`)}
              onChange={(op) => replace(withOp(constraint, op, undefined))}
            />
            <NumberField
              label="Number"
              value={typeof constraint.value === 'number' ? constraint.value : undefined}
              disabled={disabled}
              problems={problemsBelow(model, `${path}.value`)}
              onChange={(value) => model.edit((plan) => setIn(plan, [...at, 'value'], value))}
            />
          </>
        )}
      </div>
      {kind === 'issue' && constraint.op === 'in' && subject ? (
        <LevelChoice
          issue={subject}
          chosen={Array.isArray(constraint.value) ? constraint.value : [constraint.value]}
          disabled={disabled}
          problems={problemsBelow(model, `${path}.value`)}
          onToggle={(level, on) => replace(toggleLevel(constraint, level, on, subject))}
        />
      ) : null}
      {kind === 'sum' ? (
        <SumTerms
          model={model}
          at={at}
          constraint={constraint}
          numeric={numeric}
          disabled={disabled}
          onChange={replace}
        />
      ) : null}
      <ProblemList
        problems={rest.map((problem) => ({
          message: problem.path === path ? problem.message : `${problem.path}: ${problem.message}`,
          severity: problem.severity,
        }))}
      />
      <div className="constraint-footer">
        {/* The plan file's own syntax names issues by id: an expert's view, shown with the maths. */}
        {described && maths ? (
          <p className="hint">
            As in the plan file: <code>{described}</code>
          </p>
        ) : null}
        {onRemove && !disabled ? (
          <Button kind="danger" onClick={onRemove}>
            {removeLabel ?? 'Remove'}
          </Button>
        ) : null}
      </div>
    </fieldset>
  )
}

function LevelSelect({
  issue,
  value,
  disabled,
  problems,
  onChange,
}: {
  issue: IssueModel
  value: Constraint['value']
  disabled: boolean
  problems: readonly FieldProblem[]
  onChange: (value: string | number) => void
}) {
  const current = Array.isArray(value) ? value[0] : value
  const options = levelOptions(issue, current)
  return (
    <SelectField
      label="Level"
      value={current === undefined ? '' : levelKey(current)}
      disabled={disabled}
      options={options}
      problems={problems}
      onChange={(key) => {
        const level = levelOfKey(options, key)
        if (level !== undefined) onChange(level)
      }}
    />
  )
}

function LevelChoice({
  issue,
  chosen,
  disabled,
  problems,
  onToggle,
}: {
  issue: IssueModel
  chosen: readonly (string | number)[]
  disabled: boolean
  problems: readonly FieldProblem[]
  onToggle: (level: string | number, on: boolean) => void
}) {
  const keys = new Set(chosen.map(levelKey))
  return (
    <fieldset className="constraint-levels">
      <legend>Levels it may be</legend>
      <div className="constraint-level-list">
        {issue.levels.map((level) => (
          <CheckboxField
            key={levelKey(level)}
            label={levelLabel(issue, level)}
            checked={keys.has(levelKey(level))}
            disabled={disabled}
            onChange={(on) => onToggle(level, on)}
          />
        ))}
      </div>
      <ProblemList problems={problems} />
    </fieldset>
  )
}

function SumTerms({
  model,
  at,
  constraint,
  numeric,
  disabled,
  onChange,
}: {
  model: NegotiationModel
  at: readonly PathSegment[]
  constraint: Constraint
  numeric: readonly IssueModel[]
  disabled: boolean
  onChange: (next: Constraint) => void
}) {
  const path = formatPath(at)
  const terms = constraint.sum ?? []
  const termKeys = useItemKeys(terms.length)
  return (
    <fieldset className="constraint-terms">
      <legend>Sum of</legend>
      {terms.map((term, k) => (
        <div className="constraint-term" key={termKeys.keyOf(k)}>
          <NumberField
            label={`Times (term ${k + 1})`}
            value={term.times}
            disabled={disabled}
            problems={problemsFor(model, `${path}.sum[${k}].times`)}
            onChange={(times) => model.edit((plan) => setIn(plan, [...at, 'sum', k, 'times'], times))}
          />
          <SelectField
            label={`Issue (term ${k + 1})`}
            value={term.issue}
            disabled={disabled}
            options={issueOptions(numeric, term.issue)}
            problems={problemsFor(model, `${path}.sum[${k}].issue`)}
            onChange={(issue) => onChange(withTerm(constraint, k, { issue }))}
          />
          {!disabled && terms.length > 1 ? (
            <Button
              onClick={() => {
                termKeys.removing(k)
                onChange(removeTerm(constraint, k))
              }}
            >
              Remove term {k + 1}
            </Button>
          ) : null}
        </div>
      ))}
      <ProblemList problems={problemsFor(model, `${path}.sum`)} />
      {!disabled ? (
        <Button onClick={() => onChange(addTerm(constraint, model.space.issues))}>Add a term</Button>
      ) : null}
    </fieldset>
  )
}
