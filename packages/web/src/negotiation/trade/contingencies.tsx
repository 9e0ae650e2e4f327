/**
 * Contingent terms: "if <metric> <op> <threshold> [within …] then <issue> moves to <level>", with
 * how the metric is measured and reported and each side's belief that it happens. Where beliefs
 * differ, a contingency is a bet both sides prefer (joint value); one nobody can verify is flagged.
 * The builder shows what it is worth before it is recorded; proposals can be marked accepted.
 */
import {
  CONTINGENCY_OPS,
  type ContingencyOp,
  type ContingencyValue,
  contingencyVerdict,
  formatShare,
  formatSigned,
  type NegotiationStatus,
  standingAlone,
} from '@parley/core'
import { useMemo, useState } from 'react'
import { Button, NumberField, SelectField, TextField } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { type ContingencyForm, contingencyAcceptedEvent, contingencyEvent } from './events'
import { levelOptions } from './level-choice'
import { previewContingency } from './preview'
import { RecordingStatus, useRecorder } from './recording'

const OP_LABELS: Record<ContingencyOp, string> = {
  '<': 'is below (<)',
  '<=': 'is at most (≤)',
  '=': 'is exactly (=)',
  '>=': 'is at least (≥)',
  '>': 'is above (>)',
}

const EMPTY: ContingencyForm = {
  side: 'us',
  metric: '',
  op: '<',
  threshold: '',
  within: '',
  issue: '',
  level: '',
  source: '',
  reporting: '',
  ours: undefined,
  theirs: undefined,
  exchangeIssue: '',
  exchangeLevel: '',
  text: '',
}

/**
 * The terms of a contingency typed in words, with the path their problems are placed at. Kept out
 * of the builder's layout so that it reads as the sentence it builds: if the metric crosses the
 * threshold (within a time), this issue moves to that level.
 */
const TEXT_TERMS = {
  metric: {
    path: 'contingency.metric',
    label: 'Metric',
    hint: 'What is measured: “all 14 claims teams live”, “uptime”',
  },
  threshold: { path: 'contingency.threshold', label: 'Threshold', hint: 'A number, or words' },
  within: { path: 'contingency.within', label: 'Within (optional)', hint: '“90 days”, “a quarter”' },
  source: {
    path: 'contingency.measurement.source',
    label: 'Measured by (source)',
    hint: 'The system or report both sides trust',
  },
  reporting: {
    path: 'contingency.measurement.reporting',
    label: 'Reported how',
    hint: 'Who reports it to whom, and how often',
  },
  text: {
    path: 'contingency.text',
    label: 'Wording both sides see (optional)',
    hint: 'Otherwise it reads as built above',
  },
} as const satisfies Partial<Record<keyof ContingencyForm, { path: string; label: string; hint: string }>>

/** What a contingency is worth, in one line. */
function valueText(value: ContingencyValue): string {
  if (!value.us || !value.them || !value.beliefs)
    return "no beliefs given: add each side's probability to see what it is worth"
  return `expected gain: us ${formatSigned(value.us.gain)}, them ${formatSigned(value.them.gain)} (we think it happens with ${formatShare(value.beliefs.us)}; they, by our estimate, with ${formatShare(value.beliefs.them)})`
}

function JointValue({ value }: { value: ContingencyValue }) {
  const said = contingencyVerdict(value)
  const verdict = said && standingAlone(said)
  return (
    <>
      {verdict ? <p className={value.jointValue ? 'joint-value' : 'hint'}>{verdict}</p> : null}
      {value.verifiable ? null : (
        <p className="flag">Not verifiable: say how the metric is measured and reported.</p>
      )}
    </>
  )
}

function ContingencyBuilder({ model, status }: { model: NegotiationModel; status: NegotiationStatus }) {
  const recorder = useRecorder(model)
  const [form, setForm] = useState<ContingencyForm>(EMPTY)
  const issues = model.space.issues
  const { space, journal, derived } = model
  const built = useMemo(() => contingencyEvent(form, issues), [form, issues])
  const preview = useMemo(
    () => (built.ok ? previewContingency(space, journal, derived, built.event) : undefined),
    [built, space, journal, derived],
  )
  const { at, rest } = recorder.place([
    'side',
    'contingency.metric',
    'contingency.op',
    'contingency.threshold',
    'contingency.within',
    'contingency.consequence.issue',
    'contingency.consequence.level',
    'contingency.measurement.source',
    'contingency.measurement.reporting',
    'contingency.beliefs.us',
    'contingency.beliefs.them',
    'contingency.text',
    'exchange',
  ])
  const set = (patch: Partial<ContingencyForm>) => {
    recorder.reset()
    setForm((current) => ({ ...current, ...patch }))
  }
  const consequence = space.byId.get(form.issue)
  const traded = space.byId.get(form.exchangeIssue)
  const table = status.table?.terms ?? {}
  const save = async () => {
    const recorded = await recorder.record(built, 'Contingency recorded.')
    if (recorded) setForm(EMPTY)
  }
  const issueOptions = issues.map((issue) => ({ value: issue.id, label: issue.name }))
  const textTerm = (term: keyof typeof TEXT_TERMS) => (
    <TextField
      label={TEXT_TERMS[term].label}
      hint={TEXT_TERMS[term].hint}
      value={form[term]}
      onChange={(value) => set({ [term]: value })}
      problems={at[TEXT_TERMS[term].path] ?? []}
    />
  )
  return (
    <fieldset className="contingency-builder">
      <legend>A new contingency</legend>
      <div className="form-row">
        <SelectField
          label="Proposed by"
          value={form.side}
          options={[
            { value: 'us', label: 'Us' },
            { value: 'them', label: 'Them' },
          ]}
          onChange={(side) => set({ side })}
          problems={at.side ?? []}
        />
        {textTerm('metric')}
        <SelectField
          label="Condition"
          value={form.op}
          options={CONTINGENCY_OPS.map((op) => ({ value: op, label: OP_LABELS[op] }))}
          onChange={(op) => set({ op })}
          problems={at['contingency.op'] ?? []}
        />
        {textTerm('threshold')}
        {textTerm('within')}
      </div>
      <div className="form-row">
        <SelectField
          label="Then this issue moves"
          value={form.issue}
          empty="Choose…"
          options={issueOptions}
          onChange={(issue) => set({ issue, level: '' })}
          problems={at['contingency.consequence.issue'] ?? []}
        />
        <SelectField
          label="To level"
          value={form.level}
          empty={consequence ? 'Choose…' : 'Choose the issue first'}
          options={consequence ? levelOptions(consequence, table[consequence.id]) : []}
          onChange={(level) => set({ level })}
          problems={at['contingency.consequence.level'] ?? []}
        />
        {textTerm('source')}
        {textTerm('reporting')}
      </div>
      <div className="form-row">
        <NumberField
          label="Our probability it happens (%)"
          value={form.ours}
          onChange={(ours) => set({ ours })}
          problems={at['contingency.beliefs.us'] ?? []}
        />
        <NumberField
          label="Their probability, our estimate (%)"
          value={form.theirs}
          onChange={(theirs) => set({ theirs })}
          problems={at['contingency.beliefs.them'] ?? []}
        />
        <SelectField
          label="Traded for (optional)"
          value={form.exchangeIssue}
          empty="Nothing"
          options={issueOptions}
          onChange={(exchangeIssue) => set({ exchangeIssue, exchangeLevel: '' })}
          problems={at.exchange ?? []}
        />
        {traded ? (
          <SelectField
            label="Traded-for level"
            value={form.exchangeLevel}
            empty="Choose…"
            options={levelOptions(traded, table[traded.id])}
            onChange={(exchangeLevel) => set({ exchangeLevel })}
          />
        ) : null}
      </div>
      {textTerm('text')}
      <p className="hint">
        The probabilities are private: they price the bet for us and are never shown to them.
      </p>
      {preview?.ok ? (
        <div className="contingency-preview" aria-live="polite">
          <strong>If recorded:</strong> {preview.value.text} — {valueText(preview.value)}
          <JointValue value={preview.value} />
        </div>
      ) : null}
      <RecordingStatus recorder={recorder} rest={rest} />
      <Button kind="primary" onClick={() => void save()} disabled={recorder.busy}>
        Record contingency
      </Button>
    </fieldset>
  )
}

function Accept({ model, value }: { model: NegotiationModel; value: ContingencyValue }) {
  const recorder = useRecorder(model)
  const proposal = model.journal.find((event) => event.id === value.eventId)
  const by = proposal?.side === 'them' ? 'us' : 'them'
  return (
    <div className="accept">
      <RecordingStatus recorder={recorder} rest={recorder.problems} />
      <Button
        onClick={() =>
          void recorder.record(contingencyAcceptedEvent(value.eventId, by), 'Recorded as accepted.')
        }
        disabled={recorder.busy}
      >
        Record acceptance<span className="visually-hidden"> of {value.text}</span>
      </Button>
    </div>
  )
}

export function Contingencies({ model, status }: { model: NegotiationModel; status: NegotiationStatus }) {
  return (
    <>
      {status.contingencies.length === 0 ? (
        <p>
          No contingency proposed yet. Where the two sides believe different things will happen, a contingent
          term lets both win the bet.
        </p>
      ) : (
        <ul className="contingency-list">
          {status.contingencies.map((value) => (
            <li key={value.eventId} className={value.accepted ? 'accepted' : undefined}>
              <p>
                <strong>{value.accepted ? 'Accepted' : 'Proposed'}</strong>: {value.text}
              </p>
              <p>{valueText(value)}</p>
              <JointValue value={value} />
              {!value.accepted && model.canEdit ? <Accept model={model} value={value} /> : null}
            </li>
          ))}
        </ul>
      )}
      {model.canEdit ? (
        status.table ? (
          <ContingencyBuilder model={model} status={status} />
        ) : (
          <p className="hint">A contingency attaches to the bundle on the table: there is none yet.</p>
        )
      ) : null}
    </>
  )
}
