/**
 * The evidence pack: benchmarks, cost drivers and references we can cite, each a claim with a
 * range, its unit, source, date and link. It is shared with them, so the linter checks each claim
 * for private figures. Removing an item keeps the anchor's citations right, and says what changed.
 */
import type { Evidence } from '@parley/core'
import { useState } from 'react'
import { Button, Notice, NumberField, ProblemList, SelectField } from '../../ui/controls'
import { useFocusWhenAdded } from '../../ui/focus-when-added'
import { useItemKeys } from '../../ui/item-keys'
import type { NegotiationModel } from '../model'
import { PlanTextField } from '../plan-fields'
import { problemsFor } from '../plan-problems'
import { addEvidence, rangeWithEnd, removeEvidence } from './evidence-edits'
import { setIn } from './plan-paths'
import './sections.css'

export function EvidencePack({ model }: { model: NegotiationModel }) {
  const items = model.draft.evidence ?? []
  const cited = new Set(model.draft.anchor?.evidence ?? [])
  const [note, setNote] = useState<string>()
  const [added, setAdded] = useState<number>()
  const itemKeys = useItemKeys(items.length)
  return (
    <div className="evidence-pack">
      <p className="hint">
        What we can cite: benchmarks, cost drivers, references. Shared with them, so keep our own figures out.
      </p>
      {note ? <Notice kind="info">{note}</Notice> : null}
      <ProblemList problems={problemsFor(model, 'evidence')} />
      {items.length === 0 ? <p>No evidence yet.</p> : null}
      <div className="item-list">
        {items.map((item, k) => (
          <EvidenceFields
            key={itemKeys.keyOf(k)}
            model={model}
            index={k}
            item={item}
            cited={cited.has(k)}
            focus={added === k}
            onRemove={() => {
              const removed = removeEvidence(model.draft, k)
              itemKeys.removing(k)
              model.edit((plan) => removeEvidence(plan, k).plan)
              setAdded(undefined)
              setNote(`Evidence ${k + 1} is removed${removed.note ? `; ${removed.note}` : '.'}`)
            }}
          />
        ))}
      </div>
      {model.canEdit ? (
        <Button
          onClick={() => {
            setAdded(items.length)
            setNote(undefined)
            model.edit(addEvidence)
          }}
        >
          Add evidence
        </Button>
      ) : null}
    </div>
  )
}

function EvidenceFields({
  model,
  index,
  item,
  cited,
  focus,
  onRemove,
}: {
  model: NegotiationModel
  index: number
  item: Evidence
  cited: boolean
  focus: boolean
  onRemove: () => void
}) {
  const ref = useFocusWhenAdded<HTMLFieldSetElement>(focus)
  const disabled = !model.canEdit
  const path = `evidence[${index}]`
  const range = Array.isArray(item.range) ? item.range : undefined
  const end = (k: 0 | 1) => (typeof range?.[k] === 'number' ? range[k] : undefined)
  const setEnd = (k: 0 | 1) => (value: number | undefined) =>
    model.edit((plan) =>
      setIn(plan, ['evidence', index, 'range'], rangeWithEnd(plan.evidence?.[index]?.range, k, value)),
    )
  return (
    <fieldset className="item" ref={ref}>
      <legend>
        Evidence {index + 1}
        {cited ? <span className="item-badge">cited by the anchor</span> : null}
      </legend>
      <PlanTextField
        model={model}
        at={['evidence', index, 'claim']}
        label="Claim"
        hint="What the benchmark or reference says"
        required
      />
      <div className="form-row">
        <NumberField
          label="Low end"
          value={end(0)}
          disabled={disabled}
          problems={problemsFor(model, `${path}.range[0]`)}
          onChange={setEnd(0)}
        />
        <NumberField
          label="High end"
          value={end(1)}
          disabled={disabled}
          problems={[...problemsFor(model, `${path}.range`), ...problemsFor(model, `${path}.range[1]`)]}
          onChange={setEnd(1)}
        />
        <PlanTextField model={model} at={['evidence', index, 'unit']} label="Unit" />
        <SelectField<string>
          label="Issue it speaks to"
          value={typeof item.issue === 'string' ? item.issue : ''}
          empty="told by its unit"
          hint="Name it when two issues share the unit (a salary and a budget, both in USD/year)"
          options={model.space.issues
            .filter((issue) => issue.numeric)
            .map((issue) => ({ value: issue.id, label: issue.name }))}
          disabled={disabled}
          problems={problemsFor(model, `${path}.issue`)}
          onChange={(value) =>
            model.edit((plan) => setIn(plan, ['evidence', index, 'issue'], value === '' ? undefined : value))
          }
        />
      </div>
      <div className="form-row">
        <PlanTextField model={model} at={['evidence', index, 'source']} label="Source" />
        <PlanTextField model={model} at={['evidence', index, 'date']} label="Date" hint="e.g. 2026-09" />
        <PlanTextField model={model} at={['evidence', index, 'url']} label="Link" type="url" />
      </div>
      {!disabled ? (
        <Button kind="danger" onClick={onRemove}>
          Remove evidence {index + 1}
        </Button>
      ) : null}
    </fieldset>
  )
}
