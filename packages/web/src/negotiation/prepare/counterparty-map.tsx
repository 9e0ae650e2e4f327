/**
 * The counterparty map, private: the people on their side (who decides, what each cares about,
 * how they take risk, what they must be able to report upward), the approval path, the budget
 * cycle, the politics, and what their approvers will and will not sign.
 */
import { RISK_POSTURES, type Stakeholder } from '@parley/core'
import { useEffect, useState } from 'react'
import {
  Button,
  CheckboxField,
  type FieldProblem,
  ProblemList,
  SelectField,
  TextField,
} from '../../ui/controls'
import { useFocusWhenAdded } from '../../ui/focus-when-added'
import { useItemKeys } from '../../ui/item-keys'
import type { NegotiationModel } from '../model'
import { PlanTextField } from '../plan-fields'
import { problemsBelow, problemsFor } from '../plan-problems'
import { ConstraintEditor } from '../setup/constraint-editor'
import { issueConstraint } from '../setup/constraint-edits'
import {
  addApprovalLimit,
  addStakeholder,
  linesText,
  readLines,
  sameLines,
  splitApprovalLimit,
} from './counterparty-edits'
import { setIn } from './plan-paths'
import './sections.css'

type RiskPosture = (typeof RISK_POSTURES)[number]

const RISK_WORDS: Record<RiskPosture, string> = {
  averse: 'averse: avoids risk, values certainty',
  neutral: 'neutral',
  seeking: 'seeking: accepts risk for upside',
}

const THEM = ['parties', 'them'] as const

export function CounterpartyMap({ model }: { model: NegotiationModel }) {
  const them = model.draft.parties.them
  const stakeholders = them.stakeholders ?? []
  const approvalLimits = them.approvalLimits ?? []
  const disabled = !model.canEdit
  const first = model.space.issues[0]
  // The item just added takes the focus, so its name can be typed at once.
  const [added, setAdded] = useState<{ list: 'stakeholders' | 'approvalLimits'; index: number }>()
  const stakeholderKeys = useItemKeys(stakeholders.length)
  const limitKeys = useItemKeys(approvalLimits.length)

  return (
    <div className="counterparty-map">
      <p className="hint">Who is on their side and how they decide. Nothing here reaches them.</p>
      <h3>Stakeholders</h3>
      <ProblemList problems={problemsFor(model, 'parties.them.stakeholders')} />
      {stakeholders.length === 0 ? <p>No stakeholders yet.</p> : null}
      <div className="item-list">
        {stakeholders.map((person, k) => (
          <StakeholderFields
            key={stakeholderKeys.keyOf(k)}
            onRemove={() => {
              stakeholderKeys.removing(k)
              model.edit((plan) => setIn(plan, [...THEM, 'stakeholders', k], undefined))
            }}
            model={model}
            index={k}
            person={person}
            focus={added?.list === 'stakeholders' && added.index === k}
          />
        ))}
      </div>
      {!disabled ? (
        <Button
          onClick={() => {
            setAdded({ list: 'stakeholders', index: stakeholders.length })
            model.edit(addStakeholder)
          }}
        >
          Add a stakeholder
        </Button>
      ) : null}

      <h3>How they decide</h3>
      <PlanTextField
        model={model}
        at={[...THEM, 'approvalPath']}
        label="Approval path"
        hint="Who signs, in which order"
        multiline
      />
      <div className="form-row">
        <PlanTextField
          model={model}
          at={[...THEM, 'budgetCycle']}
          label="Budget cycle"
          hint="When their budget is set and their fiscal year starts"
        />
      </div>
      <PlanTextField
        model={model}
        at={[...THEM, 'politics']}
        label="Politics"
        hint="Internal tensions that shape what is acceptable to them"
        multiline
      />

      <h3>Approval limits</h3>
      <p className="hint">
        What an approver on their side will or will not sign: a discount cap, a budget ceiling.
      </p>
      <ProblemList problems={problemsFor(model, 'parties.them.approvalLimits')} />
      {approvalLimits.map((limit, k) => {
        const { approver, constraint } = splitApprovalLimit(limit)
        return (
          <ApprovalLimitFields
            key={limitKeys.keyOf(k)}
            onRemove={() => {
              limitKeys.removing(k)
              model.edit((plan) => setIn(plan, [...THEM, 'approvalLimits', k], undefined))
            }}
            model={model}
            index={k}
            approver={approver}
            constraint={constraint}
            focus={added?.list === 'approvalLimits' && added.index === k}
          />
        )
      })}
      {!disabled && first ? (
        <Button
          onClick={() => {
            setAdded({ list: 'approvalLimits', index: approvalLimits.length })
            model.edit((plan) => addApprovalLimit(plan, issueConstraint(first)))
          }}
        >
          Add an approval limit
        </Button>
      ) : null}
    </div>
  )
}

function StakeholderFields({
  model,
  index,
  person,
  focus,
  onRemove,
}: {
  model: NegotiationModel
  index: number
  person: Stakeholder
  focus: boolean
  onRemove: () => void
}) {
  const ref = useFocusWhenAdded<HTMLFieldSetElement>(focus)
  const disabled = !model.canEdit
  const base = [...THEM, 'stakeholders', index] as const
  const path = (field: keyof Stakeholder) => `parties.them.stakeholders[${index}].${field}`
  const set = (field: keyof Stakeholder, value: unknown) =>
    model.edit((plan) => setIn(plan, [...base, field], value))
  const title = person.name?.trim() || `Stakeholder ${index + 1}`
  return (
    <fieldset className="item" ref={ref}>
      <legend>{title}</legend>
      <div className="form-row">
        <PlanTextField model={model} at={[...base, 'name']} label="Name" required />
        <PlanTextField model={model} at={[...base, 'role']} label="Role" />
        <SelectField<RiskPosture | ''>
          label="Risk posture"
          value={person.riskPosture ?? ''}
          empty="not known"
          options={RISK_POSTURES.map((posture) => ({ value: posture, label: RISK_WORDS[posture] }))}
          disabled={disabled}
          problems={problemsFor(model, path('riskPosture'))}
          onChange={(value) => set('riskPosture', value === '' ? undefined : value)}
        />
      </div>
      <CheckboxField
        label="Decides (signs, or can veto)"
        checked={person.decides === true}
        disabled={disabled}
        problems={problemsFor(model, path('decides'))}
        onChange={(on) => set('decides', on)}
      />
      <div className="form-row">
        <LinesField
          label="Interests"
          hint="One to a line"
          list={person.interests}
          disabled={disabled}
          problems={problemsBelow(model, path('interests'))}
          onChange={(list) => set('interests', list.length > 0 ? list : undefined)}
        />
        <PlanTextField
          model={model}
          at={[...base, 'faceSaving']}
          label="Face-saving"
          hint="What they must be able to report upward as a win"
          multiline
        />
      </div>
      <PlanTextField model={model} at={[...base, 'notes']} label="Notes" multiline />
      {!disabled ? (
        <Button kind="danger" onClick={onRemove}>
          Remove {title}
        </Button>
      ) : null}
    </fieldset>
  )
}

/**
 * A list written one item to a line. What is typed stays as typed (an empty line about to be
 * filled, a trailing space) while it reads as the list the plan holds; a change made elsewhere
 * (a reload, another list) replaces it.
 */
function LinesField(props: {
  label: string
  hint: string
  list: readonly string[] | undefined
  disabled: boolean
  problems: readonly FieldProblem[]
  onChange: (list: string[]) => void
}) {
  const [text, setText] = useState(linesText(props.list))
  useEffect(() => {
    setText((current) => (sameLines(current, props.list) ? current : linesText(props.list)))
  }, [props.list])
  return (
    <TextField
      multiline
      label={props.label}
      hint={props.hint}
      value={text}
      disabled={props.disabled}
      problems={props.problems}
      onChange={(value) => {
        setText(value)
        props.onChange(readLines(value))
      }}
    />
  )
}

function ApprovalLimitFields({
  model,
  index,
  approver,
  constraint,
  focus,
  onRemove,
}: {
  model: NegotiationModel
  index: number
  approver: string
  constraint: ReturnType<typeof splitApprovalLimit>['constraint']
  focus: boolean
  onRemove: () => void
}) {
  const at = [...THEM, 'approvalLimits', index]
  const wrapper = useFocusWhenAdded<HTMLDivElement>(focus)
  return (
    <div ref={wrapper}>
      <ConstraintEditor
        model={model}
        at={at}
        constraint={constraint}
        keep={{ approver }}
        legend={approver.trim() ? `Approval limit ${index + 1}: ${approver}` : `Approval limit ${index + 1}`}
        before={
          <PlanTextField
            model={model}
            at={[...at, 'approver']}
            label="Approver"
            hint="Who holds the limit: the CFO, the procurement board"
            required
          />
        }
        removeLabel={`Remove approval limit ${index + 1}`}
        onRemove={onRemove}
      />
    </div>
  )
}
