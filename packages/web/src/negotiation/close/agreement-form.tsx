/**
 * The agreement, written down: a level per issue, the contingencies they accepted, measures with a
 * threshold, reporting and remedy, change control, the exit, governance and the fairness story
 * (drafted by core from what may be shared, then edited). Beside it, the terms as drafted are
 * reality-tested and linted as they change; recording appends one `agreed` event, and the server's
 * refusals show under the fields they are about.
 */
import { counterpartyView, draftFairnessStory, levelKey } from '@parley/core'
import { useDeferredValue, useMemo, useState } from 'react'
import { Button, CheckboxField, Notice, Section, SelectField, TextField } from '../../ui/controls'
import { placeProblems, problemLine } from '../../workspace/field-problems'
import type { NegotiationModel } from '../model'
import {
  type AgreementForm,
  agreementEvent,
  contingencyKey,
  EMPTY_MEASURE,
  formPath,
  initialAgreementForm,
  type MeasureForm,
  missingTerms,
} from './agreement'
import { AgreementChecks } from './agreement-checks'
import { assessAgreement } from './assessment'
import { levelOfKey, levelOptions } from './levels'

const FIELD_PATHS = [
  'changeControl',
  'exit',
  'governance.reviewCadence',
  'governance.dataAccess',
  'governance.escalation',
  'fairnessStory',
]

export function AgreementSection({ model }: { model: NegotiationModel }) {
  const { space } = model
  const { state } = model.derived
  const [form, setForm] = useState<AgreementForm>(() => initialAgreementForm(space, state))
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([])
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string>()
  const [replacedStory, setReplacedStory] = useState<string>()
  const change = (patch: Partial<AgreementForm>) => {
    setForm((current) => ({ ...current, ...patch }))
    setDone(undefined)
  }

  const event = useMemo(() => agreementEvent(form, state.contingencies), [form, state.contingencies])
  // Testing the draft replays and lints; typing stays quick while the check catches up.
  const deferred = useDeferredValue(event.input)
  const assessment = useMemo(
    () =>
      Object.keys(deferred.terms).length < space.issues.length
        ? undefined
        : assessAgreement(space, model.journal, model.derived, deferred),
    [space, model.journal, model.derived, deferred],
  )
  const wordings = useMemo(() => counterpartyView(space, state).contingencies, [space, state])

  const placed = placeProblems(problems)
  const claimed = [
    ...FIELD_PATHS,
    ...space.issues.map((issue) => `terms.${issue.id}`),
    ...form.measures.flatMap((_, row) =>
      ['metric', 'threshold', 'reporting', 'remedy'].map((field) => `measures[${row}].${field}`),
    ),
  ]

  const record = async () => {
    const missing = missingTerms(space, form)
    if (missing.length > 0) {
      setProblems(missing)
      return
    }
    setBusy(true)
    setProblems([])
    try {
      const result = await model.append(event.input)
      if (result.ok)
        setDone(state.agreed ? 'The corrected agreement is recorded.' : 'The agreement is recorded.')
      else
        setProblems(
          result.problems.map((p) => ({ path: formPath(p.path, event.measureRows), message: p.message })),
        )
    } catch (caught) {
      setProblems([{ path: '', message: caught instanceof Error ? caught.message : String(caught) }])
    } finally {
      setBusy(false)
    }
  }

  const draftStory = () => {
    const story = draftFairnessStory(space, state, { terms: event.input.terms })
    if (form.fairnessStory.trim() && form.fairnessStory !== story) setReplacedStory(form.fairnessStory)
    change({ fairnessStory: story })
  }

  const setMeasure = (row: number, patch: Partial<MeasureForm>) =>
    change({ measures: form.measures.map((m, k) => (k === row ? { ...m, ...patch } : m)) })

  return (
    <Section title="Agreement">
      <p className="hint">
        {state.agreed
          ? 'An agreement is recorded (shown above). Recording again keeps both in the journal; the latest counts.'
          : 'Write down what both sides agreed, measurably, before anyone signs.'}
      </p>
      <div className="agreement-layout">
        <fieldset className="agreement-terms">
          <legend>Agreed terms</legend>
          <div className="form-row">
            {space.issues.map((issue) => {
              const current = form.terms[issue.id]
              const options = levelOptions(issue, current)
              return (
                <SelectField
                  key={issue.id}
                  label={`Agreed ${issue.name}`}
                  value={current === undefined ? '' : levelKey(current)}
                  options={options}
                  {...(current === undefined ? { empty: 'Choose…' } : {})}
                  problems={placed.at(`terms.${issue.id}`)}
                  onChange={(key) =>
                    change({ terms: { ...form.terms, [issue.id]: levelOfKey(options, key) } })
                  }
                />
              )
            })}
          </div>
        </fieldset>
        <aside className="agreement-aside">
          <AgreementChecks assessment={assessment} title="Checks on these terms" />
        </aside>
        <div className="agreement-rest">
          <fieldset>
            <legend>Contingencies agreed</legend>
            {state.contingencies.length === 0 ? (
              <p className="hint">No contingency was proposed.</p>
            ) : (
              state.contingencies.map((record, k) => {
                const key = contingencyKey(record)
                const included = form.contingencies.includes(key)
                return (
                  <CheckboxField
                    key={key}
                    label={`Include: ${wordings[k]?.wording ?? record.contingency.metric}${record.accepted ? '' : ' (not accepted yet)'}`}
                    checked={included}
                    onChange={(checked) =>
                      change({
                        contingencies: checked
                          ? [...form.contingencies, key]
                          : form.contingencies.filter((other) => other !== key),
                      })
                    }
                  />
                )
              })
            )}
          </fieldset>

          <fieldset>
            <legend>Measures</legend>
            <p className="hint">
              Each measure needs a metric, a threshold, who reports it and how often, and the remedy when it
              is missed.
            </p>
            {form.measures.length > 0 ? (
              <div className="grid-wrap">
                <table className="grid-table close-measures">
                  <caption className="visually-hidden">Measures</caption>
                  <thead>
                    <tr>
                      <th scope="col">Metric</th>
                      <th scope="col">Threshold</th>
                      <th scope="col">Reporting</th>
                      <th scope="col">Remedy</th>
                      <th scope="col">
                        <span className="visually-hidden">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {form.measures.map((measure, row) => (
                      // Rows have no identity of their own; their position is what the problems name.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <tr key={row}>
                        {(['metric', 'threshold', 'reporting', 'remedy'] as const).map((field) => (
                          <td key={field}>
                            <TextField
                              hideLabel
                              label={`${field.charAt(0).toUpperCase()}${field.slice(1)} of measure ${row + 1}`}
                              value={measure[field]}
                              problems={placed.at(`measures[${row}].${field}`)}
                              onChange={(value) => setMeasure(row, { [field]: value })}
                            />
                          </td>
                        ))}
                        <td>
                          <Button
                            kind="danger"
                            onClick={() => change({ measures: form.measures.filter((_, k) => k !== row) })}
                          >
                            Remove measure {row + 1}
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <Button onClick={() => change({ measures: [...form.measures, { ...EMPTY_MEASURE }] })}>
              Add a measure
            </Button>
          </fieldset>

          <fieldset>
            <legend>Change control and exit</legend>
            <TextField
              multiline
              label="Change control"
              hint="How either side asks for a change, and who agrees to it"
              value={form.changeControl}
              problems={placed.at('changeControl')}
              onChange={(changeControl) => change({ changeControl })}
            />
            <TextField
              multiline
              label="Exit"
              hint="The off-ramp: when and how either side may leave (for example after repeated breaches)"
              value={form.exit}
              problems={placed.at('exit')}
              onChange={(exit) => change({ exit })}
            />
          </fieldset>

          <fieldset>
            <legend>Governance</legend>
            <div className="form-row">
              <TextField
                label="Review cadence"
                placeholder="Quarterly business review"
                value={form.reviewCadence}
                problems={placed.at('governance.reviewCadence')}
                onChange={(reviewCadence) => change({ reviewCadence })}
              />
              <TextField
                label="Data access"
                placeholder="Shared dashboard, monthly export"
                value={form.dataAccess}
                problems={placed.at('governance.dataAccess')}
                onChange={(dataAccess) => change({ dataAccess })}
              />
              <TextField
                label="Escalation path"
                placeholder="Account leads, then sponsors"
                value={form.escalation}
                problems={placed.at('governance.escalation')}
                onChange={(escalation) => change({ escalation })}
              />
            </div>
          </fieldset>

          <fieldset className="close-fairness">
            <legend>Fairness story</legend>
            <p className="hint">
              A short paragraph the signers on both sides could repeat. The draft uses only what may be
              shared: the terms, the decision rule, the evidence and the trades made.
            </p>
            <TextField
              multiline
              label="Fairness story"
              value={form.fairnessStory}
              problems={placed.at('fairnessStory')}
              onChange={(fairnessStory) => change({ fairnessStory })}
            />
            <div className="close-buttons">
              <Button onClick={draftStory}>Draft the fairness story</Button>
              {replacedStory !== undefined ? (
                <Button
                  onClick={() => {
                    change({ fairnessStory: replacedStory })
                    setReplacedStory(undefined)
                  }}
                >
                  Put my text back
                </Button>
              ) : null}
            </div>
          </fieldset>

          {placed.rest(claimed).length > 0 ? (
            <Notice kind="error">
              The agreement was not recorded:
              <ul>
                {placed.rest(claimed).map((problem) => (
                  <li key={problemLine(problem)}>{problemLine(problem)}</li>
                ))}
              </ul>
            </Notice>
          ) : problems.length > 0 ? (
            <Notice kind="error">The agreement was not recorded: see the problems marked above.</Notice>
          ) : null}
          {done ? <Notice kind="success">{done}</Notice> : null}
          <Button kind="primary" onClick={() => void record()} disabled={busy}>
            Record the agreement
          </Button>
        </div>
      </div>
    </Section>
  )
}
