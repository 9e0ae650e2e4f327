/**
 * Trade, never gift: a concession is what we give and what we get for it, on the bundle on the
 * table. The form shows what the move is worth to each side before it is recorded; the log shows
 * every concession with its values (and their money equivalent when the plan names a numeraire),
 * flags gifts, uneven trades, one-way runs and gives that gain us, and keeps the running balance.
 * A give is worth what it moves us from our own latest position, which after their counter is not
 * the table: the form shows that position beside the table, and core's log measures from it.
 */
import {
  CONCESSION_FLAG_WORDS,
  type ConcessionFlag,
  type ConcessionLine,
  formatLevelWithUnit,
  formatPoints,
  formatSigned,
  type NegotiationStatus,
  type NegotiatorWarning,
  tableSourceWords,
} from '@parley/core'
import { useMemo, useState } from 'react'
import { Button, ProblemList, SelectField, TextField } from '../../ui/controls'
import { ScrollRegion } from '../../ui/scroll-region'
import { useEstimateLabel } from '../estimate-words'
import type { NegotiationModel } from '../model'
import { type ConcessionForm, concessionEvent } from './events'
import { levelOptions } from './level-choice'
import { previewConcession, previewTradeWarning } from './preview'
import { RecordingStatus, useRecorder } from './recording'
import { moneyText, termsText } from './terms-text'
import { WarningList, warningsOf } from './warnings'

function Flags({ flags }: { flags: readonly ConcessionFlag[] }) {
  if (flags.length === 0) return null
  return (
    <ul className="flags">
      {flags.map((flag) => (
        <li key={flag} className={`flag-badge ${flag}`} title={CONCESSION_FLAG_WORDS[flag].why}>
          {CONCESSION_FLAG_WORDS[flag].label}
          <span className="visually-hidden">: {CONCESSION_FLAG_WORDS[flag].why}</span>
        </li>
      ))}
    </ul>
  )
}

function money(line: ConcessionLine): string {
  if (!line.money) return ''
  return `to us ${moneyText(line.money.valueUs, line.money.unit)}; to them ${moneyText(line.money.valueThem, line.money.unit)}`
}

const EMPTY: ConcessionForm = { give: {}, get: {}, trigger: '' }

/** The two halves of a trade, a column each: a move on an issue is either given or asked for. */
const MOVES = [
  { side: 'give', label: 'We give' },
  { side: 'get', label: 'We get' },
] as const

function ConcessionFormView({ model, status }: { model: NegotiationModel; status: NegotiationStatus }) {
  const recorder = useRecorder(model)
  const estimate = useEstimateLabel(status.estimate.moves)
  const [form, setForm] = useState<ConcessionForm>(EMPTY)
  const issues = model.space.issues
  const table = status.table
  const built = useMemo(() => concessionEvent(form, issues), [form, issues])
  const moved = Object.values(form.give).some(Boolean) || Object.values(form.get).some(Boolean)
  const { space, journal, derived } = model
  const position = derived.state.ourPosition
  const preview = useMemo(
    () => (built.ok && moved ? previewConcession(space, journal, derived, built.event) : undefined),
    [built, moved, space, journal, derived],
  )
  const costly = useMemo(
    () => (built.ok && moved ? previewTradeWarning(space, journal, derived, built.event) : undefined),
    [built, moved, space, journal, derived],
  )
  const fields = ['give', 'get', ...issues.flatMap((i) => [`give.${i.id}`, `get.${i.id}`]), 'trigger']
  const { at, rest } = recorder.place(fields)
  const set = (patch: Partial<ConcessionForm>) => {
    recorder.reset()
    setForm((current) => ({ ...current, ...patch }))
  }
  const save = async () => {
    const recorded = await recorder.record(
      built,
      'Concession recorded: the log and the balance below include it.',
    )
    if (recorded) setForm(EMPTY)
  }
  if (!table) return null
  return (
    <div className="concession-form">
      <ScrollRegion label="A concession, per issue">
        <table className="table">
          <caption className="visually-hidden">A concession: what we give and what we get, per issue</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">On the table</th>
              <th scope="col">Our position</th>
              {MOVES.map((move) => (
                <th key={move.side} scope="col">
                  {move.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => {
              const current = table.terms[issue.id]
              const ourLevel = position[issue.id]
              const options = levelOptions(issue, current)
              return (
                <tr key={issue.id}>
                  <th scope="row">{issue.name}</th>
                  <td>{current === undefined ? '—' : formatLevelWithUnit(current, issue.unit)}</td>
                  <td>{ourLevel === undefined ? '—' : formatLevelWithUnit(ourLevel, issue.unit)}</td>
                  {MOVES.map(({ side, label }) => (
                    <td key={side}>
                      <SelectField
                        label={`${label}: ${issue.name}`}
                        hideLabel
                        value={form[side][issue.id] ?? ''}
                        empty="unchanged"
                        options={options}
                        onChange={(key) => set({ [side]: { ...form[side], [issue.id]: key } })}
                        problems={at[`${side}.${issue.id}`] ?? []}
                      />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <ProblemList problems={[...(at.give ?? []), ...(at.get ?? [])]} />
      <TextField
        label="Trigger (optional)"
        hint="What it hinges on: a contingency's id, or words (“if they sign by the 15th”)"
        value={form.trigger}
        onChange={(trigger) => set({ trigger })}
        problems={at.trigger ?? []}
      />
      {preview?.ok ? (
        <div className={`concession-preview ${preview.value.gift ? 'is-gift' : ''}`} aria-live="polite">
          <strong>If recorded:</strong> value to us {formatSigned(preview.value.valueUs)}, to them{' '}
          {formatSigned(preview.value.valueThem)} ({estimate})
          {preview.value.money ? ` — ${money(preview.value)}` : ''}; balance becomes us{' '}
          {formatSigned(preview.value.balance.us)}, them {formatSigned(preview.value.balance.them)}.
          <Flags flags={preview.value.flags} />
          {preview.value.gift ? (
            <p className="flag">This is a gift: attach an ask (“if we move on this, can you move on …?”).</p>
          ) : null}
        </div>
      ) : null}
      <WarningList warnings={costly ? [costly] : []} issues={issues} label="Before you propose this trade" />
      <RecordingStatus recorder={recorder} rest={rest} />
      <Button kind="primary" onClick={() => void save()} disabled={recorder.busy}>
        Record concession
      </Button>
    </div>
  )
}

export function Concessions({
  model,
  status,
  warnings,
}: {
  model: NegotiationModel
  status: NegotiationStatus
  /** The journal's warnings; those about recorded trades are shown here. */
  warnings: readonly NegotiatorWarning[]
}) {
  const { table } = status
  const estimate = useEstimateLabel(status.estimate.moves)
  const lines = status.concessions
  const hasMoney = lines.some((line) => line.money)
  return (
    <>
      {table ? (
        <p className="on-the-table">
          <strong>On the table</strong> ({tableSourceWords(table.source)}):{' '}
          {termsText(model.space.issues, table.terms)} — worth {formatPoints(table.utility.us)} to us,{' '}
          {formatPoints(table.utility.them)} to them ({estimate}).
        </p>
      ) : (
        <p>
          Nothing on the table yet: a concession changes the bundle on the table. Record their choice, their
          counter or a single offer first.
        </p>
      )}
      {model.canEdit ? <ConcessionFormView model={model} status={status} /> : null}
      <WarningList
        warnings={warningsOf(warnings, 'trade_costs_them')}
        issues={model.space.issues}
        label="About the trades recorded"
      />
      <ScrollRegion label="Concession log">
        <table className="table concession-log">
          <caption>Concession log</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">We give</th>
              <th scope="col">We get</th>
              <th scope="col" className="number">
                Value to us
              </th>
              <th scope="col" className="number">
                Value to them ({estimate})
              </th>
              {hasMoney ? <th scope="col">Money equivalent</th> : null}
              <th scope="col">Trigger</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={hasMoney ? 8 : 7}>No concession yet.</td>
              </tr>
            ) : null}
            {lines.map((line, k) => (
              <tr key={line.eventId} className={line.gift ? 'is-gift' : undefined}>
                <td>{k + 1}</td>
                <td>{termsText(model.space.issues, line.give) || '—'}</td>
                <td>{termsText(model.space.issues, line.get) || '—'}</td>
                <td className="number">{formatSigned(line.valueUs)}</td>
                <td className="number">{formatSigned(line.valueThem)}</td>
                {hasMoney ? <td>{money(line)}</td> : null}
                <td>{line.trigger ?? ''}</td>
                <td>
                  <Flags flags={line.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="balance">
        Balance: us {formatSigned(status.balance.us)}, them {formatSigned(status.balance.them)}{' '}
        <span className="hint">
          (points; theirs under our current estimate of their priorities. A give counts from our latest
          position, a get from theirs, so meeting their counter halfway counts as the distance we moved.)
        </span>
      </p>
      {hasMoney ? (
        <p className="hint">
          Money equivalents convert points at each side's average rate over the range of{' '}
          {model.space.byId.get(model.plan.numeraire ?? '')?.name ?? model.plan.numeraire}: a guide, not a
          price.
        </p>
      ) : null}
    </>
  )
}
